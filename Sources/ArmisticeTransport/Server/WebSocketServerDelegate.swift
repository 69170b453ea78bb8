/// Receives a server's events. Every method runs on the transport's service thread and must
/// return quickly: hand real work to another thread, task or actor. Calling `send`/`close` on the
/// server from here is fine; calling `shutdown()` from here does not wait.
public protocol WebSocketServerDelegate: AnyObject, Sendable {
    /// A WebSocket connection completed its handshake.
    func connectionOpened(_ id: ConnectionID, remoteAddress: String)
    /// A whole text message arrived (fragments reassembled, valid UTF-8, within the size cap).
    func connection(_ id: ConnectionID, receivedText text: String)
    /// A message was dropped (binary, or too large); the connection stays open.
    func connection(_ id: ConnectionID, rejected reason: InboundRejection)
    /// The connection is gone; `send` to it now answers `.closed`.
    func connectionClosed(_ id: ConnectionID)
    /// Answers an HTTP request, or returns nil to fall through to the static files (then 404).
    /// Called for every HTTP request that is not a WebSocket upgrade, before static files.
    func handleHTTP(_ request: HTTPRequest) -> HTTPResponse?
}
