import Foundation
import Testing
@testable import ArmisticeServer

/// A room with the instructor, four teams of two and an observer, driven with no sockets.
struct Classroom {
    let h = CoreHarness()
    let instructor: CoreHarness.Seated
    let code: String
    var students: [String: [CoreHarness.Seated]] = [:]
    let observer: CoreHarness.Seated

    init(phases: [String: Int]? = nil, turns: Int? = nil) {
        let h = self.h
        let (instructor, code) = h.createRoom(turns: turns, phases: phases)
        var students: [String: [CoreHarness.Seated]] = [:]
        for team in ["dprk", "rok", "usa", "un"] {
            students[team] = (1...2).map { h.join(code, name: "\(team) \($0)", team: team, address: "10.1.0.\($0)") }
        }
        self.instructor = instructor
        self.code = code
        self.students = students
        observer = h.join(code, name: "Projector", role: "observer")
    }

    func start() {
        #expect(CoreHarness.errorCode(h.send(instructor.client, ["type": "start", "id": "s"])) == nil)
    }

    /// Skips phases until `phase`.
    func skip(to phase: String) {
        var guardCount = 0
        while h.phase(instructor.client) != phase, guardCount < 10 {
            guardCount += 1
            h.send(instructor.client, ["type": "skip"])
        }
        #expect(h.phase(instructor.client) == phase)
    }

    func member(_ team: String, _ i: Int = 0) -> CoreHarness.Seated { students[team]![i] }
}

@Suite struct RoomPlayTests {
    @Test func studentsJoinTeamsAndEveryoneSeesTheRoster() throws {
        let c = Classroom()
        let roster = try #require(c.h.last(c.observer.client, type: "roster")?["roster"] as? [[String: Any]])
        #expect(roster.count == 10)
        #expect(roster.filter { $0["team"] as? String == "usa" }.count == 2)
        #expect(c.h.room.seats.filter { $0.role == .player }.count == 8)
        // A student's snapshot is their team's view, with its actions and why they are not available now.
        let snapshot = try #require(c.h.messages(c.member("dprk").client, type: "snapshot").first)
        let view = try #require(snapshot["view"] as? [String: Any])
        #expect(view["viewer"] as? String == "dprk")
        let actions = try #require(view["actions"] as? [[String: Any]])
        #expect(actions.allSatisfy { $0["team"] as? String == "dprk" && $0["cost"] != nil && $0["available"] as? Bool == false })
        #expect(actions.first?["reason"] as? String != nil)
    }

    @Test func draftsAreSharedLiveWithTeammatesOnly() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        for s in c.students.values.flatMap({ $0 }) { c.h.clear(s.client) }
        c.h.clear(c.observer.client)
        let replies = c.h.send(c.member("dprk", 0).client, ["type": "set_orders", "id": 5, "orders": [["action": "missile_test"]]])
        #expect(replies.contains { $0["type"] as? String == "ack" && $0["id"] as? Int == 5 })
        let mate = try #require(c.h.last(c.member("dprk", 1).client, type: "update"))
        let orders = try #require(((mate["view"] as? [String: Any])?["orders"] as? [String: Any])?["dprk"] as? [String: Any])
        #expect((orders["orders"] as? [[String: Any]])?.first?["action"] as? String == "missile_test")
        #expect(c.h.messages(c.member("rok").client, type: "update").isEmpty)
        #expect(c.h.messages(c.observer.client, type: "update").isEmpty)
    }

    @Test func everyTeamLockingInEndsTheOrdersPhaseAtOnce() {
        let c = Classroom()
        c.start()
        c.skip(to: "orders")
        for team in ["dprk", "rok", "usa"] {
            c.h.send(c.member(team, 1).client, ["type": "lock"])
        }
        #expect(c.h.phase(c.instructor.client) == "orders")
        c.h.send(c.member("un").client, ["type": "lock"])
        #expect(c.h.phase(c.instructor.client) == "adjudication")
        #expect(c.h.room.state.turn == 1)
    }

    @Test func theDeadlineMovesThePhaseAndUnlockedDraftsCount() throws {
        let c = Classroom(phases: ["briefing": 5, "negotiation": 10, "orders": 10, "adjudication": 2, "results": 5])
        c.start()
        #expect(c.h.phase(c.member("rok").client) == "briefing")
        c.h.advance(seconds: 5)
        #expect(c.h.phase(c.member("rok").client) == "negotiation")
        c.h.send(c.member("dprk").client, ["type": "set_orders", "orders": [["action": "missile_test"]]])
        c.h.advance(seconds: 9)
        #expect(c.h.phase(c.member("rok").client) == "negotiation")
        c.h.advance(seconds: 1)
        #expect(c.h.phase(c.member("rok").client) == "orders")
        c.h.advance(seconds: 10)
        #expect(c.h.room.state.phase == .adjudication)
        let orderRecord = c.h.room.state.records.first { $0.kind == .order && $0.team == "dprk" }
        #expect(orderRecord?.action == "missile_test")
        c.h.advance(seconds: 2)
        #expect(c.h.room.state.phase == .results)
        let clock = try #require(c.h.last(c.member("usa").client, type: "update")?["clock"] as? [String: Any])
        #expect(clock["remaining"] as? Int == 5000)
    }

    @Test func theInstructorPausesExtendsAndResumesTheClock() throws {
        let c = Classroom(phases: ["briefing": 30])
        c.start()
        c.h.advance(seconds: 10)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "pause"])) == nil)
        c.h.advance(seconds: 100)
        #expect(c.h.room.state.phase == .briefing)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "pause"])) == "already_paused")
        c.h.send(c.instructor.client, ["type": "extend", "seconds": 30])
        c.h.send(c.instructor.client, ["type": "unpause"])
        let clock = try #require(c.h.last(c.observer.client, type: "clock")?["clock"] as? [String: Any])
        #expect(clock["remaining"] as? Int == 50_000)
        c.h.advance(seconds: 49)
        #expect(c.h.room.state.phase == .briefing)
        c.h.advance(seconds: 1)
        #expect(c.h.room.state.phase == .negotiation)
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "pause"])) == "not_instructor")
    }

    @Test func aDealThatEveryPartyAcceptsIsCarriedOut() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        let proposal = c.h.send(c.member("dprk").client, ["type": "propose_deal", "id": "d1", "note": "talks for talks",
                                                         "commitments": [["team": "dprk", "action": "restore_contact"],
                                                                         ["team": "rok", "action": "alliance_working_group"]]])
        #expect(CoreHarness.errorCode(proposal) == nil)
        let rokUpdate = try #require(c.h.last(c.member("rok", 1).client, type: "update"))
        let deals = try #require((rokUpdate["view"] as? [String: Any])?["deals"] as? [[String: Any]])
        #expect(deals.first?["status"] as? String == "open")
        #expect(c.h.messages(c.member("usa").client, type: "update").allSatisfy { (($0["view"] as? [String: Any])?["deals"] as? [Any])?.isEmpty ?? true })
        #expect(CoreHarness.errorCode(c.h.send(c.member("rok").client, ["type": "respond_deal", "deal": 1, "accept": true])) == nil)
        #expect(c.h.room.state.deals.first?.status == .agreed)
        c.skip(to: "results")
        #expect(c.h.room.state.deals.first?.status == .carriedOut)
        #expect(c.h.room.state.records.contains { $0.kind == .order && $0.team == "rok" && $0.action == "alliance_working_group" })
    }

    @Test func injectsAdjustmentsAndTheEndReachEveryone() throws {
        let c = Classroom()
        c.start()
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_news", "text": "Typhoon\u{0007} season"])) == nil)
        let news = try #require((c.h.last(c.observer.client, type: "update")?["records"] as? [[String: Any]])?.first)
        #expect(news["text"] as? String == "Typhoon season")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_event", "event": "dmz_incident"])) == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "adjust", "target": "tension", "value": 7, "reason": "demo"])) == nil)
        #expect(c.h.room.state.tracks[c.h.room.engine.ruleset.trackIndex("tension")!] == 7)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "adjust", "target": "tension", "value": 7, "reason": " "])) == "bad_parameter")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "end", "reason": "out of time"])) == nil)
        #expect(c.h.room.state.phase == .ended)
        let view = try #require(c.h.view(c.member("un").client))
        #expect(view["phase"] as? String == "ended")
        #expect(view["outcome"] != nil)
        #expect(CoreHarness.errorCode(c.h.send(c.member("un").client, ["type": "lock"])) == "game_over")
    }

    @Test func endingAMatchWhoseEndingIsDecidedKeepsThatEnding() throws {
        let c = Classroom(turns: 1)
        c.start()
        c.skip(to: "results")
        let decided = try #require(c.h.room.state.outcome)
        let reason = c.h.room.state.endReason
        let outcomes = c.h.room.state.records.filter { $0.kind == .outcome }.count
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "end", "id": "e", "reason": "bell rang"])) == nil)
        #expect(c.h.room.state.phase == .ended)
        #expect(c.h.room.state.outcome == decided)
        #expect(c.h.room.state.endReason == reason)
        #expect(c.h.room.state.records.filter { $0.kind == .outcome }.count == outcomes)
        #expect((c.h.view(c.member("un").client)?["outcome"] as? [String: Any])?["reason"] as? String != "bell rang")
    }

    @Test func onceTheEndingIsDecidedEventsAndAdjustmentsAreRefusedAndNewsStillGoes() throws {
        let c = Classroom(turns: 1)
        c.start()
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "adjust", "target": "tension", "value": 6, "reason": "before"])) == nil)
        c.skip(to: "results")
        let decided = try #require(c.h.room.state.outcome)
        let tension = c.h.room.state.tracks
        let records = c.h.room.state.records.count
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "adjust", "target": "tension", "value": 1, "reason": "late"])) == "game_over")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_event", "event": "dmz_incident"])) == "game_over")
        #expect(c.h.room.state.tracks == tension)
        #expect(c.h.room.state.records.count == records)
        #expect(c.h.room.state.outcome == decided)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_news", "text": "Debrief at 3 pm."])) == nil)
    }

    @Test func chatGoesOnlyToItsChannel() throws {
        let c = Classroom()
        c.h.send(c.member("dprk").client, ["type": "chat", "channel": "pair:rok+dprk", "text": "hello\u{0000} south"])
        #expect((c.h.last(c.member("rok", 1).client, type: "chat")?["message"] as? [String: Any])?["text"] as? String == "hello south")
        #expect((c.h.last(c.member("rok", 1).client, type: "chat")?["message"] as? [String: Any])?["channel"] as? String == "pair:dprk+rok")
        #expect(c.h.last(c.member("usa").client, type: "chat") == nil)
        #expect(c.h.last(c.observer.client, type: "chat") == nil)
        #expect(c.h.last(c.instructor.client, type: "chat") != nil)
        c.h.send(c.member("usa").client, ["type": "chat", "channel": "team:usa", "text": "our plan"])
        #expect(c.h.last(c.member("usa", 1).client, type: "chat") != nil)
        #expect(c.h.last(c.member("un").client, type: "chat") == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "chat", "channel": "team:un", "text": "x"])) == "bad_channel")
        #expect(CoreHarness.errorCode(c.h.send(c.observer.client, ["type": "chat", "channel": "all", "text": "x"])) == "bad_channel")
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "chat", "channel": "all", "text": String(repeating: "y", count: 501)])) == "chat_too_long")
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "chat", "channel": "all", "text": "\u{0001}\u{0002}"])) == "empty_message")
    }

    @Test func theInstructorMovesAndRemovesStudents() throws {
        let c = Classroom()
        let late = c.h.join(c.code, name: "Late", address: "10.9.9.9")
        #expect(CoreHarness.errorCode(c.h.send(late.client, ["type": "lock"])) == "no_team")
        c.h.clear(late.client)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "move_seat", "seat": late.seat, "team": "un"])) == nil)
        let snap = try #require(c.h.last(late.client, type: "snapshot"))
        #expect((snap["you"] as? [String: Any])?["team"] as? String == "un")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "remove_seat", "seat": late.seat])) == nil)
        #expect(c.h.last(late.client, type: "removed") != nil)
        // Its connection is closed (1000): nothing more is read from it.
        #expect(c.h.closed[late.client]?.kind == .normal)
        #expect(c.h.send(late.client, ["type": "lock"]).isEmpty)
        let again = c.h.connect(address: "10.9.9.9")
        #expect(CoreHarness.errorCode(c.h.send(again, ["type": "resume", "token": late.token, "seq": 0])) == "bad_token")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "remove_seat", "seat": "s99"])) == "unknown_seat")
        // A team and a role other than a team seat's is ambiguous; a team with "player" is what a team seat is.
        let other = c.member("rok", 1)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "move_seat", "seat": other.seat, "team": "usa", "role": "observer"])) == "bad_request")
        #expect(c.h.room.seats.first { $0.id == other.seat }?.team == c.h.room.engine.ruleset.teamIndex("rok"))
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "move_seat", "seat": other.seat, "team": "usa", "role": "player"])) == nil)
        #expect(c.h.room.seats.first { $0.id == other.seat }?.team == c.h.room.engine.ruleset.teamIndex("usa"))
    }

    @Test func aReconnectingStudentGetsWhatItMissed() throws {
        let c = Classroom()
        let student = c.member("rok", 1)
        let lastSeq = c.h.room.seq
        c.h.disconnect(student.client)
        c.start()
        c.h.send(c.member("rok").client, ["type": "chat", "channel": "team:rok", "text": "where are you?"])
        let back = c.h.connect(address: "10.1.0.2")
        let replies = c.h.send(back, ["type": "resume", "token": student.token, "seq": lastSeq])
        let resumed = try #require(replies.first { $0["type"] as? String == "resumed" })
        #expect(resumed["mode"] as? String == "replay")
        #expect(replies.contains { $0["type"] as? String == "chat" })
        #expect(replies.contains { $0["type"] as? String == "update" })
        // Each replayed message's prev chains to the one before, with no gap.
        var seen = lastSeq
        for m in replies where m["prev"] != nil {
            #expect((m["prev"] as! Int) <= seen)
            seen = m["seq"] as! Int
        }
        // Too old a seq, or none: a snapshot.
        let other = c.h.connect(address: "10.1.0.2")
        let fresh = c.h.send(other, ["type": "resume", "token": student.token])
        #expect(fresh.first { $0["type"] as? String == "resumed" }?["mode"] as? String == "snapshot")
        #expect(fresh.contains { $0["type"] as? String == "snapshot" })
        #expect(c.h.closed[back] != nil)
    }

    @Test func aResumeFromBeyondTheBacklogGetsASnapshot() throws {
        var limits = ServerLimits()
        limits.backlogBytes = 50_000
        let h = CoreHarness(limits: limits)
        let (instructor, code) = h.createRoom()
        let student = h.join(code, name: "Kim", team: "dprk")
        // A teammate stays, so the team's updates are built and kept (an audience nobody reads gets none).
        _ = h.join(code, name: "Lee", team: "dprk", address: "10.0.0.3")
        let lastSeq = h.room.seq
        h.disconnect(student.client)
        h.send(instructor.client, ["type": "start"])
        for i in 0..<40 {
            #expect(CoreHarness.errorCode(h.send(instructor.client, ["type": "inject_news", "text": "news \(i)"])) == nil)
            h.advance(seconds: 0.1)
        }
        #expect(h.room.backlogBytes <= 50_000)
        #expect(h.room.trimmedThrough > lastSeq)
        let back = h.connect()
        let replies = h.send(back, ["type": "resume", "token": student.token, "seq": lastSeq])
        #expect(replies.first?["mode"] as? String == "snapshot")
        let view = try #require(replies.first { $0["type"] as? String == "snapshot" }?["view"] as? [String: Any])
        #expect((view["records"] as? [[String: Any]])?.contains { $0["text"] as? String == "news 39" } == true)
    }

    @Test func aStudentMovedToAnotherTeamResumesWithASnapshot() {
        let c = Classroom()
        let student = c.member("usa", 1)
        let lastSeq = c.h.room.seq
        c.h.disconnect(student.client)
        c.h.send(c.instructor.client, ["type": "move_seat", "seat": student.seat, "team": "un"])
        let back = c.h.connect()
        let replies = c.h.send(back, ["type": "resume", "token": student.token, "seq": lastSeq])
        #expect(replies.first?["mode"] as? String == "snapshot")
        #expect(replies.first?["team"] as? String == "un")
    }
}
