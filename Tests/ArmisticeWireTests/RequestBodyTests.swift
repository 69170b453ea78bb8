import ArmisticeEngine
import ArmisticeWire
import Testing

/// What a Swift client sends is what the server reads: every body goes out under its `type` and comes back equal.
@Suite struct RequestBodyTests {
    @Test func everyRequestTypeIsRegisteredOnceWithItsBody() {
        #expect(Set(ClientRequest.types).count == ClientRequest.bodies.count)
        #expect(ClientRequest.types.count == 25)
        #expect(ClientRequest.body(ofType: "set_bot")?.authority == .instructor)
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
        ]
        for body in bodies {
            let text = body.message(id: 7).text
            guard case .success(let parsed) = ClientRequest.parse(text) else { Issue.record("\(text) did not parse"); continue }
            #expect(parsed.request == body.request, "\(text)")
            #expect(parsed.id == 7)
            #expect(parsed.type == type(of: body).type)
        }
    }

    @Test func anOptionalFieldLeftOutIsNotSent() {
        #expect(ClientRequest.End().message() == ["type": "end"])
        #expect(ClientRequest.SetBot(team: "rok").message(id: "b") == ["type": "set_bot", "id": "b", "team": "rok"])
    }
}
