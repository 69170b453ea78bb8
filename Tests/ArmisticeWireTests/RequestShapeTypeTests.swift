import Testing
@testable import ArmisticeWire

/// A top-level `type` that is not a string is refused by the shape scan, before any decoder (outside tester qa6, W4:
/// 21 KB frames whose `type` held nested lists, within the depth and value limits, cost 10–20 ms each in the
/// decoders' type-mismatch paths; 20 such connections slowed every room).
struct RequestShapeTypeTests {
    static let nestedType: String = {
        let item = "[[[[[[{\"v\":[" + Array(repeating: "1234567890", count: 8).joined(separator: ",") + "]}]]]]]]"
        return "{\"type\":[" + Array(repeating: item, count: 200).joined(separator: ",") + "]}"
    }()

    @Test func aTypeThatIsNotAStringIsRefusedByTheScan() {
        #expect(Self.nestedType.utf8.count > 20_000)
        let shape = RequestShape()
        for text in [Self.nestedType, #"{"type":{"a":1}}"#, #"{"id":1,"type":7}"#, #"{"type":null}"#, #"{"type" : true}"#] {
            #expect(shape.check(text)?.code == .badRequest, "\(text.prefix(40))")
        }
        // A string type, and "type" inside a field, pass the scan.
        for text in [#"{"type":"ping"}"#, #"{"type" :"chat","channel":"all","text":"{\"type\":[1]}"}"#, #"{"type":"set_orders","orders":[{"type":[1]}]}"#] {
            #expect(shape.check(text) == nil, "\(text)")
        }
        // Still too deep is named so, even with a non-string type.
        #expect(shape.check(#"{"type":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}")?.code == .tooComplex)
    }

    @Test func theParserAnswersSuchAFrameBadRequestAtOnce() throws {
        guard case .failure(let failure) = ClientRequest.parse(Self.nestedType) else { Issue.record("parsed"); return }
        #expect(failure.error.code == .badRequest)
        let start = ContinuousClock.now
        for _ in 0..<20 { _ = ClientRequest.parse(Self.nestedType) }
        let each = (ContinuousClock.now - start) / 20
        #expect(each < .milliseconds(8), "\(each)")
    }
}
