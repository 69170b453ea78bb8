import ArmisticeBots
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A deal one of whose steps could not be taken reads "carried out in part" in the replay's timeline and in the
/// report's turn summary and plans table, as on the live screens and in the report's turning points
/// (REPORT-qa4 #1), the step named with its reason, without a doubled full stop (#8).
@Suite struct DealCarriedOutInPartTests {
    /// Koreanization, turn 1: DPRK offers Yongbyon for a US summit, which its requirement does not allow yet.
    static func match() throws -> Replay {
        var writer = try MatchLogWriter(rulesetText: Fixtures.rulesetText("koreanization"), settings: .init(seed: 5))
        try writer.playWhole(negotiate: { _, state in
            guard state.turn == 1 else { return [] }
            return [(.proposeDeal(team: "dprk", commitments: [Commitment(team: "dprk", action: "offer_yongbyon"),
                                                             Commitment(team: "usa", action: "us_summit")], note: ""), 0),
                    (.respondToDeal(team: "usa", deal: 1, accept: true), 2)]
        }) { _, _, _ in TeamOrders() }
        return Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
    }

    func dealLine(_ timeline: String) throws -> String {
        let lines = timeline.split(separator: "\n").map(String.init)
        return try #require(lines.first { $0.contains("· Deal #1 (") && $0.contains("carried out") || $0.contains("· 합의 #1 (") && $0.contains("이행됨") })
    }

    @Test func theReplayTimelineSaysCarriedOutInPartAndNamesTheStep() throws {
        let replay = try Self.match()
        let en = try dealLine(replay.timeline())
        #expect(en.contains("Deal #1 (DPRK (North Korea)): carried out in part"), "\(en)")
        #expect(en.contains("Not carried out: United States's “Hold a US-DPRK summit”: not possible (No working-level groundwork for a summit)."), "\(en)")
        #expect(!en.contains(".)."), "\(en)")
        let ko = try dealLine(replay.timeline(language: .ko))
        #expect(ko.contains("합의 #1 (북한): 일부 이행됨"), "\(ko)")
        #expect(ko.contains("이행되지 못한 약속: 미국의 “북미 정상회담 개최”: 불가능 ("), "\(ko)")
        #expect(!ko.contains(".)."), "\(ko)")
        // The team whose step it is sees it too; each team sees its own deal's records.
        let usa = try dealLine(replay.timeline(as: .team(replay.engine.ruleset.teamIndex("usa")!)))
        #expect(usa.contains("carried out in part"), "\(usa)")
    }

    /// A deal has one name everywhere, as the live screens say it: "합의 #1" / "Deal #1", in the timeline's inputs and
    /// records and in the report's story and plans, its particle read as the number (합의 #1을, #1이, #1은), never
    /// "합의 1" or "합의 1번" (outside tester qa4 #13).
    @Test func aDealHasOneNameInTheTimelineAndTheReport() throws {
        let replay = try Self.match()
        let ko = replay.timeline(language: .ko)
        #expect(ko.contains("미국, 합의 #1 수락"), "\(ko)")
        #expect(ko.contains("미국이 북한의 합의 #1을 수락"), "\(ko)")
        let en = replay.timeline()
        #expect(en.contains("accepts deal #1"), "\(en)")
        let story = Story(replay: replay, language: .ko)
        let texts = story.turns.map(\.text) + story.teams.flatMap(\.turns).flatMap(\.deals) + story.turningPoints.map(\.title) + story.questions.map(\.text)
        #expect(texts.contains { $0.contains("합의 #1은 일부만") }, "\(texts)")
        #expect(texts.contains { $0.contains("합의 #1:") || $0.contains("합의 #1 제안") }, "\(texts)")
        for text in texts + ko.split(separator: "\n").map(String.init) {
            #expect(text.firstMatch(of: /합의 \d/) == nil && text.firstMatch(of: /#\d+(이\(가\)|은\(는\)|을\(를\))/) == nil, "\(text)")
        }
    }

    @Test func aStepTheReaderCannotSeeIsNotCalledNotTaken() throws {
        // With the step's order record out of sight (as a covert action of another team is), the same deal reads as
        // carried out: the rule is `Deal.stepsNotTaken` over the reader's records.
        let replay = try Self.match()
        let step = try #require(replay.steps.first { $0.records.contains { $0.kind == .deal && $0.result == "carried_out" } })
        let deal = try #require(step.state.deals.first)
        #expect(deal.stepsNotTaken(in: step.records).count == 1)
        #expect(deal.stepsNotTaken(in: step.records.filter { $0.action != "us_summit" }).isEmpty)
    }

    @Test func theReportsTurnSummaryAndPlansSayCarriedOutInPart() throws {
        let replay = try Self.match()
        for language in [Language.en, .ko] {
            let story = Story(replay: replay, language: language)
            let turn = try #require(story.turns.first { $0.turn == 1 })
            let plans = story.teams.flatMap(\.turns).filter { $0.turn == 1 }.flatMap(\.deals)
            #expect(plans.count == 2, "\(plans)")
            if language == .en {
                #expect(turn.text.contains("Deal #1 was carried out only in part. Not carried out: Hold a US-DPRK summit: could not be taken (No working-level groundwork for a summit)."), "\(turn.text)")
                #expect(!turn.text.contains("Deal #1 carried out"), "\(turn.text)")
                for p in plans { #expect(p.hasSuffix(": carried out in part; not carried out: Hold a US-DPRK summit: could not be taken (No working-level groundwork for a summit)"), "\(p)") }
            } else {
                #expect(turn.text.contains("합의 #1은 일부만 이행되었습니다. 이행되지 못한 약속: 북미 정상회담 개최: 실행할 수 없음 ("), "\(turn.text)")
                #expect(!turn.text.contains("합의 #1이 이행되었습니다"), "\(turn.text)")
                for p in plans {
                    #expect(p.contains(": 일부 이행됨; 이행되지 못한 약속: 북미 정상회담 개최: 실행할 수 없음 ("), "\(p)")
                    #expect(!p.hasSuffix(": 이행됨"), "\(p)")
                }
            }
            for text in [turn.text] + plans { #expect(!text.contains(".)"), "\(text)") }
        }
        let html = AfterActionReport(replay: replay, chat: false, views: false, language: .ko).html()
        #expect(html.contains("합의 #1은 일부만 이행되었습니다."))
        #expect(html.contains("일부 이행됨; 이행되지 못한 약속:"))
    }
}
