#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import ArmisticeServer

/// The write-ahead journal behind the match logs: what a power cut loses from room files comes back from it.
@Suite struct MatchStoreJournalTests {
    func tempDirectory() -> String { makeTemporaryDirectory("armistice-journal-") }

    /// Appends `batches` batches, each with one or two lines for every room, and returns every room's expected bytes.
    /// No automatic checkpoint: the journal holds everything.
    func fill(_ store: MatchStore, rooms: [String], batches: Int) -> [String: [UInt8]] {
        var expected: [String: [UInt8]] = [:]
        for b in 0..<batches {
            var lines: [CoreOutput.LogAppend] = []
            for (r, room) in rooms.enumerated() {
                for n in 0..<(1 + (b + r) % 2) {
                    let line = #"{"batch":\#(b),"kind":"chat","n":\#(n),"room":"\#(room)","text":"\#(String(repeating: "ü", count: (b * 7 + r * 3) % 40))"}"#
                    lines.append(.init(room: room, line: line))
                    expected[room, default: []] += Array(line.utf8) + [0x0A]
                }
            }
            #expect(store.append(lines).isEmpty)
        }
        return expected
    }

    func contents(_ store: MatchStore, _ room: String) -> [UInt8]? { MatchStore.read(path: store.path(room)) }

    func journalFiles(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/journal")) ?? []).sorted()
    }

    func cut(_ path: String, to length: Int) { #expect(truncate(path, off_t(length)) == 0) }

    @Test func entriesRoundTripAndADamagedEntryIsRefused() throws {
        var bytes: [UInt8] = []
        JournalEntry.encode(room: "R4X95U", offset: 1234, line: #"{"kind":"chat","text":"한국"}"#, into: &bytes)
        #expect(bytes.last == 0x0A)
        let entry = try #require(JournalEntry.parse(bytes.dropLast()))
        #expect(entry == JournalEntry(room: "R4X95U", offset: 1234, line: Array(#"{"kind":"chat","text":"한국"}"#.utf8)))
        var flipped = bytes
        flipped[20] ^= 0x01
        #expect(JournalEntry.parse(flipped.dropLast()) == nil)
        #expect(JournalEntry.parse(bytes.dropLast(5)) == nil)
        #expect(JournalEntry.parse(ArraySlice(Array("00000000 ../x 0 {}".utf8))) == nil)
        // The example in docs/match-log.md; its CRC is zlib's crc32 of the rest of the line.
        var example: [UInt8] = []
        JournalEntry.encode(room: "R4X95U", offset: 18342, line: #"{"by":"s2","channel":"all","kind":"chat","seq":13,"t":1795968800323,"text":"Peace?"}"#, into: &example)
        #expect(String(decoding: example, as: UTF8.self)
                == #"3d763e0e R4X95U 18342 {"by":"s2","channel":"all","kind":"chat","seq":13,"t":1795968800323,"text":"Peace?"}"# + "\n")
    }

    @Test func aPowerCutThatLosesRoomFileWritesIsRepairedFromTheJournal() throws {
        let dir = tempDirectory()
        let rooms = ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE", "FFFFFF"]
        var expected: [String: [UInt8]] = [:]
        do {
            let store = try MatchStore(dataDirectory: dir)
            expected = fill(store, rooms: rooms, batches: 12)
            #expect(journalFiles(dir) == ["00000001.wal"])
            // The power cut: room files lose what was never synced to them; the journal (synced) stays.
            cut(store.path("AAAAAA"), to: expected["AAAAAA"]!.count - 17)            // a torn tail
            cut(store.path("BBBBBB"), to: 0)                                         // everything
            cut(store.path("CCCCCC"), to: expected["CCCCCC"]!.count / 2)            // from the middle of a line on
            #expect(unlink(store.path("DDDDDD")) == 0)                              // the file itself
            let e = open(store.path("EEEEEE"), O_WRONLY)                            // a block that never reached the disk
            #expect(pwrite(e, [UInt8](repeating: 0, count: 100), 100, 150) == 100)
            close(e)
        }
        let store = try MatchStore(dataDirectory: dir)
        for room in rooms { #expect(contents(store, room) == expected[room], "room \(room)") }
        let report = store.journalRecovery
        #expect(report.problems.isEmpty)
        #expect(report.tornLines == 0)
        #expect(report.journals == ["00000001.wal"])
        #expect(Set(report.repaired.keys) == ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"])
        #expect(report.repaired["BBBBBB"] == expected["BBBBBB"]!.filter { $0 == 0x0A }.count)
        #expect(report.entries == expected.values.reduce(0) { $0 + $1.filter { $0 == 0x0A }.count })
        #expect(journalFiles(dir).isEmpty)
        // Appends go on after the repaired end.
        #expect(store.append([.init(room: "AAAAAA", line: #"{"kind":"chat","n":99}"#)]).isEmpty)
        #expect(contents(store, "AAAAAA") == expected["AAAAAA"]! + Array(#"{"kind":"chat","n":99}"#.utf8) + [0x0A])
    }

    @Test func aTornLastJournalLineIsIgnored() throws {
        let dir = tempDirectory()
        var expected: [String: [UInt8]] = [:]
        let last = #"{"kind":"chat","text":"never acknowledged"}"#
        do {
            let store = try MatchStore(dataDirectory: dir)
            expected = fill(store, rooms: ["AAAAAA", "BBBBBB"], batches: 3)
            #expect(store.append([.init(room: "AAAAAA", line: last)]).isEmpty)
            // The crash came in the middle of the last journal write: its entry's end never reached the disk (the
            // reserved file reads as zeros there), and the room file lacks it.
            let journal = dir + "/journal/00000001.wal"
            var bytes = try #require(MatchStore.read(path: journal))
            let end = try #require(bytes.lastIndex(of: 0x0A)) + 1
            bytes.replaceSubrange((end - 20)..<end, with: [UInt8](repeating: 0, count: 20))
            #expect(FileManager.default.createFile(atPath: journal, contents: Data(bytes)))
            cut(store.path("AAAAAA"), to: expected["AAAAAA"]!.count - 5)
        }
        let store = try MatchStore(dataDirectory: dir)
        #expect(store.journalRecovery.tornLines == 1)
        #expect(store.journalRecovery.problems.isEmpty)
        #expect(contents(store, "AAAAAA") == expected["AAAAAA"])
        #expect(contents(store, "BBBBBB") == expected["BBBBBB"])
        #expect(journalFiles(dir).isEmpty)
    }

    @Test func theJournalIsReservedAheadAndItsZerosAreNotEntries() throws {
        let dir = tempDirectory()
        var expected: [String: [UInt8]] = [:]
        var written = 0
        do {
            let store = try MatchStore(dataDirectory: dir)
            expected = fill(store, rooms: ["AAAAAA", "BBBBBB"], batches: 5)
            let journal = dir + "/journal/00000001.wal"
            let bytes = try #require(MatchStore.read(path: journal))
            written = try #require(bytes.lastIndex(of: 0x0A)) + 1
            // The file is longer than its entries (the appends write inside it), and zeros past them.
            #expect(bytes.count == MatchJournal.reserveStep)
            #expect(bytes[written...].allSatisfy { $0 == 0 })
            // A power cut then loses the room files' last lines.
            cut(store.path("AAAAAA"), to: 0)
            cut(store.path("BBBBBB"), to: expected["BBBBBB"]!.count / 2)
        }
        let store = try MatchStore(dataDirectory: dir)
        let report = store.journalRecovery
        #expect(report.tornLines == 0)
        #expect(report.problems.isEmpty)
        #expect(report.entries == expected.values.reduce(0) { $0 + $1.count { $0 == 0x0A } })
        #expect(contents(store, "AAAAAA") == expected["AAAAAA"])
        #expect(contents(store, "BBBBBB") == expected["BBBBBB"])
        #expect(journalFiles(dir).isEmpty)
        #expect(written > 0)
    }

    @Test func garbageInTheJournalIsReportedSkippedAndKept() throws {
        let dir = tempDirectory()
        var expected: [String: [UInt8]] = [:]
        do {
            let store = try MatchStore(dataDirectory: dir)
            expected = fill(store, rooms: ["AAAAAA", "BBBBBB"], batches: 4)
            // Garbage in the middle of the journal, and a second journal of random bytes.
            let journal = dir + "/journal/00000001.wal"
            var bytes = try #require(MatchStore.read(path: journal))
            let middle = (bytes.lastIndex(of: 0x0A)! + 1) / 2   // the middle of the entries, not of the reserved file
            bytes.insert(contentsOf: Array("garbage \u{0}\u{1}{not an entry\n".utf8) + [0xFF, 0xFE, 0x0A], at: bytes[middle...].firstIndex(of: 0x0A)! + 1)
            #expect(FileManager.default.createFile(atPath: journal, contents: Data(bytes)))
            var random = SystemRandomNumberGenerator()
            let noise = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(FileManager.default.createFile(atPath: dir + "/journal/00000002.wal", contents: Data(noise)))
            cut(store.path("BBBBBB"), to: 10)
        }
        let store = try MatchStore(dataDirectory: dir)
        let report = store.journalRecovery
        #expect(report.journals == ["00000001.wal", "00000002.wal"])
        #expect(report.problems.contains { $0.hasPrefix("00000001.wal: 2 damaged entries") })
        #expect(report.problems.contains { $0.hasPrefix("00000002.wal") })
        // Every intact entry was used: both rooms are whole.
        #expect(contents(store, "AAAAAA") == expected["AAAAAA"])
        #expect(contents(store, "BBBBBB") == expected["BBBBBB"])
        #expect(journalFiles(dir) == ["00000001.wal.damaged", "00000002.wal.damaged"])
        // A new journal never reuses a kept file's number.
        #expect(store.append([.init(room: "AAAAAA", line: "{}")]).isEmpty)
        #expect(journalFiles(dir).contains("00000003.wal"))
    }

    @Test func aLostEntryLeavesItsRoomAsItIsAndIsReported() throws {
        let dir = tempDirectory()
        var expected: [String: [UInt8]] = [:]
        do {
            let store = try MatchStore(dataDirectory: dir)
            expected = fill(store, rooms: ["AAAAAA"], batches: 4)
            // The journal's first entry is damaged and the room file lost everything: nothing can be put back in order.
            let journal = dir + "/journal/00000001.wal"
            var bytes = try #require(MatchStore.read(path: journal))
            bytes[30] ^= 0x20
            #expect(FileManager.default.createFile(atPath: journal, contents: Data(bytes)))
            cut(store.path("AAAAAA"), to: 0)
        }
        let store = try MatchStore(dataDirectory: dir)
        #expect(store.journalRecovery.problems.contains { $0.hasPrefix("room AAAAAA:") })
        #expect(contents(store, "AAAAAA") == [])
        #expect(expected["AAAAAA"]!.count > 0)
    }

    @Test func aCheckpointSyncsRoomFilesAndDeletesTheOldJournal() throws {
        let dir = tempDirectory()
        // Every append passes the size limit: each one rotates the journal and checkpoints it in the background.
        let store = try MatchStore(dataDirectory: dir, checkpointBytes: 1)
        let expected = fill(store, rooms: ["AAAAAA", "BBBBBB", "CCCCCC"], batches: 3)
        store.close("BBBBBB")   // a room closed while its checkpoint may still be pending
        store.checkpoint(wait: true)
        #expect(store.checkpoints == 3)
        #expect(journalFiles(dir).isEmpty)
        for room in ["AAAAAA", "BBBBBB", "CCCCCC"] { #expect(contents(store, room) == expected[room]) }

        // Without automatic checkpoints, an explicit one (clean shutdown) leaves no journal either, and a new store
        // has nothing to replay.
        let quiet = try MatchStore(dataDirectory: dir)
        #expect(quiet.journalRecovery.isEmpty)
        #expect(quiet.append([.init(room: "BBBBBB", line: "{}")]).isEmpty)
        #expect(journalFiles(dir) == ["00000001.wal"])
        quiet.close("BBBBBB")   // closed before its checkpoint: the checkpoint still syncs it
        quiet.checkpoint(wait: true)
        #expect(quiet.checkpoints == 1)
        #expect(journalFiles(dir).isEmpty)
        #expect(try MatchStore(dataDirectory: dir).journalRecovery.isEmpty)
        #expect(contents(quiet, "BBBBBB") == expected["BBBBBB"]! + Array("{}\n".utf8))
    }

    @Test func aFailedJournalFailsEveryRoomOfTheBatch() throws {
        let dir = tempDirectory()
        let store = try MatchStore(dataDirectory: dir)
        _ = fill(store, rooms: ["AAAAAA", "BBBBBB"], batches: 1)
        store.checkpoint(wait: true)
        // The journal's directory becomes a plain file: the next journal cannot be created.
        try FileManager.default.removeItem(atPath: dir + "/journal")
        #expect(FileManager.default.createFile(atPath: dir + "/journal", contents: Data()))
        let failures = store.append([.init(room: "AAAAAA", line: "{}"), .init(room: "BBBBBB", line: "{}"), .init(room: "CCCCCC", line: "{}")])
        #expect(Set(failures.keys) == ["AAAAAA", "BBBBBB", "CCCCCC"])
    }

    /// Group commit time with many rooms: `ARMISTICE_BENCH=1 swift test --filter groupCommitBenchmark`.
    /// Prints its numbers; runs on the disk under .build (not a tmpfs).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ARMISTICE_BENCH"] != nil))
    func groupCommitBenchmark() throws {
        let dir = CoreHarness.repoRoot + "/.build/journal-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try MatchStore(dataDirectory: dir)
        let rooms = (0..<1000).map { String(format: "R%05d", $0) }
        let line = #"{"by":"s2","channel":"all","kind":"chat","seq":13,"t":1795968800323,"text":"Shall we reopen the liaison office?"}"#
        _ = store.append(rooms.map { .init(room: $0, line: line) })   // creates the files
        var times: [Double] = []
        for _ in 0..<50 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            #expect(store.append(rooms.map { .init(room: $0, line: line) }).isEmpty)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        store.checkpoint(wait: true)
        let checkpoint = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        times.sort()
        print("group commit, 1000 rooms x 1 line: p50 \(times[25]) ms, p90 \(times[45]) ms, max \(times[49]) ms; checkpoint \(checkpoint) ms")
    }
}
