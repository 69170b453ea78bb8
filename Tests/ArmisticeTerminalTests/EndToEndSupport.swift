import ArmisticeTransport
import Foundation
import Logging
import Testing
@testable import ArmisticeTerminal

/// The real server, the real client in tmux, and a scripted WebSocket seat, for the end-to-end tests.
enum E2E {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/armistice").path
    static let key = "test-instructor-key-1234"

    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the end-to-end tests can run: tmux installed (CI: apt-get install tmux) and `swift build` done.
    static var available: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary) }

    static func temporaryDirectory(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-\(name)-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// `armistice serve` on a port, with its data folder; restartable on the same port and data.
final class ServerProcess: @unchecked Sendable {
    let data: String
    private(set) var port = 0
    private var process: Process?

    init(data: String) { self.data = data }

    func start(port requested: Int = 0) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: E2E.binary)
        p.arguments = ["serve", "--host", "127.0.0.1", "--port", String(requested), "--data", data,
                       "--rulesets", E2E.root.appendingPathComponent("rulesets").path,
                       "--web", "/nonexistent", "--instructor-key", E2E.key, "--log-level", "warning"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        process = p
        // Read "listening on port N".
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on port ") }),
               let n = Int(line.dropFirst("listening on port ".count).trimmingCharacters(in: .whitespaces)) {
                port = n
                return
            }
        }
        throw TestFailure("the server did not start: \(text)")
    }

    func stop() {
        guard let p = process else { return }
        p.terminate()
        p.waitUntilExit()
        process = nil
    }

    deinit { stop() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A program in a detached tmux session of its own (own socket), 80×24 by default.
final class TmuxSession: @unchecked Sendable {
    let socket: String
    let name = "t"

    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String]) throws {
        socket = "armistice-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        let env = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color \(env) \(command); sleep 30"])
    }

    @discardableResult
    func run(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: E2E.tmux!)
        p.arguments = ["-L", socket, "-f", "/dev/null"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends keys: tmux key names (Enter, Tab, Up, BTab, Escape) or literal text with `literal`.
    func keys(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", name]) }

    func paneTitle() throws -> String { try run(["display-message", "-p", "-t", name, "#{pane_title}"]) }

    /// Waits until the screen satisfies `condition`; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(150))
        }
        throw TestFailure("timed out waiting for \(what); the screen was:\n\(last)")
    }

    func waitFor(text: String, timeout: Double = 20) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    func close() { _ = try? run(["kill-server"]) }
    deinit { close() }
}

/// A seat driven by the test through the transport client: the instructor, or another student.
final class ScriptSeat: @unchecked Sendable {
    let connection: ClientConnection
    private let pool: WebSocketClientPool
    private var nextID = 100
    /// Every message received, in order.
    private(set) var received: [JSON] = []

    init(port: Int) async throws {
        pool = WebSocketClientPool(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), enableTLS: false)
        connection = try await pool.connect(url: "ws://127.0.0.1:\(port)/ws")
        try await request(["type": "hello", "protocol": "armistice.v1"], expect: "welcome")
    }

    /// Sends a request and waits for the reply with its id (or a message of type `expect`); throws on `error`.
    @discardableResult
    func request(_ message: [String: JSON], expect: String? = nil) async throws -> JSON {
        nextID += 1
        let id = nextID
        var m = message
        m["id"] = .number(Double(id))
        connection.send(JSON.object(m).text)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard let text = try await connection.receive(timeout: .seconds(15)), let reply = JSON.parse(text) else { break }
            received.append(reply)
            if reply["id"]?.int == id {
                if reply["type"]?.string == "error" { throw TestFailure("\(message["type"]?.string ?? "?") refused: \(reply.text)") }
                return reply
            }
            if let expect, reply["type"]?.string == expect { return reply }
        }
        throw TestFailure("no reply to \(JSON.object(message).text)")
    }

    /// Waits for a message matching a condition (already received ones count).
    func waitFor(_ condition: (JSON) -> Bool) async throws -> JSON {
        if let hit = received.first(where: condition) { return hit }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard let text = try await connection.receive(timeout: .seconds(15)), let m = JSON.parse(text) else { break }
            received.append(m)
            if condition(m) { return m }
        }
        throw TestFailure("the expected message did not come")
    }

    func close() { connection.close() }
}
