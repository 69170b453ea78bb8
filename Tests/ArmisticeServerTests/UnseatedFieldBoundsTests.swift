import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

/// The strings a stranger may send before holding a seat are bounded by their byte length before anything reads
/// them (outside tester qa6, C1: a 60 KB `lang` cost the rooms thread 40 ms, a 60 KB name, code or token 15–36 ms).
@Suite struct UnseatedFieldBoundsTests {
    static let huge = String(repeating: "k", count: 60_000)
    static let marks = "k" + String(repeating: "\u{0336}", count: 30_000)

    @Test func oversizedUnseatedFieldsAreRefusedByTheirCode() throws {
        let h = CoreHarness()
        let cases: [([String: Any], String, String)] = [
            (["type": "hello", "protocol": "armistice.v2", "lang": Self.huge], "bad_request", "lang"),
            (["type": "hello", "protocol": "armistice.v2", "lang": Self.marks], "bad_request", "lang"),
            (["type": "hello", "protocol": Self.huge], "bad_request", "protocol"),
            (["type": "hello", "versions": [Self.huge]], "bad_request", "versions"),
            (["type": "hello", "versions": Array(repeating: "armistice.v2", count: 17)], "bad_request", "versions"),
            (["type": "hello", "protocol": "armistice.v2", "client": Self.huge], "bad_request", "client"),
            (["type": "set_language", "lang": Self.huge], "bad_request", "lang"),
            (["type": "join", "code": String(repeating: "-", count: 60_000), "name": "Ann"], "bad_request", "code"),
            (["type": "join", "code": "ABCDEF", "name": "Ann", "team": Self.huge], "bad_request", "team"),
            (["type": "join", "code": "ABCDEF", "name": Self.marks], "bad_name", "too long"),
            (["type": "resume", "token": Self.huge], "bad_request", "token"),
            (["type": "create_room", "key": Self.huge, "ruleset": "tutorial"], "bad_request", "key"),
        ]
        for (i, (request, code, word)) in cases.enumerated() {
            let c = h.connect()  // each on its own connection: a 60 KB message costs 4 of the budget
            var r = request
            r["id"] = i
            let reply = try #require(h.send(c, r).first)
            #expect(reply["code"] as? String == code, "\(i)")
            #expect(reply["id"] as? Int == i)
            #expect((reply["message"] as? String)?.contains(word) == true, "\(i): \(reply["message"] ?? "")")
            #expect(h.closed[c] == nil)
        }
    }

    @Test func fieldsAtTheirBoundsStillPass() throws {
        let h = CoreHarness()
        let c = h.connect()
        let tag = "ko-KR" + String(repeating: "x", count: RequestFieldBounds.wordBytes - 5)
        let welcome = try #require(h.send(c, ["type": "hello", "protocol": "armistice.v2", "lang": tag]).first)
        #expect(welcome["type"] as? String == "welcome")
        #expect(welcome["lang"] as? String == "ko")
        let language = try #require(h.send(c, ["type": "set_language", "lang": "en-GB"]).first)
        #expect(language["type"] as? String == "language")
        // A long name is still cut, not refused, up to the bound.
        let wrong = try #require(h.send(c, ["type": "join", "code": "ZZZZZZ", "name": String(repeating: "n", count: RequestFieldBounds.nameBytes)]).first)
        #expect(wrong["code"] as? String == "wrong_code")
    }

    /// Measured, not asserted tightly (a loaded machine): each refusal is cheap, far from the 40–68 ms a 60 KB `lang`
    /// cost before.
    @Test func aRefusalOfAHugeLangIsCheap() {
        let h = CoreHarness()
        let text = String(data: try! JSONSerialization.data(withJSONObject: ["type": "hello", "lang": Self.marks]), encoding: .utf8)!
        let start = ContinuousClock.now
        for _ in 0..<10 { _ = h.sendText(h.connect(), text) }
        let each = (ContinuousClock.now - start) / 10
        #expect(each < .milliseconds(40), "\(each)")
    }
}
