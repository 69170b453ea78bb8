import CLibWebSockets
import Foundation
import Logging
import Synchronization

/// The machinery behind `WebSocketServer`: owns the lws context, its service loop and all state.
final class WebSocketServerCore: Sendable {
    private enum Lifecycle { case idle, running, stopping, stopped }

    let configuration: WebSocketServer.Configuration
    let delegate: any WebSocketServerDelegate
    let logger: Logger
    let loop = ServiceLoop(name: "arm-lws")
    let outboxes: OutboxTable
    let statistics = Mutex(TransportStatistics())
    let service: ServiceThreadConfined<ServerServiceState>
    let staticFiles: StaticFiles?
    let idlePolicy: IdlePolicy
    private let allocations = CAllocations()
    private let lifecycle = Mutex(Lifecycle.idle)
    private let port = Mutex(0)
    /// The lowest descriptor number a new connection may not have: the open-file limit less the reserve (set when
    /// the context is created; see `Configuration.reservedFileDescriptors`).
    private let descriptorCeiling = Atomic<Int>(.max)
    /// When a refusal for want of descriptors was last logged (milliseconds, monotonic), so a flood logs once in 10 s.
    private let refusalLogged = Atomic<Int64>(-10_000)
    /// Connections holding a seat (`keep`): never evicted by the per-address limit.
    private let kept = Mutex(Set<UInt64>())

    init(configuration: WebSocketServer.Configuration, delegate: any WebSocketServerDelegate, logger: Logger) {
        self.configuration = configuration
        self.delegate = delegate
        self.logger = logger
        outboxes = OutboxTable(limit: configuration.maxQueuedFrames)
        service = ServiceThreadConfined(ServerServiceState(maxConnectionsPerAddress: configuration.maxConnectionsPerAddress), loop: loop)
        staticFiles = configuration.staticRoot.map { StaticFiles(root: $0) }
        idlePolicy = IdlePolicy(pingSeconds: configuration.pingIntervalSeconds, hangUpSeconds: configuration.idleTimeoutSeconds)
    }

    var boundPort: Int { port.withLock { $0 } }

    // MARK: Lifecycle

    func start() throws -> Int {
        let mayStart = lifecycle.withLock { state -> Bool in
            guard state == .idle else { return false }
            state = .running
            return true
        }
        guard mayStart else { throw TransportError(.invalidState, "the server was already started or shut down") }
        do {
            let bound = try createContextAndRun()
            port.withLock { $0 = bound }
            logger.info("listening", metadata: ["port": "\(bound)", "tls": "\(configuration.tlsCertificatePath != nil)"])
            return bound
        } catch {
            lifecycle.withLock { $0 = .idle }
            throw error
        }
    }

    private func createContextAndRun() throws -> Int {
        let config = configuration
        setDescriptorCeiling()
        guard (0...65_535).contains(config.port) else {
            throw TransportError(.contextCreation, "port \(config.port) is out of range")
        }
        let tls = try Self.checkTLS(certificate: config.tlsCertificatePath, key: config.tlsPrivateKeyPath)
        LibWebSocketsLog.install(logger)

        // One entry per subprotocol name, all with the same callback; the first is also the default (HTTP, and
        // clients that ask for none). The array ends with a zeroed entry.
        let names = config.protocolNames.isEmpty ? ["default"] : config.protocolNames
        let protocols = allocations.zeroed(lws_protocols.self, count: names.count + 1)
        for (i, name) in names.enumerated() {
            protocols[i].name = allocations.string(name)
            protocols[i].callback = { wsi, reason, user, input, length in
                guard let wsi, let context = lws_get_context(wsi), let owner = lws_context_user(context) else { return 0 }
                let core = Unmanaged<WebSocketServerCore>.fromOpaque(owner).takeUnretainedValue()
                return core.handle(wsi, reason, user, input, length)
            }
            protocols[i].per_session_data_size = MemoryLayout<UInt64>.size
            // How much lws hands to one `send` (by default its 4 KiB service buffer, the rest kept for later passes):
            // room for a whole coalesced callback (`FrameCoalescer`) and a large frame in one system call.
            protocols[i].tx_packet_size = Self.maxSendBytes
        }
        // A policy with no validity times: lws then keeps no per-connection validity timer (each of its reschedules,
        // on every ping and pong, walks a sorted list of all of them). `sweepIdle` pings and hangs up instead.
        let retry = allocations.zeroed(lws_retry_bo_t.self)

        var info = lws_context_creation_info()
        info.port = Int32(config.port)
        info.protocols = UnsafePointer(protocols)
        info.vhost_name = allocations.string("default")
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.retry_and_idle_policy = UnsafePointer(retry)
        info.alpn = allocations.string("http/1.1")
        info.options = UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        // Room for requests over the limits, so they are answered 414/431 (WebSocketServerCore+HTTP) rather than cut off.
        info.max_http_header_data2 = UInt32(clamping: config.maxHeaderBytes * 4)
        switch config.host {
        case "", "::":
            break
        case "0.0.0.0":
            info.options |= UInt64(LWS_SERVER_OPTION_DISABLE_IPV6)
        default:
            info.iface = allocations.string(config.host)
        }
        if let tls {
            info.options |= UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT)
            info.ssl_cert_filepath = allocations.string(tls.certificate)
            info.ssl_private_key_filepath = allocations.string(tls.key)
        }

        guard let created = EventLoopContext.create(&info, allocations: allocations) else {
            allocations.freeAll()
            throw diagnoseStartFailure(tls: tls != nil)
        }
        let context = created.context
        let bound = Int(lws_get_vhost_listen_port(lws_get_vhost_by_name(context, "default")))
        guard bound > 0 else {
            lws_context_destroy(context)
            if let loop = created.eventLoop { clws_ev_loop_destroy(loop) }
            allocations.freeAll()
            throw diagnoseStartFailure(tls: tls != nil)
        }
        // The context's user pointer is unretained: the service thread keeps this core alive
        // until the context is destroyed, even if the last outside reference goes away meanwhile.
        loop.start(created, onTick: { [self] in sweepIdle() }) { [self] in allocations.freeAll() }
        return bound
    }

    private func setDescriptorCeiling() {
        guard let limit = FileLimit.current else { return }
        let ceiling = limit - min(configuration.reservedFileDescriptors, limit / 4)
        descriptorCeiling.store(ceiling, ordering: .relaxed)
        let level: Logger.Level = ceiling < 1_024 ? .warning : .info
        logger.log(level: level, "connections limited by the open-file limit; raise it (ulimit -n) for more",
                   metadata: ["open_file_limit": "\(limit)", "kept_for_files": "\(limit - ceiling)", "connections_at_most": "\(ceiling)"])
    }

    /// Whether a just-accepted socket must be closed at once: descriptors are numbered lowest first, so one at or above
    /// the ceiling means fewer than the reserve are left for match logs, the journal and served files.
    private func refuseForDescriptors(_ fd: Int) -> Bool {
        guard fd >= descriptorCeiling.load(ordering: .relaxed) else { return false }
        statistics.withLock { $0.refusedNoDescriptors += 1 }
        logOnceIn10s("connection refused: the server is near its open-file limit; raise it (ulimit -n)",
                     metadata: ["descriptor": "\(fd)", "connections_at_most": "\(descriptorCeiling.load(ordering: .relaxed))"])
        return true
    }

    /// A warning about refused connections, at most one in 10 s: a flood must not flood the log too.
    private func logOnceIn10s(_ message: Logger.Message, metadata: Logger.Metadata) {
        let now = Int64(MonotonicTime.now() / 1_000_000)
        let last = refusalLogged.load(ordering: .relaxed)
        if now - last >= 10_000, refusalLogged.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged {
            logger.warning(message, metadata: metadata)
        }
    }

    /// Whether a just-accepted socket must be closed because its address already holds its share of sockets, every
    /// one kept. When one is not kept (`keep`), the oldest such is closed instead (`AddressConnections`): a WebSocket
    /// with 1013 and a reason telling its client to connect again, an HTTP socket at once.
    private func refuseForAddress(_ fd: Int32) -> Bool {
        let state = service.value
        guard state.addresses.limit > 0 else { return false }
        let address = AddressConnections.peerAddress(of: fd)
        let keptNow = kept.withLock { $0 }
        let verdict = state.addresses.admit(fd: fd, address: address) { wsi in
            guard let id = Self.webSocketID(OpaquePointer(wsi), in: state) else { return false }
            return keptNow.contains(id)
        }
        switch verdict {
        case .admitted:
            return false
        case .evicting(let victim):
            let wsi = OpaquePointer(victim)
            statistics.withLock { $0.evictedPerAddress += 1 }
            if let id = Self.webSocketID(wsi, in: state) {
                close(ConnectionID(rawValue: id), code: .tryAgainLater, reason: Self.evictionReason)
            } else {
                lws_set_timeout(wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_ASYNC)
            }
            logOnceIn10s("connection closed to make room: this address holds as many connections as one address may (--max-connections-per-address); its oldest one without a seat was closed",
                         metadata: ["address": "\(address)", "limit": "\(state.addresses.limit)"])
            return false
        case .refused:
            break
        }
        statistics.withLock { $0.refusedPerAddress += 1 }
        logOnceIn10s("connection refused: this address holds as many connections as one address may (--max-connections-per-address)",
                     metadata: ["address": "\(address)", "limit": "\(state.addresses.limit)"])
        return true
    }

    /// The close reason of a WebSocket evicted to make room for a newcomer from its address (with 1013).
    static let evictionReason = "too many connections from your address: connect again"

    /// The id of the WebSocket connection `wsi` is, nil for an HTTP socket (or one not yet a WebSocket).
    private static func webSocketID(_ wsi: OpaquePointer, in state: ServerServiceState) -> UInt64? {
        guard let user = lws_wsi_user(wsi) else { return nil }
        let id = user.load(as: UInt64.self)
        guard let connection = state.connections[id], connection.wsi == wsi else { return nil }
        return id
    }

    /// Marks a connection as holding a seat: never closed to make room for a newcomer from its address. Any thread.
    func keep(_ id: ConnectionID) {
        kept.withLock { _ = $0.insert(id.rawValue) }
    }

    private static func checkTLS(certificate: String?, key: String?) throws -> (certificate: String, key: String)? {
        switch (certificate, key) {
        case (nil, nil):
            return nil
        case let (certificate?, key?):
            for (what, path) in [("certificate", certificate), ("private key", key)] where !FileManager.default.isReadableFile(atPath: path) {
                throw TransportError(.tlsConfiguration, "TLS \(what) \(path) is missing or unreadable")
            }
            return (certificate, key)
        default:
            throw TransportError(.tlsConfiguration, "TLS needs both a certificate and a private key")
        }
    }

    private func diagnoseStartFailure(tls: Bool) -> TransportError {
        let where_ = "\(configuration.host):\(configuration.port)"
        if configuration.port != 0 && PortProbe.isInUse(host: configuration.host, port: configuration.port) {
            return TransportError(.addressInUse, "port \(configuration.port) is already in use (\(where_))")
        }
        if tls {
            return TransportError(.tlsConfiguration, "libwebsockets rejected the TLS certificate or key (or could not bind \(where_))")
        }
        return TransportError(.contextCreation, "libwebsockets could not create a context listening on \(where_)")
    }

    func shutdown() {
        enum Step { case nothing, wait, drain }
        let step = lifecycle.withLock { state -> Step in
            switch state {
            case .idle:
                state = .stopped
                return .nothing
            case .running:
                state = .stopping
                return .drain
            case .stopping, .stopped:
                return .wait
            }
        }
        let onServiceThread = loop.isOnServiceThread
        switch step {
        case .nothing:
            return
        case .wait:
            if !onServiceThread { loop.waitUntilFinished() }
            return
        case .drain:
            break
        }
        if outboxes.closeAll(code: CloseCode.goingAway.rawValue, reason: "server shutting down") { loop.wake() }
        if onServiceThread {
            loop.requestStop()
            lifecycle.withLock { $0 = .stopped }
            return
        }
        let deadline = ContinuousClock.now + .seconds(2)
        while statistics.withLock({ $0.connectionsOpen }) > 0 && ContinuousClock.now < deadline {
            usleep(10_000)
        }
        loop.requestStop()
        loop.waitUntilFinished()
        lifecycle.withLock { $0 = .stopped }
        logger.info("transport stopped")
    }

    // MARK: Sending (any thread)

    func send(_ frame: OutboundFrame, to id: ConnectionID) -> SendResult {
        let (result, wake) = outboxes.enqueue(frame, to: id.rawValue)
        if wake { loop.wake() }
        if result == .queueFull { statistics.withLock { $0.framesDropped += 1 } }
        return result
    }

    func send(_ frame: OutboundFrame, to ids: [ConnectionID]) -> BatchSendResult {
        let (result, wake) = outboxes.enqueue(frame, to: ids)
        if wake { loop.wake() }
        if !result.full.isEmpty { statistics.withLock { $0.framesDropped += result.full.count } }
        return result
    }

    func close(_ id: ConnectionID, code: CloseCode, reason: String) {
        if outboxes.requestClose(id.rawValue, code: code.rawValue, reason: reason) { loop.wake() }
    }

    // MARK: Callbacks (service thread)

    func handle(_ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
                _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            let state = service.value
            for (id, closingForAbuse) in outboxes.takeScheduled() {
                guard let connection = state.connections[id] else { continue }
                if closingForAbuse {
                    // A close for abuse (a flood, a reader too slow) still flushes what was queued (a last error,
                    // `removed`), but a peer that never reads never becomes writable: lws drops it if the close is not
                    // sent in 3 s.
                    lws_callback_on_writable(connection.wsi)
                    lws_set_timeout(connection.wsi, PENDING_TIMEOUT_CLOSE_SEND, 3)
                } else {
                    writeNow(connection, id: id)
                }
            }
            return 0
        case LWS_CALLBACK_FILTER_NETWORK_CONNECTION:
            // `input` is the accepted socket's descriptor; non-zero makes lws close it before anything is read.
            let fd = Int(bitPattern: input)
            return refuseForDescriptors(fd) || refuseForAddress(Int32(truncatingIfNeeded: fd)) ? 1 : 0
        case LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED:
            service.value.addresses.bind(fd: Int32(truncatingIfNeeded: lws_get_socket_fd(wsi)), wsi: UnsafeMutableRawPointer(wsi))
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        case LWS_CALLBACK_WSI_DESTROY:
            service.value.addresses.destroyed(wsi: UnsafeMutableRawPointer(wsi))
            service.value.socketsClosedSinceMemoryReturn += 1
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        case LWS_CALLBACK_ESTABLISHED:
            return opened(wsi, user)
        case LWS_CALLBACK_RECEIVE:
            return received(wsi, user, input, length)
        case LWS_CALLBACK_RECEIVE_PONG:
            if let id = user?.load(as: UInt64.self) { service.value.connections[id]?.liveness.heard(at: MonotonicTime.now()) }
            return 0
        case LWS_CALLBACK_SERVER_WRITEABLE:
            return writable(wsi, user)
        case LWS_CALLBACK_CLOSED:
            closed(user)
            return 0
        case LWS_CALLBACK_HTTP:
            return httpRequest(wsi, user, input, length)
        case LWS_CALLBACK_HTTP_BODY:
            return httpBody(wsi, user, input, length)
        case LWS_CALLBACK_HTTP_BODY_COMPLETION:
            return httpBodyComplete(wsi, user)
        case LWS_CALLBACK_HTTP_WRITEABLE:
            if let result = httpWritable(wsi, user) { return result }
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        case LWS_CALLBACK_CLOSED_HTTP:
            httpClosed(user)
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    private func opened(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32 {
        guard let user else { return -1 }
        let state = service.value
        let id = state.nextID()
        user.storeBytes(of: id, as: UInt64.self)
        state.connections[id] = ServerConnection(wsi: wsi, assembler: MessageAssembler(limit: configuration.maxMessageBytes),
                                                 openedAt: MonotonicTime.now())
        if outboxes.open(id) { loop.wake() }
        statistics.withLock { s in
            s.connectionsOpen += 1
            s.connectionsAccepted += 1
        }
        delegate.connectionOpened(ConnectionID(rawValue: id), remoteAddress: Self.peerAddress(wsi))
        return 0
    }

    private func received(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?,
                          _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let id = user?.load(as: UInt64.self), let connection = service.value.connections[id] else { return 0 }
        connection.liveness.heard(at: MonotonicTime.now())
        let verdict = connection.assembler.consume(
            UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length),
            first: lws_is_first_fragment(wsi) != 0,
            final: lws_is_final_fragment(wsi) != 0,
            binary: lws_frame_is_binary(wsi) != 0
        )
        let connectionID = ConnectionID(rawValue: id)
        switch verdict {
        case .pending:
            return 0
        case .text(let text):
            statistics.withLock { s in
                s.messagesReceived += 1
                s.bytesReceived += text.utf8.count
            }
            delegate.connection(connectionID, receivedText: text)
            return 0
        case .rejected(let rejection):
            statistics.withLock { s in
                if case .binaryFrame = rejection { s.rejectedBinary += 1 } else { s.rejectedTooLarge += 1 }
            }
            delegate.connection(connectionID, rejected: rejection)
            return 0
        case .invalidUTF8:
            return CloseReason.closeNow(wsi, code: 1007, reason: "invalid UTF-8")
        case .abort(let bytes):
            statistics.withLock { $0.rejectedTooLarge += 1 }
            delegate.connection(connectionID, rejected: .tooLarge(bytes: bytes))
            return CloseReason.closeNow(wsi, code: CloseCode.messageTooBig.rawValue, reason: "message too big")
        case .tooFragmented:
            statistics.withLock { $0.closedForFragments += 1 }
            return CloseReason.closeNow(wsi, code: CloseCode.policyViolation.rawValue, reason: "a message in too many fragments")
        }
    }

    /// Most bytes lws passes to one `send`: a whole `WriteBudget` and the frame that crosses it.
    static let maxSendBytes = 256 * 1024

    /// Writes queued frames while the socket takes them without blocking, up to a `WriteBudget`, then asks for another
    /// callback if anything is left, as lws's mirror plugin does. The frames taken together go out in one write
    /// (`FrameCoalescer`). A close request is carried out only once every frame before it is written.
    ///
    /// Whether the socket takes more is told by `socketTakesMore`, not by `lws_send_pipe_choked`: that one makes a
    /// `poll` system call each time (lws 4.1.6 on Unix), one per connection and wake-up, which
    /// at 2,000 chats/s to rooms of 50 was 5% of the server's CPU time (docs/performance.md, item 25).
    private func writable(_ wsi: OpaquePointer, _ user: UnsafeMutableRawPointer?) -> Int32 {
        let state = service.value
        guard let id = user?.load(as: UInt64.self), let connection = state.connections[id] else { return 0 }
        if let pinged = IdleSweep.writePingIfOwed(connection, buffer: state.scratch) {
            guard pinged else { return -1 }
            if !Self.socketTakesMore(wsi) {
                lws_callback_on_writable(wsi)
                return 0
            }
        }
        switch flush(wsi, id: id) {
        case .done: return 0
        case .more:
            lws_callback_on_writable(wsi)
            return 0
        case .failed: return -1
        case .close(let code, let reason): return CloseReason.closeNow(wsi, code: code, reason: reason)
        }
    }

    /// After a wake-up, for a connection with frames newly queued: writes them at once if its socket takes them now,
    /// as its WRITEABLE callback would, instead of asking for that callback. With the libev loop, asking costs two
    /// `epoll_ctl`s and a pass of the loop per connection and message (at 2,000 chats/s to rooms of 50, about 70,000
    /// `epoll_ctl`s a second). What cannot be done here goes to the WRITEABLE callback as before: a ping owed, a
    /// socket that is full, frames past the budget, a close (only a callback's return value closes a connection).
    /// lws allows a write outside that callback: a write the socket does not take is buffered by lws (`socketTakesMore`).
    private func writeNow(_ connection: ServerConnection, id: UInt64) {
        let wsi = connection.wsi
        guard !connection.liveness.pingOwed, Self.socketTakesMore(wsi) else {
            lws_callback_on_writable(wsi)
            return
        }
        switch flush(wsi, id: id) {
        case .done: break
        case .more, .close: lws_callback_on_writable(wsi)
        case .failed: lws_set_timeout(wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_ASYNC)   // as a callback's -1 would
        }
    }

    /// What `flush` left to do.
    private enum FlushResult {
        /// Everything queued is written.
        case done
        /// Frames are left (the budget is spent or the socket is full): ask for a WRITEABLE callback.
        case more
        /// A write failed: the connection must close.
        case failed
        /// Every frame is written and a close was asked for.
        case close(code: UInt16, reason: String)
    }

    /// Writes queued frames while the socket takes them without blocking, up to a `WriteBudget`; the frames taken
    /// together go out in one write. Counts what it wrote. Call only when `socketTakesMore`.
    private func flush(_ wsi: OpaquePointer, id: UInt64) -> FlushResult {
        var budget = WriteBudget()
        defer {
            if budget.framesWritten > 0 {
                statistics.withLock { s in
                    s.messagesSent += budget.framesWritten
                    s.bytesSent += budget.bytesWritten
                }
            }
        }
        let coalescer = service.value.coalescer
        while true {
            switch outboxes.take(for: id, into: &coalescer.frames, budget: &budget) {
            case .idle:
                return .done
            case .write(let more):
                guard coalescer.write(to: wsi) else { return .failed }
                guard more else { return .done }
                // Choked also while lws holds the unsent rest of a write: nothing more goes behind it now.
                if budget.isSpent || !Self.socketTakesMore(wsi) { return .more }
            case .close(let code, let reason):
                return .close(code: code, reason: reason)
            }
        }
    }

    /// Whether a write to `wsi` now goes to the kernel rather than behind bytes lws still holds: lws has no unsent rest
    /// of an earlier write. A write the socket takes only part of (or none of) is not lost: lws 4.1 keeps the rest on
    /// the connection's `buflist_out`, returns the full length, asks for WRITEABLE itself, and sends that rest before
    /// anything else (`lws_issue_raw`). So at most one write (a `WriteBudget`, or one large frame) waits in lws per
    /// connection; everything after it stays in the connection's outbox, where the slow-reader limit counts it. lws's
    /// `lws_send_pipe_choked` answers the same question with a `poll` of the socket as well: a system call per
    /// connection and write that this check saves (lws 4.1.6 compiles out its back-to-back write warning, the other
    /// thing that call resets).
    static func socketTakesMore(_ wsi: OpaquePointer) -> Bool {
        lws_partial_buffered(wsi) == 0
    }

    /// Once a second on the service thread: pings connections silent for `pingIntervalSeconds` and drops those silent
    /// for `idleTimeoutSeconds`; after many sockets have closed, hands the memory they held back (`MemoryReturn`).
    private func sweepIdle() {
        let now = MonotonicTime.now()
        let dropped = IdleSweep.run(over: service.value.connections.values, at: now, policy: idlePolicy)
        if dropped > 0 { statistics.withLock { $0.idleHangUps += dropped } }
        let state = service.value
        let closed = state.socketsClosedSinceMemoryReturn
        defer { state.socketsClosedAtLastTick = state.socketsClosedSinceMemoryReturn }
        if MemoryReturn.isDue(closed: closed, closingNow: closed != state.socketsClosedAtLastTick,
                              last: state.lastMemoryReturn, now: now, after: configuration.memoryReturnAfterClosedSockets,
                              intervalSeconds: configuration.memoryReturnIntervalSeconds) {
            state.socketsClosedSinceMemoryReturn = 0
            state.lastMemoryReturn = now
            MemoryReturn.handBack { [self] in
                statistics.withLock { $0.memoryReturns += 1 }
                logger.debug("memory the closed sockets held handed back to the system", metadata: ["sockets_closed": "\(closed)"])
            }
        }
    }

    private func closed(_ user: UnsafeMutableRawPointer?) {
        guard let id = user?.load(as: UInt64.self), service.value.connections.removeValue(forKey: id) != nil else { return }
        kept.withLock { _ = $0.remove(id) }
        outboxes.remove(id)
        statistics.withLock { $0.connectionsOpen -= 1 }
        delegate.connectionClosed(ConnectionID(rawValue: id))
    }

    /// The peer address of `wsi`'s socket, read as the per-address limit reads it (`AddressConnections.peerAddress`),
    /// so that a budget kept by address and the connection limit name a peer the same way.
    static func peerAddress(_ wsi: OpaquePointer) -> String {
        AddressConnections.peerAddress(of: Int32(truncatingIfNeeded: lws_get_socket_fd(wsi)))
    }
}
