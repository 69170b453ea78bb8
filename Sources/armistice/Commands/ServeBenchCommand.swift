import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import ArmisticeLoad
import ArmisticeTransport
import ArmisticeWire
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
        let instructors = try await concurrently(0..<rooms, concurrency: concurrency) { r -> (BenchClient, String) in
            let c = try await BenchClient.connect(pool, url: url, name: "i\(r)")
            let created = try await c.request(#"{"type":"create_room","key":"\#(key)","ruleset":"\#(ruleset)","seed":\#(r + 1)}"#)
            guard let code = JSONValue.parse(created)?["room"]?.string else { throw BenchFailure("create_room failed: \(created.prefix(200))") }
            return (c, code)
        }
        let teams = ["dprk", "rok", "usa", "un"]
        let joins = (0..<rooms).flatMap { r in (0..<9).map { (r, $0) } }
        let members = try await concurrently(joins, concurrency: concurrency) { (r, i) -> BenchClient in
            let c = try await BenchClient.connect(pool, url: url, name: "r\(r)m\(i)")
            let request = i < 8
                ? #"{"type":"join","code":"\#(instructors[r].1)","name":"student \#(i)","team":"\#(teams[i / 2])"}"#
                : #"{"type":"join","code":"\#(instructors[r].1)","name":"projector","role":"observer"}"#
            let joined = try await c.request(request)
            guard let seat = JSONValue.parse(joined)?["seat"]?.string else { throw BenchFailure("join failed: \(joined.prefix(200))") }
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
        let results = try await concurrently(0..<rooms, concurrency: rooms) { r -> ([Double], Int) in
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
}
