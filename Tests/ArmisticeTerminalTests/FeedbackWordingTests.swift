import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// What the client says back: a refusal worded as what could not be done, in English and Korean; usage errors in the
/// interface's language; the whole output of `:help`, `:state`, … in a dialog to scroll; an action marked not
/// available added with its warning in words, or refused when that cannot change this turn.
@Suite struct FeedbackWordingTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func notices(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .notice(let line) = $0 { line } else { nil } }
    }

    /// The id of the one request among the effects.
    static func requestID(_ effects: [Effect]) -> Int? {
        effects.compactMap { if case .send(let m) = $0 { m["id"]?.int } else { nil } }.first
    }

    static func type(_ s: inout ClientState, _ line: String) -> [Effect] {
        _ = s.handle(key: .char(":"))
        for c in line { _ = s.handle(key: .char(c)) }
        return s.handle(key: .enter)
    }

    @Test func aRefusedRequestSaysWhatCouldNotBeDone() throws {
        for (language, expected) in [(Language.en, "✗ could not lock the team's orders: "), (.ko, "✗ 팀의 명령을 확정하지 못했습니다: ")] {
            var s = Fixtures.seated()
            s.language = language
            let id = try #require(Self.requestID(s.perform(.lock)))
            let effects = s.apply(message: #"{"type":"error","id":\#(id),"code":"wrong_phase","message":"not now"}"#, now: Fixtures.now)
            #expect(s.status == expected + "not now")
            #expect(s.statusIsError)
            #expect(Self.notices(effects) == ["[error] wrong_phase: " + expected.dropFirst(2) + "not now"])
            for success in ["locked the team's orders", "확정했습니다"] { #expect(!(s.status ?? "").contains(success)) }
        }
        var s = Fixtures.seated()
        let id = try #require(Self.requestID(s.perform(.respond(deal: 1, accept: false, confirmed: true))))
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"bad_deal","message":"deal 1 is agreed, no longer open"}"#, now: Fixtures.now)
        #expect(s.status == "✗ could not reject deal #1: deal 1 is agreed, no longer open")
        // And an answer that succeeds still says so.
        let ok = try #require(Self.requestID(s.perform(.skip)))
        _ = s.apply(message: #"{"type":"ack","id":\#(ok)}"#, now: Fixtures.now)
        #expect(s.status == "✓ ended the phase")
    }

    @Test func typingMistakesAreSaidInTheInterfacesLanguage() {
        var s = Fixtures.seated()
        s.language = .ko
        let cases = ["foo": "\"foo\"라는 명령은 없습니다", "say all": "쓰는 법: say 채널 글", "accept x": "accept: 합의 번호를 쓰세요",
                     "consent x maybe": "쓰는 법: consent 행동", "move s2": "쓰는 법: move 자리", "extend soon": "쓰는 법: extend 초",
                     "remove x": "remove: 명령안의 명령 번호", "add": "쓰는 법: add 행동 [항목=값 …]", "deal x": "\"x\"은(는) 합의의 약속이 아닙니다"]
        for (line, korean) in cases {
            let effects = s.perform(line: line)
            #expect(s.status?.contains(korean) == true, "\(line): \(s.status ?? "")")
            for english in ["unknown command", "usage", "must be", "CHANNEL", "ACTION", "SEAT", "type help", "is not a"] {
                #expect(!(s.status ?? "").contains(english), "\(line): \(s.status ?? "")")
            }
            #expect(Self.notices(effects).count == 1)
        }
        s.language = .en
        _ = s.perform(line: "frobnicate")
        #expect(s.status == "✗ there is no command \"frobnicate\": help lists the commands")
    }

    @Test func theDealTemplateHintIsInTheInterfacesLanguage() {
        var s = Fixtures.seated()
        s.language = .ko
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        // No action of another team to build an example from: the words alone, in Korean.
        #expect(s.status == "각 약속은 팀:행동(id는 위 목록)으로 띄어 쓰고, 메모는 -- 뒤에 씁니다")
        // With one, an example made of this scenario's actions, with a Korean note.
        s.view.catalog = [CatalogEntry(JSONValue.parse(#"{"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[]}"#)!)]
        _ = s.handle(key: .escape)
        _ = s.handle(key: .char("n"))
        #expect(s.status == "예를 들면: marisol:fish_hard tervane:share_survey -- 첫걸음")
        s.language = .en
        _ = s.handle(key: .escape)
        _ = s.handle(key: .char("n"))
        #expect(s.status == "For example: marisol:fish_hard tervane:share_survey -- a first step")
    }

    @Test func anAdjustmentNamesTheTrackNotItsID() throws {
        var s = Fixtures.seated()
        s.you.role = "instructor"
        s.language = .ko
        let id = try #require(Self.requestID(s.perform(line: "adjust friction 3 class vote")))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        #expect(s.status == "✓ Friction at sea을(를) 새 값으로 정했습니다: 2 → 3", "the English name keeps both forms")
    }

    @Test func anAdjustedFlagIsSaidAsYesOrNo() throws {
        var s = Fixtures.seated()
        s.you.role = "instructor"
        var id = try #require(Self.requestID(s.perform(line: "adjust boat_seized 1 the boat was taken")))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        #expect(s.status == "✓ set A fishing boat has been seized: no → yes")
        s.language = .ko
        id = try #require(Self.requestID(s.perform(line: "adjust boat_seized 0 released")))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        let said = s.status ?? ""
        #expect(said.hasPrefix("✓ A fishing boat has been seized") && said.contains("아니요") && !said.contains("0"), "\(said)")
    }

    @Test func helpAndTheOtherListsOpenWholeInADialog() {
        var s = Fixtures.seated()
        _ = Self.type(&s, "help")
        guard case .text(let title, let lines, _)? = s.ui.modal else { Issue.record("no dialog: \(String(describing: s.ui.modal))"); return }
        #expect(title == ":help")
        #expect(lines == Command.helpLines(s.t))
        var text = Self.screen(s)
        #expect(text.contains("Commands (the first word is enough"))
        #expect(text.contains("lock the team's orders for this turn"), "\(text)")
        _ = s.handle(key: .end)
        text = Self.screen(s)
        #expect(text.contains("resync | help | quit"), "\(text)")
        #expect(text.contains("any other key closes"))
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        _ = s.handle(key: .escape)
        #expect(s.ui.modal == nil)
        // In Korean, the Korean list; and :draft shows every line, the tags of the plain mode left out.
        s.language = .ko
        _ = Self.type(&s, "help")
        #expect(Self.screen(s).contains("이번 턴의 팀 명령 확정"))
        _ = s.handle(key: .char("x"))
        s.language = .en
        _ = Self.type(&s, "state")
        guard case .text(_, let state, _)? = s.ui.modal else { Issue.record("no dialog for :state"); return }
        #expect(state.count == s.boardLines(now: nil).count)
        #expect(Self.screen(s).contains("track Marisol's catch: 8"))
        _ = s.handle(key: .escape)
        _ = Self.type(&s, "news")
        #expect(Self.screen(s).contains("Patrol boats shadow") && !Self.screen(s).contains("[news]"))
    }

    @Test func aSingleLineIsSaidInTheFooterWithoutItsTag() {
        var s = Fixtures.seated()
        s.connection = .reconnecting(attempt: 1)
        _ = Self.type(&s, "say all hello")
        #expect(s.status == "not connected: the message is kept and sent once the connection is back")
        #expect(s.ui.modal == nil)
    }

    @Test func anActionThatIsNotPossibleIsAddedWithAWarningInWords() throws {
        var s = Fixtures.seated()
        let i = try #require(s.view.actions.firstIndex { $0.id == "seize_trawler" })
        s.view.actions[i].reasonCode = "requirement"
        let effects = s.perform(.add(action: "seize_trawler", params: [:]))
        let id = try #require(Self.requestID(effects))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        #expect(s.status == "✓ added Seize a trawler — ⚠ not possible now: needs friction of at least 3 (it fails at adjudication unless that changes)")
        // Once drafted, the view gives its first reason (already in the orders) and names the requirement behind it
        // (`requirement`): the Draft still says why, in words.
        s.view.orders["marisol"]?.orders.append(OrderInfo(JSONValue.parse(#"{"action":"seize_trawler","params":{}}"#)!))
        let needs = try #require(s.view.actions[i].reason)
        s.view.actions[i].reasonCode = "already_ordered"
        s.view.actions[i].reason = "already in your orders this turn"
        s.view.actions[i].requirement = needs
        s.focus(.draft)
        s.status = nil
        let draft = Self.screen(s)
        #expect(draft.contains("2. Seize a trawler (2) ⚠ not possible") && draft.contains("now: needs friction of at least 3"), "\(draft)")
        #expect(s.draftLines().contains { $0.contains("Seize a trawler ⚠ not possible now: needs friction of at least 3") })
        // An order whose action is fine has no warning.
        #expect(!s.draftLines()[1].contains("⚠"))
    }

    @Test func anActionThatCannotBeAddedThisTurnIsRefusedAtOnce() throws {
        for (code, reason) in [("already_ordered", "already in your orders this turn"), ("locked", "your orders are locked for this turn")] {
            var s = Fixtures.seated()
            let i = try #require(s.view.actions.firstIndex { $0.id == "patrol" })
            s.view.actions[i].available = false
            s.view.actions[i].reasonCode = code
            s.view.actions[i].reason = reason
            let effects = s.perform(.add(action: "patrol", params: [:]))
            #expect(Self.requestID(effects) == nil, "\(code): nothing sent")
            #expect(s.status == "✗ cannot add Naval patrol: " + reason)
        }
        // Over budget: added, with what it means.
        var s = Fixtures.seated()
        let i = try #require(s.view.actions.firstIndex { $0.id == "patrol" })
        s.view.actions[i].available = false
        s.view.actions[i].reasonCode = "cost"
        s.view.actions[i].reason = "costs 2, you have 1 left"
        let id = try #require(Self.requestID(s.perform(.add(action: "patrol", params: [:]))))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        #expect(s.status?.hasPrefix("✓ added Naval patrol — ⚠ costs 2, you have 1 left: the draft's last orders come back over budget") == true)
    }
}
