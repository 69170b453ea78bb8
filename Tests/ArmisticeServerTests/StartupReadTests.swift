import Foundation
import Logging
import Testing
@testable import ArmisticeServer

/// What a server start reads of the match logs: a match that ended longer ago than a finished room lingers is not
/// replayed (its code is only reserved), one that ended within it is; a log whose file name is not a room code is
/// named in the recovery problems instead of being ignored.
@Suite struct StartupReadTests {
    /// A finished log with its join line removed (a replay refuses it: seq gap), its final hash line dated `ended`.
    static func refusedLog(_ code: String, ended: Int64) throws -> String {
        var lines = try RecoveryCheckTests.finishedLog().map { $0.replacingOccurrences(of: RecoveryCheckTests.code, with: code) }
        lines.remove(at: try RecoveryCheckTests.index(lines) { $0.contains(#""kind":"join""#) })
        let final = try RecoveryCheckTests.index(lines) { $0.contains(#""reason":"final""#) }
        lines[final] = lines[final].replacingOccurrences(of: #","t":[0-9]+"#, with: ",\"t\":\(ended)", options: .regularExpression)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aMatchThatEndedLongAgoIsNotReplayedAtStartAndOneThatJustEndedIs() throws {
        let data = NSTemporaryDirectory() + "armistice-startup-" + UUID().uuidString
        let matches = data + "/matches"
        try FileManager.default.createDirectory(atPath: matches, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let now = RoomExecutor.now()
        try Data(try Self.refusedLog("QZ2A22", ended: 1000).utf8).write(to: URL(fileURLWithPath: matches + "/QZ2A22.jsonl"))
        try Data(try Self.refusedLog("QZ2B22", ended: now).utf8).write(to: URL(fileURLWithPath: matches + "/QZ2B22.jsonl"))
        try Data(try Self.refusedLog("BIGBIG", ended: 1000).utf8).write(to: URL(fileURLWithPath: matches + "/BIGBIG.jsonl"))
        var logger = Logger(label: "test.server")
        logger.logLevel = .critical
        let server = try RoomServer(configuration: LiveServer.configuration(data: data), logger: logger)
        defer { server.shutdown() }
        #expect(server.recovery.finished == ["QZ2A22"], "ended long ago: its code reserved, its log not replayed")
        #expect(server.recovery.failed["QZ2B22"] != nil, "ended within the linger: replayed, and refused")
        #expect(server.recovery.failed["BIGBIG"]?.contains("is not a room code") == true)
    }

    @Test func theFinalHashIsFoundAfterTheLinesALingeringRoomLogsButNotPastATornTail() throws {
        let dir = NSTemporaryDirectory() + "armistice-final-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try RecoveryCheckTests.finishedLog()
        let text = lines.joined(separator: "\n") + "\n" + (try RecoveryCheckTests.presence(after: lines)) + "\n"
        let file = dir + "/QZ2M22.jsonl"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        #expect(MatchStore.finalHash(path: file)?.reason == "final")
        try Data((text + #"{"by":"s2","kind":"ch"#).utf8).write(to: URL(fileURLWithPath: file))
        #expect(MatchStore.finalHash(path: file) == nil, "a torn tail: the log is read whole, and the tail cut")
    }

    @Test func aTailCutAtStartIsKeptBesideTheLog() throws {
        let data = NSTemporaryDirectory() + "armistice-cut-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let store = try MatchStore(dataDirectory: data)
        let lines = try RecoveryCheckTests.finishedLog()
        let whole = lines.joined(separator: "\n") + "\n"
        try Data((whole + "GARBAGE\n").utf8).write(to: URL(fileURLWithPath: store.path(RecoveryCheckTests.code)))
        let log = try store.load(RecoveryCheckTests.code)
        #expect(log.tornTail != nil)
        let kept = try #require(store.cutTails[RecoveryCheckTests.code])
        #expect(kept.hasPrefix(store.path(RecoveryCheckTests.code) + ".cut-"))
        #expect(FileManager.default.contents(atPath: kept) == Data("GARBAGE\n".utf8))
        #expect(FileManager.default.contents(atPath: store.path(RecoveryCheckTests.code)) == Data(whole.utf8))
    }
}
