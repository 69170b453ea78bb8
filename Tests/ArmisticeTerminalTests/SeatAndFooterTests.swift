import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A window whose seat opened elsewhere says so and what to do, and promises nothing; an observer is told they
/// observe; the footer's messages expire and the connection's line wins; the join code, a long input and a long
/// action name stay readable; a move, the start and the end of a match are said as a student or instructor expects.
@Suite struct SeatAndFooterTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static let elsewhere = #"{"type":"removed","room":"R4X95U","reason_code":"resumed_elsewhere","reason":"your seat was resumed on another connection"}"#

    @Test func aSeatOpenedInAnotherWindowSaysWhatToDoAndKeepsNoPromise() {
        for (language, header, footer) in [(Language.en, "seat open in another window", "to take the seat back"),
                                           (.ko, "다른 창에서 열림", "자리를 되찾으세요")] {
            var s = Fixtures.seated()
            s.language = language
            _ = s.apply(message: Self.elsewhere, now: Fixtures.now)
            let grid = Renderer.render(s, width: 80, height: 24, now: Fixtures.now)
            let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0].contains(header), "\(lines[0])")
            #expect(grid.text.contains(footer), "\(grid.text)")
            for english in ["resumed on another connection", "removed from the room"] { #expect(!grid.text.contains(english)) }
            for line in lines { #expect(TerminalText.width(line) <= 80) }
            // The board is not live: drawn dimmed.
            #expect(grid[0, 3].style.tone == .muted && grid[4, 3].character != " ")
            // Chat is not kept for a reconnection that never comes, neither typed nor in the Talk pane.
            let effects = s.perform(line: "say all still here")
            #expect(s.keptChat.isEmpty)
            #expect(!effects.contains { if case .send = $0 { true } else { false } })
            #expect(s.status?.contains(language == .en ? "not sent" : "보내지 않았습니다") == true, "\(s.status ?? "")")
            for promise in ["kept", "남겨"] { #expect(!(s.status ?? "").contains(promise)) }
        }
    }

    @Test func anObserverIsToldTheyObserveAndTheirTypingIsKept() {
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s9", name: "Projector", role: "observer", team: nil)
        let board = Self.screen(s)
        #expect(board.contains("You are observing"), "\(board)")
        #expect(!board.contains("the instructor assigns one"))
        s.focus(.talk)
        let talk = Self.screen(s)
        #expect(talk.contains("read only") && !talk.contains("Enter write") && !talk.contains("Enter to write"), "\(talk)")
        // A :say typed by an observer is refused here, and the line stays to copy or correct.
        _ = s.handle(key: .char(":"))
        for c in "say all hello everyone" { _ = s.handle(key: .char(c)) }
        let effects = s.handle(key: .enter)
        #expect(!effects.contains { if case .send = $0 { true } else { false } })
        #expect(s.ui.input?.text == "say all hello everyone")
        #expect(s.status == "✗ observers read the all channel only")
        s.language = .ko
        #expect(Self.screen(s).contains("관찰 중입니다"))
    }

    @Test func footerMessagesExpireAndANewPhaseClearsThem() {
        var s = Fixtures.seated()
        s.say("✓ sent to all")
        var gone = [s.expireStatus(now: 1_000), s.expireStatus(now: 1_000 + ClientState.statusLifetime - 1)]
        gone.append(s.expireStatus(now: 1_000 + ClientState.statusLifetime))
        #expect(gone == [false, false, true])
        #expect(s.status == nil)
        s.say("✗ could not lock", error: true)
        gone = [s.expireStatus(now: 5_000), s.expireStatus(now: 5_000 + ClientState.statusLifetime)]
        gone.append(s.expireStatus(now: 5_000 + ClientState.errorLifetime))
        #expect(gone == [false, false, true])
        // A new phase: the old phase's message goes.
        s.say("✓ added Fish hard")
        _ = s.apply(message: #"{"type":"update","seq":58,"prev":57,"cause":{"type":"advance","by":"clock"},"records":[],"changes":{"phase":"orders"}}"#, now: Fixtures.now)
        #expect(s.status == nil)
    }

    @Test func theReconnectingLineWinsTheBottomLine() {
        var s = Fixtures.seated()
        s.server = "ws://localhost:18431/ws"
        s.say("results are in: see the Results pane (7)")
        s.connection = .reconnecting(attempt: 3)
        let lines = Self.screen(s).split(separator: "\n").map(String.init)
        #expect(lines[23].contains("Connection lost: trying ws://localhost:18431/ws again (3)"), "\(lines[23])")
        #expect(lines[22].contains("results are in"))
    }

    @Test func theJoinCodeIsAlwaysOnScreen() {
        var s = Fixtures.seated()
        s.you = ClientState.You(seat: "s1", name: "Ms Lee", role: "instructor", team: nil)
        s.focus(.control)
        let text = Self.screen(s)
        #expect(text.contains("│Room R4X95U: students join with this"), "\(text)")
        #expect(text.contains("│  code"))
    }

    @Test func aLongInputCountsTowardsItsLimitAndStopsThere() {
        var s = Fixtures.seated()
        s.focus(.talk)
        _ = s.handle(key: .enter)
        for _ in 0..<450 { _ = s.handle(key: .char("w")) }
        #expect(Self.screen(s).split(separator: "\n").last?.hasSuffix("450/500") == true, "\(Self.screen(s))")
        for _ in 0..<60 { _ = s.handle(key: .char("x")) }
        // Past the server's limit nothing is dropped: the counter turns red and Enter refuses it (ClassReportTests).
        #expect(s.ui.input?.text.count == 510)
        let last = Self.screen(s).split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("xxxxx█") && last.contains("510/500") && TerminalText.width(last) <= 80, "\(last)")
        for _ in 0..<(TextInput.capacity - 500) { _ = s.handle(key: .char("y")) }
        #expect(s.ui.input?.text.count == TextInput.capacity)
        #expect(s.status == s.t.text("terminal.status.input_full", ["limit": s.t.number(TextInput.capacity)]))
        #expect(s.status?.hasSuffix("characters at most: the line is full") == true)
        // The input line shows the end of what was typed, wide characters whole.
        #expect(TerminalText.tail("abc한국어", fitting: 5) == "국어")
        #expect(TerminalText.tail("abc", fitting: 10) == "abc")
    }

    @Test func aStudentMovedToATeamIsTold() {
        var s = Fixtures.seated()
        let moved = Fixtures.snapshot.replacing(#""you":{"seat":"s3","name":"Kim","role":"player","team":"marisol"}"#,
                                                with: #""you":{"seat":"s3","name":"Kim","role":"player","team":"tervane"}"#)
        let effects = s.apply(message: moved, now: Fixtures.now)
        #expect(s.status == "You are now on Kingdom of Tervane.")
        #expect(effects.contains(.notice("[room] You are now on Kingdom of Tervane.")))
        // The same seat again (a reconnection) says nothing.
        s.status = nil
        _ = s.apply(message: moved, now: Fixtures.now)
        #expect(s.status == nil)
    }

    @Test func startIsOfferedOnlyBeforeTheMatchStarts() {
        var s = Fixtures.seated()
        #expect(!s.controlItems.contains(.start))
        s.view.phase = "setup"
        #expect(s.controlItems.first == .start)
    }

    @Test func aLongActionNameKeepsTheDialogTitlesClosingQuote() throws {
        var s = Fixtures.seated()
        let i = try #require(s.view.actions.firstIndex { $0.id == "propose_quota" })
        s.view.actions[i].name = "Ask the 1718 Committee for (or to renew) a six-month exemption for the joint project"
        s.focus(.actions)
        for _ in 0..<i { _ = s.handle(key: .down) }
        _ = s.handle(key: .enter)
        let title = Self.screen(s).split(separator: "\n").first { $0.contains("Add “") }.map(String.init) ?? ""
        #expect(title.contains("…” ─"), "\(title)")
    }

    @Test func aDuplicateOfADealsOrderIsTheDraftsCopy() {
        var s = ClassExperienceTests.agreed()
        s.view.deals[0].status = "carried_out"
        s.records += [RecordInfo(JSONValue.parse(#"{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"success"}"#)!),
                      RecordInfo(JSONValue.parse(#"{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"duplicate"}"#)!)]
        let lines = TurnSummary(turn: 1, records: s.records, team: "marisol").lines(in: s).map(\.text)
        #expect(lines.contains { $0.hasPrefix("Naval patrol → succeeded: from deal #1") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Naval patrol → duplicate: your draft's copy of what deal #1 ordered") }, "\(lines)")
    }

    @Test func theEndOfTheMatchSaysWhatComesNext() {
        var s = Fixtures.seated()
        s.view.outcome = OutcomeInfo(JSONValue.parse(#"{"name":"Accord","text":"They signed.","reason":"","scores":{}}"#)!)
        s.view.phase = "ended"
        s.focus(.board)
        #expect(Self.screen(s).contains("The match is over: Results (7)"))
    }
}
