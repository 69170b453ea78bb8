import Logging

/// Opens WebSocket client connections that share one lws context and one service thread, so a
/// single process can hold thousands of them (tests, the terminal client, the load generator).
///
/// Each connection keeps its pool alive; the pool shuts down (closing its connections) when it and
/// all its connections are released, or when `shutdown()` is called. A connection stays open until
/// `close` or the pool's shutdown: dropping a `ClientConnection` does not close it.
public final class WebSocketClientPool: Sendable {
    private let core: WebSocketClientCore

    /// - Parameters:
    ///   - maxMessageBytes: inbound messages larger than this are dropped.
    ///   - subprotocol: the `Sec-WebSocket-Protocol` to ask for, or nil for none.
    ///   - enableTLS: whether `wss://` works on this pool. libwebsockets 4.1 keeps its OpenSSL
    ///     bookkeeping in process globals that every TLS-enabled context re-initialises, so creating
    ///     a TLS-enabled context (pool or TLS server) while another context has TLS handshakes in
    ///     flight can fail those handshakes. Create TLS-enabled contexts up front, and pass `false`
    ///     for plain-`ws://` pools created on the fly (tests, load generators).
    ///
    /// A server silent for 30 s (no message, no pong) is pinged; one silent for 90 s is dropped without a close frame.
    public convenience init(logger: Logger, maxMessageBytes: Int = 1 << 22, subprotocol: String? = "armistice.v2",
                            enableTLS: Bool = true) {
        self.init(logger: logger, maxMessageBytes: maxMessageBytes, subprotocol: subprotocol, enableTLS: enableTLS,
                  idlePolicy: IdlePolicy(pingSeconds: 30, hangUpSeconds: 90))
    }

    /// A pool with its own ping and hang-up times (tests).
    init(logger: Logger, maxMessageBytes: Int = 1 << 22, subprotocol: String? = "armistice.v2",
         enableTLS: Bool = false, idlePolicy: IdlePolicy) {
        core = WebSocketClientCore(logger: logger, maxMessageBytes: maxMessageBytes, subprotocol: subprotocol,
                          tlsEnabled: enableTLS, idlePolicy: idlePolicy)
    }

    deinit { core.shutdown() }

    /// Connects to `ws://host:port/path` or `wss://…` and completes after the WebSocket handshake.
    /// Throws `TransportError`: `.invalidURL`, `.connectionFailed` (refused), `.handshakeFailed`,
    /// `.timeout`, `.shutdown`.
    public func connect(url: String, timeout: Duration = .seconds(5)) async throws -> ClientConnection {
        try await core.connect(url: url, timeout: timeout, allowSelfSigned: false, pool: self)
    }

    /// Like `connect(url:timeout:)`, optionally accepting a self-signed server certificate
    /// (and skipping the host-name check). For tests and local development only.
    public func connect(url: String, timeout: Duration = .seconds(5), allowSelfSigned: Bool) async throws -> ClientConnection {
        try await core.connect(url: url, timeout: timeout, allowSelfSigned: allowSelfSigned, pool: self)
    }

    /// Closes every connection with 1001 (waiting up to about 1 s), fails pending connects with
    /// `.shutdown` and stops the service thread. Idempotent.
    public func shutdown() {
        core.shutdown()
    }
}
