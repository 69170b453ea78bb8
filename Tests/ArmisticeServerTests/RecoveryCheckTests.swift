import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

/// The server reads a log at start as `armistice replay` does: a log a replay would not verify (a line repeated or
/// removed, a hash line missing) is not reopened but listed as stopped; hash lines a cut-off write left out at the very
/// end are written back; a log whose header cannot be read is listed to the admin; a journal a checkpoint could not
/// delete goes at the next one.
@Suite struct RecoveryCheckTests {
    static let code = "QZ2M22"

    /// A whole match with chat, logged as the server logs it, then a few presence lines (as a clean stop leaves).
    static func finishedLog() throws -> [String] {
        let text = String(decoding: try #require(FileManager.default.contents(atPath: CoreHarness.repoRoot + "/rulesets/koreanization.yaml")), as: UTF8.self)
        var writer = try MatchLogWriter(rulesetText: text, settings: .init(seed: 5, turns: 3), room: code)
        var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: 5 &+ UInt64($0)) }
        try writer.playWhole(chat: 1) { engine, state, team in bots[team].orders(engine: engine, state: state, team: team) }
        return writer.lines
    }

    static func records(_ lines: [String]) throws -> [LogRecord] {
        try restorableLog(lines).records
    }

    static func index(_ lines: [String], _ test: (String) -> Bool) throws -> Int {
        let found = lines.firstIndex(where: test)
        return try #require(found)
    }

    static func presence(after lines: [String]) throws -> String {
        let seq = try #require(try records(lines).last { $0.kind != .hash }?.seq) + 1
        return #"{"by":"s2","kind":"presence","online":false,"seat":"s2","seq":\#(seq),"t":1800009999000}"#
    }

    @Test func anIntactLogIsRebuilt() throws {
        let lines = try Self.finishedLog()
        let (room, owed) = try MatchReplay.rebuildOwing(try Self.records(lines + [try Self.presence(after: lines)]), now: 0)
        #expect(room.isOver && owed.isEmpty)
    }

    @Test(arguments: ["repeated", "chat removed", "join removed", "input removed", "final hash removed"])
    func aLogAReplayWouldNotVerifyIsNotRebuilt(_ damage: String) throws {
        var lines = try Self.finishedLog()
        lines.append(try Self.presence(after: lines))
        switch damage {
        case "repeated":
            let i = try Self.index(lines) { $0.contains(#""type":"set_orders""#) }
            lines.insert(lines[i], at: i + 1)
        case "chat removed": lines.remove(at: try Self.index(lines) { $0.contains(#""kind":"chat""#) })
        case "join removed": lines.remove(at: try Self.index(lines) { $0.contains(#""kind":"join""#) })
        case "input removed": lines.remove(at: try Self.index(lines) { $0.contains(#""type":"set_orders""#) })
        default: lines.remove(at: try Self.index(lines) { $0.contains(#""reason":"final""#) })
        }
        let error = try #require(throws: MatchLogError.self) { try MatchReplay.rebuild(try Self.records(lines), now: 0) }
        let expected = damage == "repeated" ? "does not follow" : damage == "final hash removed" ? "no final hash line follows it" : "a line was removed"
        #expect(error.description.contains(expected), "\(error.description)")

        // Not reopened, so listed as stopped (not live, and not finished: its ending cannot be trusted).
        let dir = makeTemporaryDirectory("armistice-recovery-check-")
        #expect(FileManager.default.createFile(atPath: dir + "/\(Self.code).jsonl", contents: Data((lines.joined(separator: "\n") + "\n").utf8)))
        let entry = try #require(MatchArchive(directory: dir).entry(Self.code, live: nil))
        #expect(entry.state == (damage == "final hash removed" ? .stopped : .finished))
    }

    @Test func hashLinesCutOffAtTheEndAreWrittenBackOnRestore() throws {
        let lines = try Self.finishedLog()
        // A write cut off (a full disk) after the input that ended the match: its final hash line is not in the file.
        #expect(lines.last!.contains(#""reason":"final""#))
        let core = CoreHarness().core
        var out = CoreOutput()
        _ = try core.restore(try restorableLog(Array(lines.dropLast())), now: 1_900_000_000_000, into: &out)
        #expect(out.logLines.map(\.line) == [lines.last!])
        #expect(out.logLines.first?.room == Self.code)
    }

    /// The tail a crash leaves (a line cut off, or a last line written whole but garbled) is not in the lines' hash
    /// a restored room continues: the hash line written back is the one the server wrote before the crash.
    @Test(arguments: [#"{"by":"s2","kind":"chat","se"#, "{\"by\":\u{0}\u{0}\u{0}\n"])
    func aRoomRestoredPastATornTailStillProvesEveryLine(_ tail: String) throws {
        let lines = try Self.finishedLog()
        let text = Array(lines.dropLast()).joined(separator: "\n") + "\n" + tail
        let saved = try LogReader(bytes: Array(text.utf8)).restorable()
        #expect(saved.tornTail != nil)
        let core = CoreHarness().core
        var out = CoreOutput()
        _ = try core.restore(saved, now: 1_900_000_000_000, into: &out)
        #expect(out.logLines.map(\.line) == [lines.last!])
        #expect(lines.last!.contains(#""lines_hash":""#))
    }

    @Test func aLogWhoseLinesAreNotAsWrittenIsNotRestored() throws {
        var lines = try Self.finishedLog()
        let chat = try Self.index(lines) { $0.contains(#""kind":"chat""#) }
        lines[chat] = lines[chat].replacingOccurrences(of: #""text":""#, with: #""text":"edited "#)
        let core = CoreHarness().core
        var out = CoreOutput()
        let error = try #require(throws: MatchLogError.self) { try core.restore(try restorableLog(lines), now: 1_900_000_000_000, into: &out) }
        #expect(error.description.contains("are not the ones the server wrote"), "\(error.description)")
        #expect(core.rooms.isEmpty)
    }

    @Test func aLogWhoseHeaderCannotBeReadIsListedToTheAdminOnly() throws {
        let lines = try Self.finishedLog()
        let dir = makeTemporaryDirectory("armistice-recovery-header-")
        // Cut inside its header; the header line missing; an empty folder under a log's name.
        #expect(FileManager.default.createFile(atPath: dir + "/QZ2C22.jsonl", contents: Data(lines[0].prefix(60).utf8)))
        #expect(FileManager.default.createFile(atPath: dir + "/QZ2N22.jsonl", contents: Data((lines.dropFirst().joined(separator: "\n") + "\n").utf8)))
        try FileManager.default.createDirectory(atPath: dir + "/QZ2D22.jsonl", withIntermediateDirectories: false)
        let archive = MatchArchive(directory: dir)
        let admin = archive.entries(for: .admin, live: nil)
        #expect(Set(admin.map(\.code)) == ["QZ2C22", "QZ2N22"])
        for entry in admin {
            #expect(entry.state == .stopped && entry.owner == nil)
            #expect(entry.damaged?.contains("not a whole match header") == true, "\(entry)")
        }
        #expect(archive.entries(for: .teacher(id: "ms-kim"), live: nil).isEmpty)

        // The store refuses the folder with a sentence that says what to do (no "listed as stopped").
        let store = try MatchStore(dataDirectory: (dir as NSString).deletingLastPathComponent + "/" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: store.path("QZ2D22"), withIntermediateDirectories: false)
        let refusal = try #require(throws: MatchLogError.self) { try store.load("QZ2D22") }
        #expect(refusal.saysWhatToDo && refusal.description.contains("is a folder, not a match log"), "\(refusal)")
        #expect(!MatchLogError.notRestored(refusal, path: store.path("QZ2D22")).description.contains("listed as stopped"))
    }

    @Test func aJournalACheckpointCouldNotDeleteGoesAtTheNextOne() throws {
        let dir = makeTemporaryDirectory("armistice-recovery-journal-")
        let faults = StorageFaults()
        let store = try MatchStore(dataDirectory: dir, faults: faults)
        #expect(store.append([.init(room: "AAAAAA", line: "{}")]).isEmpty)
        faults.journalUndeletable = true
        store.checkpoint(wait: true)
        let journals = { ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/journal")) ?? []).filter { $0.hasSuffix(".wal") } }
        #expect(journals() == ["00000001.wal"])
        #expect(store.checkpoints == 0)
        faults.journalUndeletable = false
        // The clean shutdown's checkpoint: nothing new was written, and the old journal goes.
        store.checkpoint(wait: true)
        #expect(journals().isEmpty)
        #expect(try MatchStore(dataDirectory: dir).journalRecovery.isEmpty)
    }
}
