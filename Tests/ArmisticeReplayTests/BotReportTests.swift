import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The report says which turns bots played: a bot seat's, and the absent rule's for a student who dropped out.
@Suite struct BotReportTests {
    @Test func theReportMarksTheTurnsBotsPlayed() throws {
        let m = ServerMatch()
        let i = m.connect("10.0.0.1")
        let created = m.send(i, ["type": "create_room", "key": ServerMatch.key, "ruleset": "koreanization", "seed": 5, "turns": 2,
                                 "bots": ["usa": "greedy", "un": "greedy"], "absent": "bot"])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        let dprk = m.connect("10.0.0.2")
        m.send(dprk, ["type": "join", "code": code, "name": "Ri", "team": "dprk"])
        let rok = m.connect("10.0.0.3")
        m.send(rok, ["type": "join", "code": code, "name": "Seo", "team": "rok"])
        m.send(i, ["type": "start"])
        for turn in 1...2 {
            for _ in 0..<6 where (m.core.rooms[code]?.state.phase.rawValue ?? "") != "orders" { m.send(i, ["type": "skip"]) }
            if turn == 1 { m.send(rok, ["type": "lock"]) }
            m.send(dprk, ["type": "lock"])
            if turn == 1 {
                var out = CoreOutput()
                m.core.closed(rok, now: m.now, into: &out)
                m.take(out)
            }
        }
        for _ in 0..<6 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let log = try MatchLog(bytes: Array((m.lines.joined(separator: "\n") + "\n").utf8))
        let replay = Replay(log: log)
        #expect(replay.isVerified)
        let report = AfterActionReport(replay: replay)
        let turns = Dictionary(uniqueKeysWithValues: report.teams.map { ($0.id, $0.botTurns ?? []) })
        #expect(turns["usa"] == [1, 2])
        #expect(turns["un"] == [1, 2])
        #expect(turns["rok"] == [2])
        #expect(turns["dprk"] == [])
        #expect(report.teams.first { $0.id == "usa" }?.players == [])
        #expect(report.html().contains("bot in turns 1, 2"))
    }
}
