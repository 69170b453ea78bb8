import CLibWebSockets
import Foundation
import Logging
import Synchronization

/// The machinery behind `WebSocketClientPool`: one lws client context, one service thread,
/// any number of connections.
final class WebSocketClientCore: Sendable {
    private enum Command: Sendable {
        case connect(UInt64, ConnectTarget)
    }

    private struct PendingConnect {
        let continuation: CheckedContinuation<ClientConnection, any Error>
        let connection: ClientConnection
    }

    private enum Phase { case idle, running, stopped }

    private struct Shared {
        var phase = Phase.idle
        var lastID: UInt64 = 0
        var pending: [UInt64: PendingConnect] = [:]
        var commands: [Command] = []
        var open = 0
    }

    let logger: Logger
    let maxMessageBytes: Int
    let subprotocol: String?
    let tlsEnabled: Bool
    /// When a silent server is pinged and when it is dropped.
    let idlePolicy: IdlePolicy
    let loop = ServiceLoop(name: "arm-lws-client")
    let outboxes = OutboxTable(limit: 4096)
    let service: ServiceThreadConfined<ClientServiceState>
    private let allocations = CAllocations()
    private let shared = Mutex(Shared())
    /// Held while the pool starts or shuts down, so the two never interleave.
    private let startLock = Mutex(())

    init(logger: Logger, maxMessageBytes: Int, subprotocol: String?, tlsEnabled: Bool, idlePolicy: IdlePolicy) {
        self.logger = logger
        self.idlePolicy = idlePolicy
        self.tlsEnabled = tlsEnabled
        self.maxMessageBytes = maxMessageBytes
        self.subprotocol = subprotocol
        service = ServiceThreadConfined(ClientServiceState(), loop: loop)
    }

    // MARK: Lifecycle

    private func ensureStarted() throws {
        try startLock.withLock { _ in try startUnderLock() }
    }

    /// `ensureStarted`'s work, with `startLock` held.
    private func startUnderLock() throws {
        switch shared.withLock({ $0.phase }) {
        case .running: return
        case .stopped: throw TransportError(.shutdown, "the client pool was shut down")
        case .idle: break
        }
        LibWebSocketsLog.install(logger)
        let protocols = allocations.zeroed(lws_protocols.self, count: 2)
        protocols[0].name = allocations.string("armistice-client")
        protocols[0].callback = { wsi, reason, user, input, length in
            guard let wsi, let context = lws_get_context(wsi), let owner = lws_context_user(context) else { return 0 }
            let core = Unmanaged<WebSocketClientCore>.fromOpaque(owner).takeUnretainedValue()
            return core.handle(wsi, reason, user, input, length)
        }
        var info = lws_context_creation_info()
        info.port = CONTEXT_PORT_NO_LISTEN
        info.protocols = UnsafePointer(protocols)
        info.user = Unmanaged.passUnretained(self).toOpaque()
        info.options = UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        if tlsEnabled { info.options |= UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT) }
        info.timeout_secs = 10
        info.connect_timeout_secs = 10
        guard let created = EventLoopContext.create(&info, allocations: allocations) else {
            allocations.freeAll()
            throw TransportError(.contextCreation, "libwebsockets could not create a client context")
        }
        // The context's user pointer is unretained: the service thread keeps this core alive
        // until the context is destroyed, even if the last outside reference goes away meanwhile.
        loop.start(created, onTick: { [self] in sweepIdle() }) { [self] in allocations.freeAll() }
        shared.withLock { $0.phase = .running }
    }

    func shutdown() {
        let (wasRunning, pending) = startLock.withLock { _ in
            shared.withLock { s -> (Bool, [PendingConnect]) in
                let wasRunning = s.phase == .running
                s.phase = .stopped
                let pending = Array(s.pending.values)
                s.pending.removeAll()
                s.commands.removeAll()
                return (wasRunning, pending)
            }
        }
        for entry in pending { entry.continuation.resume(throwing: TransportError(.shutdown, "the client pool was shut down")) }
        guard wasRunning else {
            if !loop.isOnServiceThread { loop.waitUntilFinished() }
            return
        }
        if outboxes.closeAll(code: CloseCode.goingAway.rawValue, reason: "client shutting down") { loop.wake() }
        guard !loop.isOnServiceThread else {
            loop.requestStop()
            return
        }
        let deadline = ContinuousClock.now + .seconds(1)
        while shared.withLock({ $0.open }) > 0 && ContinuousClock.now < deadline { usleep(10_000) }
        loop.requestStop()
        loop.waitUntilFinished()
    }

    // MARK: Any thread

    func connect(url: String, timeout: Duration, allowSelfSigned: Bool, pool: WebSocketClientPool) async throws -> ClientConnection {
        let target = try ConnectTarget(url: url, allowSelfSigned: allowSelfSigned)
        if target.tls && !tlsEnabled {
            throw TransportError(.invalidURL, "this client pool was created with enableTLS: false; cannot open \(url)")
        }
        try ensureStarted()
        let id = shared.withLock { s -> UInt64 in
            s.lastID += 1
            return s.lastID
        }
        let connection = ClientConnection(id: id, core: self, pool: pool)
        return try await withCheckedThrowingContinuation { continuation in
            let accepted = shared.withLock { s -> Bool in
                guard s.phase == .running else { return false }
                s.pending[id] = PendingConnect(continuation: continuation, connection: connection)
                s.commands.append(.connect(id, target))
                return true
            }
            guard accepted else {
                continuation.resume(throwing: TransportError(.shutdown, "the client pool was shut down"))
                return
            }
            loop.wake()
            Task { [self] in
                try? await Task.sleep(for: timeout)
                finishConnect(id, with: .failure(TransportError(.timeout, "no WebSocket handshake with \(url) within \(timeout)")))
            }
        }
    }

    func send(_ frame: OutboundFrame, to id: UInt64) -> SendResult {
        let (result, wake) = outboxes.enqueue(frame, to: id)
        if wake { loop.wake() }
        return result
    }

    func close(_ id: UInt64, code: UInt16, reason: String) {
        if outboxes.requestClose(id, code: code, reason: reason) { loop.wake() }
    }

    /// Resolves a pending connect once; later calls for the same id do nothing. Returns whether it was pending.
    @discardableResult
    private func finishConnect(_ id: UInt64, with result: Result<Void, TransportError>) -> Bool {
        guard let entry = shared.withLock({ $0.pending.removeValue(forKey: id) }) else { return false }
        switch result {
        case .success:
            entry.continuation.resume(returning: entry.connection)
        case .failure(let error):
            entry.continuation.resume(throwing: error)
        }
        return true
    }

    // MARK: Callbacks (service thread)

    func handle(_ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
                _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        let id = UInt64(UInt(bitPattern: lws_get_opaque_user_data(wsi)))
        switch reason {
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            drainCommands(lws_get_context(wsi))
            let state = service.value
            for (id, _) in outboxes.takeScheduled() {
                if let session = state.sessions[id] { lws_callback_on_writable(session.wsi) }
            }
            return 0
        case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
            let state = service.value
            if !state.insideConnect { state.releaseStrings(id) }
            let message = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "connection failed"
            let lower = message.lowercased()
            let code: TransportError.Code = (lower.contains("hs:") || lower.contains("handshake") || lower.contains("upgrade")
                || lower.contains("protocol") || lower.contains("tls") || lower.contains("ssl") || lower.contains("status"))
                ? .handshakeFailed : .connectionFailed
            finishConnect(id, with: .failure(TransportError(code, message)))
            return 0
        case LWS_CALLBACK_CLIENT_ESTABLISHED:
            let state = service.value
            state.releaseStrings(id)
            guard let connection = shared.withLock({ $0.pending[id]?.connection }) else { return -1 }  // timed out
            state.sessions[id] = ClientSession(wsi: wsi, assembler: MessageAssembler(limit: maxMessageBytes),
                                               mailbox: connection.mailbox, openedAt: MonotonicTime.now())
            if outboxes.open(id) { loop.wake() }
            shared.withLock { $0.open += 1 }
            if !finishConnect(id, with: .success(())) {
                // Timed out between the two checks: drop it.
                state.sessions[id] = nil
                outboxes.remove(id)
                shared.withLock { $0.open -= 1 }
                return -1
            }
            return 0
        case LWS_CALLBACK_CLIENT_RECEIVE:
            return received(id, wsi, input, length)
        case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
            service.value.sessions[id]?.liveness.heard(at: MonotonicTime.now())
            return 0
        case LWS_CALLBACK_CLIENT_WRITEABLE:
            return writable(id, wsi)
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            if let session = service.value.sessions[id] {
                session.peerClose = CloseReason.decode(UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length))
            }
            return 0
        case LWS_CALLBACK_CLIENT_CLOSED:
            closed(id)
            return 0
        case LWS_CALLBACK_WSI_DESTROY:
            if id != 0 && !service.value.insideConnect { service.value.releaseStrings(id) }
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    private func drainCommands(_ context: OpaquePointer?) {
        guard let context else { return }
        let commands = shared.withLock { s -> [Command] in
            defer { s.commands.removeAll(keepingCapacity: true) }
            return s.commands
        }
        for command in commands {
            switch command {
            case .connect(let id, let target):
                startConnect(id, target, context)
            }
        }
    }

    private func startConnect(_ id: UInt64, _ target: ConnectTarget, _ context: OpaquePointer) {
        let state = service.value
        var strings: [UnsafeMutablePointer<CChar>] = []
        func keep(_ string: String) -> UnsafePointer<CChar> {
            let copy = strdup(string)!
            strings.append(copy)
            return UnsafePointer(copy)
        }
        var info = lws_client_connect_info()
        info.context = context
        info.address = keep(target.host)
        info.port = Int32(target.port)
        info.path = keep(target.path)
        info.host = keep(target.port == (target.tls ? 443 : 80) ? target.host : "\(target.host):\(target.port)")
        info.origin = info.host
        if let subprotocol { info.protocol = keep(subprotocol) }
        info.local_protocol_name = keep("armistice-client")
        if target.tls {
            var flags = Int32(LCCSCF_USE_SSL.rawValue)
            if target.allowSelfSigned {
                flags |= Int32(LCCSCF_ALLOW_SELFSIGNED.rawValue) | Int32(LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK.rawValue)
            }
            info.ssl_connection = flags
        }
        info.opaque_user_data = UnsafeMutableRawPointer(bitPattern: UInt(id))
        info.retry_and_idle_policy = UnsafePointer(state.noValidityPolicy)
        state.connectStrings[id] = strings
        state.insideConnect = true
        let wsi = lws_client_connect_via_info(&info)
        state.insideConnect = false
        if wsi == nil {
            state.releaseStrings(id)
            finishConnect(id, with: .failure(TransportError(.connectionFailed, "could not connect to \(target.host):\(target.port)")))
        }
    }

    private func received(_ id: UInt64, _ wsi: OpaquePointer, _ input: UnsafeMutableRawPointer?, _ length: Int) -> Int32 {
        guard let session = service.value.sessions[id] else { return 0 }
        session.liveness.heard(at: MonotonicTime.now())
        let verdict = session.assembler.consume(
            UnsafeRawBufferPointer(start: input, count: input == nil ? 0 : length),
            first: lws_is_first_fragment(wsi) != 0,
            final: lws_is_final_fragment(wsi) != 0,
            binary: lws_frame_is_binary(wsi) != 0
        )
        switch verdict {
        case .pending:
            return 0
        case .text(let text):
            session.mailbox.deliver(.text(text))
        case .rejected(let rejection):
            logger.debug("client dropped a message", metadata: ["reason": "\(rejection)", "connection": "\(id)"])
        case .invalidUTF8:
            session.localClose = (1007, "invalid UTF-8")
            return CloseReason.closeNow(wsi, code: 1007, reason: "invalid UTF-8")
        case .abort:
            session.localClose = (CloseCode.messageTooBig.rawValue, "message too big")
            return CloseReason.closeNow(wsi, code: CloseCode.messageTooBig.rawValue, reason: "message too big")
        case .tooFragmented:
            session.localClose = (CloseCode.policyViolation.rawValue, "a message in too many fragments")
            return CloseReason.closeNow(wsi, code: CloseCode.policyViolation.rawValue, reason: "a message in too many fragments")
        }
        return 0
    }

    private func writable(_ id: UInt64, _ wsi: OpaquePointer) -> Int32 {
        let state = service.value
        guard let session = state.sessions[id] else { return 0 }
        if let pinged = IdleSweep.writePingIfOwed(session, buffer: state.pingBuffer) {
            // One write per callback here: the ping goes alone, and any queued frame follows in the next callback.
            guard pinged else { return -1 }
            lws_callback_on_writable(wsi)
            return 0
        }
        // One frame per callback: lws masks each client frame in place, so they cannot be joined into one write.
        var budget = WriteBudget(frames: 1)
        switch outboxes.take(for: id, into: &state.taken, budget: &budget) {
        case .idle:
            return 0
        case .write(let more):
            guard state.taken.allSatisfy({ $0.write(to: wsi) }) else { return -1 }
            if more { lws_callback_on_writable(wsi) }
            return 0
        case .close(let code, let reason):
            session.localClose = (code, reason)
            return CloseReason.closeNow(wsi, code: code, reason: reason)
        }
    }

    /// Once a second on the service thread: pings servers silent for `idlePolicy.pingAfter` and drops connections
    /// silent for `idlePolicy.hangUpAfter`.
    private func sweepIdle() {
        IdleSweep.run(over: service.value.sessions.values, at: MonotonicTime.now(), policy: idlePolicy)
    }

    private func closed(_ id: UInt64) {
        guard let session = service.value.sessions.removeValue(forKey: id) else { return }
        outboxes.remove(id)
        shared.withLock { $0.open -= 1 }
        let close = session.peerClose ?? session.localClose.map { (code: Optional($0.code), reason: $0.reason) } ?? (nil, "")
        session.mailbox.deliver(.closed(code: close.code, reason: close.reason), finish: true)
    }
}
