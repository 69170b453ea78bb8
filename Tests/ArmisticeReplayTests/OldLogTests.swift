import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import ArmisticeReplay
@testable import ArmisticeServer
import Foundation
import Testing

/// Logs written by the build before the log got its own module (`ArmisticeLog`), kept in `Logs/`: a server's
/// (`armistice serve` driven by `armistice loadtest --mode turns`) and a simulation's (`armistice replay-bench
/// --events 400 --save`). The format must not change: they replay and verify, and the new code writes them again
/// byte for byte.
@Suite struct OldLogTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        let path = Fixtures.repoRoot + "/Tests/ArmisticeReplayTests/Logs/\(name)"
        return Array(try #require(FileManager.default.contents(atPath: path), "missing \(path)"))
    }

    static let names = ["pre-log-module-server.jsonl", "pre-log-module-simulated.jsonl"]

    @Test(arguments: names) func anOldLogReplaysAndVerifies(_ name: String) throws {
        let bytes = try Self.bytes(name)
        let replay = Replay(log: try MatchLog(bytes: bytes), keepSteps: false)
        #expect(replay.isVerified, "\(replay.firstDivergence.map { "\($0)" } ?? "")")
        #expect(replay.issues.isEmpty)
        let hashLines = bytes.split(separator: 0x0A).filter { $0.starts(with: Array(#"{"by":"server","hash":"#.utf8)) }.count
        #expect(replay.hashesChecked == hashLines && hashLines > 2)
        // The server restores it too, to the same state.
        let server = try MatchReplay.replay(try LogReader(bytes: bytes).restorable().records)
        #expect(server.finalHash == replay.finalHash)
        #expect(server.inputs == replay.inputCount)
    }

    @Test(arguments: names) func everyRecordOfAnOldLogIsWrittenBackByteForByte(_ name: String) throws {
        let bytes = try Self.bytes(name)
        let reader = LogReader(bytes: bytes)
        #expect(reader.issues.isEmpty)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(reader.entries.count == lines.count)
        let encoder = LogRecordEncoder()
        var kinds: Set<LogRecord.Kind> = []
        for (entry, line) in zip(reader.entries, lines) {
            #expect(Array(try encoder.encode(entry.record)) == Array(line), "line \(entry.line)")
            kinds.insert(entry.record.kind)
        }
        #expect(kinds.isSuperset(of: [.match, .join, .input, .hash]))
    }

    @Test func theWriterWritesTheOldSimulatedLogAgain() throws {
        let old = try Self.bytes("pre-log-module-simulated.jsonl")
        let header = try #require(LogReader(bytes: old).entries.first?.record)
        // As `armistice replay-bench --events 400` writes it (the ruleset is the one the log carries).
        var writer = try MatchLogWriter(rulesetText: try #require(header.rulesetText), settings: .init(seed: 42, turns: 100_000))
        var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: 42 &+ UInt64($0) &* 0x9E37_79B9) }
        try writer.playWhole(drafts: 3, chat: 2, maxLines: 400) { engine, state, team in
            bots[team].orders(engine: engine, state: state, team: team)
        }
        // Byte for byte, but for the hash lines' `lines_hash`, which the old log did not have.
        let written = writer.text.replacing(/,"lines_hash":"[0-9a-f]{64}"/, with: "")
        #expect(writer.text.contains(#""lines_hash":""#))
        #expect(Array(written.utf8) == old)
    }
}
