import ArmisticeLoad
import ArmisticeWire
import Testing

/// The wire campaign's frames: it fuzzes every request the protocol has, starting from a valid one.
@Suite struct FrameMutatorTests {
    @Test func everyRequestTypeIsFuzzedFromABodyTheServerAccepts() throws {
        #expect(Set(FrameMutator.types) == Set(ClientRequest.types), "the campaign's types are the protocol's")
        let context = FrameMutator.Context(code: "K7QX3M", key: "campaign-key", token: "K7QX3M.token", seats: ["2"])
        for type in ClientRequest.types {
            let members: [(String, FuzzJSON)] = [("id", .number(1)), ("type", .string(type))] + FrameMutator.body(type, context, seat: "2")
            let text = FuzzJSON.object(members).text
            switch ClientRequest.parse(text) {
            case .success(let parsed): #expect(parsed.type == type)
            case .failure(let failure): Issue.record("the valid \(type) does not parse: \(failure) — \(text)")
            }
        }
    }
}
