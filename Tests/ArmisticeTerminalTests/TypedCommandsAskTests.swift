import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A command asks what its key asks, however it is given (`:accept N`, `:lock`): the lock's question, and the budget's
/// when accepting a deal would pass it; the line mode says the budget's as a warning as it accepts.
@Suite struct TypedCommandsAskTests {
    static func sends(_ effects: [Effect]) -> Bool { effects.contains { if case .send = $0 { true } else { false } } }

    /// Marisol with Naval patrol drafted (3 of 3 points spent) and deal #5 asking it to seize a trawler (2 more).
    static func pastTheBudget() -> ClientState {
        var s = Fixtures.seated()
        s.view.orders["marisol"]?.orders.append(OrderInfo(action: "patrol", params: [:]))
        s.view.spent["marisol"] = 3
        s.view.deals = [DealInfo(JSONValue.parse(#"{"id":5,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane"],"status":"open","note":"","commitments":[{"team":"marisol","action":"seize_trawler"}]}"#)!)]
        return s
    }

    @Test func typingAcceptAsksTheBudgetQuestionAsTheDealsPaneDoes() {
        var s = Self.pastTheBudget()
        _ = s.handle(key: .char(":"))
        Fixtures.type("accept 5", into: &s)
        #expect(!Self.sends(s.handle(key: .enter)), "nothing is sent before the answer")
        guard case .confirm(let prompt, .respond(deal: 5, accept: true, confirmed: false))? = s.ui.modal else { Issue.record("no question"); return }
        #expect(prompt.contains("5 of the 3 points") && prompt.contains("Naval patrol (2) would come back over_budget"), "\(prompt)")
        #expect(prompt.hasSuffix("Accept? (y/n)"))
        #expect(Fixtures.screen(s).contains("Accept? (y/n)"))
        // No: nothing is sent; yes: the accept goes.
        #expect(s.handle(key: .char("n")).isEmpty && s.ui.modal == nil)
        _ = s.handle(key: .char(":"))
        Fixtures.type("accept 5", into: &s)
        _ = s.handle(key: .enter)
        #expect(Self.sends(s.handle(key: .char("y"))))
        // Within the budget an accept goes at once.
        var within = Fixtures.seated()
        _ = within.handle(key: .char(":"))
        Fixtures.type("accept 1", into: &within)
        #expect(Self.sends(within.handle(key: .enter)) && within.ui.modal == nil)
    }

    /// A stray `r` must not reject a deal a whole team negotiated: the key and a typed `:reject N` ask, in both
    /// languages, and only `y` rejects (Enter, which accepts in the Deals pane, does not); the plain mode's `reject N`
    /// sends nothing and says to type `reject N yes`.
    @Test func rejectingADealAsksFirstAndThePlainModeSaysHowToConfirm() {
        for (language, question) in [(Language.en, "Reject deal #5? A rejected deal is closed for good. (y/n)"),
                                     (.ko, "합의 #5를 거절할까요? 거절한 합의는 되돌릴 수 없습니다. (y/n)")] {
            var s = Self.pastTheBudget()
            s.language = language
            s.focus(.deals)
            #expect(s.handle(key: .char("r")).isEmpty, "nothing is sent before the answer")
            #expect(s.ui.modal == .confirm(prompt: question, command: .respond(deal: 5, accept: false)))
            #expect(Fixtures.screen(s).contains(question.suffix(12)), "\(Fixtures.screen(s))")
            // Any other key, Enter too, leaves the deal open.
            #expect(s.handle(key: .enter).isEmpty && s.ui.modal == nil)
            _ = s.handle(key: .char("r"))
            #expect(s.handle(key: .char("n")).isEmpty && s.ui.modal == nil)
            _ = s.handle(key: .char("r"))
            let sent = s.handle(key: .char("y"))
            guard case .send(let m)? = sent.first else { Issue.record("y sent nothing"); continue }
            #expect(m["type"]?.string == "respond_deal" && m["accept"]?.bool == false && m["deal"]?.int == 5)
            // Typed, it asks the same.
            var typed = Self.pastTheBudget()
            typed.language = language
            _ = typed.handle(key: .char(":"))
            Fixtures.type("reject 5", into: &typed)
            #expect(!Self.sends(typed.handle(key: .enter)))
            #expect(typed.ui.modal == .confirm(prompt: question, command: .respond(deal: 5, accept: false)))
            #expect(Self.sends(typed.handle(key: .char("y"))))
        }
        // The plain mode: `reject 5` says how to confirm and sends nothing; `reject 5 yes` rejects.
        var plain = Self.pastTheBudget()
        #expect(plain.perform(line: "reject 5") == [.notice("[confirm] Reject deal #5? Nothing was sent: to reject it, type “reject 5 yes”.")])
        plain.language = .ko
        #expect(plain.perform(line: "reject 5") == [.notice("[confirm] 합의 #5를 거절할까요? 아직 보내지 않았습니다. 거절하려면 “reject 5 yes”를 입력하세요.")])
        #expect(Self.sends(plain.perform(line: "reject 5 yes")))
        #expect(Self.sends(plain.perform(line: "reject 5 y")))
    }

    @Test func theLineModesAcceptSaysWhatItCostsAsItAccepts() {
        var s = Self.pastTheBudget()
        let effects = s.perform(line: "accept 5")
        let notices = effects.compactMap { if case .notice(let line) = $0 { line } else { nil } }
        #expect(notices.first?.hasPrefix("[warning] Accepting deal #5 costs your team 2") == true, "\(notices)")
        #expect(notices.first?.contains("(y/n)") == false, "the line mode does not ask")
        #expect(Self.sends(effects))
        var within = Fixtures.seated()
        #expect(within.perform(line: "accept 1").allSatisfy { if case .notice = $0 { false } else { true } })
    }

    @Test func typingLockAsksAsTheKeyDoes() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        Fixtures.type("lock", into: &s)
        #expect(!Self.sends(s.handle(key: .enter)))
        #expect(s.ui.modal == .confirm(prompt: s.lockPrompt, command: .lock))
        #expect(Self.sends(s.handle(key: .char("y"))))
    }
}
