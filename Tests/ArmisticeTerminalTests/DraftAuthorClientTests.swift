import Testing
@testable import ArmisticeTerminal

/// REPORT-browser E #20 in the terminal: while the server's `drafted_by` says a bot last set the team's draft this
/// turn, the draft pane and the plain mode's draft say so, until a person sets the draft.
@Suite struct DraftAuthorClientTests {
    static let line = "The bot drafted these orders this turn: review them before you lock."

    static func botDrafted() -> ClientState {
        var s = ClientState()
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s3","token":"R4X95U.x","role":"player","team":"marisol"}"#, now: Fixtures.now)
        _ = s.apply(message: Fixtures.snapshot.replacingOccurrences(of: #""settings":"#, with: #""drafted_by":{"marisol":{"seat":"s9","bot":true}},"settings":"#),
                    now: Fixtures.now)
        return s
    }

    @Test func theDraftPaneAndThePlainDraftSayTheBotDraftedUntilAPersonSetsIt() {
        var s = Self.botDrafted()
        #expect(s.draftIsTheBots)
        #expect(s.draftLines().contains("  " + Self.line), "\(s.draftLines())")
        s.focus(.draft)
        #expect(Fixtures.screen(s, 140, 40).contains("The bot drafted these orders this turn"), "\(Fixtures.screen(s, 140, 40))")
        // Kim sends the draft again, reviewed: the update says Kim set it, and the line goes.
        _ = s.apply(message: #"{"type":"update","room":"R4X95U","seq":58,"prev":57,"cause":{"type":"set_orders","by":"s3"},"records":[],"changes":{},"drafted_by":{"marisol":{"seat":"s3"}}}"#,
                    now: Fixtures.now)
        #expect(!s.draftIsTheBots)
        #expect(!s.draftLines().contains("  " + Self.line))
        #expect(!Fixtures.screen(s, 140, 40).contains("The bot drafted"))
    }

    @Test func aSnapshotWithoutABotsDraftSaysNothing() {
        let s = Fixtures.seated()
        #expect(!s.draftIsTheBots)
        #expect(!s.draftLines().contains { $0.contains("The bot drafted") })
    }
}
