import ArmisticeTestSupport
import ArmisticeTransport
import Foundation
import Logging
@testable import ArmisticeServer
import ArmisticeWire

/// A protocol client over a real socket, for integration tests: keeps every message it got and checks `prev` for gaps.
/// `@unchecked Sendable`: each client is driven by one task at a time.
final class WireClient: @unchecked Sendable {
    let connection: ClientConnection
    let name: String
    var received: [[String: Any]] = []
    var maxSeq = 0
    var gaps: [String] = []
    var closed: (code: UInt16?, reason: String)?
    var nextID = 1
    var seat = ""
    var token = ""

    init(_ connection: ClientConnection, name: String) {
        self.connection = connection
        self.name = name
    }

    static func connect(_ pool: WebSocketClientPool, port: Int, name: String) async throws -> WireClient {
        let client = WireClient(try await pool.connect(url: "ws://127.0.0.1:\(port)/ws"), name: name)
        let welcome = try await client.request(["type": "hello", "protocol": "armistice.v2"])
        precondition(welcome["type"] as? String == "welcome")
        return client
    }

    func send(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object)
        connection.send(String(decoding: data, as: UTF8.self))
    }

    /// Sends a request with a fresh id; returns the reply that echoes it (ack, error, or the named reply).
    @discardableResult
    func request(_ object: [String: Any], timeout: Duration = .seconds(10)) async throws -> [String: Any] {
        var object = object
        let id = "\(name)-\(nextID)"
        nextID += 1
        object["id"] = id
        let mark = received.count
        send(object)
        return try await waitFor(since: mark, timeout: timeout) { $0["id"] as? String == id }
    }

    /// Waits for a message matching `predicate` among those received from index `since` on.
    @discardableResult
    func waitFor(since: Int = 0, timeout: Duration = .seconds(10), _ predicate: ([String: Any]) -> Bool) async throws -> [String: Any] {
        var index = since
        let deadline = ContinuousClock.now + timeout
        while true {
            while index < received.count {
                if predicate(received[index]) { return received[index] }
                index += 1
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw TestFailure("\(name): nothing matched within \(timeout); last: \(received.suffix(3))") }
            guard let event = try await connection.nextEvent(timeout: left) else { throw TestFailure("\(name): stream ended") }
            take(event)
        }
    }

    /// Takes whatever has arrived, waiting at most `quiet` for more.
    func drain(quiet: Duration = .milliseconds(100)) async {
        while let event = try? await connection.nextEvent(timeout: quiet) { take(event) }
    }

    /// The view merged from snapshots and updates; a client that resumes a seat keeps the view it had.
    var heldView: [String: Any]?

    private func take(_ event: ClientEvent) {
        switch event {
        case .text(let text):
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return }
            if let prev = object["prev"] as? Int, prev > maxSeq, maxSeq > 0 { gaps.append("\(object["type"]!) seq \(object["seq"]!) prev \(prev) > \(maxSeq)") }
            if let seq = object["seq"] as? Int, !["ack", "resumed"].contains(object["type"] as? String) { maxSeq = max(maxSeq, seq) }
            received.append(ViewMerge.materialize(object, held: &heldView))
        case .closed(let code, let reason):
            closed = (code, reason)
        }
    }

    /// Waits until this client's latest view is in `phase`.
    func waitPhase(_ phase: String, turn: Int? = nil, timeout: Duration = .seconds(10)) async throws {
        try await waitFor(timeout: timeout) { m in
            guard let view = m["view"] as? [String: Any] else { return false }
            return view["phase"] as? String == phase && (turn == nil || view["turn"] as? Int == turn)
        }
    }

    var view: [String: Any]? { heldView }

    func all(_ type: String) -> [[String: Any]] { received.filter { $0["type"] as? String == type } }
}

/// A room server on 127.0.0.1 with a free port and a fresh data folder.
struct LiveServer {
    static let key = "live-test-key-123"
    let server: RoomServer
    let port: Int
    let data: String
    let pool: WebSocketClientPool

    init(data: String? = nil, limits: ServerLimits = ServerLimits(), storageFaults: StorageFaults? = nil,
         configure: (inout RoomServer.Configuration) -> Void = { _ in }) throws {
        let data = data ?? NSTemporaryDirectory() + "armistice-live-" + UUID().uuidString
        var configuration = Self.configuration(data: data)
        configuration.limits = limits
        configuration.storageFaults = storageFaults
        configure(&configuration)
        var logger = Logger(label: "test.server")
        logger.logLevel = .warning
        server = try RoomServer(configuration: configuration, logger: logger)
        port = try server.start()
        self.data = data
        pool = WebSocketClientPool(logger: logger)
    }

    /// A test server's configuration: loopback, a free port, the repository's scenarios, no web folder.
    static func configuration(data: String) -> RoomServer.Configuration {
        var configuration = RoomServer.Configuration(instructorKey: key)
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = data
        configuration.rulesetsDirectory = CoreHarness.repoRoot + "/rulesets"
        configuration.webRoot = nil
        return configuration
    }

    func client(_ name: String) async throws -> WireClient { try await WireClient.connect(pool, port: port, name: name) }

    func stop() {
        pool.shutdown()
        server.shutdown()
    }
}
