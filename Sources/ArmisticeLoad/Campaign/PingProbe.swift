import ArmisticeTransport
import Foundation
import Logging

/// A classroom that must notice nothing: an instructor and eight students seated in a room of their own, each
/// pinging the server, in a child process (`armistice campaign --probe-port`) so that the fuzzing clients' own work
/// cannot delay its round trips. It reports a baseline, then the figures while the frames go on, and every message
/// it got that was not one of its pongs.
package enum PingProbe {
    package struct Figures {
        package var count = 0
        package var p50 = 0.0
        package var p99 = 0.0
        package var max = 0.0

        package init() {}

        package init(sorted s: [Double]) {
            count = s.count
            guard !s.isEmpty else { return }
            func p(_ q: Double) -> Double { s[Swift.min(s.count - 1, Int(Double(s.count - 1) * q))] }
            (p50, p99, max) = (p(0.5), p(0.99), s.last!)
        }

        package init?(line: Substring) {
            let parts = line.split(separator: " ").dropFirst()
            guard parts.count == 4, let c = Int(parts[parts.startIndex]) else { return nil }
            let values = parts.dropFirst().compactMap { Double($0) }
            guard values.count == 3 else { return nil }
            (count, p50, p99, max) = (c, values[0], values[1], values[2])
        }

        package var line: String { "\(count) \(p50) \(p99) \(max)" }
    }

    /// The child's side: seat the classroom, measure, print `BASELINE`; then for each window of `seconds`, measure
    /// again and print its `NOTICE`s and `DURING`.
    package static func run(port: Int, key: String, baseline: Double, seconds: Double, windows: Int, every ms: Int) async throws {
        var logger = Logger(label: "armistice.campaign.probe")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        let classroom = try await SeatedRoom.open(pool, url: "ws://127.0.0.1:\(port)/ws", key: key, seed: 99, name: "class", observer: false)
        try await Task.sleep(for: .milliseconds(300))
        for c in classroom.everyone {
            while (try? await c.connection.nextEvent(timeout: .milliseconds(50))) != nil {}
        }
        let before = try await pings(classroom.everyone, seconds: baseline, every: ms)
        say("BASELINE \(Figures(sorted: before.rtts).line)")
        for _ in 0..<windows {
            let during = try await pings(classroom.everyone, seconds: seconds, every: ms)
            for n in during.noticed.prefix(5) { say("NOTICE \(n.replacingOccurrences(of: "\n", with: " "))") }
            say("DURING \(Figures(sorted: during.rtts).line) \(during.noticed.count)")
        }
    }

    private static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// Each client pings every `ms` for `seconds`; the round trips, sorted, and anything else any of them was sent.
    package static func pings(_ clients: [BenchClient], seconds: Double, every ms: Int) async throws -> (rtts: [Double], noticed: [String]) {
        let stop = ContinuousClock.now + .seconds(seconds)
        return try await withThrowingTaskGroup(of: ([Double], [String]).self) { group in
            for c in clients {
                group.addTask {
                    var rtts: [Double] = []
                    var noticed: [String] = []
                    var n = 0
                    while ContinuousClock.now < stop {
                        n += 1
                        let marker = "\"id\":\"\(c.name)-p\(n)\""
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        c.send(#"{"id":"\#(c.name)-p\#(n)","type":"ping"}"#)
                        while true {
                            guard let text = try await c.connection.receive(timeout: .seconds(30)) else { throw BenchFailure("\(c.name): closed") }
                            if text.contains(marker), text.contains("\"pong\"") { break }
                            noticed.append("\(c.name): \(text.prefix(200))")
                        }
                        rtts.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                        try await Task.sleep(for: .milliseconds(ms))
                    }
                    return (rtts, noticed)
                }
            }
            var rtts: [Double] = []
            var noticed: [String] = []
            for try await (r, n) in group {
                rtts += r
                noticed += n
            }
            return (rtts.sorted(), noticed)
        }
    }

    /// The parent's side: the probe process and its report.
    package final class Child {
        package let process = Process()
        private let output: FileHandle
        private var buffer: [UInt8] = []

        package init(port: Int, key: String, baseline: Double, seconds: Double, windows: Int, every ms: Int) throws {
            process.executableURL = ChildRun.binary
            process.arguments = ["campaign", "--probe-port", "\(port)", "--probe-key", key, "--probe-baseline", "\(baseline)",
                                 "--probe-seconds", "\(seconds)", "--probe-windows", "\(windows)", "--probe-interval-ms", "\(ms)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            output = pipe.fileHandleForReading
            try process.run()
        }

        /// The next line the probe printed (blocking), nil at its end.
        private func line() -> String? {
            while true {
                if let nl = buffer.firstIndex(of: 0x0A) {
                    defer { buffer.removeSubrange(...nl) }
                    return String(decoding: buffer[..<nl], as: UTF8.self)
                }
                let chunk = output.availableData
                if chunk.isEmpty { return nil }
                buffer += chunk
            }
        }

        package func baseline() async throws -> Figures {
            while let l = line() {
                if l.hasPrefix("BASELINE "), let f = Figures(line: l[...]) { return f }
            }
            throw BenchFailure("the ping probe ended before its baseline")
        }

        package func during() async throws -> (Figures, [String]) {
            var notices: [String] = []
            while let l = line() {
                if l.hasPrefix("NOTICE ") { notices.append(String(l.dropFirst(7))) }
                if l.hasPrefix("DURING ") {
                    let parts = l.split(separator: " ")
                    guard let f = Figures(line: parts.dropLast().joined(separator: " ")[...]), let n = Int(parts.last!) else { break }
                    return (f, notices + Array(repeating: "", count: max(0, n - notices.count)))
                }
            }
            throw BenchFailure("the ping probe ended without its figures")
        }
    }
}
