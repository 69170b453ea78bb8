/// What the service thread should do next on a writable connection (`OutboxTable.take`).
enum OutboxAction: Equatable {
    /// Nothing queued.
    case idle
    /// Write the frames just taken; `more` says whether to ask for another writable callback.
    case write(more: Bool)
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

extension Outbox {
    /// Whether a close for abuse (a flood, a reader too slow: not 1000 or 1001) has been asked.
    var isClosingForAbuse: Bool {
        guard let code = closeRequest?.code else { return false }
        return code != CloseCode.normal.rawValue && code != CloseCode.goingAway.rawValue
    }

    /// Moves the queued frames that `budget` allows (at least one, if any) onto `taken` and spends them from `budget`.
    /// A close request comes only once every frame queued before it has been taken.
    mutating func take(into taken: inout [OutboundFrame], budget: inout WriteBudget) -> OutboxAction {
        while let frame = frames.popFirst() {
            taken.append(frame)
            if !budget.spend(frame.count) { break }
        }
        if !taken.isEmpty { return .write(more: !frames.isEmpty || closeRequest != nil) }
        if let request = closeRequest { return .close(code: request.code, reason: request.reason) }
        return .idle
    }
}
