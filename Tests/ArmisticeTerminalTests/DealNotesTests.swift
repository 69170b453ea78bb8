import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A deal's card says when my team's step in it would fail or be wasted (before my team answers), and when a team the
/// deal does not bind can still refuse one of its actions; at 80×24, in English and Korean.
@Suite struct DealNotesTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func deal(_ json: String) -> DealInfo { DealInfo(JSONValue.parse(json)!) }

    static func unavailable(_ s: inout ClientState, _ action: String, _ reason: String, code: String = "requirement") {
        let i = s.view.actions.firstIndex { $0.id == action }!
        s.view.actions[i].available = false
        s.view.actions[i].reason = reason
        s.view.actions[i].reasonCode = code
    }

    /// Deal 1 of the fixture (open, Tervane proposed it, Marisol has not answered) with Marisol's step replaced.
    static func offering(_ s: inout ClientState, _ action: String) {
        s.view.deals[0] = deal("""
        {"id":1,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane"],"status":"open","note":"",
         "commitments":[{"team":"tervane","action":"share_survey"},{"team":"marisol","action":"\(action)"}]}
        """)
    }

    static func fitsIn80Columns(_ text: String) {
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80, "too wide: \(line)") }
    }

    @Test func aStepMyTeamCannotTakeShowsTheReasonUnderItUntilMyTeamAnswers() {
        var s = Fixtures.seated()
        Self.unavailable(&s, "seize_trawler", "needs friction of at least 3")
        Self.offering(&s, "seize_trawler")
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(s.dealText(s.view.deals[0], commitments: false) == "#1 OPEN from Kingdom of Tervane — waiting for your team's answer")
        #expect(text.contains("• Republic of Marisol: Seize a"), "\(text)")
        #expect(text.contains("⚠ As things stand, Republic of"), "\(text)")
        Self.fitsIn80Columns(text)
        #expect(s.dealLines().contains("  Republic of Marisol: Seize a trawler — ⚠ As things stand, Republic of Marisol's “Seize a trawler” cannot be taken at adjudication: needs friction of at least 3"))
        // Once my team has accepted, or the deal is agreed, a failing requirement is still said, in one note naming the
        // step (DealStepRequirementTests), never as a question for us.
        s.view.deals[0].accepted = ["tervane", "marisol"]
        #expect(!Self.screen(s).contains("may fail"))
        s.view.deals[0].status = "agreed"
        #expect(!Self.screen(s).contains("may fail"))
        #expect(s.dealLines().count == 2 && s.dealLines()[1].contains("cannot be taken at adjudication: needs friction of at least 3"))
    }

    @Test func anActionAlreadyInMyDraftIsSaidAsTheDraftsDuplicateNotAsTheDealFailing() {
        var s = Fixtures.seated() // fish_hard is in Marisol's draft, and deal 1 orders it
        Self.unavailable(&s, "fish_hard", "already in your orders this turn", code: "already_ordered")
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(text.contains("⚠ Already in your draft: the deal"), "\(text)")
        #expect(s.dealLines().contains("  Republic of Marisol: Fish hard — ⚠ Already in your draft: the deal orders it first, so your draft's copy would come back duplicate (remove it)"))
        #expect(!text.contains("may fail") && !text.contains("already in your orders this turn"), "\(text)")
        Self.fitsIn80Columns(text)
    }

    @Test func theKindOfReasonComesFromItsCodeNotItsWords() {
        var s = Fixtures.seated() // fish_hard is in Marisol's draft, and deal 1 orders it
        // A room in another language than the interface: the words do not match any catalog text; the code does.
        Self.unavailable(&s, "fish_hard", "이번 턴 명령에 이미 들어 있습니다", code: "already_ordered")
        #expect(s.dealLines().contains { $0.contains("⚠ Already in your draft") })
        Self.unavailable(&s, "fish_hard", "already in your orders this turn", code: "requirement")
        #expect(s.dealLines().contains { $0.contains("cannot be taken at adjudication: already in your orders this turn") })
    }

    @Test func anActionAnAgreedDealAlreadyOrdersWouldComeBackDuplicateButNotOnThatDeal() {
        var s = Fixtures.seated()
        s.view.deals.append(Self.deal("""
        {"id":2,"turn":1,"proposer":"marisol","parties":["tervane","marisol"],"accepted":["tervane","marisol"],"status":"agreed","note":"",
         "commitments":[{"team":"marisol","action":"patrol"}]}
        """))
        Self.unavailable(&s, "patrol", "already promised in deal 2, which orders it this turn", code: "promised")
        Self.offering(&s, "patrol")
        let notes = s.dealNotes(s.view.deals[0])
        #expect(notes.each[1] == [DealNote(text: "⚠ Deal #2 already orders it this turn: this deal's copy would come back duplicate", warning: true)])
        #expect(s.dealNotes(s.view.deals[1]).each == [[]])
    }

    @Test func theBudgetIsSaidAsWhatAcceptingDoes() {
        var s = Fixtures.seated() // budget 3, the draft spends 1 (fish hard)
        // Patrol (2) fits the budget before the draft: the deal's step goes ahead, the draft's last order pays for it.
        s.view.spent["marisol"] = 2
        Self.unavailable(&s, "patrol", "costs 2, you have 1 left", code: "cost")
        Self.offering(&s, "patrol")
        var notes = s.dealNotes(s.view.deals[0])
        #expect(notes.each[1].isEmpty)
        #expect(notes.deal?.text == "⚠ Accepting puts your orders 1 over budget: your draft's last orders would come back over_budget")
        // A step the budget cannot pay even before the draft fails itself.
        s.view.actions[1].cost = 4
        Self.unavailable(&s, "patrol", "costs 4, you have 1 left", code: "cost")
        notes = s.dealNotes(s.view.deals[0])
        #expect(notes.each[1].map(\.text) == ["⚠ Your step may fail: it costs 4 and 3 is left after your agreed deals, so it would come back over_budget"])
        #expect(notes.deal == nil)
        s.focus(.deals)
        Self.fitsIn80Columns(Self.screen(s))
    }

    @Test func aLockOrThePhaseSaysNothingAboutADeal() {
        var s = Fixtures.seated()
        Self.unavailable(&s, "seize_trawler", "your orders are locked for this turn", code: "locked")
        s.view.teams[0].locked = true
        Self.offering(&s, "seize_trawler")
        #expect(s.dealNotes(s.view.deals[0]).each == [[], []])
    }

    @Test func anActionNeedingTheConsentOfATeamTheDealDoesNotBindIsMarked() {
        var s = Fixtures.seated()
        s.view.catalog = [CatalogEntry(JSONValue.parse("""
        {"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[],"consent_from":["mediator"],"consent_rule":"veto"}
        """)!)]
        s.focus(.deals)
        var text = Self.screen(s)
        #expect(text.contains("• Kingdom of Tervane: Share the"), "\(text)")
        #expect(text.contains("⚑ Needs Regional Fisheries"), "\(text)")
        #expect(text.contains("unless they block it"), "\(text)")
        Self.fitsIn80Columns(text)
        // The same on an agreed deal: the mediator can still refuse it at adjudication.
        s.view.deals[0].status = "agreed"
        #expect(Self.screen(s).contains("⚑ Needs Regional Fisheries"))
        // Under the rule "all", in plain words; and for two teams, both named.
        s.view.catalog[0].consentRule = "all"
        s.view.catalog[0].consentFrom = ["mediator", "marisol"]
        #expect(s.dealNotes(s.view.deals[0]).each[0].map(\.text)
                == ["⚑ Needs the consent of Regional Fisheries Mediator, Republic of Marisol: only goes ahead if all of them approve"])
        // A team the same deal binds to approve is not asked again.
        s.view.deals[0].commitments.append(CommitmentInfo(JSONValue.parse(#"{"team":"mediator","consent":"share_survey","decision":"approve"}"#)!))
        #expect(s.dealNotes(s.view.deals[0]).each[0].map(\.text) == ["⚑ Needs Republic of Marisol's consent: only goes ahead if they approve"])
        s.view.deals[0].commitments.append(CommitmentInfo(JSONValue.parse(#"{"team":"marisol","consent":"share_survey","decision":"approve"}"#)!))
        #expect(s.dealNotes(s.view.deals[0]).each[0].isEmpty)
        text = Self.screen(s)
        #expect(!text.contains("⚑"))
    }

    @Test func myOwnActionsConsentComesFromTheActions() {
        var s = Fixtures.seated()
        s.view.actions[0].consentFrom = ["tervane"]
        s.view.actions[0].consentRule = "all"
        #expect(s.dealNotes(s.view.deals[0]).each[1].map(\.text) == ["⚑ Needs Kingdom of Tervane's consent: only goes ahead if they approve"])
    }

    @Test func theProposalBeingTypedIsCheckedLikeACard() {
        var s = Fixtures.seated()
        Self.unavailable(&s, "seize_trawler", "needs friction of at least 3")
        s.focus(.deals)
        s.ui.input = TextInput(purpose: .command, prompt: ":", text: "deal marisol:seize_trawler tervane:sha")
        let text = Self.screen(s)
        #expect(text.contains("Your proposal so far:"), "\(text)")
        #expect(text.contains("• Republic of Marisol: Seize a"), "\(text)")
        #expect(text.contains("⚠ As things stand, Republic of"), "\(text)")
        Self.fitsIn80Columns(text)
        #expect(s.composedCommitments("deal").isEmpty)
        #expect(s.composedCommitments("deal marisol:patrol tervane:share_survey -- a note").map(\.action) == ["patrol", "share_survey"])
    }

    @Test func koreanCardsSayItInKoreanWithin80Columns() {
        var s = Fixtures.seated()
        s.language = .ko
        Self.unavailable(&s, "fish_hard", "이번 턴 명령에 이미 들어 있습니다", code: "already_ordered")
        s.view.catalog = [CatalogEntry(JSONValue.parse("""
        {"id":"share_survey","name":"어업 자원 조사 공유","teams":["tervane"],"cost":1,"params":[],"consent_from":["mediator"],"consent_rule":"all"}
        """)!)]
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(text.contains("⚠ 명령안에 이미 있음"), "\(text)")
        #expect(text.contains("동의 필요: 승인해야만 진행됨"), "\(text)")
        for english in ["Already", "Needs", "consent", "your draft"] { #expect(!text.contains(english), "\(english) in:\n\(text)") }
        Self.fitsIn80Columns(text)
        Self.fitsIn80Columns(Self.screen(s, 60, 24))
    }
}

/// The plain mode in the interface's language, and chat said offline kept and sent on reconnection.
@Suite struct PlainModeWordsTests {
    static func notices(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .notice(let line) = $0 { line } else { nil } }
    }

    @Test func clockLinesSayTheReasonInTheInterfacesLanguage() {
        var s = Fixtures.seated()
        s.language = .ko
        let pause = #"{"type":"clock","seq":58,"prev":57,"reason":"pause","clock":{"phase":"negotiation","turn":1,"paused":true,"remaining":120000}}"#
        let lines = Self.notices(s.apply(message: pause, now: Fixtures.now))
        #expect(lines.count == 1 && lines[0].hasPrefix("[clock] 일시정지: 2:00"), "\(lines)")
        var en = Fixtures.seated()
        let extend = #"{"type":"clock","seq":58,"prev":57,"reason":"extend","clock":{"phase":"negotiation","turn":1,"paused":false,"remaining":60000}}"#
        #expect(Self.notices(en.apply(message: extend, now: Fixtures.now)) == ["[clock] time changed by the instructor: 1:00"])
    }

    @Test func connectionLinesSayWhyInTheInterfacesLanguage() {
        var s = Fixtures.seated()
        s.language = .ko
        let lines = Self.notices(s.apply(message: #"{"type":"removed","room":"R4X95U","reason":"the instructor removed you from the room"}"#, now: Fixtures.now))
        #expect(lines == ["[connection] 방에서 제외됨: the instructor removed you from the room"])
        s.connection = .closed(.noSeat)
        #expect(s.connectionLabel == "앉을 자리가 없습니다")
        s.connection = .closed(.refused("없는 방입니다"))
        #expect(s.waitingLine.hasPrefix("거절됨: 없는 방입니다"))
        s.language = .en
        s.connection = .closed(.removed(nil, ""))
        #expect(s.connectionLabel == "removed from the room")
        // A reason the client knows by its code is said in the interface's language, not as the server's English.
        var k = Fixtures.seated()
        k.language = .ko
        _ = k.apply(message: #"{"type":"removed","room":"R4X95U","reason_code":"removed_by_instructor","reason":"the instructor removed you from the room"}"#, now: Fixtures.now)
        #expect(k.connection == .closed(.removed(.removedByInstructor, "the instructor removed you from the room")))
        #expect(k.connectionLabel == "교사가 방에서 내보냈습니다")
        k.language = .en
        #expect(k.connectionLabel == "the instructor removed you from the room")
    }

    @Test func theActionsListingsParameterRangesAreInTheInterfacesLanguage() {
        var s = Fixtures.seated()
        s.language = .ko
        let quota = s.actionLines()[3]
        #expect(quota.contains(" — 매개변수 tonnes=1~9 partner=tervane|mediator"), "\(quota)")
        #expect(!quota.contains("params"))
        s.language = .en
        #expect(s.actionLines()[3].contains(" — parameters tonnes=1..9 partner=tervane|mediator"))
    }

    @Test func aNewDealsNotesFollowItsLine() {
        var s = Fixtures.seated() // Seize a trawler: not available, "needs friction of at least 3"
        let update = #"""
        {"type":"update","seq":58,"prev":57,"cause":{"type":"propose_deal","by":"s4"},
         "changes":{"deals":[{"id":2,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane"],"status":"open","note":"",
                              "commitments":[{"team":"marisol","action":"seize_trawler"}]}]},
         "records":[{"kind":"deal","turn":1,"deal":2,"result":"open","team":"tervane"}]}
        """#
        let lines = Self.notices(s.apply(message: update, now: Fixtures.now))
        #expect(lines.contains("[deal] Republic of Marisol: Seize a trawler — ⚠ Your step may fail: needs friction of at least 3"), "\(lines)")
    }

    @Test func chatSaidOfflineIsKeptAndSentOnceTheSeatIsBack() {
        var s = Fixtures.seated()
        s.connection = .reconnecting(attempt: 1)
        let offline = s.perform(line: "say all still there?")
        #expect(offline == [.notice("[warning] not connected: the message is kept and sent once the connection is back")])
        #expect(s.keptChat == [.say(channel: "all", text: "still there?")])
        let back = s.apply(message: #"{"type":"resumed","id":"seat","room":"R4X95U","seat":"s3","role":"player","team":"marisol"}"#, now: Fixtures.now)
        let sent = back.compactMap { if case .send(let m) = $0 { m } else { nil } }
        #expect(sent.count == 1)
        #expect(sent.first?["type"]?.string == "chat")
        #expect(sent.first?["channel"]?.string == "all")
        #expect(sent.first?["text"]?.string == "still there?")
        #expect(s.keptChat.isEmpty)
        // A chat the shell could not send after all (the drop not yet known) is kept the same way.
        let waiting = s.pending.count
        guard case .send(let request)? = s.perform(line: "say team again").first else { Issue.record("no request"); return }
        let kept = s.keepUnsent(request)
        #expect(kept)
        #expect(s.pending.count == waiting)
        #expect(s.keptChat == [.say(channel: "team:marisol", text: "again")])
        let lock = s.keepUnsent(JSONValue.parse(#"{"type":"lock","id":9}"#)!)
        #expect(!lock)
    }
}
