import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// The plain mode runs piped lines in order, each once the line before has its answer (outside tester qa5, Wrong #11):
/// a `draft` right after an `add` shows the order added, not the draft from before it. And `lock` says, as `[warning]`
/// lines, what the full screen's question warns of (Confusing #15), and still locks.
@Suite struct PlainLineOrderTests {
    static func sent(_ effects: [Effect]) -> [JSONValue] {
        effects.compactMap { if case .send(let m) = $0 { m } else { nil } }
    }

    static func notices(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .notice(let l) = $0 { l } else { nil } }
    }

    @Test func aDraftAfterAnAddWaitsForTheAddsAnswerAndShowsTheOrder() throws {
        var s = Fixtures.seated()
        let add = try #require(Self.sent(s.submit(line: "add patrol", now: Fixtures.now)).first)
        // Read at once after it, `draft` waits for the add's answer.
        #expect(s.submit(line: "draft", now: Fixtures.now).isEmpty)
        // The ack comes before the update that shows the change: still waiting.
        let acked = s.apply(message: #"{"type":"ack","id":\#(add["id"]?.int ?? 0),"room":"R4X95U","seq":58}"#, now: Fixtures.now)
        #expect(Self.notices(acked) == ["[ok] added Naval patrol"], "\(acked)")
        let updated = s.apply(message: #"{"type":"update","room":"R4X95U","seq":58,"prev":57,"changes":{"orders":{"marisol":{"orders":[{"action":"fish_hard","params":{}},{"action":"patrol","params":{}}],"consents":{}}},"spent":{"marisol":3}},"records":[],"cause":{"type":"set_orders","by":"s3"}}"#,
                              now: Fixtures.now + 5)
        let lines = Self.notices(updated)
        let draft = try #require(lines.firstIndex { $0.hasPrefix("draft: 3 of 3 points") }, "\(lines)")
        #expect(lines.contains { $0.contains("2. Naval patrol") })
        #expect(draft > 0, "the update's own line comes first: \(lines)")
        #expect(s.lineWait == nil && s.queuedLines.isEmpty)
    }

    @Test func aRefusedOrUnansweredLineLetsTheNextGo() throws {
        var s = Fixtures.seated()
        let lock = try #require(Self.sent(s.submit(line: "lock", now: Fixtures.now)).first)
        #expect(s.submit(line: "state", now: Fixtures.now).isEmpty)
        let refused = s.apply(message: #"{"type":"error","id":\#(lock["id"]?.int ?? 0),"code":"wrong_phase","message":"not now"}"#, now: Fixtures.now)
        #expect(Self.notices(refused).contains { $0.hasPrefix("The Coral Strait") }, "\(refused)")
        // No answer at all: after the timeout the next line runs, with a warning.
        _ = s.submit(line: "lock", now: Fixtures.now)
        #expect(s.submit(line: "state", now: Fixtures.now).isEmpty)
        #expect(s.tick(now: Fixtures.now + 5_000).isEmpty)
        let late = Self.notices(s.tick(now: Fixtures.now + ClientState.lineTimeout))
        #expect(late.first == "[warning] no answer to the line before in 10 s: going on with the next line", "\(late)")
        #expect(late.contains { $0.hasPrefix("The Coral Strait") })
        // A line that sends nothing (`draft`) lets the next run at once.
        #expect(!s.submit(line: "draft", now: Fixtures.now).isEmpty)
        #expect(!s.submit(line: "state", now: Fixtures.now).isEmpty)
    }

    @Test func plainLockWarnsOfUnspentPointsAndUndecidedConsentsAndStillLocks() throws {
        var s = Fixtures.seated()
        // Marisol has spent 1 of 3 and has a consent question undecided.
        _ = s.apply(message: #"{"type":"update","room":"R4X95U","seq":58,"prev":57,"changes":{"consents":[{"action":"share_survey","name":"Share the stock survey","team":"tervane","teams":["marisol"],"rule":"veto","decision":"undecided"}]},"records":[]}"#, now: Fixtures.now)
        let effects = s.submit(line: "lock", now: Fixtures.now)
        let warnings = Self.notices(effects).filter { $0.hasPrefix("[warning] ") }
        #expect(warnings.contains("[warning] 2 of the 3 points are not spent."), "\(warnings)")
        #expect(warnings.contains { $0.contains("Share the stock survey") }, "\(warnings)")
        #expect(Self.sent(effects).map { $0["type"]?.string } == ["lock"], "the plain mode still locks")
        // The full screen asks with the same words; one point left is "is".
        #expect(s.lockPrompt.contains("2 of the 3 points are not spent."))
        _ = s.apply(message: #"{"type":"update","room":"R4X95U","seq":59,"prev":58,"changes":{"spent":{"marisol":2}},"records":[]}"#, now: Fixtures.now)
        #expect(s.lockPrompt.contains("1 of the 3 points is not spent."), "\(s.lockPrompt)")
    }
}
