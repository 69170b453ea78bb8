import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

/// The instructor closes the room to new students (`set_joining`), so a removed student cannot simply join again;
/// seated students still come back, the instructor still joins, and the room stays closed across a restart.
@Suite struct JoiningTests {
    /// A join's reply: the error code and message, or nil codes for a seat.
    func join(_ h: CoreHarness, _ code: String, name: String, role: String? = nil, key: String? = nil, lang: String? = nil) -> (code: String?, message: String?) {
        let id = h.connect(address: "10.7.0.1", lang: lang)
        var request: [String: Any] = ["type": "join", "code": code, "name": name]
        if let role { request["role"] = role }
        if let key { request["key"] = key }
        let replies = h.send(id, request)
        let error = replies.first { $0["type"] as? String == "error" }
        return (error?["code"] as? String, error?["message"] as? String)
    }

    /// A new server process after `after`'s: the room brought back from the log in `store`.
    func restart(_ code: String, from store: MatchStore, after: CoreHarness) throws -> (CoreHarness, Room) {
        let h = CoreHarness()
        h.now = after.now + 5_000
        var out = CoreOutput()
        let room = try #require(try h.core.restore(try store.load(code), now: h.now, into: &out))
        h.take(out)
        return (h, room)
    }

    @Test func aRemovedStudentCannotJoinAgainOnceTheRoomIsClosed() throws {
        let c = Classroom()
        let kicked = c.member("usa", 1)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "remove_seat", "seat": kicked.seat])) == nil)
        // Only the instructor closes the door.
        #expect(CoreHarness.errorCode(c.h.send(c.member("dprk").client, ["type": "set_joining", "open": false])) == "not_instructor")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining"])) == "bad_request")
        c.h.clear(c.instructor.client)
        let replies = c.h.send(c.instructor.client, ["type": "set_joining", "id": "j", "open": false])
        #expect(replies.contains { $0["type"] as? String == "ack" && $0["id"] as? String == "j" })
        #expect(c.h.room.joiningClosed)
        // The instructor's roster says the room is closed.
        #expect(c.h.last(c.instructor.client, type: "roster")?["joining"] as? String == "closed")
        // The removed student, under any name and from any address, and a new observer: refused, told what to do.
        let again = join(c.h, c.code, name: "Another name")
        #expect(again.code == "joining_closed")
        #expect(again.message?.contains(c.code) == true && again.message?.contains("ask your instructor to open it") == true)
        #expect(join(c.h, c.code, name: "Projector 2", role: "observer").code == "joining_closed")
        let korean = join(c.h, c.code, name: "김", lang: "ko")
        #expect(korean.code == "joining_closed")
        #expect(korean.message?.contains("교사에게 입장을 열어 달라고") == true)
        #expect(c.h.room.activeSeats.count == 9)
        // Seated students come back; the instructor still joins; bots and moves still work.
        let student = c.member("rok", 1)
        c.h.disconnect(student.client)
        let back = c.h.connect(address: "10.99.0.1")
        #expect(c.h.send(back, ["type": "resume", "token": student.token, "seq": 0]).first?["type"] as? String == "resumed")
        #expect(join(c.h, c.code, name: "Ms Lee", role: "instructor", key: CoreHarness.key).code == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_bot", "team": "usa", "policy": "greedy"])) == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "move_seat", "seat": c.member("un", 1).seat, "team": "usa"])) == nil)
        // A snapshot says it too; opening the room lets new students in again, and the roster no longer says closed.
        c.h.send(c.instructor.client, ["type": "resync"])
        let settings = try #require(c.h.last(c.instructor.client, type: "snapshot")?["settings"] as? [String: Any])
        #expect(settings["joining"] as? String == "closed")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": true])) == nil)
        #expect(!c.h.room.joiningClosed)
        let roster = try #require(c.h.last(c.instructor.client, type: "roster"))
        #expect(roster["joining"] == nil)
        #expect(join(c.h, c.code, name: "Latecomer").code == nil)
        c.h.send(c.instructor.client, ["type": "resync"])
        #expect((c.h.last(c.instructor.client, type: "snapshot")?["settings"] as? [String: Any])?["joining"] == nil)
    }

    /// A closed room keeps new observers out too (the projector, a debrief guest), in words of their own: the room is
    /// closed to new seats and the instructor opens it with Open joining, not "ask your instructor" as to a student.
    @Test func aClosedRoomRefusesAnObserverInItsOwnWords() {
        let c = Classroom()
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        let english = join(c.h, c.code, name: "Projector 2", role: "observer")
        #expect(english.code == "joining_closed")
        #expect(english.message == "room \(c.code) is closed to new seats for now, observers' too: the instructor opens it with Open joining (:open in the terminal), then join again")
        let korean = join(c.h, c.code, name: "프로젝터", role: "observer", lang: "ko")
        #expect(korean.code == "joining_closed")
        #expect(korean.message == "\(c.code) 방은 지금 새 자리를 받지 않습니다. 관찰자도 마찬가지입니다. 교사가 ‘입장 열기’(터미널에서는 :open)로 방을 연 뒤 다시 들어오세요.")
        #expect(join(c.h, c.code, name: "Latecomer").message?.contains("ask your instructor to open it") == true)
    }

    /// `GET /api/rooms/CODE` says the room is closed, so a join form can tell a student before they type a name: the
    /// directory the HTTP side reads follows the door as it follows the phase.
    @Test func theRoomsPublicSummarySaysWhileItIsClosed() throws {
        let c = Classroom()
        let directory = RoomDirectory()
        directory.reload(from: c.h.core)
        #expect(directory[c.code]?.joining == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        directory.refresh(from: c.h.core, touched: [c.code])
        #expect(directory[c.code]?.joining == "closed")
        let json = try #require(String(data: try JSONEncoder().encode(directory[c.code]), encoding: .utf8))
        #expect(json.contains(#""joining":"closed""#))
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": true])) == nil)
        directory.refresh(from: c.h.core, touched: [c.code])
        #expect(directory[c.code]?.joining == nil)
    }

    @Test func joiningIsLoggedAndChangesNoStateHash() throws {
        let c = Classroom()
        c.start()
        let hash = c.h.room.engine.stateHash(c.h.room.state)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        #expect(c.h.room.engine.stateHash(c.h.room.state) == hash)
        let lines = try #require(c.h.logs[c.code]).suffix(2)
        #expect(lines.allSatisfy { $0.hasPrefix(#"{"by":"\#(c.instructor.seat)","kind":"joining","open":false,"seq":"#) })
    }

    @Test func afterTheEndTheDoorStillOpensAndCloses() throws {
        let c = Classroom()
        c.start()
        c.h.send(c.instructor.client, ["type": "end", "reason": "bell"])
        #expect(c.h.room.isOver)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        #expect(join(c.h, c.code, name: "Projector 2", role: "observer").code == "joining_closed")
        // A player cannot join a finished match either way: it is told the match is over, not to ask for the door.
        #expect(join(c.h, c.code, name: "Late").code == "game_over")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": true])) == nil)
        #expect(join(c.h, c.code, name: "Projector 2", role: "observer").code == nil)
    }

    @Test func aClosedRoomStaysClosedAfterARestart() throws {
        let c = Classroom()
        c.start()
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        let dir = NSTemporaryDirectory() + "armistice-joining-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try MatchStore(dataDirectory: dir)
        #expect(store.append(c.h.logs[c.code]!.map { .init(room: c.code, line: $0) }).isEmpty)
        let liveHash = c.h.room.engine.stateHash(c.h.room.state)

        let (h2, room) = try restart(c.code, from: store, after: c.h)
        #expect(room.joiningClosed)
        #expect(room.engine.stateHash(room.state) == liveHash)
        #expect(join(h2, c.code, name: "New").code == "joining_closed")
        // Seated students and the instructor come back; the instructor's snapshot says the room is closed.
        let back = h2.connect(address: "10.1.0.2")
        #expect(h2.send(back, ["type": "resume", "token": c.member("rok").token]).first?["type"] as? String == "resumed")
        let teacher = h2.connect(address: "10.0.0.1")
        h2.send(teacher, ["type": "resume", "token": c.instructor.token])
        #expect((h2.last(teacher, type: "snapshot")?["settings"] as? [String: Any])?["joining"] as? String == "closed")
        // Opened again, and that is kept too.
        #expect(CoreHarness.errorCode(h2.send(teacher, ["type": "set_joining", "open": true])) == nil)
        #expect(store.append(h2.logs[c.code]!.map { .init(room: c.code, line: $0) }).isEmpty)
        let (h3, reopened) = try restart(c.code, from: store, after: h2)
        #expect(!reopened.joiningClosed)
        #expect(join(h3, c.code, name: "New").code == nil)
    }

    /// `kill -9` (or a power cut) right after the ack: the room's file lost the `joining` line, the synced journal
    /// kept it; the next start puts it back and the room is still closed.
    @Test func aClosedRoomStaysClosedWhenOnlyTheJournalKeptIt() throws {
        let c = Classroom()
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "set_joining", "open": false])) == nil)
        let last = try #require(c.h.logs[c.code]?.last)
        #expect(last.contains(#""kind":"joining""#))
        let dir = NSTemporaryDirectory() + "armistice-joining-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let store = try MatchStore(dataDirectory: dir)
            #expect(store.append(c.h.logs[c.code]!.map { .init(room: c.code, line: $0) }).isEmpty)
            let whole = try #require(MatchStore.read(path: store.path(c.code))).count
            let file = try #require(FileHandle(forWritingAtPath: store.path(c.code)))
            try file.truncate(atOffset: UInt64(whole - last.utf8.count - 1))
            try file.close()
            let cut = try #require(MatchStore.read(path: store.path(c.code)))
            #expect(!String(decoding: cut, as: UTF8.self).contains(#""kind":"joining""#))
        }
        let store = try MatchStore(dataDirectory: dir)
        #expect(store.journalRecovery.repaired[c.code] == 1)
        let (h2, room) = try restart(c.code, from: store, after: c.h)
        #expect(room.joiningClosed)
        #expect(join(h2, c.code, name: "New").code == "joining_closed")
    }
}
