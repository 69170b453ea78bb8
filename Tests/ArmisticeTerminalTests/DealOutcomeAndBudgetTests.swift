import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A deal one of whose steps could not be taken reads "carried out in part" on the student's card, naming the step and
/// why, as the report does (REPORT-browser, second class #3; `Deal.stepRecords`, shared with the report); a covert step
/// whose record this seat cannot see is never guessed. A deal just agreed that puts a party past its budget tells that
/// party, the proposer too, and the instructor's Drafts pane marks a team over its budget in words (REPORT-terminal #14).
@Suite struct DealOutcomeAndBudgetTests {
    static func screen(_ s: ClientState, _ w: Int = 100, _ h: Int = 30) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func records(_ s: inout ClientState, _ json: String) {
        s.records += JSONValue.parse(json)!.array.map(RecordInfo.init)
    }

    /// Marisol's view after turn 1's adjudication: deal 1 (Tervane shares its survey, Marisol patrols) carried out, and
    /// Marisol's patrol `result` with `reason`.
    static func carriedOut(patrol result: String, reason: String?, tervane: String = "share_survey") -> ClientState {
        var s = Fixtures.seated()
        s.view.phase = "results"
        s.view.deals = [DealInfo(JSONValue.parse("""
        {"id":1,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane","marisol"],"status":"carried_out","note":"",
         "commitments":[{"team":"tervane","action":"\(tervane)"},{"team":"marisol","action":"patrol"}]}
        """)!)]
        s.view.catalog = [CatalogEntry(JSONValue.parse(#"{"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[]}"#)!)]
        let why = reason.map { #","reason":"\#($0)""# } ?? ""
        records(&s, """
        [{"kind":"phase","turn":1,"phase":"adjudication"},{"kind":"deal","turn":1,"deal":1,"result":"carried_out","team":"tervane","visible_to":["tervane","marisol"]},
         {"kind":"order","turn":1,"team":"tervane","action":"share_survey","result":"success"},
         {"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"\(result)"\(why)},
         {"kind":"phase","turn":1,"phase":"results"}]
        """)
        return s
    }

    @Test func aDealWhoseStepCouldNotBeTakenIsCarriedOutInPartOnItsCard() {
        var s = Self.carriedOut(patrol: "precondition_failed", reason: "The fleet is in port.")
        let d = s.view.deals[0]
        #expect(s.dealText(d, commitments: false) == "#1 CARRIED OUT IN PART from Kingdom of Tervane")
        #expect(s.dealEffect(d) == "Carried out only in part at the adjudication of turn 1. Not carried out: Republic of Marisol's “Naval patrol”: could not be taken (The fleet is in port). See Results.")
        #expect(s.dealLines().first?.contains("Not carried out: Republic of Marisol's “Naval patrol”: could not be taken") == true)
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(text.contains("CARRIED OUT IN PART"), "\(text)")
        #expect(!text.contains("Carried out at the adjudication"), "\(text)")

        s.language = .ko
        #expect(s.dealText(d, commitments: false).contains("일부 이행"))
        #expect(s.dealEffect(d) == "1턴 판정 때 일부만 이행됨. 이행되지 못한 약속: Republic of Marisol의 “Naval patrol”: 실행할 수 없음 (The fleet is in port). 결과를 보세요.")
    }

    /// A step taken but failed its dice roll: the card says so, as the replay, the report and the browser do (outside
    /// tester qa5 #9: "carried out" alone was read as "the patrol happened").
    @Test func aDealWhoseStepFailedItsRollSaysSoOnItsCard() {
        var s = Self.carriedOut(patrol: "failure", reason: nil)
        s.records[s.records.count - 2] = RecordInfo(JSONValue.parse(#"{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"failure","roll":91,"chance":70}"#)!)
        let d = s.view.deals[0]
        #expect(s.dealText(d, commitments: false) == "#1 CARRIED OUT, A STEP FAILED from Kingdom of Tervane")
        #expect(s.dealEffect(d) == "Carried out at the adjudication of turn 1: see Results. A step failed its dice roll: Republic of Marisol's “Naval patrol” (rolled 91, needed 70 or less).")
        s.language = .ko
        #expect(s.dealEffect(d).hasSuffix("주사위 판정 실패 1건: Republic of Marisol의 “Naval patrol” (주사위 91, 70 이하가 필요)."), "\(s.dealEffect(d))")
        // Carried out in full: nothing more is said.
        let full = Self.carriedOut(patrol: "success", reason: nil)
        #expect(full.dealText(full.view.deals[0], commitments: false) == "#1 CARRIED OUT from Kingdom of Tervane")
    }

    @Test func thePlainModeSaysTheDealWasCarriedOutInPartAsTheAdjudicationComesIn() {
        var s = Fixtures.seated()
        let deal = #"{"id":1,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane","marisol"],"status":"carried_out","note":"","commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"patrol"}]}"#
        let records = #"[{"kind":"deal","turn":1,"deal":1,"result":"carried_out","team":"tervane","visible_to":["tervane","marisol"]},{"kind":"order","turn":1,"team":"tervane","action":"share_survey","result":"success"},{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"precondition_failed","reason":"The fleet is in port."}]"#
        let effects = s.apply(message: #"{"type":"update","seq":58,"prev":57,"cause":{"type":"advance"},"changes":{"phase":"results","deals":[\#(deal)]},"records":\#(records)}"#, now: Fixtures.now)
        #expect(effects.contains(.notice("[deal] #1 CARRIED OUT IN PART from Kingdom of Tervane — Carried out only in part at the adjudication of turn 1. Not carried out: Republic of Marisol's “Naval patrol”: could not be taken (The fleet is in port). See Results.")), "\(effects)")
    }

    @Test func overBudgetAndRefusedStepsSayWhyInTheRecordsWords() {
        let s = Self.carriedOut(patrol: "over_budget", reason: "costs 2, only 1 left")
        #expect(s.dealEffect(s.view.deals[0]).contains("Not carried out: Republic of Marisol's “Naval patrol”: over budget (costs 2, only 1 left)."))
        let refused = Self.carriedOut(patrol: "refused", reason: "blocked by Kingdom of Tervane")
        #expect(refused.dealEffect(refused.view.deals[0]).contains("“Naval patrol”: refused (no consent) (blocked by Kingdom of Tervane)"))
    }

    @Test func aCovertStepThisSeatCannotSeeIsNeitherRevealedNorGuessed() {
        // Tervane's step is covert: its record is Tervane's alone, and an earlier turn's failed order of it is not this deal's.
        var s = Self.carriedOut(patrol: "success", reason: nil, tervane: "secret_survey")
        s.records.insert(RecordInfo(JSONValue.parse(#"{"kind":"order","turn":0,"team":"tervane","action":"secret_survey","result":"precondition_failed","reason":"Not yet."}"#)!), at: 0)
        let d = s.view.deals[0]
        #expect(s.stepsNotTaken(d).isEmpty)
        #expect(s.dealText(d, commitments: false) == "#1 CARRIED OUT from Kingdom of Tervane")
        #expect(!s.dealEffect(d).contains("Not yet"))
    }

    /// Marisol (budget 3) has drafted Fish hard (1) and proposed deal 2, whose steps cost it 3; Tervane accepts.
    static func proposerAfterAgreement(deals: String) -> (ClientState, [Effect]) {
        var s = Fixtures.seated()
        let changes = """
        {"deals":[\(deals)]}
        """
        let effects = s.apply(message: #"{"type":"update","seq":58,"prev":57,"cause":{"type":"respond_deal","by":"s4"},"changes":\#(changes),"records":[{"kind":"deal","turn":1,"deal":2,"result":"agreed","team":"tervane","visible_to":["tervane","marisol"]}]}"#, now: Fixtures.now)
        return (s, effects)
    }

    static let overDeal = """
    {"id":2,"turn":1,"proposer":"marisol","parties":["tervane","marisol"],"accepted":["marisol","tervane"],"status":"agreed","note":"",
     "commitments":[{"team":"marisol","action":"patrol"},{"team":"marisol","action":"propose_quota","params":{"tonnes":1,"partner":"tervane"}}]}
    """

    @Test func theProposerIsToldWhenItsAgreedDealPutsItsOrdersOverBudget() {
        let (s, effects) = Self.proposerAfterAgreement(deals: Self.overDeal)
        let warning = "⚠ Deal #2 is agreed: with its steps your team's orders cost 4 of the 3 points, 1 over budget. A deal's steps are paid first, so the draft's last orders will come back over_budget unless you remove some."
        #expect(effects.contains(.notice("[warning] " + warning)), "\(effects)")
        #expect(s.status == warning)
        // The lock dialog's warning reads the same computation.
        #expect(s.overBudget == 1 && s.overBudgetWarning != nil)
    }

    @Test func aDealThatStaysWithinTheBudgetOrDoesNotBindMyTeamSaysNothingOfIt() {
        let within = """
        {"id":2,"turn":1,"proposer":"marisol","parties":["tervane","marisol"],"accepted":["marisol","tervane"],"status":"agreed","note":"",
         "commitments":[{"team":"marisol","action":"patrol"}]}
        """
        let (_, effects) = Self.proposerAfterAgreement(deals: within)
        #expect(!effects.contains { if case .notice(let line) = $0 { return line.hasPrefix("[warning]") } else { return false } }, "\(effects)")
    }

    @Test func theAgreedOverBudgetNoticeReadsInKorean() {
        var s = Fixtures.seated()
        s.language = .ko
        _ = s.apply(message: #"{"type":"update","seq":58,"prev":57,"cause":{"type":"respond_deal","by":"s4"},"changes":{"deals":[\#(Self.overDeal)]},"records":[{"kind":"deal","turn":1,"deal":2,"result":"agreed","team":"tervane","visible_to":["tervane","marisol"]}]}"#, now: Fixtures.now)
        #expect(s.status?.hasPrefix("⚠ 합의 #2가 성립했습니다. 그 약속까지 더하면 우리 팀 명령은 예산 3점 중 4점을 써서 1점 넘습니다.") == true, "\(s.status ?? "")")
    }

    @Test func theInstructorsDraftsPaneMarksATeamOverItsBudgetInWords() {
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s1", name: "Ms Lee", role: "instructor", team: nil)
        for i in s.view.teams.indices { s.view.teams[i].budget = 3 }
        s.view.spent = ["marisol": 1, "tervane": 0, "mediator": 0]
        s.view.deals = [DealInfo(JSONValue.parse(Self.overDeal)!)]
        s.focus(.draft)
        let text = Self.screen(s)
        #expect(text.contains("Republic of Marisol [4/3] ⚠ 1 over budget"), "\(text)")
        #expect(!text.contains("Kingdom of Tervane [0/3] ⚠"), "\(text)")
        #expect(s.draftLines().contains { $0.hasPrefix("Republic of Marisol ⚠ 1 over budget: ") }, "\(s.draftLines())")
        s.language = .ko
        #expect(Self.screen(s).contains("[4/3] ⚠ 예산 1점 초과"))
    }
}
