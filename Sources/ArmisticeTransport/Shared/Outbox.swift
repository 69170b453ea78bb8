/// What the service thread should do next on a writable connection.
enum OutboxAction {
    /// Nothing queued.
    case idle
    /// Write this frame; `more` says whether to ask for another writable callback.
    case write(OutboundFrame, more: Bool)
    /// Everything is flushed: send a close frame with this code and reason, then drop the socket.
    case close(code: UInt16, reason: String)
}

/// One connection's pending output: a bounded frame queue and an optional close request.
struct Outbox {
    var frames = RingQueue<OutboundFrame>()
    var closeRequest: (code: UInt16, reason: String)?
    /// Whether the id is already in the table's list of connections awaiting a writable request.
    var scheduled = false
}
