/// Something a client connection received.
public enum ClientEvent: Sendable, Equatable {
    /// A whole text message.
    case text(String)
    /// The connection ended. `code` is the peer's close code, or `nil` when the connection
    /// dropped without a close frame; `reason` is the peer's close reason (may be empty).
    case closed(code: UInt16?, reason: String)
}
