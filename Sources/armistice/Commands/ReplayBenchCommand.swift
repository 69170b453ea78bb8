import ArgumentParser
import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import ArmisticeReplay
import Foundation

/// `armistice replay-bench`: how fast a match log replays. Writes a log of about `--events` records (a long bot match
/// with drafts revised and chat, as a class produces) unless one is given, then times reading, verifying and
/// building the report.
struct ReplayBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay-bench",
        abstract: "Measure replay speed (log records per second) on a generated or given match log.")

    @Argument(help: "A match log to time; without it one is generated from --ruleset.") var log: String?
    @Option(help: "The scenario for the generated log.") var ruleset: String = "rulesets/koreanization.yaml"
    @Option(help: "Records in the generated log.") var events: Int = 10_000
    @Option(help: "Timed runs; the best is reported.") var runs: Int = 5
    @Option(help: "Also write the generated log here.") var save: String?
    @Flag(help: "Time only reading, replaying and verifying (for profiling).") var verifyOnly = false

    func validate() throws {
        guard (100...10_000_000).contains(events) else { throw ValidationError("--events must be between 100 and 10000000") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be between 1 and 100") }
    }

    func run() async throws {
        let bytes: [UInt8]
        if let log {
            guard let data = FileManager.default.contents(atPath: log) else { Console.error("cannot read \(log)"); throw ExitCode(1) }
            bytes = Array(data)
        } else {
            let text = try RulesetFile.read(ruleset)
            let loaded = try RulesetFile.load(ruleset)
            var writer = try MatchLogWriter(rulesetText: text, settings: .init(seed: 42, turns: 100_000))
            var bots = loaded.teams.indices.map { BotKind.greedy.make(seed: 42 &+ UInt64($0) &* 0x9E37_79B9) }
            try writer.playWhole(drafts: 3, chat: 2, maxLines: events) { engine, state, team in
                bots[team].orders(engine: engine, state: state, team: team)
            }
            bytes = Array(writer.text.utf8)
            if let save { FileManager.default.createFile(atPath: save, contents: Data(bytes)) }
        }
        func best(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return times.min()!
        }
        let log = try MatchLog(bytes: bytes)
        let records = log.entries.count + 1
        let verify = Replay(log: log, keepSteps: false)
        print("log: \(records) records, \(bytes.count) bytes, \(verify.inputCount) inputs, \(verify.hashesChecked) hashes, turn \(verify.finalState.turn); "
              + (verify.isVerified ? "verified" : "NOT VERIFIED: \(verify.firstDivergence!)"))
        if verifyOnly {
            let whole = try best { _ = Replay(log: try MatchLog(bytes: bytes), keepSteps: false) }
            print(String(format: "read + replay + verify: %.2f ms, %.0f records/s", whole * 1000, Double(records) / whole))
            return
        }
        let read = try best { _ = try MatchLog(bytes: bytes) }
        let replayOnly = best { _ = Replay(log: log, keepSteps: false) }
        let whole = try best { _ = Replay(log: try MatchLog(bytes: bytes), keepSteps: false) }
        let steps = try best { _ = Replay(log: try MatchLog(bytes: bytes), keepSteps: true) }
        let full = Replay(log: log)
        let report = best { _ = AfterActionReport(replay: full, views: false) }
        func line(_ name: String, _ seconds: Double) {
            print(name.padding(toLength: 44, withPad: " ", startingAt: 0)
                  + String(format: "%9.2f ms  %12.0f records/s", seconds * 1000, Double(records) / seconds))
        }
        line("read (parse every line)", read)
        line("replay + verify (parsed log)", replayOnly)
        line("read + replay + verify (armistice replay)", whole)
        line("read + replay keeping every step", steps)
        line("report (no views)", report)
        print(String(format: "replay speed: %.0f events/s (target 200000): ", Double(records) / whole) + (Double(records) / whole >= 200_000 ? "met" : "NOT met"))
    }
}
