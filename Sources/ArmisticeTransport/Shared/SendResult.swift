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
