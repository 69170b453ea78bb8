import ArmisticeEngine
import ArmisticeLocale
import ArmisticeWire
import Foundation
import Testing
@testable import ArmisticeTerminal

/// Before adjudication a deal's card says which of my team's steps fails its requirement now, naming the step and the
/// scenario's reason, whether the deal is waiting for my team, already accepted by it (the proposer too) or agreed; the
/// instructor, whose view holds every team's actions, sees it on every team's steps and in the Drafts pane. At 80×24,
/// in English and Korean (outside tester qa4 #3: the US's “북미 정상회담 개최” in deal #1 failed only at adjudication).
@Suite struct DealStepRequirementTests {
    static func deal(_ json: String) -> DealInfo { DealInfo(JSONValue.parse(json)!) }

    /// Deal 1 of the fixture, Marisol's step seize_trawler (its requirement fails: "needs friction of at least 3").
    static func seizing(_ s: inout ClientState, accepted: String, status: String, proposer: String = "tervane") {
        s.view.deals[0] = deal("""
        {"id":1,"turn":1,"proposer":"\(proposer)","parties":["tervane","marisol"],"accepted":\(accepted),"status":"\(status)","note":"",
         "commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"seize_trawler"}]}
        """)
        let i = s.view.actions.firstIndex { $0.id == "seize_trawler" }!
        s.view.actions[i].reason = "needs friction of at least 3"
        s.view.actions[i].reasonCode = "requirement"
        s.view.actions[i].requirement = nil
    }

    static func fitsIn80Columns(_ text: String) {
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80, "too wide: \(line)") }
    }

    static let note = "⚠ As things stand, Republic of Marisol's “Seize a trawler” cannot be taken at adjudication: needs friction of at least 3"

    @Test func myTeamsStepThatFailsItsRequirementIsSaidUntilTheAdjudicationAnsweredOrNot() {
        var s = Fixtures.seated()
        s.focus(.deals)
        for (accepted, status) in [(#"["tervane"]"#, "open"), (#"["tervane","marisol"]"#, "open"), (#"["tervane","marisol"]"#, "agreed")] {
            Self.seizing(&s, accepted: accepted, status: status)
            #expect(s.dealLines().contains("  Republic of Marisol: Seize a trawler — " + Self.note), "\(accepted) \(status): \(s.dealLines())")
            let text = Fixtures.screen(s)
            #expect(text.contains("⚠ As things stand, Republic of"), "\(text)")
            #expect(!text.contains("may fail"), "said once, not also as 'may fail': \(text)")
            Self.fitsIn80Columns(text)
        }
        // Once agreed the server's reason is the deal's promise; the failing requirement comes in `requirement`.
        let i = s.view.actions.firstIndex { $0.id == "seize_trawler" }!
        s.view.actions[i].reason = "already promised in deal 1, which orders it this turn"
        s.view.actions[i].reasonCode = "promised"
        s.view.actions[i].requirement = "needs friction of at least 3"
        #expect(s.dealLines().contains("  Republic of Marisol: Seize a trawler — " + Self.note))
        // My team proposed it: the proposer is told too.
        Self.seizing(&s, accepted: #"["marisol"]"#, status: "open", proposer: "marisol")
        #expect(s.dealLines().contains("  Republic of Marisol: Seize a trawler — " + Self.note))
        // Once adjudicated it is no longer a warning: the results say what happened.
        s.view.phase = "adjudication"
        #expect(!s.dealLines().contains { $0.contains("⚠") })
    }

    @Test func aStepThatMeetsItsRequirementOrIsAnotherTeamsSaysNothing() {
        var s = Fixtures.seated()
        Self.seizing(&s, accepted: #"["tervane","marisol"]"#, status: "agreed")
        let i = s.view.actions.firstIndex { $0.id == "seize_trawler" }!
        s.view.actions[i].available = true
        s.view.actions[i].reason = nil
        #expect(!s.dealLines().contains { $0.contains("⚠") })
        // Tervane's share_survey is not in Marisol's actions: nothing is known against it, nothing is guessed.
        s.view.deals[0].commitments = [CommitmentInfo(JSONValue.parse(#"{"team":"tervane","action":"seize_trawler"}"#)!)]
        s.view.actions[i].available = false
        #expect(!s.dealLines().contains { $0.contains("⚠") })
    }

    @Test func theInstructorSeesEveryTeamsFailingStepOnTheCardAndInTheDrafts() {
        var s = BotSeatClientTests.instructor()
        Self.seizing(&s, accepted: #"["tervane","marisol"]"#, status: "agreed")
        #expect(s.dealLines().contains("  Republic of Marisol: Seize a trawler — " + Self.note), "\(s.dealLines())")
        let drafts = s.draftLines().joined(separator: "\n")
        #expect(drafts.contains("🔒 Seize a trawler (deal #1) ⚠ not possible now") || drafts.contains("Seize a trawler") && drafts.contains("⚠ not possible now"), "\(drafts)")
        s.focus(.draft)
        let text = Fixtures.screen(s)
        #expect(text.contains("🔒Seize") && text.contains("a trawler ⚠ not possible now"), "\(text)")
        Self.fitsIn80Columns(text)
    }

    /// The class's case: the US student's card for the DPRK's deal #1 whose US step, 북미 정상회담 개최, needs groundwork.
    @Test func theKoreanCardNamesTheStepAndTheScenariosReason() throws {
        let text = try String(contentsOf: KoreanRenderTests.root.appendingPathComponent("rulesets/koreanization.yaml"), encoding: .utf8)
        let ruleset = try RulesetLoader.load(text: text, file: "koreanization.yaml")
        let engine = Engine(ruleset: ruleset)
        var state = engine.newGame(seed: 7)
        _ = try engine.apply(.start, to: &state)
        while state.phase != .negotiation { _ = try engine.apply(.advance, to: &state) }
        let usa = ruleset.teams.firstIndex { $0.id == "usa" }!
        let view = ViewLocalizer(engine, language: .ko).view(of: state, for: .team(usa))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase   // the wire's reason_code, as the server writes it
        let viewJSON = String(decoding: try encoder.encode(view), as: UTF8.self)
        var s = ClientState()
        s.language = .ko
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"K0R3AN","seat":"s4","token":"K0R3AN.x","role":"player","team":"usa"}"#, now: Fixtures.now)
        _ = s.apply(message: """
        {"type":"snapshot","room":"K0R3AN","seq":9,"language":"ko","you":{"seat":"s4","name":"하준","role":"player","team":"usa"},
         "settings":{"ruleset":"koreanization","seed":7,"language":"ko"},"view":\(viewJSON),
         "roster":[{"seat":"s4","name":"하준","role":"player","team":"usa","online":true}],"chat":[],
         "clock":{"phase":"negotiation","turn":1,"paused":false,"remaining":241000,"now":\(Fixtures.now)}}
        """, now: Fixtures.now)
        let summit = try #require(s.view.action("us_summit"))
        #expect(!summit.available && summit.reasonCode == "requirement")
        s.view.deals = [Self.deal("""
        {"id":1,"turn":1,"proposer":"dprk","parties":["dprk","usa"],"accepted":["dprk","usa"],"status":"agreed","note":"북미 정상회담을 열자",
         "commitments":[{"team":"usa","action":"us_summit"},{"team":"dprk","action":"dprk_cma_step"}]}
        """)]
        let line = try #require(s.dealLines().first { $0.contains("⚠") })
        #expect(line.contains("⚠ 지금 상태로는 미국의 “북미 정상회담 개최”를 판정 때 실행할 수 없습니다: \(summit.reason ?? "?")"), "\(line)")
        s.focus(.deals)
        let screen = Fixtures.screen(s)
        #expect(screen.contains("⚠ 지금 상태로는"), "\(screen)")
        Self.fitsIn80Columns(screen)
    }
}
