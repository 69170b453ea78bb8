import Logging

/// Opens WebSocket client connections that share one lws context and one service thread, so a
/// single process can hold thousands of them (tests, the terminal client, the load generator).
public final class WebSocketClientPool: Sendable {
    private let core: ClientCore

    /// - Parameters:
    ///   - maxMessageBytes: inbound messages larger than this are dropped.
    ///   - subprotocol: the `Sec-WebSocket-Protocol` to ask for, or nil for none.
    public init(logger: Logger, maxMessageBytes: Int = 1 << 22, subprotocol: String? = "armistice.v1") {
        core = ClientCore(logger: logger, maxMessageBytes: maxMessageBytes, subprotocol: subprotocol)
    }

    deinit { core.shutdown() }

    /// Connects to `ws://host:port/path` or `wss://…` and completes after the WebSocket handshake.
    /// Throws `TransportError`: `.invalidURL`, `.connectionFailed` (refused), `.handshakeFailed`,
    /// `.timeout`, `.shutdown`.
    public func connect(url: String, timeout: Duration = .seconds(5)) async throws -> ClientConnection {
        try await core.connect(url: url, timeout: timeout, allowSelfSigned: false)
    }

    /// Like `connect(url:timeout:)`, optionally accepting a self-signed server certificate
    /// (and skipping the host-name check). For tests and local development only.
    public func connect(url: String, timeout: Duration = .seconds(5), allowSelfSigned: Bool) async throws -> ClientConnection {
        try await core.connect(url: url, timeout: timeout, allowSelfSigned: allowSelfSigned)
    }

    /// Closes every connection with 1001 (waiting up to about 1 s), fails pending connects with
    /// `.shutdown` and stops the service thread. Idempotent.
    public func shutdown() {
        core.shutdown()
    }
}
