import Testing
@testable import ArmisticeWire

/// The ids a seated request carries (a team, a chat channel, an action, a seat, an event, an adjustment target, a
/// policy) are bounded by their bytes as soon as the request is decoded, as the strings before a seat are: a 60 KB
/// `channel`, `team` or `seat` of one character and combining marks cost 13–18 ms and was echoed whole (180 KB) in
/// the refusal; a 60 KB adjustment `target` cost 330 ms.
struct SeatedFieldBoundsTests {
    static let huge = "k" + String(repeating: "\u{0336}", count: 30_000)

    static func json(_ s: String) -> String { "\"" + s + "\"" }

    @Test func oversizedSeatedIdsAreRefusedNamingTheField() {
        let h = Self.json(Self.huge)
        let cases: [(String, String)] = [
            (#"{"type":"chat","channel":\#(h),"text":"hi"}"#, "channel"),
            (#"{"type":"lock","team":\#(h)}"#, "team"),
            (#"{"type":"set_orders","team":\#(h),"orders":[]}"#, "team"),
            (#"{"type":"set_orders","orders":[{"action":\#(h),"params":{}}]}"#, "orders"),
            (#"{"type":"set_orders","orders":[{"action":"a","params":{"p":\#(h)}}]}"#, "orders"),
            (#"{"type":"set_orders","orders":[{"action":"a","params":{\#(h):1}}]}"#, "orders"),
            (#"{"type":"set_orders","orders":[],"consents":{\#(h):"approve"}}"#, "consents"),
            (#"{"type":"propose_deal","commitments":[{"team":"a","action":"b","params":{"p":\#(h)}}]}"#, "commitments"),
            (#"{"type":"propose_deal","team":\#(h),"commitments":[]}"#, "team"),
            (#"{"type":"propose_deal","commitments":[{"team":\#(h),"action":"a"}]}"#, "commitments"),
            (#"{"type":"propose_deal","commitments":[{"team":"a","action":\#(h)}]}"#, "commitments"),
            (#"{"type":"respond_deal","team":\#(h),"deal":1,"accept":true}"#, "team"),
            (#"{"type":"withdraw_deal","team":\#(h),"deal":1}"#, "team"),
            (#"{"type":"inject_event","event":\#(h)}"#, "event"),
            (#"{"type":"adjust","target":\#(h),"value":1,"reason":"r"}"#, "target"),
            (#"{"type":"move_seat","seat":\#(h)}"#, "seat"),
            (#"{"type":"move_seat","seat":"s","team":\#(h)}"#, "team"),
            (#"{"type":"move_seat","seat":"s","role":\#(h)}"#, "role"),
            (#"{"type":"remove_seat","seat":\#(h)}"#, "seat"),
            (#"{"type":"set_bot","team":\#(h)}"#, "team"),
            (#"{"type":"set_bot","team":"usa","policy":\#(h)}"#, "policy"),
        ]
        for (text, field) in cases {
            guard case .failure(let failure) = ClientRequest.parse(text) else { Issue.record("parsed: \(field) \(text.prefix(30))"); continue }
            #expect(failure.error.code == .badRequest)
            #expect(failure.error.detail?.key == "error.bad_request.too_long", "\(field)")
            #expect(failure.error.detail?.arguments["field"] == .text(field), "\(text.prefix(30))")
            #expect(failure.error.message.utf8.count < 200)
        }
    }

    @Test func idsAtTheirBoundsPass() {
        let id = Self.json(String(repeating: "t", count: RequestFieldBounds.idBytes))
        let channel = Self.json("pair:" + String(repeating: "t", count: RequestFieldBounds.idBytes) + "+" + String(repeating: "u", count: RequestFieldBounds.idBytes))
        for text in [#"{"type":"chat","channel":\#(channel),"text":"hi"}"#, #"{"type":"lock","team":\#(id)}"#,
                     #"{"type":"adjust","target":\#(id),"value":1}"#, #"{"type":"set_bot","team":\#(id),"policy":"greedy"}"#] {
            #expect((try? ClientRequest.parse(text).get()) != nil, "\(text.prefix(30))")
        }
    }
}
