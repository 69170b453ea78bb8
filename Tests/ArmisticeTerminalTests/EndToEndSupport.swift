import ArmisticeTestSupport
import ArmisticeWire
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

    /// Starts the server and waits, off the cooperative pool, until it says which port it listens on.
    func start(port requested: Int = 0) async throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: E2E.binary)
        p.arguments = ["serve", "--host", "127.0.0.1", "--port", String(requested), "--data", data,
                       "--rulesets", E2E.root.appendingPathComponent("rulesets").path,
                       "--web", "/nonexistent", "--instructor-key", E2E.key, "--log-level", "warning"]
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process = p
        port = try await ChildProcess.startListening(p)
    }

    /// Stops the server (SIGTERM), waiting off the cooperative pool. A server that ignores SIGTERM fails the test
    /// instead of hanging the run.
    func stop() async {
        guard let p = process else { return }
        process = nil
        if !(await ChildProcess.terminate(p)) { Issue.record("the server did not stop within 20 s of SIGTERM") }
    }

    /// `stop()` for `defer` and `deinit`, which cannot wait asynchronously: it blocks its thread while the server
    /// stops (a fraction of a second), so a test awaits `stop()` where it goes on after it.
    func stopNow() {
        guard let p = process else { return }
        process = nil
        if !ChildProcess.terminateNow(p) { Issue.record("the server did not stop within 20 s of SIGTERM") }
    }

    deinit { stopNow() }
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
        try Spawn.run(E2E.tmux!, ["-L", socket, "-f", "/dev/null"] + args, capture: args.first != "new-session")
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
            if condition(last) {
                // tmux can be read while curses is still painting (line by line, on a busy machine): the screen is
                // returned once two reads 50 ms apart agree, so what the test checks next is all painted.
                for _ in 0..<20 {
                    try await Task.sleep(for: .milliseconds(50))
                    let again = try screen()
                    if again == last { break }
                    last = again
                }
                if condition(last) { return last }
            }
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
    private(set) var connection: ClientConnection
    private let pool: WebSocketClientPool
    private var nextID = 100
    /// Every message received, in order.
    private(set) var received: [JSONValue] = []

    /// Connects and says hello. The server closes a connection that sends no `hello` within 30 s, and when the whole
    /// test run keeps this test's task from running that long (every suite runs at once on two cores), the hello
    /// goes out on a connection already closed: then it connects again, up to three times.
    init(port: Int) async throws {
        pool = WebSocketClientPool(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), enableTLS: false)
        connection = try await pool.connect(url: "ws://127.0.0.1:\(port)/ws")
        for attempt in 1...3 {
            do {
                try await request(["type": "hello", "protocol": "armistice.v2"], expect: "welcome")
                return
            } catch let failure as TestFailure where attempt < 3 && failure.description.hasPrefix("no reply") {
                connection = try await pool.connect(url: "ws://127.0.0.1:\(port)/ws")
            }
        }
    }

    /// Sends a request and waits for the reply with its id (or a message of type `expect`); throws on `error`.
    @discardableResult
    func request(_ message: [String: JSONValue], expect: String? = nil) async throws -> JSONValue {
        nextID += 1
        let id = nextID
        var m = message
        m["id"] = .number(Double(id))
        connection.send(JSONValue.object(m).text)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard let text = try await connection.receive(timeout: .seconds(15)), let reply = JSONValue.parse(text) else { break }
            received.append(reply)
            if reply["id"]?.int == id {
                if reply["type"]?.string == "error" { throw TestFailure("\(message["type"]?.string ?? "?") refused: \(reply.text)") }
                return reply
            }
            if let expect, reply["type"]?.string == expect { return reply }
        }
        throw TestFailure("no reply to \(JSONValue.object(message).text)")
    }

    /// Waits for a message matching a condition (already received ones count).
    func waitFor(_ condition: (JSONValue) -> Bool) async throws -> JSONValue {
        if let hit = received.first(where: condition) { return hit }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard let text = try await connection.receive(timeout: .seconds(15)), let m = JSONValue.parse(text) else { break }
            received.append(m)
            if condition(m) { return m }
        }
        throw TestFailure("the expected message did not come")
    }

    func close() { connection.close() }
}

/// Runs a program with posix_spawn and waits for it. Foundation's `Process` hands its children a blocked signal
/// mask and an open descriptor it watches for their end; the tmux server that `new-session` forks would keep
/// both (ignoring `kill-server`, and never letting `waitUntilExit` return). Here the child starts with default
/// signals, an empty mask, and no descriptor but standard input, output and error.
enum Spawn {
    /// Marks every descriptor above standard error close-on-exec (posix_spawn_file_actions_addclosefrom_np is
    /// not in Debian 12's headers).
    static func closeOnExec() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for fd in names.compactMap({ Int32($0) }) where fd > 2 {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    static func run(_ path: String, _ args: [String], capture: Bool) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeOnExec()
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let env = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in env { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, env)
        guard rc == 0 else { throw TestFailure("could not start \(path): \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
    }
}
