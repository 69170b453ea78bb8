import ArmisticeLocale
import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// What the 80×24 class report (REPORT-terminal) still found once its first fixes were in: the ending by its name,
/// the instructor's Control pane once the scenario has decided the ending, consent and deal lines, a name cut by the
/// server, a seat moved to observe, an unknown action named as typed, a `:` typed on an empty command line.
@Suite struct ClassReportFollowUpTests {
    static func screen(_ s: ClientState, _ w: Int = 80, _ h: Int = 24) -> String {
        Renderer.render(s, width: w, height: h, now: Fixtures.now + 1_000).text
    }

    static func update(_ s: inout ClientState, seq: Int, changes: String = "{}", records: String = "[]") {
        _ = s.apply(message: #"{"type":"update","seq":\#(seq),"prev":\#(seq - 1),"cause":{"type":"advance"},"changes":\#(changes),"records":\#(records)}"#, now: Fixtures.now)
    }

    static let ending = #"{"phase":"results","outcome":{"id":"accord","name":"An accord","text":"Signed.","reason":"","scores":{"marisol":3}}}"#
    static let outcomeRecord = #"[{"kind":"outcome","turn":1,"outcome":"accord","text":"An accord","reason":"","scores":{"marisol":3}}]"#

    /// #17: the Results pane said "The match ended: crisis", the ending's id, where the Board names it.
    @Test func theResultsSummaryNamesTheEndingNotItsID() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: Self.ending, records: Self.outcomeRecord)
        Self.update(&s, seq: 59, changes: #"{"phase":"ended"}"#)
        let lines = TurnSummary(turn: 1, records: s.records, team: s.myTeam).lines(in: s).map(\.text)
        #expect(lines.contains("The match ended: An accord"), "\(lines)")
        #expect(!lines.contains("The match ended: accord"))
    }

    /// #2: once the scenario had decided the ending, the Control pane still said "Phase results, 0:23 left" over the
    /// whole menu, as if the match went on; ended, it still offered the clock the server refuses.
    @Test func theControlPaneSaysTheEndingIsDecidedAndOffersNothingOnceTheMatchHasEnded() {
        var s = BotSeatClientTests.instructor()
        Self.update(&s, seq: 59, changes: Self.ending, records: Self.outcomeRecord)
        let decided = Self.screen(s)
        #expect(decided.contains("The ending is decided: An accord."), "\(decided)")
        #expect(s.controlItems.contains(.end) && s.controlItems.contains(.pause) && !s.controlItems.contains(.start))
        #expect(!s.controlItems.contains(.adjust) && !s.controlItems.contains(.event), "the ending and its scores are fixed")
        s.focus(.control)
        s.ui.cursors[.control] = s.controlItems.firstIndex(of: .end) ?? 0
        _ = s.handle(key: .enter)
        guard case .confirm(let prompt, _) = s.ui.modal else { Issue.record("end asks first"); return }
        #expect(prompt.contains("The scenario's ending stays"), "\(prompt)")
        _ = s.handle(key: .char("n"))
        Self.update(&s, seq: 60, changes: #"{"phase":"ended"}"#)
        #expect(s.controlItems.isEmpty, "the server refuses the clock once the match has ended")
        let over = Self.screen(s)
        #expect(over.contains("The match is over: An accord."), "\(over)")
        #expect(!over.contains("Pause / resume the clock"))
    }

    /// #28: "Phase negotiation, 7:12 paused left".
    @Test func aPausedClockInTheControlPaneSaysPausedAfterTheTimeLeft() {
        var s = BotSeatClientTests.instructor()
        _ = s.apply(message: #"{"type":"clock","room":"R4X95U","seq":59,"prev":58,"reason":"pause","clock":{"phase":"negotiation","turn":1,"paused":true,"remaining":432000,"now":\#(Fixtures.now)}}"#, now: Fixtures.now)
        let text = Self.screen(s)
        #expect(text.contains("Negotiation phase, 7:12 left (paused)"), "\(text)")
        #expect(!text.contains("paused left"))
    }

    /// #28: the Draft's consent line read "Propose an inter-Korean summit (ROK (South Korea)): undecided".
    @Test func aConsentLineNamesTheTeamFirstWithoutNestedBrackets() {
        var s = Fixtures.seated()
        Self.update(&s, seq: 58, changes: """
        {"teams":[{"id":"marisol","name":"Republic of Marisol","colour":"#d35400","locked":false,"budget":3},
                  {"id":"tervane","name":"Tervane (the Kingdom)","colour":"#16a085","locked":true},
                  {"id":"mediator","name":"Regional Fisheries Mediator","colour":"#7f8c8d","locked":false}],
         "consents":[{"action":"tervane_survey","name":"Publish","teams":["tervane"],"rule":"veto"}]}
        """)
        s.focus(.draft)
        let text = Self.screen(s, 120, 30)
        #expect(text.contains("? Tervane (the Kingdom): Publish —"), "\(text)")
        #expect(text.contains("undecided (counts as approval)"))
        #expect(!text.contains("Kingdom))"))
    }

    /// #28: "United Nations will Deliver WFP food aid": a capital in mid-sentence.
    @Test func aDealStepNamesItsTeamThenTheActionAsTheScenarioWritesIt() {
        let s = ClassExperienceTests.agreed()
        #expect(s.dealText(s.view.deals[0]).contains("Kingdom of Tervane: Share the stock survey; Republic of Marisol: Naval patrol"))
        #expect(!s.dealText(s.view.deals[0]).contains(" will "))
    }

    /// #22: "#1 협상 중 제안 한국: 미국: … 승인; 한국: … 실행" (three colons; "제안 한국" unclear).
    @Test func aKoreanDealLineSaysWhoProposedItInBracketsAndSeparatesItsSteps() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let me = try #require(s.myTeam)
        let other = try #require(s.view.teams.first { $0.id != me }?.id)
        let mine = try #require(s.view.actions.first?.id)
        Self.update(&s, seq: 10, changes: """
        {"deals":[{"id":1,"turn":1,"proposer":"\(other)","parties":["\(other)","\(me)"],
                   "commitments":[{"team":"\(me)","action":"\(mine)"},{"team":"\(other)","consent":"\(mine)","decision":"approve"}],
                   "accepted":["\(other)"],"status":"open","note":""}]}
        """)
        let text = s.dealText(s.view.deals[0])
        let otherName = s.view.teamName(other)
        #expect(text.hasPrefix("#1 (\(otherName) 제안, "), "\(text)")
        #expect(text.contains(" / "), "\(text)")
        #expect(!text.contains("제안 \(otherName):"))
    }

    /// #12: a name past 40 characters was cut by the server without a word.
    @Test func aNameTheServerCutIsSaidOnce() {
        var s = ClientState()
        s.you.name = "Eve the very long named student of the class"
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now)
        let cut = Fixtures.snapshot.replacingOccurrences(of: #""name":"Kim","role":"player","team":"marisol"}"#,
                                                         with: #""name":"Eve the very long named student of the c","role":"player","team":"marisol"}"#)
        let effects = s.apply(message: cut, now: Fixtures.now)
        let said = "Names have 40 characters at most: yours is shown as “Eve the very long named student of the c”."
        #expect(s.status == said)
        #expect(effects.contains(.notice("[room] " + said)))
        // Resumed later (or a short name): nothing to say.
        var short = ClientState()
        short.you.name = "Kim"
        _ = short.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now)
        _ = short.apply(message: Fixtures.snapshot, now: Fixtures.now)
        #expect(short.status == nil)
    }

    /// #27: "이제 자리는 참관입니다 (팀 없음)".
    @Test func aSeatMovedToObserveIsToldItObservesInWords() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let moved = #"{"type":"snapshot","room":"K0R3AN","seq":20,"you":{"seat":"s2","name":"김민준","role":"observer"},"view":\#(Fixtures.view),"roster":[],"chat":[]}"#
        let effects = s.apply(message: moved, now: Fixtures.now)
        #expect(s.status == "이제 관찰자입니다: 팀 없이 공개 화면과 전체 채널을 봅니다.", "\(s.status ?? "")")
        #expect(effects.contains(.notice("[room] 이제 관찰자입니다: 팀 없이 공개 화면과 전체 채널을 봅니다.")))
        var en = Fixtures.seated()
        _ = en.apply(message: Fixtures.snapshot.replacingOccurrences(of: #""role":"player","team":"marisol"}"#, with: #""role":"player"}"#), now: Fixtures.now)
        #expect(en.status == "You now have no team: the instructor assigns one.")
    }

    /// #19: an unknown action was named "missle test" (the id made readable) before the server's refusal.
    @Test func anUnknownActionIsNamedAsTyped() throws {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        ClassReportTests.type("add missle_test", into: &s)
        let id = try #require(ClassReportTests.requestID(s.handle(key: .enter)))
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"unknown_action","message":"unknown action \"missle_test\""}"#, now: Fixtures.now)
        #expect(s.status?.contains("could not add missle_test:") == true, "\(s.status ?? "")")
        #expect(s.status?.contains("missle test") == false)
    }

    /// #21: "합의 #9을(를)", "신뢰 구축 조치 제안을(를) 넣을 수 없습니다": the terminal's own Korean messages kept both
    /// particles after a word that tells which.
    @Test func koreanMessagesFitTheirParticlesToTheWordsFilledIn() throws {
        var s = try KoreanRenderTests.koreanStudent()
        let id = try #require(ClassReportTests.requestID(s.perform(line: "accept 2")))
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"unknown_deal","message":"no deal 2"}"#, now: Fixtures.now)
        #expect(s.status?.hasPrefix("✗ 합의 #2를 수락하지 못했습니다") == true, "\(s.status ?? "")")
        let rejected = DealInfo(JSONValue.parse(#"{"id":3,"turn":1,"proposer":"dprk","parties":["dprk","rok"],"commitments":[],"accepted":[],"status":"rejected","rejected_by":"rok","note":""}"#)!)
        #expect(s.dealEffect(rejected).hasPrefix(s.view.teamName("rok") + "이 거절했습니다"), "\(s.dealEffect(rejected))")
        #expect(!s.dealEffect(rejected).contains("이(가)"))
    }

    /// #21: "방 JA6VYY을 만들었습니다: 교사" (a particle fixed after a code, and a bare ": 교사").
    @Test func theKoreanRoomLineNeedsNoParticleAfterTheCode() {
        var s = ClientState()
        s.language = .ko
        _ = s.apply(message: #"{"type":"room_created","id":"seat","room":"R4X95U","seat":"s1","token":"R4X95U.y","role":"instructor"}"#, now: Fixtures.now)
        let snapshot = Fixtures.snapshot.replacingOccurrences(of: #""you":{"seat":"s3","name":"Kim","role":"player","team":"marisol"}"#,
                                                              with: #""you":{"seat":"s1","name":"교사","role":"instructor"}"#)
        let lines = s.apply(message: snapshot, now: Fixtures.now).compactMap { if case .notice(let l) = $0 { l } else { nil } }
        #expect(lines.first == "[room] R4X95U 방을 만들었습니다. 내 자리: 교사", "\(lines)")
    }

    /// #20: a bot's chat came in the room's language, under the seat's English name ("United States bot: 미국
    /// 대표단은 …").
    @Test func aBotsChatIsSignedWithItsTeamInTheReadersLanguage() {
        var s = BotSeatClientTests.student()
        s.language = .ko
        let effects = s.apply(message: #"{"type":"chat","room":"R4X95U","seq":59,"prev":58,"message":{"seq":59,"t":\#(Fixtures.now),"seat":"s5","name":"Kingdom of Tervane bot","channel":"pair:marisol+tervane","text":"합의 #1을 수락합니다."}}"#, now: Fixtures.now)
        #expect(effects.contains(.notice("[chat pair:marisol+tervane] Kingdom of Tervane 봇: 합의 #1을 수락합니다.")), "\(effects)")
        let said = s.perform(line: "chat")
        #expect(said.contains(.notice("[chat pair:marisol+tervane] Kingdom of Tervane 봇: 합의 #1을 수락합니다.")), "\(said)")
        #expect(!said.contains(.notice("[chat all] Kingdom of Tervane bot: 합의 #1을 수락합니다.")))
    }

    /// #13: the keys were told only inside the client (the kit had no clients/terminal/README.md); `join --help` says
    /// where to find them, and the name's limit (#12).
    @Test(.enabled(if: E2E.available)) func joinHelpSaysWhereTheKeysAreAndTheNamesLimit() throws {
        let help = try Spawn.run(E2E.binary, ["join", "--help"], capture: true)
        #expect(help.contains("? lists the keys and :help the commands"), "\(help)")
        #expect(help.contains("40 characters at most"))
    }

    /// #6: after Ctrl-U the user types `:` again and got `::deal`, "there is no command ":deal"".
    @Test func aColonTypedOnAnEmptyCommandLineOpensIt() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char(":"))
        ClassReportTests.type("deal x", into: &s)
        _ = s.handle(key: .clearLine)
        ClassReportTests.type(":lock", into: &s)
        #expect(s.ui.input?.text == "lock")
    }
}
