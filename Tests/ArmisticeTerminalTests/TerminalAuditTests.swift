import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// What a student's play-through at 80×24 in English and Korean found: every word in the interface's language,
/// nothing cut mid-word or at the edge, decisions promised by deals shown settled, refusals that say what is allowed.
@Suite struct TerminalAuditTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func korean() -> ClientState {
        var s = Fixtures.seated()
        s.language = .ko
        return s
    }

    static func notices(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .notice(let line) = $0 { line } else { nil } }
    }

    /// A consent question for Marisol, and deal 2 (agreed) in which Marisol promised to approve it.
    static func withPromisedConsent() -> ClientState {
        var s = Fixtures.seated()
        s.view.consents = [ConsentInfo(JSONValue.parse(#"{"action":"survey","name":"Joint reef survey","rule":"veto","teams":["marisol"]}"#)!)]
        s.view.deals.append(DealInfo(JSONValue.parse("""
        {"id":2,"turn":1,"proposer":"tervane","parties":["tervane","marisol"],"accepted":["tervane","marisol"],"status":"agreed","note":"",
         "commitments":[{"team":"marisol","consent":"survey","decision":"approve"},{"team":"tervane","action":"share_survey"}]}
        """)!))
        return s
    }

    @Test func dealCardsAreInTheInterfacesLanguage() {
        var s = Self.korean()
        s.focus(.deals)
        let text = Self.screen(s)
        #expect(text.contains("→ 이번 턴에 모두 수락하면"), "\(text)")
        let deal = s.view.deals[0]
        #expect(s.dealEffect(deal) == "이번 턴에 모두 수락하면 각 약속은 그 팀의 명령과 함께 이행됩니다. 우리 팀의 약속은 명령에 저절로 들어갑니다 (비용 1, 예산에 포함): 명령안에 넣지 마세요.")
        #expect(s.dealText(deal).contains("Republic of Marisol: Fish hard 이행"))
        for english in [" will ", "If all accept", "Yours go", "do not draft"] { #expect(!text.contains(english), "\(english) left:\n\(text)") }
        let agreed = Self.withPromisedConsent()
        #expect(agreed.dealEffect(agreed.view.deals[1]).hasPrefix("Agreed: carried out with this turn's orders"))
        #expect(agreed.commitmentText(agreed.view.deals[1].commitments[0]) == "Republic of Marisol approves: Joint reef survey")
    }

    @Test func koreanCostAndChanceKeepTheirUnitsAtTheRightEdge() throws {
        var s = try KoreanRenderTests.koreanStudent()
        s.focus(.actions)
        for width in [80, 100] {
            let text = Self.screen(s, width)
            for a in s.view.actions.prefix(5) {
                let cost = "\(a.cost)점" + (a.chance.map { " \($0)%" } ?? "")
                #expect(text.contains(cost), "\(width) columns: \(a.name) should end with \(cost):\n\(text)")
            }
            for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= width) }
        }
    }

    @Test func anEffectOfAnEventNamesTheEventFromItsRecord() {
        var s = Self.korean()
        s.records += [RecordInfo(JSONValue.parse(#"{"kind":"event","turn":1,"event":"new_year_address","result":"scripted","text":"김정은 신년사"}"#)!),
                      RecordInfo(JSONValue.parse(#"{"kind":"effect","turn":1,"target":"goodwill","from":3,"to":5,"reason":"event:new_year_address"}"#)!)]
        let line = RecordWords.describe(s.records.last!, in: s)
        #expect(line.contains("김정은 신년사"), "\(line)")
        #expect(!line.contains("new year address"))
    }

    @Test func plainLinesAreInTheInterfacesLanguageWithTeamNames() {
        var s = ClientState()
        s.language = .ko
        let joined = Self.notices(s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now))
        #expect(joined.isEmpty, "the room line waits for the team's name: \(joined)")
        let lines = Self.notices(s.apply(message: Fixtures.snapshot, now: Fixtures.now))
        #expect(lines.first == "[room] R4X95U 방에 들어왔습니다. 내 자리: Republic of Marisol 참여자")
        #expect(lines.contains { $0.hasPrefix("[state]") && $0.contains("방 R4X95U") && $0.contains("1/4턴") && $0.contains("협상") })
        let roster = #"{"type":"roster","room":"R4X95U","seq":58,"prev":57,"roster":[{"seat":"s3","name":"Kim","role":"player","team":"marisol","online":true},{"seat":"s4","name":"Ari","role":"player","team":"tervane","online":false}]}"#
        #expect(Self.notices(s.apply(message: roster, now: Fixtures.now)) == ["[roster] Ari 접속 끊김"])
        var en = ClientState()
        _ = en.apply(message: Fixtures.snapshot, now: Fixtures.now)
        let rejoined = Self.notices(en.apply(message: #"{"type":"resumed","room":"R4X95U","seat":"s3","role":"player","team":"marisol"}"#, now: Fixtures.now))
        #expect(rejoined == ["[room] rejoined room R4X95U as player of Republic of Marisol"])
        #expect(en.draftSummary == "Fish hard (1 of 3 points)")
    }

    @Test func parametersShowTheirLabelsNotTheirIds() {
        let labelled = ParamInfo(JSONValue.parse(#"{"id":"project","type":"project","label":"사업"}"#)!)
        let bare = ParamInfo(JSONValue.parse(#"{"id":"project","type":"project"}"#)!)
        #expect(labelled.label(among: [labelled], Catalog(language: .ko)) == "사업")
        #expect(bare.label(among: [bare], Catalog(language: .ko)) == "어느 사업")
        var s = Self.korean()
        s.view.orders["marisol"]?.orders.append(OrderInfo(action: "propose_quota", params: ["tonnes": .number(3), "partner": .string("tervane")]))
        s.focus(.draft)
        let draft = Self.screen(s)
        #expect(draft.contains("얼마나: 3") && draft.contains("어느 팀:"), "\(draft)")
        #expect(s.paramsText(["tonnes": .number(3), "partner": .string("tervane")], of: "propose_quota") == "어느 팀: Kingdom of Tervane, 얼마나: 3")
        #expect(!draft.contains("tonnes=") && !draft.contains("partner="))
        s.ui.modal = .params(ParamForm(action: s.view.action("propose_quota")!))
        let dialog = Self.screen(s)
        #expect(dialog.contains("› 얼마나") && !dialog.contains("How much") && !dialog.contains("Which"), "\(dialog)")
    }

    @Test func lockingAnOverBudgetDraftWarnsFirst() {
        var s = Fixtures.seated()
        s.view.spent["marisol"] = 4
        s.focus(.draft)
        _ = s.handle(key: .char("L"))
        guard case .confirm(let prompt, .lock)? = s.ui.modal else { Issue.record("no confirmation"); return }
        #expect(prompt.contains("over budget by 1") && prompt.contains("over_budget"))
        let text = Self.screen(s)
        #expect(text.contains("over_budget") && text.contains("(y/n)"), "the whole warning shows:\n\(text)")
        #expect(Self.notices(s.perform(.lock)).first?.hasPrefix("[warning] The draft is over budget by 1") == true)
        var within = Fixtures.seated()
        _ = within.handle(key: .char("L"))
        #expect(within.ui.modal == .confirm(prompt: within.lockPrompt, command: .lock))
        #expect(within.lockPrompt == "2 of the 3 points are not spent. " + within.t.text("terminal.confirm.lock"))
    }

    @Test func aConsentPromisedByAnAgreedDealShowsSettledInDeals() {
        var s = Self.withPromisedConsent()
        s.focus(.deals)
        let deals = Self.screen(s)
        #expect(deals.contains("Joint reef survey") && deals.contains("approve (deal #2)"), "\(deals)")
        #expect(!deals.contains("undecided"))
        #expect(s.consentLines() == ["survey: ? Joint reef survey by Republic of Marisol (your team may block it): approve (deal #2)"])
    }

    @Test func longLinesWrapAtWordsInsteadOfBeingCut() {
        var s = Fixtures.seated()
        s.view.orders = [:]
        s.view.deals = []
        s.focus(.draft)
        let empty = Self.screen(s)
        #expect(empty.contains("No orders yet: pick actions in") && empty.contains("(2)."), "\(empty)")
        #expect(!empty.split(separator: "\n").contains { $0.hasSuffix("Actions (") }, "\(empty)")
        s.say("✗ Naval patrol is already promised in deal #1: it is carried out with your orders at adjudication, so leave it out", error: true)
        let status = Self.screen(s)
        #expect(status.contains("✗ Naval patrol is already promised") && status.contains("so leave it out"), "\(status)")
        s.status = nil
        s.focus(.talk)
        #expect(Self.screen(s).contains("Enter write · PgUp older"))
        let teams = [JoinCheck.TeamChoice(id: "marisol", name: "Republic of Marisol"), JoinCheck.TeamChoice(id: "mediator", name: "Regional Fisheries Mediator")]
        #expect(JoinCheck.lines(teams, Catalog(language: .en)) == "Teams:\n  marisol — Republic of Marisol\n  mediator — Regional Fisheries Mediator")
    }

    @Test func theHeaderKeepsNameAndTeamOnceTheClockRuns() {
        var s = Fixtures.seated()
        s.view.date = "January 2019, first week"
        let header = Self.screen(s).split(separator: "\n")[0]
        #expect(header.contains("Kim·Marisol") && header.contains("NEGOTIATION 4:00"), "\(header)")
        #expect(header.contains("R4X95U"))
    }

    @Test func channelsAndBotSeatsAreNamedInWords() {
        var s = Self.korean()
        #expect(s.channelLabel("pair:marisol+tervane") == "↔Kingdom of Tervane")
        #expect(s.channelLabel("pair:marisol+mediator") == "↔Regional Fisheries")
        s.view.teams[1].name = "DPRK (North Korea)"
        #expect(s.channelLabel("pair:marisol+tervane") == "↔DPRK")
        let bot = SeatInfo(JSONValue.parse(#"{"seat":"s5","name":"Kingdom of Tervane bot","role":"player","team":"tervane","online":true,"bot":"greedy"}"#)!)
        #expect(s.seatName(bot) == "DPRK (North Korea) 봇")
    }

    @Test func anOutOfRangeParameterSaysWhatIsAllowed() {
        var s = Fixtures.seated()
        let effects = s.perform(line: "add propose_quota tonnes=12 partner=tervane")
        #expect(!effects.contains { if case .send = $0 { true } else { false } })
        #expect(s.status == "✗ tonnes must be from 1 to 9")
        _ = s.perform(line: "add propose_quota tonnes=2 partner=nobody")
        #expect(s.status == "✗ partner must be one of: tervane (Kingdom of Tervane), mediator (Regional Fisheries Mediator)")
        #expect(s.perform(line: "add propose_quota tonnes=2 partner=tervane").contains { if case .send = $0 { true } else { false } })
    }

    @Test func aChatTypedOfflineStaysInTheInputLine() {
        var s = Fixtures.seated()
        s.server = "ws://war.example.org:8080/ws"
        s.connection = .reconnecting(attempt: 2)
        #expect(Self.screen(s).contains("trying ws://war.example.org:8080/ws again (2)"))
        s.focus(.talk)
        _ = s.handle(key: .enter)
        for c in "hello" { _ = s.handle(key: .char(c)) }
        #expect(s.handle(key: .enter).isEmpty)
        #expect(s.ui.input?.text == "hello")
        #expect(Self.screen(s).contains("the message is kept"))
        s.connection = .online
        let sent = s.handle(key: .enter)
        #expect(sent.contains { if case .send = $0 { true } else { false } })
        #expect(s.ui.input == nil)
    }
}
