import ArmisticeTestSupport
import Foundation
import Logging
@testable import ArmisticeTransport

/// A delegate that records everything, echoes text back, and answers a few HTTP paths.
final class RecordingDelegate: WebSocketServerDelegate {
    struct State {
        var opened: [ConnectionID] = []
        var texts: [(ConnectionID, String)] = []
        var rejections: [(ConnectionID, InboundRejection)] = []
        var closed: [ConnectionID] = []
        var requests: [HTTPRequest] = []
    }

    let state = Locked(State())
    /// Set after the server exists; cleared by `Harness.stop()` to break the cycle.
    let server = Locked<WebSocketServer?>(nil)
    let echo: Bool
    /// Sent from inside `connectionOpened`, as a room server greets a new player.
    let welcome: String?

    init(echo: Bool = true, welcome: String? = nil) {
        self.echo = echo
        self.welcome = welcome
    }

    func connectionOpened(_ id: ConnectionID, remoteAddress: String) {
        state.withLock { $0.opened.append(id) }
        if let welcome, let server = server.withLock({ $0 }) { server.send(OutboundFrame(welcome), to: id) }
    }

    func connection(_ id: ConnectionID, receivedText text: String) {
        state.withLock { $0.texts.append((id, text)) }
        if echo, let server = server.withLock({ $0 }) { server.send(OutboundFrame(text), to: id) }
    }

    func connection(_ id: ConnectionID, rejected reason: InboundRejection) {
        state.withLock { $0.rejections.append((id, reason)) }
    }

    func connectionClosed(_ id: ConnectionID) {
        state.withLock { $0.closed.append(id) }
    }

    func handleHTTP(_ request: HTTPRequest) -> HTTPResponse? {
        state.withLock { $0.requests.append(request) }
        switch request.path {
        case "/api/big":
            return HTTPResponse(text: String(repeating: "0123456789", count: 10_000))
        case "/healthz":
            return HTTPResponse(text: "ok\n")
        case "/api/echo":
            let query = request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            let key = request.headers["x-instructor-key"] ?? "-"
            let body = String(decoding: request.body, as: UTF8.self)
            return HTTPResponse(json: "{\"method\":\"\(request.method)\",\"query\":\"\(query)\",\"key\":\"\(key)\",\"body\":\"\(body)\"}")
        default:
            return nil
        }
    }

    var openedIDs: [ConnectionID] { state.withLock { $0.opened } }
    var closedIDs: [ConnectionID] { state.withLock { $0.closed } }
}

/// A started server on 127.0.0.1 with a port picked by the kernel, plus a client pool.
struct Harness {
    let server: WebSocketServer
    let delegate: RecordingDelegate
    let pool: WebSocketClientPool
    let port: Int

    var url: String { "ws://127.0.0.1:\(port)/ws" }

    init(echo: Bool = true, welcome: String? = nil, configure: (inout WebSocketServer.Configuration) -> Void = { _ in }) throws {
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        var logger = Logger(label: "test.transport")
        logger.logLevel = .warning
        let delegate = RecordingDelegate(echo: echo, welcome: welcome)
        let server = WebSocketServer(configuration: configuration, delegate: delegate, logger: logger)
        delegate.server.withLock { $0 = server }
        port = try server.start()
        self.delegate = delegate
        self.server = server
        // Plain-ws pools: a TLS-enabled context created mid-test could upset the TLS test's handshake.
        pool = WebSocketClientPool(logger: logger, enableTLS: false)
    }

    func connect() async throws -> ClientConnection {
        try await pool.connect(url: url)
    }

    /// Shuts both ends down without blocking the cooperative pool.
    func stop() async {
        let pool = pool, server = server, delegate = delegate
        await offload {
            pool.shutdown()
            server.shutdown()
            delegate.server.withLock { $0 = nil }
        }
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

func testLogger() -> Logger {
    var logger = Logger(label: "test.transport")
    logger.logLevel = .warning
    return logger
}

/// The names the kernel has for this process's threads (/proc/self/task/*/comm).
func threadNames() -> Set<String> {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return Set(tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
}
