import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

@Suite struct MatchLogTests {
    func tempDirectory() -> String { makeTemporaryDirectory() }

    /// A short match played in the harness: chat, a deal, orders, an adjudication.
    func playedClassroom() -> Classroom {
        let c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        c.h.send(c.member("rok").client, ["type": "chat", "channel": "all", "text": "peace"])
        c.h.send(c.member("dprk").client, ["type": "propose_deal", "commitments": [["team": "dprk", "action": "restore_contact"],
                                                                                    ["team": "rok", "action": "alliance_working_group"]]])
        c.h.send(c.member("rok", 1).client, ["type": "respond_deal", "deal": 1, "accept": true])
        c.h.send(c.member("usa").client, ["type": "set_orders", "orders": [["action": "press_seoul"]]])
        c.skip(to: "results")
        c.skip(to: "negotiation")
        return c
    }

    @Test func theLogReplaysToTheSameHash() throws {
        let c = playedClassroom()
        let lines = try #require(c.h.logs[c.code])
        let reader = try LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).restorable()
        #expect(reader.tornTail == nil)
        let header = reader.records[0]
        #expect(header.kind == .match)
        #expect(header.rulesetHash == c.h.room.engine.ruleset.sourceHash)
        #expect(header.settings?.seed == 7)
        #expect(reader.records.contains { $0.kind == .hash })
        #expect(reader.records.contains { $0.kind == .chat && $0.text == "peace" })
        let replay = try MatchReplay.replay(reader.records)
        #expect(replay.finalHash == c.h.room.engine.stateHash(c.h.room.state))
        #expect(replay.hashesChecked == 1)
    }

    @Test func aTornLastLineIsIgnoredAndCutAndReported() throws {
        let c = playedClassroom()
        let dir = tempDirectory()
        let store = try MatchStore(dataDirectory: dir)
        #expect(store.append(c.h.logs[c.code]!.map { .init(room: c.code, line: $0) }).isEmpty)
        let whole = try #require(MatchStore.read(path: store.path(c.code))).count
        let handle = try #require(FileHandle(forWritingAtPath: store.path(c.code)))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"kind":"chat","seq":999,"t":1,"by":"s2","chan"#.utf8))
        handle.closeFile()
        let reader = try store.load(c.code)
        #expect(reader.tornTail != nil)
        #expect(reader.records.count == c.h.logs[c.code]!.count)
        #expect(try #require(MatchStore.read(path: store.path(c.code))).count == whole)
    }

    @Test func aRestartRebuildsRoomsAndSeatTokensStillWork() throws {
        let c = playedClassroom()
        let dir = tempDirectory()
        let store = try MatchStore(dataDirectory: dir)
        _ = store.append(c.h.logs[c.code]!.map { .init(room: c.code, line: $0) })
        let liveHash = c.h.room.engine.stateHash(c.h.room.state)
        let liveSeq = c.h.room.seq
        let deadline = try #require(c.h.room.clock.deadline)

        // A new server process: same logs, new core.
        let h2 = CoreHarness()
        h2.now = c.h.now + 5_000
        var out = CoreOutput()
        let room = try #require(try h2.core.restore(try store.load(c.code), now: h2.now, into: &out))
        h2.take(out)
        #expect(room.engine.stateHash(room.state) == liveHash)
        #expect(room.seq == liveSeq + 1)   // the clock's restart record
        #expect(room.clock.deadline == max(deadline, h2.now + ServerLimits().restartGraceMs))
        #expect(room.seats.allSatisfy { $0.connection == nil })
        #expect(room.chat.map(\.text) == ["peace"])

        let student = c.member("rok", 1)
        let back = h2.connect(address: "10.1.0.2")
        let replies = h2.send(back, ["type": "resume", "token": student.token, "seq": liveSeq])
        // It saw everything up to the crash: it gets only the restart's clock change.
        #expect(replies.first?["type"] as? String == "resumed")
        #expect(replies.first?["mode"] as? String == "replay")
        #expect(replies.dropFirst().first?["type"] as? String == "clock")
        // A client further behind gets a snapshot.
        let teammate = h2.connect(address: "10.1.0.1")
        let older = h2.send(teammate, ["type": "resume", "token": c.member("rok", 0).token, "seq": 3])
        #expect(older.first?["mode"] as? String == "snapshot")
        #expect(older.contains { $0["type"] as? String == "snapshot" })
        // Play goes on.
        #expect(CoreHarness.errorCode(h2.send(back, ["type": "set_orders", "orders": [["action": "alliance_working_group"]]])) == nil)
        #expect(CoreHarness.errorCode(h2.send(h2.connect(), ["type": "join", "code": c.code, "name": "New"])) == nil)
    }

    /// A match ended by the instructor, and its log as a server restores it.
    func endedClassroom() throws -> (Classroom, LogReader.Restorable) {
        let c = Classroom()
        c.start()
        c.h.send(c.instructor.client, ["type": "end", "reason": "bell"])
        return (c, try c.h.restorable(c.code))
    }

    @Test func aMatchFinishedJustBeforeARestartStaysReadable() throws {
        let (c, log) = try endedClassroom()
        let h2 = CoreHarness()
        h2.now = c.h.now + 10 * 60_000
        var out = CoreOutput()
        #expect(try h2.core.restore(log, now: h2.now, into: &out) == nil)   // nothing left to play
        h2.take(out)
        #expect(h2.logs.isEmpty, "restoring a finished room writes nothing")
        let student = c.member("rok", 1)
        let back = h2.connect(address: "10.1.0.2")
        let replies = h2.send(back, ["type": "resume", "token": student.token])
        #expect(replies.first?["type"] as? String == "resumed", "\(replies)")
        #expect(h2.phase(back) == "ended")
        #expect(h2.view(back)?["outcome"] != nil, "the final results and debrief are there")
        #expect(CoreHarness.errorCode(h2.send(back, ["type": "chat", "channel": "all", "text": "gg"])) == nil)
        // It is let go when it would have been without the restart (once nobody is connected).
        h2.disconnect(back)
        h2.now = c.h.now + ServerLimits().finishedRoomLingerMs + 1_000
        h2.tick()
        #expect(h2.core.rooms.isEmpty)
    }

    @Test func aFinishedMatchPastItsLingerIsNotReopenedButItsCodeStaysTaken() throws {
        let (c, log) = try endedClassroom()
        let h2 = CoreHarness()
        h2.now = c.h.now + ServerLimits().finishedRoomLingerMs + 1_000
        var out = CoreOutput()
        #expect(try h2.core.restore(log, now: h2.now, into: &out) == nil)
        #expect(h2.core.rooms.isEmpty)
        let x = h2.connect()
        #expect(CoreHarness.errorCode(h2.send(x, ["type": "resume", "token": c.instructor.token])) == "token_expired")
    }
}
