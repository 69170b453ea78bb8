import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// The Deals pane offers only the keys that can work on the deal under its cursor, asks nothing once the match is over,
/// and says who rejected a rejected deal.
@Suite struct DealKeysTests {
    static func screen(_ s: ClientState) -> String { Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000).text }

    static func deal(_ json: String) -> DealInfo { DealInfo(JSONValue.parse(json)!) }

    static let consent = ConsentInfo(JSONValue.parse(#"{"action":"close_reef","name":"Close the reef","rule":"veto","teams":["tervane"]}"#)!)

    @Test func withdrawIsOfferedOnlyOnMyTeamsOwnOpenDeal() {
        var s = Fixtures.seated() // deal 1: Tervane proposed it, Marisol has not answered
        s.focus(.deals)
        var text = Self.screen(s)
        #expect(text.contains("a accept · r reject · n new"), "\(text)")
        #expect(!text.contains("w withdraw"), "\(text)")
        // `w` on a deal another team proposed says who can withdraw it and what to do instead; nothing is sent.
        let effects = s.handle(key: .char("w"))
        #expect(effects == [.notice("[error] only Kingdom of Tervane, which proposed deal #1, can withdraw it; r rejects it")])
        // My team's own open deal: withdraw, no accept (my team has accepted it by proposing it).
        s.view.deals[0] = Self.deal("""
        {"id":1,"turn":1,"proposer":"marisol","parties":["tervane","marisol"],"accepted":["marisol"],"status":"open","note":"",
         "commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"fish_hard"}]}
        """)
        s.status = nil
        text = Self.screen(s)
        #expect(text.contains("w withdraw · n new"), "\(text)")
        #expect(!text.contains("a accept"), "\(text)")
        if case .send(let m)? = s.handle(key: .char("w")).first { #expect(m["type"]?.string == "withdraw_deal") } else { Issue.record("nothing sent") }
    }

    @Test func afterTheMatchNoDecisionIsAskedAndNoDealKeyIsOffered() {
        var s = Fixtures.seated()
        s.view.consents = [Self.consent]
        s.focus(.deals)
        #expect(Self.screen(s).contains("Decisions asked of your team"))
        s.view.phase = "ended"
        s.focus(.deals)
        var text = Self.screen(s)
        #expect(!text.contains("Decisions asked"), "\(text)")
        #expect(!text.contains("a accept") && !text.contains("n new"), "\(text)")
        #expect(s.handle(key: .char("a")) == [.notice("[error] The match is over: there is nothing left to decide.")])
        // The open deal no longer waits for anyone, nor counts as waiting for an answer on the tab.
        #expect(!text.contains("waiting for") && !text.contains("Deals(1)"), "\(text)")
        #expect(s.dealEffect(s.view.deals[0]) == "Never agreed: the match ended first, so nothing happens.")
        #expect(s.handle(key: .char("n")).count == 1 && s.ui.input == nil)
        s.focus(.draft)
        text = Self.screen(s)
        #expect(!text.contains("Close the reef"), "\(text)")
        #expect(!text.contains("d remove"), "\(text)")
        #expect(s.draftItems == [.order(0)])
    }

    @Test func aRejectedDealSaysWhoRejectedIt() {
        var s = Fixtures.seated()
        s.view.deals[0].status = "rejected"
        // From the view's rejected_by when it has one…
        s.view.deals[0].rejectedBy = "tervane"
        #expect(s.dealEffect(s.view.deals[0]) == "Rejected by Kingdom of Tervane: nothing happens.")
        // …else from the deal's "rejected" record, which names the team that answered.
        s.view.deals[0].rejectedBy = nil
        #expect(s.dealEffect(s.view.deals[0]) == "Rejected: nothing happens.")
        s.records.append(RecordInfo(JSONValue.parse(#"{"kind":"deal","turn":1,"deal":1,"result":"rejected","team":"marisol"}"#)!))
        #expect(s.dealEffect(s.view.deals[0]) == "Rejected by Republic of Marisol: nothing happens.")
        s.language = .ko
        #expect(s.dealEffect(s.view.deals[0]).hasSuffix("거절했습니다: 아무 일도 일어나지 않습니다."))
    }
}
