import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// REPORT-browser E #20: a student who comes online on a team a bot has been playing, reviews the bot's draft and locks
/// it played that turn; the report's "bot in turns" counts only turns whose lock (or, with no lock, last draft) was a
/// bot's.
@Suite struct BotTurnsReviewedTests {
    @Test func aTurnWhoseBotDraftAStudentLockedIsNotTheBots() throws {
        let m = ServerMatch()
        let i = m.connect("10.0.0.1")
        let created = m.send(i, ["type": "create_room", "key": ServerMatch.key, "ruleset": "koreanization", "seed": 11, "turns": 2,
                                 "bots": ["un": "greedy"]])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        let dprk = m.connect("10.0.0.2")
        m.send(dprk, ["type": "join", "code": code, "name": "Ri", "team": "dprk"])
        m.send(i, ["type": "start"])
        // Turn 1: the bot drafts as negotiation opens; Park comes online on the UN team and locks the bot's draft.
        for _ in 0..<6 where (m.core.rooms[code]?.state.phase.rawValue ?? "") != "negotiation" { m.send(i, ["type": "skip"]) }
        let park = m.connect("10.0.0.3")
        m.send(park, ["type": "join", "code": code, "name": "Park Jiwoo", "team": "un"])
        m.send(i, ["type": "skip"])
        m.send(park, ["type": "lock"])
        m.send(dprk, ["type": "lock"])
        // Turn 2: Park is gone; the bot drafts and locks.
        var out = CoreOutput()
        m.core.closed(park, now: m.now, into: &out)
        m.take(out)
        for _ in 0..<6 where (m.core.rooms[code]?.state.phase.rawValue ?? "") != "orders" { m.send(i, ["type": "skip"]) }
        m.send(dprk, ["type": "lock"])
        for _ in 0..<6 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let log = try MatchLog(bytes: Array((m.lines.joined(separator: "\n") + "\n").utf8))
        let replay = Replay(log: log)
        #expect(replay.isVerified)
        // The bot did set the UN draft in turn 1, and Park locked it.
        let botSeat = try #require(replay.seats.first { $0.bot != nil }?.id)
        #expect(replay.steps.contains { step in
            guard case .setOrders(let team, _) = step.input else { return false }
            return team == "un" && step.by == botSeat && step.state.turn == 1
        })
        #expect(replay.steps.contains { step in
            guard case .lockOrders(let team) = step.input else { return false }
            return team == "un" && step.by != botSeat && step.state.turn == 1
        })
        let report = AfterActionReport(replay: replay)
        let un = report.teams.first { $0.id == "un" }
        #expect(un?.botTurns == [2])
        #expect(report.html().contains("bot in turn 2"))
        #expect(!report.html().contains("bot in turns 1, 2"))
    }
}
