import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// Two teammates editing the shared draft at the same moment (outside tester qa5, Wrong #1): every draft change the
/// terminal sends carries the draft it was made on (`base`); refused `draft_changed` after the teammate's update, the
/// same change is made again on the teammate's draft and sent, and the student is told only if it still cannot be saved.
@Suite struct DraftBaseClientTests {
    static func sent(_ effects: [Effect]) -> [JSONValue] {
        effects.compactMap { if case .send(let m) = $0 { m } else { nil } }
    }

    static func actions(_ orders: JSONValue?) -> [String] {
        orders?.array.compactMap { $0["action"]?.string } ?? []
    }

    /// Marisol's draft as a teammate (Bo, s5) set it: an update carrying the team's new orders.
    static func teammateSets(_ actions: [String], seq: Int, _ s: inout ClientState) {
        let orders = actions.map { #"{"action":"\#($0)","params":{}}"# }.joined(separator: ",")
        _ = s.apply(message: #"{"type":"update","room":"R4X95U","seq":\#(seq),"prev":\#(seq - 1),"changes":{"orders":{"marisol":{"orders":[\#(orders)],"consents":{}}}},"records":[],"cause":{"type":"set_orders","by":"s5"}}"#,
                    now: Fixtures.now)
    }

    static func refuse(_ request: JSONValue, _ s: inout ClientState) -> [Effect] {
        s.apply(message: #"{"type":"error","id":\#(request["id"]?.int ?? 0),"code":"draft_changed","message":"A teammate changed the draft at the same moment, so yours was not saved: make your change again on the draft as it is now."}"#,
                now: Fixtures.now)
    }

    @Test func aChangeRefusedForAStaleDraftIsMadeAgainOnTheTeammatesDraft() throws {
        var s = Fixtures.seated()
        // Kim adds a patrol to the draft she sees (Fish hard): the request says what it was made on.
        let first = try #require(Self.sent(s.perform(.add(action: "patrol", params: [:]))).first)
        #expect(first["type"]?.string == "set_orders")
        #expect(Self.actions(first["orders"]) == ["fish_hard", "patrol"])
        #expect(Self.actions(first["base"]?["orders"]) == ["fish_hard"], "\(first)")

        // Meanwhile Bo added a quota: his update arrives, then the refusal of Kim's stale request.
        Self.teammateSets(["fish_hard", "propose_quota"], seq: 58, &s)
        let again = Self.refuse(first, &s)
        let second = try #require(Self.sent(again).first, "the change is sent again: \(again)")
        #expect(Self.actions(second["orders"]) == ["fish_hard", "propose_quota", "patrol"], "Bo's order stays, Kim's is added")
        #expect(Self.actions(second["base"]?["orders"]) == ["fish_hard", "propose_quota"])
        #expect(second["id"]?.int != first["id"]?.int)
        #expect(!s.statusIsError, "nothing to tell the student yet: \(s.status ?? "")")

        // Saved: the student hears that the patrol was added.
        let ok = s.apply(message: #"{"type":"ack","id":\#(second["id"]?.int ?? 0),"room":"R4X95U","seq":59}"#, now: Fixtures.now)
        #expect(ok.contains(.notice("[ok] added Naval patrol")), "\(ok)")
    }

    @Test func aRemovalIsMadeAgainOnTheOrderWhereverItNowIs() throws {
        var s = Fixtures.seated()
        let first = try #require(Self.sent(s.perform(.remove(1))).first)
        #expect(Self.actions(first["orders"]) == [] && Self.actions(first["base"]?["orders"]) == ["fish_hard"])
        Self.teammateSets(["patrol", "fish_hard"], seq: 58, &s)
        let second = try #require(Self.sent(Self.refuse(first, &s)).first)
        #expect(Self.actions(second["orders"]) == ["patrol"], "the teammate's patrol stays; the fish_hard Kim removed goes")
        // Clearing takes out only the orders the student saw.
        Self.teammateSets(["patrol"], seq: 59, &s)
        let clear = try #require(Self.sent(s.perform(.clear)).first)
        Self.teammateSets(["patrol", "fish_hard"], seq: 60, &s)
        let cleared = try #require(Self.sent(Self.refuse(clear, &s)).first)
        #expect(Self.actions(cleared["orders"]) == ["fish_hard"])
        // A consent decision carries its base too.
        let consent = try #require(Self.sent(s.perform(.consent(action: "share_survey", decision: "block"))).first)
        #expect(consent["base"]?["orders"] != nil && consent["consents"]?["share_survey"]?.string == "block")
    }

    @Test func theStudentIsToldOnlyWhenTheChangeStillCannotBeSaved() throws {
        var s = Fixtures.seated()
        var request = try #require(Self.sent(s.perform(.add(action: "patrol", params: [:]))).first)
        var seq = 58
        var last: [Effect] = []
        // A teammate changes the draft before each try: after a few, the student is told.
        for _ in 0...DraftEdit.tries {
            Self.teammateSets(Array(repeating: "fish_hard", count: seq - 56), seq: seq, &s)
            seq += 1
            last = Self.refuse(request, &s)
            guard let next = Self.sent(last).first else { break }
            request = next
        }
        #expect(Self.sent(last).isEmpty)
        #expect(s.statusIsError)
        #expect(s.status?.contains("could not add Naval patrol") == true, "\(s.status ?? "")")
        #expect(last.contains { if case .notice(let l) = $0 { l.hasPrefix("[error] draft_changed") } else { false } }, "\(last)")
    }
}
