import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// While a deal is typed (`n` in Deals, or `:deal …`), the pane says in words what to type, with an example made of the
/// scenario's own actions, and every team's action ids can be reached at 80×24: the list narrows to what the word being
/// typed starts, and PgUp/PgDn scroll it with the command line open.
@Suite struct DealTypingTests {
    static func screen(_ s: ClientState) -> String { Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000).text }

    /// The fixture with a long catalog for Tervane: more ids than the pane has rows.
    static func manyActions() -> ClientState {
        var s = Fixtures.seated()
        let names = ["share_survey", "close_reef", "sell_licences", "tax_boats", "build_port", "raise_navy", "sign_treaty",
                     "call_summit", "recall_envoy", "open_market", "ban_nets", "train_crews", "count_stocks", "suspend_exercises"]
        s.view.catalog = names.map { id in
            CatalogEntry(JSONValue.parse(#"{"id":"\#(id)","name":"Do \#(id)","teams":["tervane"],"cost":1,"params":[]}"#)!)
        }
        return s
    }

    static func type(_ text: String, _ s: inout ClientState) {
        for c in text { _ = s.handle(key: .char(c)) }
    }

    @Test func theListNarrowsToTheTeamAndActionBeingTyped() {
        var s = Self.manyActions()
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        #expect(!Self.screen(s).contains("tervane:suspend_exercises"), "the last id is below the pane before narrowing")
        Self.type("tervane:su", &s)
        var text = Self.screen(s)
        #expect(text.contains("tervane:suspend_exercises"), "\(text)")
        // The list is narrowed: no other entry (`id — name`) shows; the footer's example may still name fish_hard.
        #expect(!text.contains("tervane:close_reef") && !text.contains("marisol:fish_hard —"), "\(text)")
        // An action id's start narrows it too, and the parameters in brackets do not count.
        _ = s.handle(key: .clearLine)
        Self.type("deal marisol:fish_hard tervane:ban(x=1", &s)
        text = Self.screen(s)
        #expect(text.contains("tervane:ban_nets"), "\(text)")
        // After the note's `--` nothing narrows it.
        Self.type(") -- sus", &s)
        #expect(Self.screen(s).contains("marisol:fish_hard —"))
    }

    @Test func pageDownScrollsTheListWhileTheLineStaysOpen() {
        var s = Self.manyActions()
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        for _ in 0..<4 { _ = s.handle(key: .pageDown) }
        let text = Self.screen(s)
        #expect(s.ui.input?.text == "deal ")
        #expect(text.contains("tervane:suspend_exercises"), "\(text)")
        _ = s.handle(key: .pageUp)
        #expect(s.ui.input?.text == "deal ")
    }

    @Test func typingADealFromAnotherPaneShowsTheDealsPane() {
        var s = Self.manyActions()
        s.focus(.talk)
        _ = s.handle(key: .char(":"))
        Self.type("deal tervane:sus", &s)
        #expect(s.ui.focus == .deals)
        #expect(Self.screen(s).contains("tervane:suspend_exercises"))
    }

    @Test func koreanNarrowingFitsIn80Columns() {
        var s = Self.manyActions()
        s.language = .ko
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        Self.type("tervane:", &s)
        let text = Self.screen(s)
        // The hint may wrap between its keys: the list scrolls, so it wraps clear of the scroll mark.
        #expect(text.contains("PgUp") && text.contains("PgDn"), "\(text)")
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80, "too wide: \(line)") }
    }

    @Test func ctrlUClearsTheCommandLine() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        Self.type("add patrol", &s)
        _ = s.handle(key: .clearLine)
        #expect(s.ui.input?.text == "")
    }
}

/// Plain mode: a script's commands piped in before the seat is in wait for it, in order, instead of failing as
/// "not connected".
@Suite struct PlainStartupTests {
    static func sent(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .send(let m) = $0 { m["type"]?.string } else { nil } }
    }

    @Test func linesReadBeforeTheSnapshotRunInOrderOnceItArrives() {
        var s = ClientState()
        #expect(s.submit(line: "lock").isEmpty)
        #expect(s.submit(line: "results").isEmpty)
        #expect(s.submit(line: "say all hello").isEmpty)
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now)
        let effects = s.apply(message: Fixtures.snapshot, now: Fixtures.now)
        // Each line runs once the one before has its answer: the lock first, then (the lock refused) the rest.
        #expect(Self.sent(effects) == ["lock"], "\(effects)")
        let lockID = effects.compactMap { if case .send(let m) = $0 { m["id"]?.int } else { nil } }.first ?? 0
        let rest = s.apply(message: #"{"type":"error","id":\#(lockID),"code":"wrong_phase","message":"not now"}"#, now: Fixtures.now)
        #expect(Self.sent(rest) == ["chat"], "\(rest)")
        #expect(s.queuedLines.isEmpty)
        // The room and state lines come first, then what the lines did, in the order they were read.
        let notices = effects.compactMap { if case .notice(let l) = $0 { l } else { nil } }
        #expect(notices.prefix(2).map { String($0.prefix(7)) } == ["[room] ", "[state]"], "\(notices)")
        #expect(!notices.contains { $0.contains("not connected") }, "\(notices)")
        // Once the seat is in and the line before answered, a line runs at once.
        let chatID = rest.compactMap { if case .send(let m) = $0 { m["id"]?.int } else { nil } }.first ?? 0
        _ = s.apply(message: #"{"type":"chat","room":"R4X95U","seq":58,"prev":57,"message":{"seq":58,"seat":"s3","name":"Kim","channel":"all","text":"hello"}}"#, now: Fixtures.now)
        _ = s.apply(message: #"{"type":"ack","id":\#(chatID),"room":"R4X95U","seq":58}"#, now: Fixtures.now)
        #expect(Self.sent(s.submit(line: "lock")) == ["lock"])
    }

    @Test func theNotConnectedLineKeepsItsEnglishTagInKorean() {
        var s = ClientState()
        s.language = .ko
        #expect(s.t.text("terminal.plain.not_connected").hasPrefix("[error] "))
    }

    /// Marisol's view with another team's actions in the catalog, as a real snapshot has them.
    static func withCatalog() -> ClientState {
        var s = Fixtures.seated()
        s.view.catalog = [
            CatalogEntry(JSONValue.parse(#"{"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[]}"#)!),
            CatalogEntry(JSONValue.parse(#"{"id":"set_quota","name":"Set a quota","teams":["mediator"],"cost":1,"params":[{"id":"tonnes","type":"number","min":2,"max":9}]}"#)!),
        ]
        return s
    }

    @Test func theComposerSaysInWordsWhatToTypeWithAnExampleFromThisScenario() throws {
        var s = Self.withCatalog()
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        let example = try #require(s.dealExample)
        #expect(example == "marisol:fish_hard tervane:share_survey -- a first step")
        // The example is a deal the composer takes, each step one the list offers.
        guard case .propose(let commitments, let note)? = try? Command.parse("deal " + example) else { Issue.record("not a deal: \(example)"); return }
        #expect(commitments.count == 2 && note == "a first step")
        let offered = s.dealChoices("deal ").choices.map(\.key)
        #expect(offered.contains("marisol:fish_hard") && offered.contains("tervane:share_survey"))
        // The footer and the pane say it in words; no `P=V` anywhere.
        #expect(s.status == "For example: " + example)
        let text = Fixtures.screen(s)
        #expect(!text.contains("P=V"), "\(text)")
        #expect(text.contains("For example:") && text.contains("marisol:fish_hard"), "\(text)")
        #expect(text.contains("TEAM:approve:ACTION"), "\(text)")
        // An action with a parameter shows how its value is written, with its own id and a value it takes.
        #expect(s.dealParameterExample == "marisol:propose_quota(tonnes=1,partner=tervane)")
        // Too long for the pane's line, it breaks after a comma, never inside a word.
        #expect(text.contains("marisol:propose_quota(tonnes=1,") && text.contains("partner=tervane)"), "\(text)")
        // The list of what a deal may name still shows under the words, at 80×24.
        #expect(text.contains("marisol:fish_hard — Fish hard"), "\(text)")
        // Once a step is typed, the words give the list their room: the footer keeps the example.
        Fixtures.type("tervane:", into: &s)
        let typing = Fixtures.screen(s)
        #expect(!typing.contains("team:approve:action") && typing.contains("tervane:share_survey — Share"), "\(typing)")
        #expect(typing.contains("For example: " + example))
        // A step my action needs another team's approval for makes the example a trade of the two.
        s.view.actions[1].consentFrom = ["tervane"]
        #expect(s.dealExample == "marisol:fish_hard tervane:approve:patrol -- a first step")
        // A refused step says what to write in words too.
        var fresh = Fixtures.seated()
        let refusal = fresh.perform(line: "deal tervane")
        guard case .notice(let line)? = refusal.first else { Issue.record("not refused: \(refusal)"); return }
        #expect(line.contains("TEAM:ACTION(choice=value)") && !line.contains("P=V"), "\(line)")
    }

    @Test func theKoreanComposerSaysItInKorean() throws {
        var s = Self.withCatalog()
        s.language = .ko
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        #expect(s.dealExample == "marisol:fish_hard tervane:share_survey -- 첫걸음")
        let text = Fixtures.screen(s)
        #expect(text.contains("예:") && text.contains("팀:승인:행동") && !text.contains("P=V"), "\(text)")
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80, "\(line)") }
    }
}
