/// A service-thread connection record that `IdleSweep` can ping and drop: server connections and client sessions.
protocol IdleTracked: AnyObject {
    /// The lws connection handle.
    var wsi: OpaquePointer { get }
    /// When its peer was last heard from, and whether a ping is owed or out.
    var liveness: Liveness { get set }
}
