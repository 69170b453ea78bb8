import ArmisticeLocale
import ArmisticeWire
import Foundation
import Testing
@testable import ArmisticeTerminal

/// What the 80×24 class report (REPORT-terminal) still found on a third look: the header during the last turn's
/// results, the consent terms a deal may promise, and the News unread count of a resumed seat.
@Suite struct ClassReportThirdRoundTests {
    static func header(_ s: ClientState) -> String { String(Fixtures.screen(s).split(separator: "\n")[0]) }

    static func update(_ s: inout ClientState, seq: Int, changes: String) {
        _ = s.apply(message: #"{"type":"update","seq":\#(seq),"prev":\#(seq - 1),"cause":{"type":"advance"},"changes":\#(changes),"records":[]}"#, now: Fixtures.now)
    }

    static let decided = #"{"phase":"results","outcome":{"id":"accord","name":"An accord","text":"Signed.","reason":"","scores":{"marisol":3}}}"#

    /// Once the scenario had decided the ending, the header said "MATCH OVER" while the last turn's results still ran on
    /// their clock (the browser says "Last turn's results"); the match is over only once the room has ended.
    @Test func theHeaderSaysTheLastTurnsResultsUntilTheMatchHasEnded() throws {
        for var s in [Fixtures.seated(), BotSeatClientTests.instructor()] {
            Self.update(&s, seq: s.lastSeq + 1, changes: Self.decided)
            let decided = Self.header(s)
            #expect(decided.contains("LAST TURN'S RESULTS 4:00"), "\(decided)")
            #expect(!decided.contains("MATCH OVER"))
            Self.update(&s, seq: s.lastSeq + 1, changes: #"{"phase":"ended"}"#)
            let over = Self.header(s)
            #expect(over.contains("MATCH OVER") && !over.contains(":00"), "\(over)")
        }
        var ko = try KoreanRenderTests.koreanStudent()
        Self.update(&ko, seq: ko.lastSeq + 1, changes: Self.decided)
        let koDecided = Self.header(ko)
        #expect(koDecided.contains("마지막 턴 결과") && !koDecided.contains("경기 종료"), "\(koDecided)")
        #expect(TerminalText.width(koDecided) <= 80)
    }

    /// The Board said "The match is over … q quits" as soon as the ending was decided, and a deal key was refused with
    /// "The match is over"; the Board and the refusal say the ending is decided until the match has ended.
    @Test func theBoardSaysTheEndingIsDecidedNotThatTheMatchIsOverWhileTheResultsRun() {
        var s = Fixtures.seated()
        Self.update(&s, seq: s.lastSeq + 1, changes: Self.decided)
        s.focus(.board)
        let decided = Fixtures.screen(s)
        #expect(decided.contains("The ending is decided:") && !decided.contains("The match is over"), "\(decided)")
        s.focus(.deals)
        #expect(s.handle(key: .char("a")) == [.notice("[error] The ending is decided: there is nothing left to decide.")])
        var teacher = BotSeatClientTests.instructor()
        Self.update(&teacher, seq: teacher.lastSeq + 1, changes: Self.decided)
        let board = Renderer.boardLines(teacher, width: 38).map(\.text).joined(separator: " ")
        #expect(board.contains("The ending is decided:") && !board.contains("The match is over"), "\(board)")
        Self.update(&s, seq: s.lastSeq + 1, changes: #"{"phase":"ended"}"#)
        s.focus(.board)
        #expect(Fixtures.screen(s).contains("The match is over:"))
    }

    /// The Results pane's summary said "The match ended: …" as soon as the ending was decided (the browser: "The ending
    /// is decided: …").
    @Test func theResultsSummarySaysTheEndingIsDecidedUntilTheMatchHasEnded() {
        var s = Fixtures.seated()
        let record = #"[{"kind":"outcome","turn":1,"outcome":"accord","text":"An accord","reason":"","scores":{"marisol":3}}]"#
        _ = s.apply(message: #"{"type":"update","seq":\#(s.lastSeq + 1),"prev":\#(s.lastSeq),"cause":{"type":"advance"},"changes":\#(Self.decided),"records":\#(record)}"#, now: Fixtures.now)
        let decided = TurnSummary(turn: 1, records: s.records, team: s.myTeam).lines(in: s).map(\.text)
        #expect(decided.contains("The ending is decided: An accord") && !decided.contains("The match ended: An accord"), "\(decided)")
        Self.update(&s, seq: s.lastSeq + 1, changes: #"{"phase":"ended"}"#)
        #expect(TurnSummary(turn: 1, records: s.records, team: s.myTeam).lines(in: s).map(\.text).contains("The match ended: An accord"))
    }

    /// #29: the composer listed no consent a team other than mine may promise: `usa:approve:req` found nothing.
    @Test func theDealComposerOffersEveryConsentADealMayPromise() {
        var s = Fixtures.seated()
        s.view.catalog = [
            CatalogEntry(JSONValue.parse(#"{"id":"share_survey","name":"Share the stock survey","teams":["tervane"],"cost":1,"params":[],"consent_from":["mediator","tervane"]}"#)!),
        ]
        let (choices, typed) = s.dealChoices("deal mediator:approve:sh")
        #expect(typed == "mediator:approve:sh")
        #expect(choices.map(\.key) == ["mediator:approve:share_survey"], "\(choices.map(\.key))")
        // By the action's id alone too, with the step itself.
        #expect(Set(s.dealChoices("deal share").choices.map(\.key)) == ["tervane:share_survey", "mediator:approve:share_survey"])
        // The composer takes what it offers.
        guard case .propose? = try? Command.parse("deal marisol:fish_hard mediator:approve:share_survey") else { Issue.record("not a deal"); return }
        s.focus(.deals)
        _ = s.handle(key: .char("n"))
        Fixtures.type("mediator:approve:", into: &s)
        let text = Fixtures.screen(s)
        #expect(text.contains("mediator:approve:share_survey"), "\(text)")
        #expect(!text.contains("nothing starts with"), "\(text)")
    }

    /// #31: a seat resumed in a new window marked every item of this turn as new, read or not; the seat file keeps
    /// how many it had read.
    @Test func aResumedSeatMarksOnlyTheNewsItHasNotReadAsNew() {
        func resumed(readBefore: Int?) -> ClientState {
            var s = ClientState()
            s.newsSeenBefore = readBefore
            _ = s.apply(message: #"{"type":"resumed","id":"seat","room":"R4X95U","seat":"s3","role":"player","team":"marisol"}"#, now: Fixtures.now)
            _ = s.apply(message: Fixtures.snapshot, now: Fixtures.now)
            return s
        }
        func tabs(_ s: ClientState) -> String { String(Fixtures.screen(s).split(separator: "\n")[1]) }
        // The fixture's turn has two news items: both read before, none is new; one read, one is.
        #expect(!tabs(resumed(readBefore: 2)).contains("News("), "\(tabs(resumed(readBefore: 2)))")
        #expect(tabs(resumed(readBefore: 1)).contains("News(1)"))
        // A seat file written before the count was kept: this turn's news counts as new, as before.
        #expect(tabs(resumed(readBefore: nil)).contains("News(2)"))
    }

    /// The seat file keeps the count with the seat, also when the same seat is saved again on its next `joined`.
    @Test func theSeatFileKeepsHowManyNewsItemsTheSeatHasRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seats-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SeatStore.standard(environment: ["XDG_STATE_HOME": dir])
        let url = "ws://h:1/ws"
        try store.save(.init(url: url, room: "R4X95U", token: "R4X95U.abc", name: "Kim", team: "marisol", role: "player"))
        #expect(store.newsSeen(url: url, token: "R4X95U.abc") == nil)
        try store.setNewsSeen(3, url: url, token: "R4X95U.abc")
        #expect(store.newsSeen(url: url, token: "R4X95U.abc") == 3)
        try store.save(.init(url: url, room: "R4X95U", token: "R4X95U.abc", name: "Kim", team: "marisol", role: "player"))
        #expect(store.newsSeen(url: url, token: "R4X95U.abc") == 3, "the same seat saved again keeps it")
        try store.save(.init(url: url, room: "R4X95U", token: "R4X95U.new", name: "Kim", team: "marisol", role: "player"))
        #expect(store.newsSeen(url: url, token: "R4X95U.new") == nil, "a new seat has read nothing")
    }
}
