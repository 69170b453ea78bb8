import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

/// Who last set a team's draft this turn (`drafted_by`): a student who comes online on a team a bot has been playing
/// learns that the draft is the bot's, until a person sets it; only the team and the instructor learn it; a restart
/// rebuilds it from the log; the game state does not change.
@Suite struct DraftAuthorTests {
    /// A room with a bot on the UN team and on the United States team, a student on the DPRK team, in negotiation.
    struct BotTable {
        let h = CoreHarness()
        let instructor: CoreHarness.Seated
        let code: String
        let dprk: CoreHarness.Seated

        init() {
            let id = h.connect()
            let replies = h.send(id, ["type": "create_room", "id": 1, "key": CoreHarness.key, "ruleset": "koreanization", "seed": 11,
                                      "turns": 3, "bots": ["usa": "greedy", "un": "greedy"]])
            let created = replies.first { $0["type"] as? String == "room_created" }!
            instructor = CoreHarness.Seated(client: id, seat: created["seat"] as! String, token: created["token"] as! String)
            code = created["room"] as! String
            dprk = h.join(code, name: "Ri", team: "dprk", address: "10.2.0.1")
            h.send(instructor.client, ["type": "start"])
            skip(to: "negotiation")
        }

        func skip(to phase: String) {
            for _ in 0..<8 where h.phase(instructor.client) != phase { h.send(instructor.client, ["type": "skip"]) }
        }

        var botSeat: String { h.room.seats.first { $0.bot != nil && $0.team == h.room.engine.ruleset.teamIndex("un") }!.id }
    }

    static func authors(_ message: [String: Any]?) -> [String: [String: Any]]? { message?["drafted_by"] as? [String: [String: Any]] }

    @Test func aStudentOnABotsTeamLearnsTheBotDraftedUntilAPersonSetsTheDraft() throws {
        let t = BotTable()
        let hash = t.h.room.engine.stateHash(t.h.room.state)
        let park = t.h.join(t.code, name: "Park Jiwoo", team: "un", address: "10.2.0.3")
        // The snapshot says the bot set the UN draft, and says nothing of the other bot's team.
        let mine = try #require(Self.authors(t.h.last(park.client, type: "snapshot")))
        #expect(Set(mine.keys) == ["un"])
        #expect(mine["un"]?["seat"] as? String == t.botSeat && mine["un"]?["bot"] as? Bool == true)
        // Another team learns nothing of it; the instructor learns every team's.
        t.h.send(t.dprk.client, ["type": "resync"])
        #expect(Self.authors(t.h.last(t.dprk.client, type: "snapshot"))?.isEmpty == true)
        t.h.send(t.instructor.client, ["type": "resync"])
        #expect(Set((Self.authors(t.h.last(t.instructor.client, type: "snapshot")) ?? [:]).keys) == ["un", "usa"])
        #expect(t.h.room.engine.stateHash(t.h.room.state) == hash)

        // The student sets the same draft (reviewed): the team's update says the student set it, though the view is
        // the same; the DPRK student hears nothing of it.
        t.h.clear(t.dprk.client)
        let orders = try #require((t.h.view(park.client)?["orders"] as? [String: Any])?["un"] as? [String: Any])
        let replies = t.h.send(park.client, ["type": "set_orders", "orders": orders["orders"] ?? [], "consents": orders["consents"] ?? [:]])
        #expect(CoreHarness.errorCode(replies) == nil)
        let update = try #require(replies.last { $0["type"] as? String == "update" })
        #expect(Self.authors(update)?["un"]?["seat"] as? String == park.seat)
        #expect(Self.authors(update)?["un"]?["bot"] == nil)
        #expect(t.h.messages(t.dprk.client, type: "update").isEmpty)
        #expect(t.h.room.engine.stateHash(t.h.room.state) == hash)

        // A new turn forgets who drafted.
        t.skip(to: "results")
        t.skip(to: "briefing")
        #expect(t.h.room.state.turn == 2)
        #expect(t.h.room.draftAuthors.isEmpty)
        #expect(t.h.messages(park.client, type: "update").contains { Self.authors($0)?.isEmpty == true })
    }

    @Test func aRestartRebuildsWhoDraftedFromTheLog() throws {
        let t = BotTable()
        let park = t.h.join(t.code, name: "Park Jiwoo", team: "un", address: "10.2.0.3")
        // The DPRK student drafts; the UN draft is still the bot's.
        #expect(CoreHarness.errorCode(t.h.send(t.dprk.client, ["type": "set_orders", "orders": [[String: Any]]()])) == nil)
        let before = t.h.room.draftAuthors
        #expect(before.count == 3)
        let log = try t.h.restorable(t.code)
        let h = CoreHarness()
        h.now = t.h.now + 5_000
        var out = CoreOutput()
        let room = try #require(try h.core.restore(log, now: h.now, into: &out))
        h.take(out)
        #expect(room.draftAuthors == before)
        let back = h.connect(address: "10.2.0.3")
        #expect(h.send(back, ["type": "resume", "token": park.token, "seq": 0]).first?["type"] as? String == "resumed")
        let mine = try #require(Self.authors(h.last(back, type: "snapshot")))
        #expect(Set(mine.keys) == ["un"])
        #expect(mine["un"]?["bot"] as? Bool == true)
        let ri = h.connect(address: "10.2.0.1")
        h.send(ri, ["type": "resume", "token": t.dprk.token, "seq": 0])
        #expect(Self.authors(h.last(ri, type: "snapshot"))?["dprk"]?["seat"] as? String == t.dprk.seat)
    }
}
