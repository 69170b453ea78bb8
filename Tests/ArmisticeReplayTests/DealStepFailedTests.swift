import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A deal whose step was taken but failed its dice roll was carried out, and says so with the step and its roll,
/// in the replay's timeline and the report's turn summary, turning points and plans: "carried out" alone was read as
/// "the summit happened" (outside tester qa5 #9). One rule, `Deal.stepsFailed`, over the reader's records; the
/// browser's twin runs the same cases (Tests/Fixtures/deals/deal-steps-cases.json, tests/web/test_deal_steps.py).
@Suite struct DealStepFailedTests {
    struct Case: Decodable {
        var name: String
        var deal: Deal
        var records: [Record]
        var failed: [Int]
    }

    struct File: Decodable { var cases: [Case] }

    @Test func theStepsThatFailedTheirDieAreTheCasesOnes() throws {
        let url = URL(fileURLWithPath: Fixtures.repoRoot + "/Tests/Fixtures/deals/deal-steps-cases.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        #expect(file.cases.filter { !$0.failed.isEmpty }.count >= 2)
        for c in file.cases {
            let records = c.deal.stepRecords(in: c.records)
            let got = records.indices.filter { records[$0].map(Deal.failedItsRoll) == true }
            #expect(got == c.failed, "\(c.name)")
            #expect(c.deal.stepsFailed(in: c.records).count == c.failed.count, "\(c.name)")
        }
    }

    /// Koreanization, turn 1: ROK proposes an inter-Korean summit and DPRK promises its approval, as in the tester's
    /// class; the first seed whose summit roll fails.
    static func match() throws -> (replay: Replay, roll: Record) {
        for seed in UInt64(1)...60 {
            var writer = try MatchLogWriter(rulesetText: Fixtures.rulesetText("koreanization"), settings: .init(seed: seed))
            try writer.playWhole(negotiate: { engine, state in
                guard state.turn == 1 else { return [] }
                let rok = engine.ruleset.teamIndex("rok")!, dprk = engine.ruleset.teamIndex("dprk")!
                return [(.proposeDeal(team: "rok", commitments: [Commitment(team: "rok", action: "propose_summit"),
                                                                Commitment(team: "dprk", consent: "propose_summit", decision: .approve)], note: ""), rok),
                        (.respondToDeal(team: "dprk", deal: 1, accept: true), dprk)]
            }) { _, _, _ in TeamOrders() }
            let replay = Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
            let step = replay.steps.first { $0.records.contains { $0.kind == .deal && $0.deal == 1 && $0.result == "carried_out" } }
            if let r = step?.records.first(where: { $0.kind == .order && $0.action == "propose_summit" }), r.result == "failure" { return (replay, r) }
        }
        throw CancellationError()
    }

    @Test func theReplayTimelineNamesTheStepThatFailedAndItsRoll() throws {
        let (replay, r) = try Self.match()
        let roll = String(try #require(r.roll)), chance = String(try #require(r.chance))
        let en = try #require(replay.timeline().split(separator: "\n").first { $0.contains("· Deal #1 (") && $0.contains("carried out") }).description
        #expect(en.contains("): carried out. A step failed its dice roll: ROK (South Korea)'s “Propose an inter-Korean summit” (rolled \(roll), needed \(chance) or less)."), "\(en)")
        let ko = try #require(replay.timeline(language: .ko).split(separator: "\n").first { $0.contains("· 합의 #1 (") && $0.contains("이행됨") }).description
        #expect(ko.contains("): 이행됨. 주사위 판정 실패 1건: "), "\(ko)")
        #expect(ko.contains("“남북정상회담 제안” (주사위 \(roll), \(chance) 이하가 필요)."), "\(ko)")
        // A viewer who cannot see the step's record (the US saw neither the deal nor ROK's orders) is told nothing.
        let usa = replay.timeline(as: .team(replay.engine.ruleset.teamIndex("usa")!))
        #expect(!usa.contains("failed its dice roll"))
    }

    @Test func theReportSaysTheStepFailedInItsTurnSummaryTurningPointsAndPlans() throws {
        let (replay, r) = try Self.match()
        let roll = String(try #require(r.roll)), chance = String(try #require(r.chance))
        let en = Story(replay: replay, language: .en)
        let turn = try #require(en.turns.first { $0.turn == 1 })
        #expect(turn.text.contains("Deal #1 carried out. A step failed its dice roll: ROK's “Propose an inter-Korean summit” (rolled \(roll), needed \(chance) or less)."), "\(turn.text)")
        let plans = en.teams.flatMap(\.turns).filter { $0.turn == 1 }.flatMap(\.deals)
        #expect(plans.count == 2, "\(plans)")
        for p in plans { #expect(p.hasSuffix(": carried out; a step failed its dice roll: ROK's “Propose an inter-Korean summit” (rolled \(roll), needed \(chance) or less)"), "\(p)") }
        for p in en.turningPoints where p.kind == "deal" && p.turn == 1 {
            #expect(p.title.hasSuffix("carried out, but a step failed its dice roll"), "\(p.title)")
            #expect(p.text.contains("A step failed its dice roll: ROK's"), "\(p.text)")
        }
        let ko = Story(replay: replay, language: .ko)
        let koTurn = try #require(ko.turns.first { $0.turn == 1 })
        #expect(koTurn.text.contains("합의 #1이 이행되었습니다. 주사위 판정 실패 1건: 한국의 “남북정상회담 제안” (주사위 \(roll), \(chance) 이하가 필요)."), "\(koTurn.text)")
        for p in ko.teams.flatMap(\.turns).filter({ $0.turn == 1 }).flatMap(\.deals) {
            #expect(p.hasSuffix(": 이행됨; 주사위 판정 실패 1건: 한국의 “남북정상회담 제안” (주사위 \(roll), \(chance) 이하가 필요)"), "\(p)")
        }
        for p in ko.turningPoints where p.kind == "deal" && p.turn == 1 { #expect(p.title.hasSuffix("이행되었지만, 주사위 판정에 실패한 약속이 있습니다"), "\(p.title)") }
        let html = AfterActionReport(replay: replay, chat: false, views: false, language: .en).html()
        #expect(html.contains("a step failed its dice roll"))
    }
}
