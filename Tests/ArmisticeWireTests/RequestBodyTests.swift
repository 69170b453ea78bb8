import ArmisticeEngine
@testable import ArmisticeWire
import Testing

/// What a Swift client sends is what the server reads: every body goes out under its `type` and comes back equal.
@Suite struct RequestBodyTests {
    @Test func everyRequestTypeIsRegisteredOnceWithItsBody() {
        #expect(Set(ClientRequest.types).count == ClientRequest.bodies.count)
        #expect(ClientRequest.types.count == 26)
        #expect(ClientRequest.body(ofType: "set_bot")?.authority == .instructor)
        #expect(ClientRequest.body(ofType: "set_joining")?.authority == .instructor)
        #expect(ClientRequest.body(ofType: "hello")?.authority == .greeting)
        #expect(ClientRequest.body(ofType: "create_room")?.authority == .any)
        #expect(ClientRequest.body(ofType: "chat")?.authority == .seat)
        #expect(ClientRequest.body(ofType: "nope") == nil)
    }

    @Test func aBodySentIsTheRequestParsed() throws {
        let bodies: [any RequestBody] = [
            ClientRequest.Hello(protocol: ProtocolVersion.current, client: "bot", lang: "ko"),
            ClientRequest.Lock(),
            ClientRequest.Ping(),
            ClientRequest.SetOrders(orders: [Order(action: "talks", params: ["target": .id("rok"), "amount": .number(2)])], consents: ["x": .block]),
            ClientRequest.ProposeDeal(commitments: [Commitment(team: "rok", consent: "drill", decision: .approve)], note: "n"),
            ClientRequest.SetLanguage(lang: "ko", room: true),
            ClientRequest.SetJoining(open: false),
        ]
        for body in bodies {
            let text = body.message(id: 7).text
            guard case .success(let parsed) = ClientRequest.parse(text) else { Issue.record("\(text) did not parse"); continue }
            #expect(parsed.request == body.request, "\(text)")
            #expect(parsed.id == 7)
            #expect(parsed.type == type(of: body).type)
        }
    }

    /// A numeric id comes back as it was sent, up to 2^53 (every integer a double holds exactly).
    @Test func aWholeNumberIdUpTo2To53IsWrittenAsAnInteger() throws {
        for (id, text) in [(7.0, "7"), (1e15, "1000000000000000"), (9_007_199_254_740_992.0, "9007199254740992"), (1.5, "1.5")] {
            #expect(JSONValue.number(id).text == text)
            #expect(JSONValue.number(id).display == text)
            let json = StreamingJSONEncoder()   // what the server's replies are written with
            json.writeDouble(id)
            #expect(String(decoding: json.bytes, as: UTF8.self) == text)
        }
    }

    /// A parameter that is neither a whole number nor an id is named, with what it should be.
    @Test func aParameterOfTheWrongKindSaysWhatItShouldBe() {
        for value in ["1.5", "9223372036854775808", "null", "true", "[1]"] {
            let text = #"{"type":"set_orders","id":3,"orders":[{"action":"grant","params":{"amount":"# + value + "}}]}"
            guard case .failure(let failure) = ClientRequest.parse(text) else { Issue.record("\(value) parsed"); continue }
            #expect(failure.error.code == .badRequest, "\(value)")
            #expect(failure.error.message.hasPrefix(#"set_orders: field "orders[0].params.amount" should be a whole number (a number parameter) or an id"#),
                    "\(value): \(failure.error.message)")
            #expect(failure.id == .number(3))
        }
    }

    /// `{"type":"NAME"}` is looked up instead of decoded: it must read exactly as the decoder reads it (the same
    /// text with a space in front goes through the decoder), for every type, known or not.
    @Test func aMessageOfOnlyItsTypeAndIdReadsAsTheDecoderReadsIt() {
        let ids = ["", #","id":7"#, #","id":0"#, #","id":123456789012345"#, #","id":"k12""#, #","id":"q3.14:a_b-c""#, #","id":"""#]
        for type in ClientRequest.types + ["nope", "lock_"] {
            for id in ids {
                for text in [#"{"type":"\#(type)"\#(id)}"#, "{" + id.dropFirst() + (id.isEmpty ? "" : ",") + #""type":"\#(type)"}"#] {
                    #expect(ClientRequest.bareForm(text)?.type == type, "\(text)")
                    switch (ClientRequest.parse(text), ClientRequest.parse(" " + text)) {
                    case (.success(let fast), .success(let decoded)): #expect(fast == decoded, "\(text)")
                    case (.failure(let fast), .failure(let decoded)):
                        #expect(fast.error.code == decoded.error.code && fast.error.message == decoded.error.message, "\(text)")
                        #expect(fast.id == decoded.id, "\(text)")
                    default: Issue.record("\(text) reads differently when looked up")
                    }
                }
            }
        }
        // Anything else goes to the decoder: escapes, other keys or spacing, ids it would read differently, bad JSON.
        for text in [#"{"type":"lo\u0063k"}"#, #"{"type":"Lock"}"#, #"{"type":""}"#, #" {"type":"lock"}"#,
                     #"{"type":"lock","id":01}"#, #"{"type":"lock","id":1.5}"#, #"{"type":"lock","id":-1}"#,
                     #"{"type":"lock","id":1234567890123456}"#, #"{"type":"lock","id":"a b"}"#, #"{"type":"lock","id":"\u0041"}"#,
                     #"{"type":"lock","id":"# + "\"" + String(repeating: "a", count: 129) + #""}"#,
                     #"{"type":"lock","id":1,"id":2}"#, #"{"type":"lock","type":"skip"}"#, #"{"type":"lock", "id":1}"#,
                     #"{"type":"lock","id":1,}"#, #"{"id":1}"#, #"{"type":""id":5,"type":"lock"}"#, #"{"type":"lock"}x"#,
                     #"{"type":"lock","id":null}"#, #"{"type":"lock","team":"rok"}"#] {
            #expect(ClientRequest.bareForm(text) == nil, "\(text)")
        }
    }

    @Test func anOptionalFieldLeftOutIsNotSent() {
        #expect(ClientRequest.End().message() == ["type": "end"])
        #expect(ClientRequest.SetBot(team: "rok").message(id: "b") == ["type": "set_bot", "id": "b", "team": "rok"])
    }
}
