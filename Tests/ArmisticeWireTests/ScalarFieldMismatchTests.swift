import Testing
@testable import ArmisticeWire

/// A list or an object where a request takes a string or a number (`chat`'s `channel`, an entry of `hello`'s
/// `versions`, `join`'s `name`, …) is refused from the first decoding's error, not decoded again: nested lists cost
/// the decoders far more than their size, and the step-by-step reading decoded them twice more (about 6 ms a 21 KB
/// frame; docs/reliability.md).
struct ScalarFieldMismatchTests {
    static let nested: String = {
        let item = "[[[[[[{\"v\":[" + Array(repeating: "1234567890", count: 8).joined(separator: ",") + "]}]]]]]]"
        return "[" + Array(repeating: item, count: 200).joined(separator: ",") + "]"
    }()

    /// Each frame, and the field its refusal names.
    static let frames: [(String, String)] = [
        (#"{"id":"c","type":"chat","channel":\#(nested),"text":"hi"}"#, "channel"),
        (#"{"id":"c","type":"hello","versions":[\#(nested)]}"#, "versions[0]"),
        (#"{"id":"c","type":"join","code":"ABCDEF","name":\#(nested)}"#, "name"),
        (#"{"id":"c","type":"extend","seconds":\#(nested)}"#, "seconds"),
        (#"{"id":"c","type":"create_room","key":"k","ruleset":"r","phases":{"orders":\#(nested)}}"#, "phases.orders"),
    ]

    @Test func aListWhereAScalarBelongsIsRefusedNamingTheFieldWithTheID() {
        for (text, field) in Self.frames {
            guard case .failure(let failure) = ClientRequest.parse(text) else { Issue.record("parsed \(field)"); continue }
            #expect(failure.error.code == .badRequest, "\(field)")
            #expect(failure.error.detail?.key == "error.bad_request.field_type", "\(field)")
            #expect(failure.error.detail?.arguments["field"] == .text(field), "\(failure.error.message)")
            #expect(failure.id == .string("c"), "\(field)")
        }
    }

    /// Refusing such a frame costs about what reading a valid request of the same size does (one decoding), not
    /// three decodings.
    @Test func refusingItCostsOneDecoding() {
        let valid = #"{"id":"c","type":"chat","channel":"all","text":"hi","extra":\#(Self.nested)}"#
        #expect((try? ClientRequest.parse(valid).get())?.type == "chat")
        func fastest(_ text: String) -> Duration {
            (0..<7).map { _ in
                let start = ContinuousClock.now
                for _ in 0..<3 { _ = ClientRequest.parse(text) }
                return ContinuousClock.now - start
            }.min()!
        }
        let baseline = fastest(valid)
        for (text, field) in Self.frames {
            let cost = fastest(text)
            #expect(cost < baseline * 2, "\(field): \(cost) against \(baseline) for a valid request as long")
        }
    }
}
