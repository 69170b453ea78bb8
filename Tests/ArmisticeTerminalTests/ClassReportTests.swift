import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// What a class played at 80×24 found (the command line after a refusal, long chat, scroll marks, the Deals pane's
/// order, locking, accepting past the budget, the header, the deal composer, the observer's panes, resumed news).
@Suite struct ClassReportTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func type(_ text: String, into s: inout ClientState) {
        for c in text { _ = s.handle(key: .char(c)) }
    }

    /// The id of the one request among the effects.
    static func requestID(_ effects: [Effect]) -> Int? {
        effects.compactMap { if case .send(let m) = $0 { m["id"]?.int } else { nil } }.first
    }

    static func deal(_ json: String) -> DealInfo { DealInfo(JSONValue.parse(json)!) }

    @Test func aLineTheServerRefusesOpensAgainWithItsText() throws {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        Self.type("deal tervane:foo_bar", into: &s)
        let id = try #require(Self.requestID(s.handle(key: .enter)))
        #expect(s.ui.input == nil)
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"unknown_action","message":"unknown action \"foo_bar\""}"#, now: Fixtures.now)
        #expect(s.ui.input?.text == "deal tervane:foo_bar", "kept for editing, as a line this client refuses")
        #expect(s.ui.input?.refused == true)
        // While the line is open no key reaches the Deals pane's one-key shortcuts.
        Self.type("a", into: &s)
        #expect(s.ui.input?.text == "deal tervane:foo_bara")
        #expect(s.ui.modal == nil)
    }

    @Test func aColonTypedOnARefusedLineStartsANewCommand() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        Self.type("extend abc", into: &s)
        #expect(!s.handle(key: .enter).contains { if case .send = $0 { true } else { false } })
        #expect(s.ui.input?.text == "extend abc" && s.ui.input?.refused == true)
        Self.type(":skip", into: &s)
        #expect(s.ui.input?.text == "skip", "never extend abc:skip")
        // Once edited, a colon is text again (deal terms have them).
        Self.type(":", into: &s)
        #expect(s.ui.input?.text == "skip:")
    }

    @Test func aServerRefusalLeavesAnotherLineBeingTypedAlone() throws {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        Self.type("withdraw 1", into: &s)
        let id = try #require(Self.requestID(s.handle(key: .enter)))
        s.focus(.talk)
        _ = s.handle(key: .enter)
        Self.type("hello", into: &s)
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"not_proposer","message":"no"}"#, now: Fixtures.now)
        #expect(s.ui.input?.text == "hello")
        #expect(s.ui.input?.purpose == .chat("all"))
    }

    @Test func chatPastTheLimitIsRefusedWholeAndCounted() {
        var s = Fixtures.seated()
        s.focus(.talk)
        _ = s.handle(key: .enter)
        Self.type(String(repeating: "x", count: 300) + " " + String(repeating: "y", count: 300), into: &s)
        #expect(s.ui.input?.text.count == 601, "nothing typed is dropped")
        #expect(Self.screen(s).contains("601/500"))
        let effects = s.handle(key: .enter)
        #expect(!effects.contains { if case .send = $0 { true } else { false } }, "never cut and sent")
        #expect(s.ui.input?.text.count == 601)
        #expect(s.status?.contains("601 characters") == true && s.status?.contains("500") == true, "\(s.status ?? "")")
        // Shortened, it goes.
        for _ in 0..<101 { _ = s.handle(key: .backspace) }
        #expect(s.handle(key: .enter).contains { if case .send = $0 { true } else { false } })
    }

    @Test func aPaneThatScrollsWrapsClearOfItsScrollMark() {
        var s = Fixtures.seated()
        for i in 0..<12 {
            s.records.append(RecordInfo(JSONValue.parse(#"{"kind":"news","turn":1,"text":"Item \#(i): patrol boats shadow the trawlers along the reef and the sanctions evasion succeeded, rolled"}"#)!))
        }
        let text = Renderer.fittedText(.news, s, width: 30, height: 6, focused: true, now: Fixtures.now)
        #expect(text.lines.count > 6)
        for line in text.lines { #expect(TerminalText.width(line.text) <= 29, "'\(line.text)' reaches the mark's column") }
        let short = Renderer.fittedText(.brief, Fixtures.seated(), width: 60, height: 20, focused: true, now: Fixtures.now)
        #expect(short.lines.count <= 20)
    }

    @Test func theDealsPaneListsOpenDealsFirstAndFoldsEarlierTurnsClosedOnes() {
        var s = Fixtures.seated()
        s.view.turn = 2
        s.view.deals += [
            Self.deal(#"{"id":2,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":[],"status":"rejected","note":"","commitments":[{"team":"tervane","action":"share_survey"}]}"#),
            Self.deal(#"{"id":3,"turn":1,"proposer":"marisol","parties":["tervane","marisol"],"accepted":[],"status":"withdrawn","note":"","commitments":[{"team":"marisol","action":"patrol"}]}"#),
            Self.deal(#"{"id":4,"turn":2,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane"],"status":"open","note":"","commitments":[{"team":"tervane","action":"share_survey"}]}"#),
            Self.deal(#"{"id":5,"turn":2,"proposer":"tervane","parties":["tervane","marisol"],"accepted":[],"status":"rejected","note":"","commitments":[{"team":"tervane","action":"share_survey"}]}"#),
        ]
        #expect(s.shownDeals.map(\.id) == [1, 4, 5])
        s.focus(.deals)
        let text = Renderer.dealLines(s, width: 39, focused: true).lines.map(\.text).joined(separator: " ")
        #expect(text.contains("2 closed deals of earlier turns (c shows them)"), "\(text)")
        #expect(!text.contains("#2 REJECTED") && !text.contains("#3 WITHDRAWN"), "\(text)")
        #expect(s.selectedDeal?.id == 1)
        _ = s.handle(key: .char("c"))
        #expect(s.shownDeals.map(\.id) == [1, 4, 5, 3, 2])
        _ = s.handle(key: .down)
        #expect(s.selectedDeal?.id == 4)
        let effects = s.handle(key: .char("a"))
        #expect(effects.contains { if case .send(let m) = $0 { m["deal"]?.int == 4 } else { false } })
    }

    @Test func theLockQuestionSaysWhatTheLockLeavesAndThatItIsFinal() {
        var s = Fixtures.seated()
        s.view.consents = [ConsentInfo(JSONValue.parse(#"{"action":"survey","name":"Joint reef survey","rule":"veto","teams":["marisol"]}"#)!)]
        _ = s.handle(key: .char("L"))
        guard case .confirm(let prompt, .lock)? = s.ui.modal else { Issue.record("no confirmation"); return }
        #expect(prompt.contains("2 of the 3 points are not spent"), "\(prompt)")
        #expect(prompt.contains("Joint reef survey: undecided (counts as approval)"), "\(prompt)")
        #expect(prompt.contains("cannot be undone"))
        #expect(Self.screen(s).contains("(y/n)"))
        var ko = s
        ko.language = .ko
        #expect(ko.lockPrompt.contains("결정 안 함 (답하지 않으면 승인으로 처리)") && ko.lockPrompt.contains("되돌릴 수 없습니다"))
        var all = s
        all.view.consents[0].rule = "all"
        #expect(all.consentDecisionText("survey") == "undecided (counts as a refusal)")
    }

    @Test func aLockInNegotiationSaysWhatComesNext() {
        var s = Fixtures.seated()
        s.view.teams[0].locked = true
        s.view.teams[1].locked = false // Tervane has a player: not every team has locked
        let text = Renderer.draftLines(s, width: 60, focused: false).lines.map(\.text).joined(separator: " ")
        #expect(text.contains("LOCKED ✓"), "\(text)")
        #expect(text.contains("Negotiation goes on until its clock runs out or the instructor moves on"), "\(text)")
        s.view.phase = "orders"
        #expect(Renderer.draftLines(s, width: 200, focused: false).lines.contains { $0.text.contains("once every team has locked or the clock runs out") })
    }

    @Test func acceptingADealPastTheBudgetAsksFirstNamingTheOrdersLeftUnpaid() {
        var s = Fixtures.seated()
        s.view.orders["marisol"]?.orders.append(OrderInfo(action: "patrol", params: [:]))
        s.view.spent["marisol"] = 3
        s.view.deals = [Self.deal(#"{"id":5,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane"],"status":"open","note":"","commitments":[{"team":"marisol","action":"seize_trawler"}]}"#)]
        s.focus(.deals)
        #expect(s.handle(key: .char("a")).isEmpty)
        guard case .confirm(let prompt, .respond(deal: 5, accept: true, confirmed: false))? = s.ui.modal else { Issue.record("no question"); return }
        #expect(prompt.contains("5 of the 3 points") && prompt.contains("Naval patrol (2) would come back over_budget"), "\(prompt)")
        #expect(!prompt.contains("Fish hard"))
        #expect(Self.screen(s).contains("Accept? (y/n)"))
        #expect(s.handle(key: .char("y")).contains { if case .send = $0 { true } else { false } })
        var within = Fixtures.seated()
        within.focus(.deals)
        #expect(within.handle(key: .char("a")).contains { if case .send = $0 { true } else { false } }, "within the budget it goes at once")
    }

    @Test func theHeaderKeepsTheTeamOfAStudentWithALongName() {
        var s = Fixtures.seated()
        s.you.name = "Eve the very long named student of the c"
        let header = String(Self.screen(s).split(separator: "\n")[0])
        #expect(header.contains("·Marisol"), "\(header)")
        #expect(header.contains("Eve the"))
        #expect(TerminalText.width(header) <= 80)
        var ko = try! KoreanRenderTests.koreanStudent()
        ko.you.name = "김민수"
        let koHeader = String(Self.screen(ko).split(separator: "\n")[0])
        #expect(!koHeader.contains("·\(ko.you.team ?? "")"), "the team by its name, not its id: \(koHeader)")
        #expect(koHeader.contains("김민수·" + ko.shortTeamName(ko.you.team ?? "")))
    }

    @Test func theDealComposerOffersTheConsentsMyActionsNeed() {
        var s = Fixtures.seated()
        s.view.actions[1].consentFrom = ["tervane"]
        let (choices, typed) = s.dealChoices("deal tervane:approve:pa")
        #expect(typed == "tervane:approve:pa")
        #expect(choices.map(\.key) == ["tervane:approve:patrol"])
    }

    @Test func anObserverHasNoDraftPane() {
        var s = Fixtures.seated()
        s.you.role = "observer"
        s.you.team = nil
        #expect(!Renderer.placed(s, width: 80, height: 24).contains { $0.0 == .draft })
        #expect(!Self.screen(s).contains("No team, no draft"))
    }

    @Test func aResumedSeatCountsOnlyThisTurnsNewsAsNew() {
        var s = ClientState()
        _ = s.apply(message: #"{"type":"resumed","room":"R4X95U","seat":"s3","role":"player","team":"marisol"}"#, now: Fixtures.now)
        let later = Fixtures.snapshot.replacingOccurrences(of: #""turn":1,"turns":4"#, with: #""turn":2,"turns":4"#)
            .replacingOccurrences(of: #"{"kind":"phase","turn":1,"phase":"negotiation"}"#,
                                  with: #"{"kind":"phase","turn":1,"phase":"negotiation"},{"kind":"news","turn":2,"text":"Fresh"}"#)
        _ = s.apply(message: later, now: Fixtures.now)
        #expect(s.view.turn == 2)
        #expect(Renderer.badge(.news, s) == 1)
        var joined = ClientState()
        _ = joined.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now)
        _ = joined.apply(message: later, now: Fixtures.now)
        #expect(Renderer.badge(.news, joined) == 3, "a new seat has read nothing yet")
    }

    @Test func sayTakesTheChannelsTheHelpNamesInTheReadersWords() {
        var s = Fixtures.seated()
        #expect(s.resolveChannel("kingdom of tervane") == "pair:marisol+tervane")
        #expect(s.resolveChannel("TERVANE") == "pair:marisol+tervane")
        let refused = s.perform(line: "say nowhere hello")
        #expect(!refused.contains { if case .send = $0 { true } else { false } })
        #expect(s.status?.contains("there is no channel \"nowhere\": write all, team, or another team by id or name") == true, "\(s.status ?? "")")
        #expect(!(s.status ?? "").contains("pair:"))
        #expect(Command.helpLines(s.t).contains { $0.contains("CHANNEL: all, team, or a team (id or name)") })
        s.language = .ko
        #expect(s.resolveChannel("전체") == "all")
        #expect(s.resolveChannel("팀") == "team:marisol")
        #expect(s.perform(line: "say 전체 안녕하세요").contains { if case .send = $0 { true } else { false } })
    }

    @Test func theActionsListSaysConsentCovertAndParameterLabels() {
        var s = Fixtures.seated()
        s.view.actions[1].covert = true
        s.view.actions[1].consentFrom = ["tervane"]
        s.view.actions[3].params[0].label = "Tonnes to land"
        let lines = s.actionLines()
        #expect(lines[1].contains("covert") && lines[1].contains("needs the consent of Kingdom of Tervane: goes ahead unless they block it"), "\(lines[1])")
        #expect(lines[3].contains("tonnes (Tonnes to land)=1..9"), "\(lines[3])")
        s.view.actions[1].consentRule = "all"
        #expect(s.actionLines()[1].contains("only if they approve"))
        // A flag is listed while false too.
        #expect(s.boardLines(now: nil).contains("flag A fishing boat has been seized: no"))
        s.language = .ko
        #expect(s.boardLines(now: nil).contains("상황 A fishing boat has been seized: 아니요"))
        #expect(s.policyName("greedy") == "적극형" && s.policyName("idle") == "관망형", "the names the replay, the report and the browser use")
    }
}
