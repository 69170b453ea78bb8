import Logging

/// A WebSocket and HTTP server on one port, over libwebsockets.
///
/// One service thread does all socket work and calls the delegate. Every public method here is
/// thread-safe: sends are queued under a lock and the service thread is woken to write them.
///
/// ```swift
/// let server = WebSocketServer(configuration: .init(port: 8080, staticRoot: "web"), delegate: rooms, logger: log)
/// let port = try server.start()
/// let frame = OutboundFrame(snapshotJSON)          // encoded once
/// server.send(frame, to: room.connectionIDs)       // shared by every recipient
/// if server.send(frame, to: slowID) == .queueFull { /* drop, or resync that client later */ }
/// server.shutdown()                                 // flush, close with 1001, stop
/// ```
///
/// WebSockets: any path upgrades (use `/ws`); clients may ask for the `protocolNames` subprotocols or
/// none. HTTP: every other request goes to `delegate.handleHTTP` first, then to `staticRoot`, then 404.
public final class WebSocketServer: Sendable {
    private let core: WebSocketServerCore

    /// Creates a stopped server. Call `start()` to listen.
    public init(configuration: Configuration, delegate: any WebSocketServerDelegate, logger: Logger) {
        core = WebSocketServerCore(configuration: configuration, delegate: delegate, logger: logger)
    }

    deinit { core.shutdown() }

    /// Binds, starts the service thread and returns the bound port (useful with port 0).
    /// Throws `TransportError` (`.addressInUse`, `.tlsConfiguration`, `.contextCreation`, `.invalidState`).
    @discardableResult
    public func start() throws -> Int {
        try core.start()
    }

    /// Queues `frame` for one connection. Never blocks on the network.
    @discardableResult
    public func send(_ frame: OutboundFrame, to id: ConnectionID) -> SendResult {
        core.send(frame, to: id)
    }

    /// Queues one shared `frame` for many connections, in one step against the service thread. Connections whose
    /// queue is full (or that are gone) are skipped; the full ones are returned and counted in
    /// `statistics.framesDropped`. Never blocks on the network.
    @discardableResult
    public func send(_ frame: OutboundFrame, to ids: [ConnectionID]) -> BatchSendResult {
        core.send(frame, to: ids)
    }

    /// Marks a connection as holding a seat: when its address is at `maxConnectionsPerAddress`, a newcomer from it
    /// makes room by closing that address's oldest connection *not* so marked (1013, "connect again"), never this
    /// one. Any thread.
    public func keep(_ id: ConnectionID) {
        core.keep(id)
    }

    /// Closes a connection after its queued frames are flushed, with `code` and `reason`
    /// (reason truncated to 123 bytes).
    public func close(_ id: ConnectionID, code: CloseCode, reason: String) {
        core.close(id, code: code, reason: reason)
    }

    /// Flushes pending frames (up to about 2 s), closes every connection with 1001
    /// "server shutting down", stops the service thread and releases the context. Idempotent.
    /// Called from a delegate method (the service thread), it does not wait for the flush.
    public func shutdown() {
        core.shutdown()
    }

    /// The port the server listens on (0 before `start()`).
    public var port: Int { core.boundPort }

    /// Current counters.
    public var statistics: TransportStatistics { core.statistics.withLock { $0 } }
}
