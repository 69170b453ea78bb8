/// Service-thread state of one server-side WebSocket connection.
final class ServerConnection: IdleTracked {
    /// The lws connection handle (valid until LWS_CALLBACK_CLOSED).
    let wsi: OpaquePointer
    /// Inbound reassembly.
    var assembler: MessageAssembler
    /// When the peer was last heard from, and whether a ping is owed or out.
    var liveness: Liveness

    init(wsi: OpaquePointer, assembler: MessageAssembler, openedAt now: UInt64) {
        self.wsi = wsi
        self.assembler = assembler
        liveness = Liveness(openedAt: now)
    }
}
