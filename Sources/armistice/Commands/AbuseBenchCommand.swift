import ArgumentParser
import ArmisticeLoad
import ArmisticeServer
import ArmisticeTransport
import Foundation
import Logging

/// `armistice bench abuse`: seated students ping the server while strangers with no seat send the costliest input
/// the rules let through, at the rate the rules allow, and the students' round trips are printed before, during
/// and after the attack. The rooms thread must not notice.
struct AbuseBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abuse",
        abstract: "Seated clients' ping round trips while unauthenticated connections send the worst allowed input.")

    @Option(help: "Rooms of ten seated clients each.") var rooms = 2
    @Option(help: "Attacking connections (no hello, no seat).") var attackers = 1
    @Option(help: "Seconds of each phase (before, during, after the attack).") var seconds = 5.0
    @Option(help: "Milliseconds between each seated client's pings.") var pingIntervalMs = 100
    @Option(help: "The scenario folder for the child server.") var rulesets = "./rulesets"

    func validate() throws {
        guard (1...100).contains(rooms), (1...100).contains(attackers) else { throw ValidationError("--rooms and --attackers must be between 1 and 100") }
        guard seconds > 0, pingIntervalMs > 0 else { throw ValidationError("--seconds and --ping-interval-ms must be positive") }
    }

    /// The attack: each message is what the shape scan still lets through at its limits (about 2,000 values, 32
    /// levels deep, failing late so the server reads it twice), mixed with what it refuses (500 levels deep, a
    /// 48 KB id of empty objects), sent as fast as the per-connection budget allows (a burst of 40, then 20 a
    /// second, 64 KiB messages costing 4) and then some, so that refusals are exercised too.
    static func attackMessages() -> [String] {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let busyID = #"{"type":"ping","id":["# + Array(repeating: "{}", count: 16_000).joined(separator: ",") + "]}"
        let nested = String(repeating: "[", count: 30) + Array(repeating: "{}", count: 1_900).joined(separator: ",") + String(repeating: "]", count: 30)
        let lateFailure = #"{"pad":"# + nested + #","type":7}"#
        let escapes = #"{"type":"chat","channel":"all","text":""# + String(repeating: #"\u00e9\n"#, count: 5_400) + #""}"#
        return [deep, busyID, lateFailure, escapes]
    }

    func run() async throws {
        let bed = try BenchBed(rulesets: rulesets)
        defer { bed.close() }
        let (server, pool, url, key) = (bed.server, bed.pool, bed.url, bed.key)

        var seated: [BenchClient] = []
        for r in 0..<rooms {
            seated += try await SeatedRoom.open(pool, url: url, key: key, seed: r + 1, name: "r\(r)").everyone
        }

        let attack = Self.attackMessages()
        var rows: [(String, [Double], Int)] = []
        for phase in ["before", "during", "after"] {
            let cpuBefore = server.metrics()["process_cpu_seconds_total"] ?? 0
            let stop = ContinuousClock.now + .seconds(seconds)
            var attackTasks: [Task<Int, Error>] = []
            if phase == "during" {
                for a in 0..<attackers {
                    attackTasks.append(Task {
                        var c = try await pool.connect(url: url, timeout: .seconds(30))
                        var sent = 0
                        // Twice the allowed rate: half of it is refused by the budget, unread. A connection closed
                        // for flooding is replaced at once, as a script would.
                        while ContinuousClock.now < stop {
                            if case .closed = c.send(attack[(sent + a) % attack.count]) {
                                c = try await pool.connect(url: url, timeout: .seconds(30))
                                continue
                            }
                            sent += 1
                            try await Task.sleep(for: .milliseconds(25))
                        }
                        return sent
                    })
                }
            }
            let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
                for c in seated {
                    group.addTask {
                        var rtts: [Double] = []
                        while ContinuousClock.now < stop {
                            let t0 = DispatchTime.now().uptimeNanoseconds
                            _ = try await c.request(#"{"type":"ping"}"#)
                            rtts.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                            try await Task.sleep(for: .milliseconds(pingIntervalMs))
                        }
                        return rtts
                    }
                }
                var all: [Double] = []
                for try await r in group { all += r }
                return all.sorted()
            }
            var sent = 0
            for t in attackTasks { sent += (try? await t.value) ?? 0 }
            rows.append(("\(phase) (server CPU \(String(format: "%.0f", ((server.metrics()["process_cpu_seconds_total"] ?? 0) - cpuBefore) / seconds * 100))%)", samples, sent))
        }
        print("## What each attack message costs the transport's thread (charged, scanned, decoded)\n")
        print("| message | bytes | tokens | outcome | median µs |")
        print("|---|---:|---:|---|---:|")
        for (i, text) in attack.enumerated() {
            var gate = InboundGate(limits: ServerLimits())
            var times: [Double] = []
            var outcome = ""
            for run in 0..<41 {
                gate.opened(1, now: Int64(run) * 1_000_000)
                let t0 = DispatchTime.now().uptimeNanoseconds
                let inbound = gate.text(text, from: 1, now: Int64(run) * 1_000_000)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e3)
                if case .invalid(let f) = inbound { outcome = f.error.code.rawValue } else if case .request = inbound { outcome = "request" }
            }
            times.sort()
            print("| \(["500 levels deep", "id of 16,000 {}", "2,000 values 30 deep, fails late", "chat of 10,800 escapes"][i]) | \(text.utf8.count) | \(gate.cost(bytes: text.utf8.count)) | \(outcome) | \(String(format: "%.0f", times[times.count / 2])) |")
        }
        print("")
        print("## Seated clients' ping round trips under attack\n")
        print("\(seated.count) seated clients in \(rooms) rooms ping every \(pingIntervalMs) ms; \(attackers) connection(s) with no hello send")
        print("the worst allowed input (4 shapes, up to 64 KiB) at twice the allowed rate, for \(seconds) s per phase.\n")
        print("| phase | pings | p50 ms | p99 ms | max ms | attack messages sent |")
        print("|---|---:|---:|---:|---:|---:|")
        for (name, s, sent) in rows {
            func p(_ q: Double) -> String { s.isEmpty ? "-" : String(format: "%.2f", s[min(s.count - 1, Int(Double(s.count - 1) * q))]) }
            print("| \(name) | \(s.count) | \(p(0.5)) | \(p(0.99)) | \(p(1)) | \(sent) |")
        }
    }
}
