import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeServer

/// Bots at the table: teams nobody plays, students who drop out, and everything a bot does in the log.
@Suite struct BotSeatTests {
    /// A room with bots on two teams and the absent rule `bot`; students on the other two.
    struct BotRoom {
        let h = CoreHarness()
        let instructor: CoreHarness.Seated
        let code: String
        let dprk: CoreHarness.Seated
        var rok: CoreHarness.Seated

        init(absent: String = "bot", language: String? = nil) {
            let id = h.connect()
            var request: [String: Any] = ["type": "create_room", "id": 1, "key": CoreHarness.key, "ruleset": "koreanization", "seed": 11,
                                          "turns": 4, "bots": ["usa": "greedy", "un": "greedy"], "absent": absent]
            if let language { request["language"] = language }
            let replies = h.send(id, request)
            let created = replies.first { $0["type"] as? String == "room_created" }!
            instructor = CoreHarness.Seated(client: id, seat: created["seat"] as! String, token: created["token"] as! String)
            code = created["room"] as! String
            dprk = h.join(code, name: "Ri", team: "dprk", address: "10.2.0.1")
            rok = h.join(code, name: "Seo", team: "rok", address: "10.2.0.2")
        }

        func skip(to phase: String) {
            for _ in 0..<8 where h.phase(instructor.client) != phase { h.send(instructor.client, ["type": "skip"]) }
            #expect(h.phase(instructor.client) == phase)
        }

        var records: [LogRecord] {
            h.logs[code]!.map { try! JSONDecoder().decode(LogRecord.self, from: Data($0.utf8)) }
        }
    }

    @Test func botsPlayTwoTeamsAndTheAbsentRulePlaysForAStudentWhoDropsOut() throws {
        var r = BotRoom()
        let roster = try #require(r.h.last(r.instructor.client, type: "roster")?["roster"] as? [[String: Any]])
        #expect(roster.filter { $0["bot"] as? String == "greedy" }.compactMap { $0["team"] as? String }.sorted() == ["un", "usa"])
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "start"])) == nil)
        var absentTurns: Set<Int> = []
        var absentBefore = 0
        for turn in 1...4 {
            r.skip(to: "negotiation")
            // The bots drafted as negotiation opened.
            #expect(r.h.room.state.drafts[r.h.room.engine.ruleset.teamIndex("usa")!] != TeamOrders() || turn > 1)
            if turn == 2 { r.h.disconnect(r.rok.client) }
            if turn == 4 {
                let back = r.h.connect(address: "10.2.0.2")
                #expect(r.h.send(back, ["type": "resume", "token": r.rok.token, "seq": 0]).first?["type"] as? String == "resumed")
                r.rok.client = back
            }
            r.skip(to: "orders")
            // Bots locked as orders opened; an absent team was played by the bot.
            let state = r.h.room.state
            #expect(state.locked[2] && state.locked[3])
            if turn == 2 || turn == 3 { #expect(state.locked[1]) } else { #expect(!state.locked[1]) }
            for student in [r.dprk, r.rok] where r.h.room.seats.first(where: { $0.id == student.seat })?.connection != nil {
                #expect(CoreHarness.errorCode(r.h.send(student.client, ["type": "lock"])) == nil)
            }
            // Every team locked: the orders phase ended by itself.
            #expect(r.h.phase(r.instructor.client) != "orders")
            let absentSoFar = r.records.filter { $0.kind == .input && $0.by == "bot" }.count
            if absentSoFar > absentBefore { absentTurns.insert(turn) }
            absentBefore = absentSoFar
        }
        r.skip(to: "ended")
        let records = r.records
        let botSeats = Set(records.filter { $0.kind == .join && $0.bot != nil }.compactMap(\.seat))
        #expect(botSeats.count == 2)
        #expect(records.contains { $0.kind == .input && botSeats.contains($0.by ?? "") && $0.input?.type == "lock_orders" })
        let absent = records.filter { $0.kind == .input && $0.by == "bot" }
        #expect(absent.allSatisfy { $0.reason == "absent: bot" })
        #expect(Set(absent.compactMap { $0.input?.type }) == ["set_orders", "lock_orders"])
        #expect(absentTurns == [2, 3])
        let replay = try MatchReplay.replay(records)
        #expect(replay.finalHash == r.h.room.engine.stateHash(r.h.room.state))
    }

    @Test func theHoldRuleGivesNoOrders() {
        let r = BotRoom(absent: "hold")
        r.h.send(r.instructor.client, ["type": "start"])
        r.skip(to: "negotiation")
        #expect(CoreHarness.errorCode(r.h.send(r.rok.client, ["type": "set_orders", "orders": [["action": "rok_cma_step"]]])) == nil)
        r.h.disconnect(r.rok.client)
        r.skip(to: "orders")
        let rok = r.h.room.engine.ruleset.teamIndex("rok")!
        #expect(r.h.room.state.locked[rok])
        #expect(r.h.room.state.drafts[rok] == TeamOrders())
    }

    @Test func theInstructorPutsABotOnAndTakesItOffAndABotAnswersDeals() throws {
        let r = BotRoom()
        r.h.send(r.instructor.client, ["type": "start"])
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "set_bot", "team": "usa", "policy": "block-all"])) == nil)
        #expect(r.h.room.activeSeats.filter { $0.bot != nil }.map(\.bot) .contains(.blockAll))
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "set_bot", "team": "usa", "policy": "clever"])) == "bad_parameter")
        #expect(CoreHarness.errorCode(r.h.send(r.dprk.client, ["type": "set_bot", "team": "usa", "policy": "greedy"])) == "not_instructor")
        r.skip(to: "negotiation")
        // The block-all bot refuses every deal, and says so in the pair channel.
        let deal: [String: Any] = ["type": "propose_deal", "commitments": [["team": "dprk", "action": "restore_contact"], ["team": "usa", "action": "end_of_war_declaration"]]]
        _ = r.h.send(r.dprk.client, deal)
        let last = try #require(r.h.room.state.deals.last)
        #expect(last.status == .rejected)
        #expect(r.h.room.chat.contains { $0.channel == "pair:dprk+usa" && $0.text.contains("declines deal #\(last.id)") })
        // Taken off: the team is nobody's now.
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "set_bot", "team": "usa"])) == nil)
        #expect(!r.h.room.activeSeats.contains { $0.bot != nil && $0.team == 2 })
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "set_bot", "team": "usa"])) == "bad_request")
    }

    @Test func aBotAnswersADealInTheRoomsLanguage() throws {
        let r = BotRoom(language: "ko")
        r.h.send(r.instructor.client, ["type": "start"])
        #expect(CoreHarness.errorCode(r.h.send(r.instructor.client, ["type": "set_bot", "team": "usa", "policy": "block-all"])) == nil)
        r.skip(to: "negotiation")
        _ = r.h.send(r.dprk.client, ["type": "propose_deal", "commitments": [["team": "dprk", "action": "restore_contact"], ["team": "usa", "action": "end_of_war_declaration"]]])
        let deal = try #require(r.h.room.state.deals.last)
        let line = try #require(r.h.room.chat.last { $0.channel == "pair:dprk+usa" })
        #expect(line.text == "미국 대표단은 합의 #\(deal.id)을 거절합니다.")
    }

    @Test func botSeatsComeBackAfterARestart() throws {
        let r = BotRoom()
        r.h.send(r.instructor.client, ["type": "start"])
        r.skip(to: "negotiation")
        let h2 = CoreHarness()
        h2.now = r.h.now + 1_000
        var out = CoreOutput()
        let room = try #require(try h2.core.restore(try r.h.restorable(r.code), now: h2.now, into: &out))
        #expect(room.activeSeats.filter { $0.bot == .greedy }.count == 2)
        #expect(room.roster.filter { $0.bot != nil }.allSatisfy { $0.online })
    }

    @Test func aBotDecidesFromItsTeamsViewAlone() {
        let engine = Engine(ruleset: CoreHarness.catalog["koreanization"]!.ruleset)
        let usa = engine.ruleset.teamIndex("usa")!
        let dprk = engine.ruleset.teamIndex("dprk")!
        let hidden = engine.ruleset.tracks.indices.filter { engine.ruleset.tracks[$0].visibility.mask & (1 << UInt32(usa)) == 0
                                                             && engine.ruleset.tracks[$0].visibility.mask != .max }
        #expect(!hidden.isEmpty)
        var state = engine.newGame(seed: 3)
        try? engine.apply(.start, to: &state)
        try? engine.apply(.advance, to: &state)
        // The same view for the US, different hidden truth, other drafts and dice.
        var other = state
        for i in hidden { other.tracks[i] = engine.ruleset.tracks[i].max }
        other.drafts[dprk] = TeamOrders(orders: [Order(action: "missile_test")], consents: [:])
        other.budgets[dprk] += 3
        other.random = SplitMix64(seed: 99)
        #expect(engine.view(of: state, for: .team(usa)).tracks == engine.view(of: other, for: .team(usa)).tracks)
        #expect(engine.masked(state, for: usa) == engine.masked(other, for: usa))
        for kind in BotKind.allCases {
            let bot = SeatBot(kind: kind)
            #expect(bot.orders(engine: engine, state: state, team: usa) == bot.orders(engine: engine, state: other, team: usa), "\(kind)")
        }
    }
}

extension BotSeatTests {
    @Test func aPracticeRoomMovesOnWhenTheStudentLocks() throws {
        let h = CoreHarness()
        let id = h.connect()
        let replies = h.send(id, ["type": "create_room", "key": CoreHarness.key, "ruleset": "coral_strait", "seed": 5, "turns": 2, "practice": true,
                                  "bots": ["tervane": "greedy", "mediator": "greedy"]])
        let code = try #require(replies.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        let student = h.join(code, name: "Ana", team: "marisol", address: "10.3.0.1")
        h.send(id, ["type": "start"])
        h.send(id, ["type": "skip"])
        for _ in 1...2 {
            #expect(h.phase(student.client) == "negotiation")
            #expect(CoreHarness.errorCode(h.send(student.client, ["type": "lock"])) == nil)
            // Negotiation ended; the bots locked as orders opened; orders ended; adjudicated.
            #expect(h.phase(student.client) == "adjudication")
            h.advance(seconds: 3_600)   // adjudication ends
            h.advance(seconds: 3_600)   // results end
            h.advance(seconds: 3_600)   // briefing ends
        }
        #expect(h.room.isOver)
    }
}

/// `armistice practice`, whole, from one command: here watched (a bot plays the student's team too), so it runs alone.
@Suite struct PracticeCommandTests {
    @Test(.timeLimit(.minutes(3))) func aWatchedPracticeMatchPlaysToTheEndAndLeavesAVerifiedLogAndAReport() async throws {
        let folder = makeTemporaryDirectory("armistice-practice-")
        let practice = try await ChildProcess.run(ServerProcess.binary, [
            "practice", CoreHarness.repoRoot + "/rulesets/tutorial.yaml", "--team", "marisol", "--watch", "--pause", "1",
            "--turns", "2", "--seed", "4", "--out", folder,
        ])
        let said = practice.err
        #expect(practice.status == 0, "\(said)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/data/matches").filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        let log = try #require(files.first.map { folder + "/data/matches/" + $0 })
        let reader = try LogReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: log)))).restorable()
        let replay = try MatchReplay.replay(reader.records)
        #expect(replay.state.phase == .ended)
        #expect(reader.records.filter { $0.kind == .join && $0.bot != nil }.count == 3)
        let report = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("report-") }
        #expect(report.count == 1)
    }
}
