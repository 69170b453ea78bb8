extension WebSocketServer {
    /// How a server listens, what it serves and the limits it enforces.
    public struct Configuration: Sendable {
        /// Address to bind; "0.0.0.0" means every IPv4 interface.
        public var host: String = "0.0.0.0"
        /// TCP port; 0 picks a free port (`start()` returns it).
        public var port: Int = 8080
        /// Directory served at `/` (with `index.html` for directories), or nil for none.
        public var staticRoot: String?
        /// The path clients are told to use. Informational: any path upgrades to WebSocket.
        public var webSocketPath: String = "/ws"
        /// The WebSocket subprotocols served, the first preferred. Clients that ask for none are accepted too.
        public var protocolNames: [String] = ["armistice.v2", "armistice.v1"]
        /// Largest inbound message (and HTTP request body). Larger messages are dropped and reported
        /// as `.tooLarge`; beyond 16 times this, the connection is closed with 1009.
        public var maxMessageBytes: Int = 65_536
        /// Longest request target (path and query) answered; longer ones get 414.
        public var maxURLBytes: Int = 8_192
        /// Most bytes of request headers answered; more get 431. libwebsockets holds at most four times this per
        /// request: a request beyond that is cut off without an answer.
        public var maxHeaderBytes: Int = 16_384
        /// Frames a connection may have queued before `send` answers `.queueFull`.
        public var maxQueuedFrames: Int = 512
        /// PEM certificate; with `tlsPrivateKeyPath`, serve https/wss only.
        public var tlsCertificatePath: String?
        /// PEM private key matching `tlsCertificatePath`.
        public var tlsPrivateKeyPath: String?
        /// Seconds without anything from a client (no message, no pong) before the server pings it.
        public var pingIntervalSeconds: Int = 30
        /// Seconds without anything from a client (no message, no pong) before the server drops it, without a
        /// close frame. Checked about once a second.
        public var idleTimeoutSeconds: Int = 75
        /// Seconds an HTTP request's body may take to arrive whole, counted from its headers; a body still incomplete
        /// then is dropped with its socket (`TransportStatistics.httpBodiesTimedOut`), as slow headers are. A body is
        /// at most `maxMessageBytes`, so 10 s asks 6.5 KB/s of the slowest client.
        public var httpBodyTimeoutSeconds: Int = 10
        /// File descriptors kept for everything but connections (match logs, the journal, files being served). A
        /// connection accepted when fewer than this many of the process's open-file limit are left is closed at once
        /// (counted in `TransportStatistics.refusedNoDescriptors`): the server never runs out, where an `accept`
        /// failing with EMFILE would leave the listening socket ready and spin the service thread. At most a quarter
        /// of the limit is kept.
        public var reservedFileDescriptors: Int = 128
        /// Sockets (WebSocket or HTTP, open or still silent) one peer address may hold at once; beyond it a new one is
        /// closed as soon as it is accepted (`TransportStatistics.refusedPerAddress`). Loopback peers are not counted.
        /// 0: no limit (behind a proxy that is not on this host, every client has the proxy's address).
        public var maxConnectionsPerAddress: Int = 1_024
        /// Sockets closed (WebSocket or HTTP) after which the server hands the heap's free pages back to the system
        /// (glibc's `malloc_trim`, on a background thread), at most once in `memoryReturnIntervalSeconds`. glibc keeps
        /// what a flood of connections freed in its per-thread arenas (15,000 silent sockets left 60 MB held for good
        /// each time, 215 MB after a few floods): this gives it back (`TransportStatistics.memoryReturns`). 0: never.
        public var memoryReturnAfterClosedSockets: Int = 1_000
        /// The shortest time between two returns of memory, so that a server whose clients come and go steadily trims
        /// now and then, not all the time.
        public var memoryReturnIntervalSeconds: Int = 30

        /// The defaults: 0.0.0.0:8080, no static files, no TLS.
        public init() {}

        /// A configuration for the common fields.
        public init(host: String = "0.0.0.0", port: Int = 8080, staticRoot: String? = nil) {
            self.host = host
            self.port = port
            self.staticRoot = staticRoot
        }
    }
}
