import Foundation
@testable import ArmisticeServer
import Testing

/// The archive's list reads a live match's log as it grows: only the lines added since, never a line being written.
@Suite struct ArchiveSummaryTests {
    static let header = #"{"by":"instructor","format":1,"kind":"match","room":"BNQ2WX","seq":0,"settings":{"phases":{"adjudication":5,"briefing":60,"negotiation":60,"orders":60,"results":60},"ruleset":"koreanization","seed":5,"turns":8},"t":1000}"#
    static func join(_ seat: String, _ name: String, _ team: String, seq: Int) -> String {
        #"{"by":"\#(seat)","kind":"join","name":"\#(name)","role":"player","seat":"\#(seat)","seq":\#(seq),"t":\#(1000 + seq),"team":"\#(team)"}"#
    }

    @Test func aGrowingLogIsFoldedInFromWhereItWasLeftAndAHalfWrittenLineWaits() throws {
        let dir = NSTemporaryDirectory() + "archive-summary-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/BNQ2WX.jsonl"
        let archive = MatchArchive(directory: dir)
        let first = Self.header + "\n" + Self.join("s2", "Kim", "dprk", seq: 1) + "\n"
        let second = Self.join("s3", "Lee", "rok", seq: 2)
        try Data((first + second.prefix(30)).utf8).write(to: URL(fileURLWithPath: file))
        let one = try #require(archive.entry("BNQ2WX", live: nil))
        #expect(one.players.map(\.name) == ["Kim"], "the half-written line is not read")
        #expect(one.state == .stopped)

        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((second.dropFirst(30) + "\n" + Self.join("s4", "Park", "usa", seq: 3) + "\n").utf8))
        try handle.close()
        let two = try #require(archive.entry("BNQ2WX", live: nil))
        #expect(two.players.map(\.name) == ["Kim", "Lee", "Park"])
        #expect(two.players.map(\.team) == ["dprk", "rok", "usa"])

        // A file that is not a match log (or was replaced by a shorter one) is read from its start again: listed as
        // damaged (the admin's, so it can be downloaded or deleted), never as the match it was.
        try Data((#"{"kind":"presence","seq":1,"t":1}"# + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let damaged = try #require(archive.entry("BNQ2WX", live: nil))
        #expect(damaged.damaged != nil && damaged.players.isEmpty && damaged.owner == nil && damaged.state == .stopped)
    }

    static func chat(_ text: String, seq: Int) -> String {
        #"{"by":"s2","kind":"chat","seq":\#(seq),"t":\#(1000 + seq),"text":"\#(text)"}"#
    }

    @Test func chatLinesAreNotDecodedForTheListButEveryOtherLineIs() throws {
        // A chat text quoting a join record is escaped in JSON, so it can never look like one.
        let bytes = Data((Self.header + "\n" + Self.chat(#"\"kind\":\"join\""#, seq: 1) + "\n" + Self.join("s2", "Kim", "dprk", seq: 2) + "\n"
                          + Self.chat("hi", seq: 3) + "\n" + Self.join("s3", "Lee", "rok", seq: 4) + "\n").utf8)
        let kept = String(decoding: LogSummary.withoutChat(bytes), as: UTF8.self)
        #expect(!kept.contains(#""kind":"chat""#))
        #expect(kept.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3)
    }

    @Test func theHTTPThreadListsALogNotReadYetFromItsFirstAndLastLinesAndReadsItOnTheQueue() throws {
        let dir = NSTemporaryDirectory() + "archive-summary-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let final = #"{"by":"server","hash":"00","kind":"hash","reason":"final","seq":4,"t":9000,"turn":8}"#
        let lines = [Self.header, Self.join("s2", "Kim", "dprk", seq: 1), Self.chat("hi", seq: 2), Self.join("s3", "Lee", "rok", seq: 3), final]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/BNQ2WX.jsonl"))
        let archive = MatchArchive(directory: dir)
        let quick = try #require(archive.entry("BNQ2WX", live: nil, readNow: false))
        #expect(quick.state == .finished && quick.finished == 9000 && quick.turn == 8 && quick.scenario == "koreanization")
        // Read on the queue meanwhile: a moment later the list has the players.
        var full = quick
        for _ in 0..<200 where full.players.isEmpty {
            Thread.sleep(forTimeInterval: 0.01)
            full = try #require(archive.entry("BNQ2WX", live: nil, readNow: false))
        }
        #expect(full.players.map(\.name) == ["Kim", "Lee"])
    }

    @Test func aStoppedLogWhoseHeaderIsCutIsDownloadedWholeAndAnOpenOneWithoutItsHalfLine() throws {
        let dir = NSTemporaryDirectory() + "archive-summary-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/BNQ2WX.jsonl"
        try Data(Self.header.prefix(100).utf8).write(to: URL(fileURLWithPath: file))
        let stopped = try #require(ArchiveRoutes.logDownload("BNQ2WX", path: file, open: false))
        #expect(stopped.status == 200 && stopped.body.count == 100)
        let open = try #require(ArchiveRoutes.logDownload("BNQ2WX", path: file, open: true))
        #expect(open.body.isEmpty)
    }
}
