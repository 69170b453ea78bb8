import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import ArmisticeTransport
import Foundation
import Logging

/// `armistice serve bench`: starts a server in a child process, fills it with rooms of ten clients (an instructor,
/// four teams of two, an observer) and measures: the time to seat them all, the latency from a move (a draft
/// change) to the update reaching both members of the team, messages per second, and the server's memory.
struct ServeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the room server under load and print the figures (Markdown).")

    @Option(help: "Rooms to fill (ten clients each).") var rooms = 100
    @Option(help: "Seconds of moves to measure.") var seconds = 10.0
    @Option(help: "Milliseconds between moves in each room (each move is one student's new draft).") var intervalMs = 50
    @Option(help: "Connections being opened at once.") var concurrency = 50
    @Option(help: "The scenario folder for the child server.") var rulesets = "./rulesets"
    @Option(help: "The ruleset to play.") var ruleset = "koreanization"

    func validate() throws {
        guard (1...2000).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 2000") }
        guard seconds > 0, intervalMs >= 0, concurrency > 0 else { throw ValidationError("--seconds, --interval-ms and --concurrency must be positive") }
    }

    func run() async throws {
        let bed = try BenchBed(rulesets: rulesets)
        defer { bed.close() }
        let (server, pool, url, key) = (bed.server, bed.pool, bed.url, bed.key)
        let rssIdle = server.memory()

        // 1. Seat everyone: per room, the instructor creates it, then eight students and an observer join.
        let seatStart = ContinuousClock.now
        let instructors = try await forEach(0..<rooms, concurrency: concurrency) { r -> (BenchClient, String) in
            let c = try await BenchClient.connect(pool, url: url, name: "i\(r)")
            let created = try await c.request(#"{"type":"create_room","key":"\#(key)","ruleset":"\#(ruleset)","seed":\#(r + 1)}"#)
            guard let code = BenchClient.field("room", in: created) else { throw BenchFailure("create_room failed: \(created.prefix(200))") }
            return (c, code)
        }
        let teams = ["dprk", "rok", "usa", "un"]
        let joins = (0..<rooms).flatMap { r in (0..<9).map { (r, $0) } }
        let members = try await forEach(joins, concurrency: concurrency) { (r, i) -> BenchClient in
            let c = try await BenchClient.connect(pool, url: url, name: "r\(r)m\(i)")
            let request = i < 8
                ? #"{"type":"join","code":"\#(instructors[r].1)","name":"student \#(i)","team":"\#(teams[i / 2])"}"#
                : #"{"type":"join","code":"\#(instructors[r].1)","name":"projector","role":"observer"}"#
            let joined = try await c.request(request)
            guard let seat = BenchClient.field("seat", in: joined) else { throw BenchFailure("join failed: \(joined.prefix(200))") }
            c.seat = seat
            c.team = i < 8 ? i / 2 : -1
            c.room = r
            return c
        }
        let seated = ContinuousClock.now - seatStart
        let clients = instructors.map(\.0) + members
        let rssSeated = server.memory()

        // 2. Start every room and move it to negotiation.
        for (c, _) in instructors {
            _ = try await c.request(#"{"type":"start"}"#)
            _ = try await c.request(#"{"type":"skip"}"#)
        }

        // 3. Moves: in each room, students take turns changing their team's draft; a move is done when both
        //    members of the team have the update.
        let waiters = (0..<rooms).map { _ in MoveWaiter() }
        let counter = MessageCounter()
        let readers = clients.map { c in Task { await c.read(counter: counter, waiter: c.room >= 0 ? waiters[c.room] : nil) } }
        try? await Task.sleep(for: .seconds(2))   // the readers catch up with the seating and start-of-turn messages
        let cheap = ["dprk": "missile_test", "rok": "alliance_working_group", "usa": "press_seoul", "un": "streamline_crossings"]
        let before = counter.value
        let moveStart = ContinuousClock.now
        let end = moveStart + .milliseconds(Int(seconds * 1000))
        let interval = intervalMs
        let results = try await forEach(0..<rooms, concurrency: rooms) { r -> ([Double], Int) in
            let students = members[(r * 9)..<(r * 9 + 8)].map { $0 }
            var drafted = [false, false, false, false]
            var latencies: [Double] = []
            var timeouts = 0
            var k = 0
            // Rooms are staggered over one interval, as real classes are not in step.
            try? await Task.sleep(for: .microseconds(interval * 1000 * r / max(1, rooms)))
            while ContinuousClock.now < end {
                let next = ContinuousClock.now + .milliseconds(interval)
                let s = students[k % 8]
                k += 1
                drafted[s.team].toggle()
                let orders = drafted[s.team] ? #"[{"action":"\#(cheap[teams[s.team]]!)"}]"# : "[]"
                waiters[r].arm(by: s.seat, count: 2)
                let sent = DispatchTime.now().uptimeNanoseconds
                s.send(#"{"type":"set_orders","orders":\#(orders)}"#)
                if let done = await waiters[r].wait(timeoutMs: 10_000) {
                    latencies.append(Double(done - sent) / 1e6)
                } else {
                    timeouts += 1
                }
                try? await Task.sleep(until: next)
            }
            return (latencies, timeouts)
        }
        let moveTime = ContinuousClock.now - moveStart
        try? await Task.sleep(for: .milliseconds(300))
        let messages = counter.value - before
        let rssLoaded = server.memory()
        for reader in readers { reader.cancel() }
        let metrics = server.metrics()

        // 4. The figures.
        var latencies = results.flatMap(\.0).sorted()
        if latencies.isEmpty { latencies = [0] }
        let timeouts = results.reduce(0) { $0 + $1.1 }
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count - 1) * p))] }
        let moveSeconds = Double(moveTime.components.seconds) + Double(moveTime.components.attoseconds) / 1e18
        let seatSeconds = Double(seated.components.seconds) + Double(seated.components.attoseconds) / 1e18
        let commits = metrics["armistice_log_commit_seconds_count"] ?? 0
        let commitSum = metrics["armistice_log_commit_seconds_sum"] ?? 0
        print("""
        | Figure | Value |
        |---|---:|
        | Rooms x clients | \(rooms) x 10 = \(clients.count) |
        | Time to connect and seat them all (hello, create or join, snapshot) | \(String(format: "%.2f s", seatSeconds)) |
        | Moves measured (\(String(format: "%.1f", moveSeconds)) s, a move every \(intervalMs) ms per room) | \(latencies.count) (\(String(format: "%.0f", Double(latencies.count) / moveSeconds)) moves/s), \(timeouts) timed out |
        | Move to both teammates' update, p50 | \(String(format: "%.2f ms", percentile(0.5))) |
        | Move to both teammates' update, p99 | \(String(format: "%.2f ms", percentile(0.99))) |
        | Move to both teammates' update, max | \(String(format: "%.2f ms", latencies.last!)) |
        | Messages received by clients per second | \(String(format: "%.0f", Double(messages) / moveSeconds)) |
        | Server messages out (total, from /metrics) | \(Int(metrics["armistice_messages_out_total"] ?? 0)) |
        | Log group commits (write + fsync), mean | \(commits > 0 ? String(format: "%.2f ms over %.0f commits", commitSum / commits * 1000, commits) : "-") |
        | Server batches: count, mean events, mean time | \(Int(metrics["armistice_batch_seconds_count"] ?? 0)), \(String(format: "%.1f", (metrics["armistice_batch_events_total"] ?? 0) / max(1, metrics["armistice_batch_seconds_count"] ?? 1))), \(String(format: "%.2f ms", (metrics["armistice_batch_seconds_sum"] ?? 0) / max(1, metrics["armistice_batch_seconds_count"] ?? 1) * 1000)) |
        | Server time deciding / delivering (total) | \(String(format: "%.2f s / %.2f s", metrics["armistice_handle_seconds_total"] ?? 0, metrics["armistice_deliver_seconds_total"] ?? 0)) |
        | Server RSS: idle / seated / after the moves | \(rssIdle.rss) / \(rssSeated.rss) / \(rssLoaded.rss) MiB (peak \(rssLoaded.peak) MiB) |
        """)
    }

    /// Runs `body` for each item with at most `concurrency` at once; results in the items' order.
    func forEach<Item: Sendable, Result: Sendable>(_ items: some Collection<Item>, concurrency: Int,
                                                   _ body: @escaping @Sendable (Item) async throws -> Result) async throws -> [Result] {
        let items = Array(items)
        var results = [Result?](repeating: nil, count: items.count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            while next < min(concurrency, items.count) {
                let i = next
                group.addTask { (i, try await body(items[i])) }
                next += 1
            }
            while let (i, result) = try await group.next() {
                results[i] = result
                if next < items.count {
                    let j = next
                    group.addTask { (j, try await body(items[j])) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One benchmark client. `@unchecked Sendable`: set up by one task, then read by its reader task only.
final class BenchClient: @unchecked Sendable {
    let connection: ClientConnection
    let name: String
    var seat = ""
    var team = -1
    var room = -1
    private var nextID = 0

    init(_ connection: ClientConnection, name: String) {
        self.connection = connection
        self.name = name
    }

    static func connect(_ pool: WebSocketClientPool, url: String, name: String) async throws -> BenchClient {
        let c = BenchClient(try await pool.connect(url: url, timeout: .seconds(30)), name: name)
        _ = try await c.request(#"{"type":"hello","protocol":"armistice.v2"}"#)
        return c
    }

    func send(_ text: String) { connection.send(text) }

    /// Sends a request (a JSON object without an id) and returns the reply that echoes the id it is given.
    func request(_ json: String) async throws -> String {
        nextID += 1
        let id = "\(name)-\(nextID)"
        connection.send("{\"id\":\"\(id)\"," + json.dropFirst())
        let marker = "\"id\":\"\(id)\""
        while true {
            guard let text = try await connection.receive(timeout: .seconds(30)) else { throw BenchFailure("\(name): connection closed") }
            if text.contains(marker) { return text }
        }
    }

    /// Counts every message; reports set_orders updates to the room's waiter.
    func read(counter: MessageCounter, waiter: MoveWaiter?) async {
        for await event in connection.messages {
            guard case .text(let text) = event else { return }
            counter.add()
            if team >= 0, let waiter, text.contains("\"set_orders\""), text.contains("\"type\":\"update\""),
               let by = Self.field("by", in: text) {
                waiter.observe(by: by, at: DispatchTime.now().uptimeNanoseconds)
            }
        }
    }

    /// The first string value of a key in a JSON text (enough for the fields the benchmark reads).
    static func field(_ key: String, in text: String) -> String? {
        guard let start = text.range(of: "\"\(key)\":\"") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[start.upperBound..<end])
    }
}

/// Waits for one move's updates to reach every member of the team.
final class MoveWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var by = ""
    private var generation = 0
    private var remaining = 0
    private var last: UInt64 = 0
    private var continuation: CheckedContinuation<UInt64?, Never>?

    func arm(by: String, count: Int) {
        lock.lock()
        self.by = by
        generation += 1
        remaining = count
        continuation = nil
        lock.unlock()
    }

    func observe(by: String, at time: UInt64) {
        lock.lock()
        guard by == self.by, remaining > 0 else { lock.unlock(); return }
        remaining -= 1
        last = time
        let done = remaining == 0 ? continuation : nil
        if done != nil { continuation = nil }
        lock.unlock()
        done?.resume(returning: time)
    }

    private func expire(_ armed: Int) {
        lock.lock()
        guard generation == armed else { lock.unlock(); return }
        let stale = continuation
        continuation = nil
        remaining = 0
        lock.unlock()
        stale?.resume(returning: nil)
    }

    func wait(timeoutMs: Int) async -> UInt64? {
        await withCheckedContinuation { (c: CheckedContinuation<UInt64?, Never>) in
            lock.lock()
            if remaining == 0 {
                lock.unlock()
                c.resume(returning: last)
                return
            }
            continuation = c
            let armed = generation
            lock.unlock()
            Task {
                try? await Task.sleep(for: .milliseconds(timeoutMs))
                self.expire(armed)
            }
        }
    }
}

/// A message count shared by the reader tasks.
final class MessageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// What every socket benchmark starts with: a child server on a fresh data folder, its instructor key, a client pool
/// and the WebSocket address. `close()` stops the pool and the server and removes the folder.
final class BenchBed: Sendable {
    let server: BenchServer
    let key = UUID().uuidString
    let pool: WebSocketClientPool
    let url: String
    private let data = NSTemporaryDirectory() + "armistice-bench-" + UUID().uuidString

    init(rulesets: String) throws {
        var logger = Logger(label: "armistice.bench")
        logger.logLevel = .error
        server = try BenchServer(data: data, rulesets: rulesets, key: key)
        pool = WebSocketClientPool(logger: logger)
        url = "ws://127.0.0.1:\(server.port)/ws"
    }

    func close() {
        pool.shutdown()
        server.stop()
        try? FileManager.default.removeItem(atPath: data)
    }
}

/// The server under test, as a child process of this one.
struct BenchServer {
    let process = Process()
    let port: Int

    init(data: String, rulesets: String, key: String) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--rulesets", rulesets,
                             "--web", "/nonexistent", "--instructor-key", key, "--log-level", "error"]
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var text = ""
        var port = 0
        while port == 0 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"listening on port (\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: " ").last!) ?? 0
            }
        }
        guard port > 0 else { process.terminate(); throw BenchFailure("the server did not start: \(text)") }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// Resident and peak memory in MiB, from /proc.
    func memory() -> (rss: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return (0, 0) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }

    /// A plain HTTP GET on loopback; the body, or nil.
    static func get(port: Int, path: String) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        return text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) }
    }

    /// The server's /metrics, as name → value (labels kept in the name).
    func metrics() -> [String: Double] {
        guard let text = Self.get(port: port, path: "/metrics") else { return [:] }
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { result[String(parts[0])] = v }
        }
        return result
    }
}
