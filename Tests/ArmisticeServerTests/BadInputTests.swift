import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

/// Every bad input gets its stable error code, keeps the connection (unless it is abuse) and changes nothing.
@Suite struct BadInputTests {
    @Test func malformedAndNonObjectJSON() {
        let h = CoreHarness()
        let c = h.connect()
        #expect(CoreHarness.errorCode(h.sendText(c, "{\"type\": ")) == "malformed_json")
        #expect(CoreHarness.errorCode(h.sendText(c, "[1, 2]")) == "not_an_object")
        #expect(CoreHarness.errorCode(h.sendText(c, "\"hello\"")) == "not_an_object")
        #expect(CoreHarness.errorCode(h.sendText(c, "{\"id\": 3}")) == "bad_request")
        #expect(h.closed[c] == nil)
    }

    @Test func binaryAndOversizeMessagesAreReportedByTheTransport() {
        let h = CoreHarness()
        let c = h.connect()
        var out = CoreOutput()
        for error in [ServerError(.binaryFrame, "binary"), ServerError(.tooLarge, "too large")] {
            if let inbound = h.gate.rejected(error, from: c, now: h.now) { h.core.received(c, inbound, now: h.now, into: &out) }
        }
        h.take(out)
        #expect(h.messages(c, type: "error").map { $0["code"] as? String } == ["binary_frame", "too_large"])
        #expect(h.closed[c] == nil)
    }

    @Test func unknownTypesAndMissingFieldsEchoTheRequestID() throws {
        let h = CoreHarness()
        let c = h.connect()
        let unknown = try #require(h.send(c, ["type": "jion", "id": "r1"]).first)
        #expect(unknown["code"] as? String == "unknown_type")
        #expect(unknown["id"] as? String == "r1")
        #expect((unknown["message"] as? String)?.contains("join") == true)
        let missing = try #require(h.send(c, ["type": "join", "id": 9, "name": "x"]).first)
        #expect(missing["code"] as? String == "bad_request")
        #expect(missing["id"] as? Int == 9)
        #expect((missing["message"] as? String)?.contains("code") == true)
    }

    @Test func helloFirstAndOnlyASupportedVersion() {
        let h = CoreHarness()
        let c = h.connect(hello: false)
        #expect(CoreHarness.errorCode(h.send(c, ["type": "join", "code": "ABCDEF", "name": "x"])) == "hello_required")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "hello", "protocol": "armistice.v0"])) == "unsupported_version")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "hello", "versions": ["armistice.v9", "armistice.v1"]])) == nil)
    }

    @Test func requestsBeforeJoiningAreRefused() {
        let h = CoreHarness()
        let c = h.connect()
        for type in ["set_orders", "lock", "chat", "start", "resync"] {
            var request: [String: Any] = ["type": type]
            if type == "set_orders" { request["orders"] = [] }
            if type == "chat" { request["channel"] = "all"; request["text"] = "hi" }
            #expect(CoreHarness.errorCode(h.send(c, request)) == "not_joined")
        }
    }

    @Test func wrongJoinCodesAreRateLimitedPerAddress() {
        var limits = ServerLimits()
        limits.joinFailureBurst = 3
        let h = CoreHarness(limits: limits)
        let (_, code) = h.createRoom()
        let guesser = h.connect(address: "192.0.2.9")
        for _ in 0..<3 { #expect(CoreHarness.errorCode(h.send(guesser, ["type": "join", "code": "ZZZZZZ", "name": "Eve"])) == "wrong_code") }
        #expect(CoreHarness.errorCode(h.send(guesser, ["type": "join", "code": code, "name": "Eve"])) == "rate_limited")
        // Another address is not affected; and the guesser may try again later.
        let other = h.connect(address: "192.0.2.10")
        #expect(CoreHarness.errorCode(h.send(other, ["type": "join", "code": code.lowercased(), "name": "Bob"])) == nil)
        h.advance(seconds: 10)
        #expect(CoreHarness.errorCode(h.send(guesser, ["type": "join", "code": code, "name": "Eve"])) == nil)
    }

    @Test func forgedAndExpiredTokens() {
        let h = CoreHarness()
        let (instructor, code) = h.createRoom()
        let c = h.connect()
        #expect(CoreHarness.errorCode(h.send(c, ["type": "resume", "token": "\(code).00000000000000000000000000000000", "seq": 0])) == "bad_token")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "resume", "token": "nonsense", "seq": 0])) == "bad_token")
        h.core.evict(code)
        #expect(CoreHarness.errorCode(h.send(c, ["type": "resume", "token": instructor.token, "seq": 0])) == "token_expired")
    }

    @Test func wrongInstructorKeyAndUnknownRulesetAndBadSettings() {
        let h = CoreHarness()
        let c = h.connect()
        #expect(CoreHarness.errorCode(h.send(c, ["type": "create_room", "key": "guess", "ruleset": "koreanization"])) == "bad_instructor_key")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "create_room", "key": CoreHarness.key, "ruleset": "nope"])) == "unknown_ruleset")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization", "turns": 0])) == "bad_settings")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization", "phases": ["lunch": 5]])) == "bad_settings")
        #expect(CoreHarness.errorCode(h.send(c, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization", "language": "fr"])) == "bad_settings")
        let (_, code) = h.createRoom()
        let s = h.connect()
        #expect(CoreHarness.errorCode(h.send(s, ["type": "join", "code": code, "name": "x", "role": "instructor", "key": "nope"])) == "bad_instructor_key")
        #expect(CoreHarness.errorCode(h.send(s, ["type": "join", "code": code, "name": "\u{0001} \u{202E}"])) == "bad_name")
        #expect(CoreHarness.errorCode(h.send(s, ["type": "join", "code": code, "name": "x", "team": "mars"])) == "unknown_team")
    }

    @Test func ordersForAnotherTeamOutOfPhaseAfterLockAndInvalid() {
        let c = Classroom()
        let dprk = c.member("dprk").client
        let before = c.h.room.state
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "set_orders", "orders": [["action": "missile_test"]]])) == "wrong_phase")
        c.start()
        c.skip(to: "negotiation")
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "set_orders", "team": "usa", "orders": []])) == "not_your_team")
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "set_orders", "orders": [["action": "nuke_everything"]]])) == "unknown_action")
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "set_orders", "orders": [["action": "press_seoul"]]])) == "not_your_action")
        let rok = c.member("rok").client
        #expect(CoreHarness.errorCode(c.h.send(rok, ["type": "set_orders", "orders": [["action": "fund_aid", "params": ["amount": 9]]]])) == "bad_parameter")
        #expect(CoreHarness.errorCode(c.h.send(rok, ["type": "set_orders", "orders": [["action": "fund_aid", "params": ["amount": "lots"]]]])) == "bad_parameter")
        #expect(CoreHarness.errorCode(c.h.send(rok, ["type": "set_orders", "orders": [["action": "fund_aid"]]])) == "bad_parameter")
        #expect(CoreHarness.errorCode(c.h.send(rok, ["type": "set_orders", "orders": [["action": "fund_aid", "params": ["amount": 1.5]]]])) == "bad_request")
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "lock"])) == nil)
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "set_orders", "orders": []])) == "orders_locked")
        #expect(CoreHarness.errorCode(c.h.send(c.observer.client, ["type": "lock"])) == "not_a_player")
        #expect(CoreHarness.errorCode(c.h.send(dprk, ["type": "skip"])) == "not_instructor")
        #expect(c.h.room.state.drafts == before.drafts)
    }

    @Test func dealsNamingAbsentOrUnknownTeams() {
        let h = CoreHarness()
        let (instructor, code) = h.createRoom()
        let dprk = h.join(code, name: "Kim", team: "dprk")
        _ = h.join(code, name: "Moon", team: "rok")
        h.send(instructor.client, ["type": "start"])
        h.send(instructor.client, ["type": "skip"])
        let absent: [String: Any] = ["type": "propose_deal", "commitments": [["team": "usa", "action": "press_seoul"]]]
        #expect(CoreHarness.errorCode(h.send(dprk.client, absent)) == "absent_team")
        let unknown: [String: Any] = ["type": "propose_deal", "commitments": [["team": "mars", "action": "press_seoul"]]]
        #expect(CoreHarness.errorCode(h.send(dprk.client, unknown)) == "unknown_team")
        let alone: [String: Any] = ["type": "propose_deal", "commitments": [["team": "dprk", "action": "missile_test"]]]
        #expect(CoreHarness.errorCode(h.send(dprk.client, alone)) == "bad_deal")
        #expect(CoreHarness.errorCode(h.send(dprk.client, ["type": "respond_deal", "deal": 4, "accept": true])) == "unknown_deal")
        #expect(h.room.state.deals.isEmpty)
    }

    @Test func aFloodIsRateLimitedThenClosed() {
        var limits = ServerLimits()
        limits.messageBurst = 5
        limits.messagesPerSecond = 1
        limits.floodCloseAfter = 10
        let h = CoreHarness(limits: limits)
        let c = h.connect()
        let bystander = h.connect()
        for _ in 0..<4 { h.send(c, ["type": "ping"]) }
        #expect(h.messages(c, type: "pong").count == 4)
        h.send(c, ["type": "ping"])
        #expect(h.messages(c, type: "error").map { $0["code"] as? String } == ["rate_limited"])
        #expect(h.closed[c] == nil)
        for _ in 0..<10 { h.send(c, ["type": "ping"]) }
        #expect(h.messages(c, type: "error").count == 1)
        #expect(h.closed[c]?.kind == .policyViolation)
        #expect(h.send(bystander, ["type": "ping"]).first?["type"] as? String == "pong")
    }

    @Test func aSlowReaderIsSkippedThenResyncedThenDropped() throws {
        let c = Classroom()
        let slow = c.member("usa", 1).client
        c.h.core.sendFailed([slow], now: c.h.now)
        c.h.clear(slow)
        c.start()
        #expect(c.h.messages(slow, type: "update").isEmpty)
        #expect(c.h.last(c.member("usa", 0).client, type: "update") != nil)
        c.h.advance(seconds: 1)
        let offer = c.h.messages(slow, type: "snapshot")
        #expect(offer.count == 1)
        c.h.core.resyncQueued(slow)
        c.h.send(c.instructor.client, ["type": "inject_news", "text": "back"])
        #expect(c.h.last(slow, type: "update") != nil)
        // One that never catches up is dropped.
        let stuck = c.member("un", 1).client
        c.h.core.sendFailed([stuck], now: c.h.now)
        c.h.advance(seconds: Double(ServerLimits().slowReaderDropMs) / 1000 + 1)
        #expect(c.h.closed[stuck]?.kind == .policyViolation)
        #expect(c.h.closed[c.member("un", 0).client] == nil)
    }
}
