/// What happened to a frame handed to `send`.
public enum SendResult: Sendable, Equatable {
    /// The frame is queued and will be written when the socket is writable.
    case queued
    /// The bounded per-connection queue is full; nothing was queued. The caller decides
    /// whether to drop the frame, resynchronise the peer later, or close it.
    case queueFull
    /// The connection is unknown, closed, or closing; nothing was queued.
    case closed
}

/// What happened to a frame handed to `send` for many connections at once.
public struct BatchSendResult: Sendable, Equatable {
    /// How many connections got the frame queued.
    public var queued = 0
    /// The connections whose queue was full (nothing queued for them), in the order given. Connections that are
    /// gone or closing are in neither.
    public var full: [ConnectionID] = []

    public init(queued: Int = 0, full: [ConnectionID] = []) {
        self.queued = queued
        self.full = full
    }
}
