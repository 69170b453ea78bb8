/// What a node of a cluster adds to the single-node server (see docs/scaling.md): where its join codes start, where
/// its match logs go beside the local journal, and where it finds the rooms of a node that died. Without one (the
/// default), the server behaves exactly as a single node.
///
/// Every method is called on a rooms thread, in its batch order: with several rooms threads (`RoomShards`), from
/// several threads at once, each for its own rooms; a method that blocks delays every room of that thread.
public protocol ClusterLink: AnyObject, Sendable {
    /// The first character of every join code this node mints: its slice of the code space, which HAProxy routes on.
    var codePrefix: String { get }

    /// Hands over a batch's log lines once the local group commit made them durable, and before any of the batch's
    /// messages is sent. A strict link writes them to the shared store before it returns; a shipping link queues
    /// them. Returns the rooms whose lines were refused, with why: none of the batch's messages to them goes out.
    func ship(_ lines: [CoreOutput.LogAppend], local: MatchStore) -> [String: ClusterRefusal]

    /// The log lines of a room this node does not hold, claimed for this node, when the room's owner is gone; nil
    /// when the shared store knows no such room. Throws when the room is held by a node that is still up.
    func takeOver(_ code: String) throws(ClusterRefusal) -> [String]?

    /// At start, of the rooms rebuilt from local logs (code → lines in the local log): those another node holds
    /// now, which this node must let go of instead of serving a stale copy.
    func stale(_ local: [String: Int]) -> Set<String>
}
