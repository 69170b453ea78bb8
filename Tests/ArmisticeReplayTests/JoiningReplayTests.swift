import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The instructor's `set_joining` is a `joining` record in the match log: a replay knows it (no `unknown_kind`),
/// every reader reads it alike, and no state hash depends on it.
@Suite struct JoiningReplayTests {
    /// A short match; with `door`, the instructor closes the room before the start and opens it in turn 1.
    func play(door: Bool) throws -> String {
        let m = ServerMatch()
        let i = m.connect("10.0.0.1")
        let created = m.send(i, ["type": "create_room", "key": ServerMatch.key, "ruleset": "koreanization", "seed": 5, "turns": 1])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        let dprk = m.connect("10.0.0.2")
        m.send(dprk, ["type": "join", "code": code, "name": "Ri", "team": "dprk"])
        if door { #expect(ServerMatch.error(m.send(i, ["type": "set_joining", "open": false])) == nil) }
        m.send(i, ["type": "start"])
        if door { #expect(ServerMatch.error(m.send(i, ["type": "set_joining", "open": true])) == nil) }
        for _ in 0..<8 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        return m.lines.joined(separator: "\n") + "\n"
    }

    @Test func aReplayKnowsJoiningRecordsAndTheHashesAreTheSameWithoutThem() throws {
        let text = try play(door: true)
        let lines = text.split(separator: "\n").filter { $0.contains(#""kind":"joining""#) }
        #expect(lines.count == 2)
        let decoder = JSONDecoder()
        for line in lines {
            let bytes = Array(line.utf8)
            let decoded = try decoder.decode(LogRecord.self, from: Data(bytes))
            #expect(decoded.kind == .joining && decoded.open != nil)
            #expect(bytes.withUnsafeBufferPointer { JSON.parse($0).flatMap(LogRecord.fast) } == decoded)
            #expect(bytes.withUnsafeBufferPointer(LogRecord.scan) == decoded)
            #expect(String(decoding: try LogRecordEncoder().encode(decoded), as: UTF8.self) == String(line))
        }
        let replay = Replay(log: try MatchLog(bytes: Array(text.utf8)))
        #expect(replay.isVerified)
        #expect(replay.issues.isEmpty, "\(replay.issues)")
        let without = Replay(log: try MatchLog(bytes: Array(try play(door: false).utf8)))
        #expect(without.isVerified)
        #expect(replay.finalHash == without.finalHash)
        #expect(replay.hashesChecked == without.hashesChecked && replay.hashesMatched == replay.hashesChecked)
    }
}
