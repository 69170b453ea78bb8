import ArmisticeBots
import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// Scripted matches whose turning points are known in advance, on both shipped scenarios.
enum StoryMatches {
    /// Koreanization, turn 1 scripted: Seoul proposes a deal (its confidence package for a military-agreement step by
    /// Pyongyang), Pyongyang accepts; Seoul asks the 1718 Committee for a rail-and-road exemption and Washington blocks
    /// it. Greedy bots play the other turns.
    static func koreanization(seed: UInt64 = 5) throws -> Replay {
        var writer = try MatchLogWriter(rulesetText: Fixtures.rulesetText("koreanization"), settings: .init(seed: seed))
        var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: seed &+ UInt64($0)) }
        try writer.playWhole(negotiate: { _, state in
            guard state.turn == 1 else { return [] }
            return [(.proposeDeal(team: "rok", commitments: [Commitment(team: "rok", action: "confidence_package"),
                                                            Commitment(team: "dprk", action: "dprk_cma_step")], note: "steps together"), 1),
                    (.respondToDeal(team: "dprk", deal: 1, accept: true), 0)]
        }) { engine, state, team in
            guard state.turn == 1 else { return bots[team].orders(engine: engine, state: state, team: team) }
            switch engine.ruleset.teams[team].id {
            case "rok": return TeamOrders(orders: [Order(action: "request_exemption", params: ["project": .id("rail_road")])])
            case "usa": return TeamOrders(consents: ["request_exemption": .block])
            default: return TeamOrders()
            }
        }
        return Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
    }

    /// The Coral Strait, turn 1 scripted: Marisol patrols and Tervane shows force (friction 2 → 4, one short of a naval
    /// clash); Marisol proposes that the mediator tables a draft, and Tervane accepts. Nobody escalates afterwards.
    static func tutorial(seed: UInt64 = 3) throws -> Replay {
        var writer = try MatchLogWriter(rulesetText: Fixtures.rulesetText("tutorial"), settings: .init(seed: seed))
        try writer.playWhole(negotiate: { _, state in
            guard state.turn == 1 else { return [] }
            return [(.proposeDeal(team: "marisol", commitments: [Commitment(team: "mediator", action: "draft_accord", params: ["quota": .number(3)])],
                                  note: "a loose quota"), 0),
                    (.respondToDeal(team: "mediator", deal: 1, accept: true), 2)]
        }) { _, state, team in
            switch (state.turn, team) {
            case (1, 0): return TeamOrders(orders: [Order(action: "marisol_patrol")])
            case (1, 1): return TeamOrders(orders: [Order(action: "tervane_show_of_force")])
            case (_, 0): return TeamOrders(orders: [Order(action: "marisol_fish_hard")])
            case (_, 1): return TeamOrders(orders: [Order(action: "tervane_fish_hard")])
            default: return TeamOrders(orders: [Order(action: "stock_survey")])
            }
        }
        return Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
    }

    static func casePackage(_ name: String, for replay: Replay) throws -> CasePackage {
        let path = Fixtures.repoRoot + "/rulesets/\(name).case/case.yaml"
        return try CasePackage.load(text: String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self), file: path, for: replay.engine.ruleset)
    }
}

@Suite struct StoryTests {
    @Test func koreanizationFindsTheBlockedExemptionTheDealAndTheEnding() throws {
        let replay = try StoryMatches.koreanization()
        #expect(replay.isVerified)
        let report = AfterActionReport(replay: replay, chat: false, views: false, casePackage: try StoryMatches.casePackage("koreanization", for: replay))
        let story = try #require(report.story)
        #expect(story.turns.count == replay.finalState.turn)
        #expect(story.turns.allSatisfy { !$0.text.isEmpty && replay.steps[$0.step].seq == $0.seq })

        let blocked = try #require(story.turningPoints.first { $0.kind == "blocked" })
        #expect(blocked.turn == 1)
        #expect(blocked.title.contains("United States stopped ROK's “Ask the 1718 Committee for (or to renew) a six-month exemption”"))
        #expect(blocked.track == "alliance")   // the failure costs alliance cohesion
        let deal = try #require(story.turningPoints.first { $0.kind == "deal" })
        #expect(deal.title.contains("deal #1, proposed by ROK with DPRK"))
        #expect(story.turningPoints.contains { $0.kind == "decided" || $0.kind == "ending" })
        #expect(story.decidedTurn != nil)
        // Every moment is a real step, and its seq is that step's.
        for p in story.turningPoints {
            #expect(replay.steps.indices.contains(p.step) && replay.steps[p.step].seq == p.seq, "\(p.title)")
        }

        // Questions drawn from this match, naming what happened, then the scenario's own.
        let asked = story.questions.filter { $0.source == "match" }
        let q = try #require(asked.first { $0.text.hasPrefix("United States blocked ROK's “Ask the 1718 Committee for (or to renew) a six-month exemption” in turn 1") })
        #expect(q.text.contains("US-ROK alliance cohesion") && q.text.hasSuffix("was it worth it?"))
        #expect(q.seq == blocked.seq)
        #expect(asked.contains { $0.text.contains("Deal #1") && $0.text.contains("would you make the same deal again?") })
        let fixed = story.questions.filter { $0.source == "scenario" }.map(\.text)
        #expect(fixed == report.casePackage?.debriefQuestions)
        #expect(fixed.contains { $0.contains("get out of the way") })

        // Plans beside what happened.
        let rok = try #require(story.teams.first { $0.team == "rok" })
        #expect(rok.turns[0].planned == ["Ask the 1718 Committee for (or to renew) a six-month exemption (Inter-Korean rail and road reconnection)"])
        #expect(rok.turns[0].deals.first?.hasPrefix("Proposed deal #1: ROK does Offer a confidence-building package; DPRK does Carry out a military agreement measure") == true)
        #expect(rok.turns[0].happened.contains { $0.hasPrefix("Ask the 1718 Committee for (or to renew) a six-month exemption (Inter-Korean rail and road reconnection): blocked by United States") })
        let usa = try #require(story.teams.first { $0.team == "usa" })
        #expect(usa.turns[0].planned == ["block “Ask the 1718 Committee for (or to renew) a six-month exemption”"])
        // Objectives, with why.
        #expect(rok.objectives.allSatisfy { $0.met != nil && !$0.why.isEmpty })
        try Data(report.html(viewer: "replay.html?src=story-koreanization.replay.json").utf8)
            .write(to: URL(fileURLWithPath: Fixtures.outputDirectory + "/story-koreanization.html"))
        let alliance = try #require(rok.objectives.first { $0.id == "rok_alliance" })
        #expect(alliance.why.contains("US-ROK alliance cohesion ended at \(replay.finalState.tracks[replay.engine.ruleset.trackIndex("alliance")!])"))
    }

    /// A deal one of whose steps could not be taken reads as carried out in part, names the step and why, and its
    /// question never asks what the step that did not happen gave (REPORT-browser, second class #3: "United States does
    /// Hold a US-DPRK summit" when the summit "could not be taken").
    @Test func aDealWhoseStepCouldNotBeTakenIsCarriedOutInPart() throws {
        let replay = try DealCarriedOutInPartTests.match()
        let step = try #require(replay.steps.first { $0.records.contains { $0.kind == .deal && $0.result == "carried_out" } })
        let summit = try #require(step.records.first { $0.kind == .order && $0.action == "us_summit" })
        #expect(summit.result == "precondition_failed")
        for language in [Language.en, .ko] {
            let story = Story(replay: replay, scenarioQuestions: [], language: language)
            let deal = try #require(story.turningPoints.first { $0.kind == "deal" })
            let question = try #require(story.questions.first { $0.source == "match" && $0.seq == deal.seq })
            if language == .en {
                #expect(deal.title.hasSuffix("deal #1, proposed by DPRK with United States, carried out in part"), "\(deal.title)")
                #expect(deal.text.contains("Not carried out: ") && deal.text.contains("could not be taken (No working-level groundwork for a summit)"), "\(deal.text)")
                #expect(question.text.contains("was carried out only in part in turn 1") && !question.text.contains("would you make the same deal again"),
                        "\(question.text)")
            } else {
                #expect(deal.title.hasSuffix("합의 #1이 일부만 이행되었습니다"), "\(deal.title)")
                #expect(deal.text.contains("이행되지 못한 약속: ") && deal.text.contains("실무 협상 기반이 없습니다"), "\(deal.text)")
                #expect(question.text.contains("일부만 이행되었고"), "\(question.text)")
            }
        }
    }

    @Test func theTutorialFindsTheNearMissAndTheDeal() throws {
        let replay = try StoryMatches.tutorial()
        #expect(replay.isVerified)
        let story = Story(replay: replay, scenarioQuestions: try StoryMatches.casePackage("tutorial", for: replay).debriefQuestions)
        let package = try StoryMatches.casePackage("tutorial", for: replay)
        try Data(AfterActionReport(replay: replay, chat: false, views: false, casePackage: package).html().utf8)
            .write(to: URL(fileURLWithPath: Fixtures.outputDirectory + "/story-tutorial.html"))
        let near = try #require(story.turningPoints.first { $0.kind == "near_miss" })
        #expect(near.title.contains("Naval clash narrowly missed"))
        #expect(near.track == "friction" && near.to == 4)
        #expect(near.text.contains("Friction at sea reached 4, 1 short"))
        let deal = try #require(story.turningPoints.first { $0.kind == "deal" })
        #expect(deal.title.contains("deal #1, proposed by Republic of Marisol with Regional Fisheries Mediator"))
        #expect(deal.text.contains("Goodwill between the islands"))
        #expect(story.questions.contains { $0.source == "match" && $0.text.contains("short of the point at which the match ends in naval clash") })
        #expect(story.questions.contains { $0.source == "scenario" && $0.text.contains("stock survey") })
        // The tracks' largest swing is named with its causes, each as a noun ("the event “…”", never "from by the event").
        #expect(story.turningPoints.contains { $0.kind == "swing" && $0.text.hasPrefix("Because of ") })
        #expect(!story.turningPoints.contains { $0.text.contains("Mostly from") || $0.text.contains(" by the ") })
    }

    /// A swing's causes add up to the turn's change: the instructor's adjustment is one of them, never left out, and
    /// the sentence names each share (REPORT-terminal #1: "+2 of the +4" with the instructor's +2 missing).
    @Test func aSwingsCausesAddUpToItsChangeTheInstructorsAdjustmentIncluded() throws {
        let replay = Replay(log: try MatchLog(bytes: Array(try ServerMatch().play().utf8)))
        let reader = StoryReader(replay: replay)
        var adjusted = 0
        for turn in 1...reader.turnCount {
            for s in reader.swings(in: turn) {
                let causes = reader.causes(of: s.track, in: turn)
                #expect(causes.reduce(0) { $0 + $1.delta } == s.to - s.from, "turn \(turn), \(reader.ruleset.tracks[s.track].id)")
                guard let instructor = causes.first(where: { $0.cause == "instructor" }) else { continue }
                adjusted += 1
                let delta = instructor.delta > 0 ? "+\(instructor.delta)" : String(instructor.delta)
                #expect(reader.causesText(causes).contains("the instructor's adjustment (\(delta))"), "\(reader.causesText(causes))")
            }
        }
        #expect(adjusted >= 1, "the server match's turn 2 adjusts tension")
        // More than three causes: the two largest, then the rest as one share, so the shares still add up.
        let text = reader.causesText([("instructor", 3, 0), ("upkeep", -2, 0), ("?", 1, 0), ("?x", 1, 0)])
        #expect(text == "the instructor's adjustment (+3), the scenario's upkeep (-2) and other causes (+2)")
        #expect(reader.causesText([("instructor", 2, 0), ("upkeep", 1, 0)]) == "the instructor's adjustment (+2) and the scenario's upkeep (+1)")
        // In Korean, a noun list too: no "에 따라 … 때문" twice (REPORT-terminal #23).
        let ko = StoryReader(replay: replay, language: .ko)
        #expect(ko.causesText([("instructor", 2, 0), ("upkeep", 1, 0)]) == "교사의 조정(+2), 시나리오의 매 턴 자동 변화(+1)")
    }

    @Test func aDealIsAttributedToTheTeamThatProposedIt() throws {
        let replay = try StoryMatches.koreanization()
        let report = AfterActionReport(replay: replay, chat: false, views: false)
        let texts = report.steps.flatMap(\.records).filter { $0.kind == "deal" }.map(\.text)
        #expect(texts.contains { $0.hasPrefix("Deal #1 (ROK (South Korea)): open") })
        #expect(texts.contains { $0.hasPrefix("DPRK (North Korea) accepts deal #1 from ROK (South Korea): agreed") })
        #expect(texts.contains { $0.hasPrefix("Deal #1 (ROK (South Korea)): carried out") })
        #expect(!texts.contains { $0.contains("proposed by DPRK") })
    }

    /// The upkeep's slow changes of tracks are summed in one line; a flag the upkeep sets keeps its own line, in
    /// words (yes and no), never its id with 0 and 1.
    @Test func aFlagTheUpkeepChangesReadsAsYesOrNoInTheTimeline() throws {
        let text = Fixtures.rulesetText("tutorial").replacingOccurrences(of: "\nupkeep:\n", with: "\nupkeep:\n  - \"boat_seized = not boat_seized\"\n")
        var writer = try MatchLogWriter(rulesetText: text, settings: .init(seed: 9, turns: 3))
        var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: 9 &+ UInt64($0)) }
        try writer.playWhole(drafts: 1, chat: 0, maxLines: .max) { engine, state, team in bots[team].orders(engine: engine, state: state, team: team) }
        let replay = Replay(log: try MatchLog(bytes: Array(writer.text.utf8)))
        let html = AfterActionReport(replay: replay, chat: false, views: false).html()
        let timeline = String(html[html.range(of: "<section id=\"timeline\"")!.lowerBound...])
        #expect(timeline.contains("A fishing boat has been seized: no → yes") && timeline.contains("A fishing boat has been seized: yes → no"))
        #expect(timeline.contains("<span class=\"who\">Upkeep</span>"))
        #expect(!timeline.contains("boat_seized") && !timeline.contains("boat seized"))
    }

    @Test func theTimelineIsCleanedForPeople() throws {
        let replay = try StoryMatches.koreanization()
        let report = AfterActionReport(replay: replay, chat: false, views: false)
        let html = report.html(viewer: "replay.html?src=match.replay.json")
        let timeline = String(html[html.range(of: "<section id=\"timeline\"")!.lowerBound...])
        #expect(!timeline.contains("advance the phase"))
        #expect(!timeline.contains("(upkeep)"))
        #expect(timeline.contains("<span class=\"who\">Upkeep</span>"))
        #expect(timeline.contains("The clock</span>: the orders are resolved (every team had locked its orders)"))
        #expect(!timeline.contains("locks its orders"))
        // One draft per team per turn.
        let drafts = timeline.components(separatedBy: "'s orders for the turn: ").count - 1
        #expect(drafts <= replay.engine.ruleset.teams.count * replay.finalState.turn)
        // Moments link into the viewer by seq; the story and the questions are there.
        #expect(html.contains("href=\"replay.html?src=match.replay.json&amp;seq="))
        #expect(html.contains("<section id=\"turning-points\">") && html.contains("<section id=\"questions\">") && html.contains("<section id=\"plans\">"))
        // The story is the instructor's: a handout leaves it out.
        let handout = report.html(viewpoint: "observer")
        #expect(!handout.contains("turning-points") && !handout.contains("id=\"plans\"") && !handout.contains("id=\"questions\""))
        let withCase = AfterActionReport(replay: replay, chat: false, views: false, casePackage: try StoryMatches.casePackage("koreanization", for: replay))
        let caseHandout = withCase.html(viewpoint: "observer")
        #expect(caseHandout.contains("<h3>From the scenario</h3>") && !caseHandout.contains("<h3>From this match</h3>"))
        // The text timeline speaks for people too.
        let text = replay.timeline()
        #expect(!text.contains("advance the phase"))
        #expect(text.contains("the clock: orders are due (time was up)"))
    }

    @Test func theServerMatchTellsItsStoryToo() throws {
        let match = ServerMatch()
        let replay = Replay(log: try MatchLog(bytes: Array(try match.play().utf8)))
        let story = try #require(AfterActionReport(replay: replay, chat: true, views: false).story)
        #expect(story.turns.count == 3)
        #expect(!story.questions.isEmpty)
        #expect(story.turningPoints.contains { $0.kind == "decided" })
    }
}

@Suite struct StorySwingTests {
    /// The simulated log's turn 2 moved "Rail and road exemption (turns left)" from 0 to 1: half its range, the
    /// largest share of any swing, but a counter the rules keep, read by no ending and no objective.
    @Test func aTurningPointOrBiggestChangeIsNeverABookkeepingLadderThatNoEndingOrObjectiveReads() throws {
        let replay = Replay(log: try MatchLog(bytes: try OldLogTests.bytes("pre-log-module-simulated.jsonl")))
        let report = AfterActionReport(replay: replay, chat: false, views: false)
        let story = report.story
        // Nor one of a turn's biggest changes.
        #expect(!report.html().contains("Rail and road exemption (turns left) 0 → 1"))
        let swings = try #require(story?.turningPoints.filter { $0.kind == "swing" })
        #expect(!swings.isEmpty)
        #expect(!swings.contains { $0.track == "rail_exemption" || $0.track == "kaesong_exemption" }, "\(swings.map(\.title))")
        #expect(swings.contains { $0.track == "trust" })
    }
}
