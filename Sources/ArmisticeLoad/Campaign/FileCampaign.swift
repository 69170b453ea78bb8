import ArmisticeBots
import ArmisticeLog
import ArmisticeReplay
import Foundation

/// The file part of the campaign: damaged scenarios through `armistice ruleset check`, damaged match logs through
/// `armistice replay` and `armistice report`, each in a child process that must end by itself within `timeout`
/// with a documented status (0, 1 or 2), never by a signal. What crashes or hangs is kept in `findings`.
package struct FileCampaign {
    package init(seconds: Double = 5.0, timeout: Double = 5.0, jobs: Int = 2, seed: UInt64 = 1, scratch: String, findings: String) {
        self.seconds = seconds
        self.timeout = timeout
        self.jobs = jobs
        self.seed = seed
        self.scratch = scratch
        self.findings = findings
    }

    package var seconds = 5.0
    package var timeout = 5.0
    package var jobs = 2
    package var seed: UInt64 = 1
    package var scratch: String
    package var findings: String

    package struct Result {
        package var tally = Tally()
        package var cases = 0
        package var elapsed = 0.0
        package var slowest = 0.0
    }

    /// Whole matches played by bots and logged as the server logs them, to be damaged.
    package static func simulatedLogs(rulesets: String) throws -> [String] {
        var logs: [String] = []
        for (n, name) in ["koreanization", "tutorial"].enumerated() {
            let text = try String(contentsOfFile: rulesets + "/\(name).yaml", encoding: .utf8)
            var writer = try MatchLogWriter(rulesetText: text, settings: .init(seed: UInt64(n + 3), turns: 3))
            var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: UInt64($0 + 11)) }
            try writer.playWhole(chat: 1) { engine, state, team in bots[team].orders(engine: engine, state: state, team: team) }
            logs.append(writer.lines.joined(separator: "\n") + "\n")
        }
        return logs
    }

    /// Runs `make(case number, mutator)` → (file bytes, file extension, arguments given the path) on `jobs` threads.
    package func run(kind: String, make: @escaping @Sendable (Int, inout TextMutator) -> (bytes: [UInt8], ext: String, arguments: (String) -> [String])) -> Result {
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let shared = Box(Result())
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var mutator = TextMutator(seed: seed &+ UInt64(job) &* 7_919)
            var n = 0
            while DispatchTime.now().uptimeNanoseconds < end {
                n += 1
                let number = n * jobs + job
                let (bytes, ext, arguments) = make(number, &mutator)
                let path = scratch + "/\(kind)-\(job).\(ext)"
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                let t0 = DispatchTime.now().uptimeNanoseconds
                let outcome = ChildRun.run(arguments(path), timeout: timeout)
                let took = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                var kept: String?
                if outcome != .exited(0), outcome != .exited(1), outcome != .exited(2) {
                    try? FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
                    kept = findings + "/\(kind)-\(number).\(ext)"
                    try? FileManager.default.removeItem(atPath: kept!)
                    try? FileManager.default.copyItem(atPath: path, toPath: kept!)
                }
                shared.withLock { r in
                    r.cases += 1
                    r.slowest = max(r.slowest, took)
                    switch outcome {
                    case .exited(let status):
                        r.tally.count("exit.\(status)")
                        if let kept { r.tally.finding("\(arguments(kept).joined(separator: " ")) exited \(status)") }
                    case .signalled(let signal):
                        r.tally.count("crash")
                        r.tally.finding("CRASH (signal \(signal)): armistice \(arguments(kept!).joined(separator: " "))")
                    case .hung:
                        r.tally.count("hang")
                        r.tally.finding("HANG (> \(timeout) s): armistice \(arguments(kept!).joined(separator: " "))")
                    }
                }
            }
        }
        var result = shared.value
        result.elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }

    /// Damaged scenarios: each shipped ruleset, mutated.
    package func rulesets(_ texts: [String]) -> Result {
        run(kind: "ruleset") { n, mutator in
            (mutator.mutate(texts[n % texts.count]), "yaml", { ["ruleset", "check", $0] })
        }
    }

    /// Damaged logs: the lines mutated as text, or one record's values replaced, or the header's own ruleset text
    /// damaged; read by `replay` and by `report` in turn.
    package func logs(_ logs: [String]) -> Result {
        let out = scratch + "/report-out"
        return run(kind: "log") { n, mutator in
            let log = logs[n % logs.count]
            let bytes: [UInt8]
            switch n % 3 {
            case 0: bytes = mutator.mutate(log)
            case 1: bytes = Self.damageRecord(log, &mutator, header: false)
            default: bytes = Self.damageRecord(log, &mutator, header: true)
            }
            let arguments: (String) -> [String] = switch n % 4 {
            case 0, 1: { ["replay", $0, "--quiet"] }
            case 2: { ["report", $0, "--out", out + ".html"] }
            default: { ["report", $0, "--format", "json", "--out", out + ".json"] }
            }
            return (bytes, "jsonl", arguments)
        }
    }

    /// One record of the log with a value replaced (or, for the header, its `ruleset_text` damaged).
    package static func damageRecord(_ log: String, _ mutator: inout TextMutator, header: Bool) -> [UInt8] {
        var lines = log.split(separator: "\n").map(String.init)
        let i = header ? 0 : Int.random(in: 0..<lines.count, using: &mutator.rng)
        guard var object = (try? JSONSerialization.jsonObject(with: Data(lines[i].utf8))) as? [String: Any], !object.isEmpty else { return Array(log.utf8) }
        if header, let text = object["ruleset_text"] as? String {
            object["ruleset_text"] = String(decoding: mutator.mutate(text), as: UTF8.self)
        } else {
            let key = object.keys.sorted().randomElement(using: &mutator.rng)!
            let values: [Any] = [NSNull(), "", 1.5, -1, Int64.max, UInt64.max, 1e300, [Any](), ["x": 1], true, String(repeating: "é\u{301}", count: 3_000),
                                 Array(repeating: [Any](), count: 2_000), "turn", object[key] as Any]
            object[key] = values.randomElement(using: &mutator.rng)!
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return Array(log.utf8) }
        lines[i] = String(decoding: data, as: UTF8.self)
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}
