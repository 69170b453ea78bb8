import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A footer message speaks of the moment it was said in, and goes once that moment is over, by one rule
/// (`ClientState.StatusMoment`), not message by message: a new phase or turn, for a
/// message said offline the seat back, and for a refusal or warning the team's draft changed or locked (the thing
/// refused may be fixed).
@Suite struct FooterMomentTests {
    static func update(_ s: inout ClientState, _ changes: String, cause: String = #"{"type":"advance"}"#) {
        _ = s.apply(message: #"{"type":"update","seq":\#(s.lastSeq + 1),"prev":\#(s.lastSeq),"cause":\#(cause),"changes":\#(changes),"records":[]}"#,
                    now: Fixtures.now)
    }

    @Test func aRefusalGoesOnceTheDraftItSpokeOfChanges() {
        var s = Fixtures.seated()
        let id = s.nextRequestID
        _ = s.perform(.lock)
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"over_budget","message":"the draft is over budget"}"#, now: Fixtures.now)
        #expect(s.status?.hasPrefix("✗ could not lock") == true)
        // Another team's lock changes nothing about it: it stays.
        Self.update(&s, #"{"teams":[{"id":"marisol","locked":false},{"id":"tervane","locked":true},{"id":"mediator","locked":true}]}"#,
                    cause: #"{"type":"lock","by":"s9"}"#)
        #expect(s.status?.hasPrefix("✗ could not lock") == true)
        #expect(Fixtures.screen(s).contains("could not lock"))
        // A teammate takes an order out: the refusal no longer describes the draft, and goes.
        Self.update(&s, #"{"orders":{"marisol":{"orders":[],"consents":{}}},"spent":{"marisol":0}}"#, cause: #"{"type":"set_orders","by":"s5"}"#)
        #expect(s.status == nil)
        #expect(!Fixtures.screen(s).contains("could not lock"))
        let went = s.expireStatus(now: Fixtures.now)
        #expect(went, "the shell redraws once it went")
    }

    @Test func aConfirmationStaysWhenTheUpdateShowingItsChangeComes() {
        var s = Fixtures.seated()
        let id = s.nextRequestID
        _ = s.perform(.add(action: "patrol", params: [:]))
        _ = s.apply(message: #"{"type":"ack","id":\#(id),"seq":\#(s.lastSeq + 1)}"#, now: Fixtures.now)
        Self.update(&s, #"{"orders":{"marisol":{"orders":[{"action":"fish_hard","params":{}},{"action":"patrol","params":{}}],"consents":{}}}}"#,
                    cause: #"{"type":"set_orders","by":"s3"}"#)
        #expect(s.status == "✓ added Naval patrol", "\(s.status ?? "nil")")
    }

    @Test func anyMessageGoesWithANewPhaseOrTurnOrWhenTheConnectionChanges() {
        var s = Fixtures.seated()
        s.say("✓ sent to all")
        Self.update(&s, #"{"phase":"orders"}"#)
        #expect(s.status == nil)
        // A snapshot (a reconnection) that brings a new phase ends it too, not only an update.
        s.say("✗ could not send", error: true)
        var snapshot = Fixtures.snapshot.replacingOccurrences(of: #""phase":"negotiation","#, with: #""phase":"adjudication","#)
        snapshot = snapshot.replacingOccurrences(of: #""seq":57"#, with: #""seq":90"#)
        _ = s.apply(message: snapshot, now: Fixtures.now)
        #expect(s.status == nil)
        s.say("✓ sent to all")
        Self.update(&s, #"{"turn":2,"phase":"negotiation"}"#)
        #expect(s.status == nil)
        // "Not connected" goes once the seat is back; a message said online stays while the connection is down (what
        // it said is still so: the reconnecting line goes under it).
        s.connection = .reconnecting(attempt: 1)
        s.say("✗ not connected", error: true)
        #expect(s.status == "✗ not connected")
        s.connection = .online
        #expect(s.status == nil)
        s.say("✓ sent to all")
        s.connection = .reconnecting(attempt: 1)
        #expect(s.status == "✓ sent to all")
    }

    @Test func theResultsLineSaidAsThePhaseChangesStays() {
        var s = Fixtures.seated()
        Self.update(&s, #"{"phase":"results"}"#)
        #expect(s.status != nil && s.status == s.t.text("terminal.status.results_in"))
    }
}
