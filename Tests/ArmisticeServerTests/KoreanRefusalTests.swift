import Foundation
import Testing
@testable import ArmisticeServer

/// A refusal tells a Korean reader as much as an English one: which parameter, which phase, which action, which team,
/// named as the scenario names them in Korean, with the same code.
@Suite struct KoreanRefusalTests {
    /// A Coral Strait room with the mediator's seat read in Korean and in English; the instructor reads English.
    struct Room {
        let h = CoreHarness()
        let instructor: CoreHarness.Seated
        let korean: CoreHarness.Seated
        let english: CoreHarness.Seated

        init() {
            let (instructor, code) = h.createRoom(ruleset: "coral_strait")
            self.instructor = instructor
            korean = h.join(code, name: "김", team: "mediator", address: "10.3.0.1", lang: "ko")
            english = h.join(code, name: "Kim", team: "mediator", address: "10.3.0.2")
        }

        func start() {
            #expect(CoreHarness.errorCode(h.send(instructor.client, ["type": "start"])) == nil)
            var guardCount = 0
            while h.phase(instructor.client) != "negotiation", guardCount < 10 {
                guardCount += 1
                h.send(instructor.client, ["type": "skip"])
            }
        }

        /// Sends `request` from both seats: the same code for both, and each seat's message (`en` nil: not checked).
        func expect(_ request: [String: Any], code: String, ko: String, en: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
            func error(_ seat: CoreHarness.Seated) -> [String: Any]? { h.send(seat.client, request).first { $0["type"] as? String == "error" } }
            let koReply = error(korean), enReply = error(english)
            #expect(koReply?["code"] as? String == code && enReply?["code"] as? String == code, sourceLocation: sourceLocation)
            #expect(koReply?["message"] as? String == ko, sourceLocation: sourceLocation)
            if let en { #expect(enReply?["message"] as? String == en, sourceLocation: sourceLocation) }
        }

        /// A draft of one order.
        static func order(_ action: String, _ params: [String: Any]? = nil) -> [String: Any] {
            ["type": "set_orders", "orders": [params.map { ["action": action, "params": $0] } ?? ["action": action]]]
        }
    }

    @Test func aMissingParameterIsNamedByItsKoreanLabel() {
        let room = Room()
        room.start()
        room.expect(Room.order("draft_accord"), code: "bad_parameter",
                    ko: "“협정 초안 제출”의 ‘할당량 수준(1 엄격, 3 느슨) (quota)’ 항목이 빠졌습니다. 값을 골라 다시 보내세요.",
                    en: #""Table a draft accord" needs the parameter "Quota level (1 strict, 3 loose) (quota)""#)
        room.expect(Room.order("draft_accord", ["quota": 9]), code: "bad_parameter",
                    ko: "“협정 초안 제출”의 ‘할당량 수준(1 엄격, 3 느슨) (quota)’ 값은 1에서 3 사이여야 합니다. 보낸 값: 9.")
    }

    @Test func theWrongPhaseIsNamedInKorean() {
        Room().expect(Room.order("stock_survey"), code: "wrong_phase",
                      ko: "명령은 협상 단계와 명령 단계에서만 바꾸거나 확정할 수 있습니다(지금 단계: 준비 중).",
                      en: "orders can be changed only in the negotiation and orders phases (now: Setting up)")
    }

    @Test func anUnknownActionSaysWhatWasMeant() {
        let room = Room()
        room.start()
        room.expect(Room.order("draft_acord"), code: "unknown_action",
                    ko: "그런 행동은 없습니다: “draft_acord”. 혹시 “draft_accord”입니까? 행동 목록에 있는 것을 고르세요.",
                    en: #"unknown action "draft_acord"; did you mean "draft_accord"?"#)
        room.expect(Room.order("tervane_fish_hard"), code: "not_your_action",
                    ko: "“트롤선 출어”는 지역 수산 중재자의 행동이 아닙니다. 다른 팀의 행동은 합의안으로 제안하세요.")
    }

    @Test func aDealsConsentStepForATeamWithNoSayBlamesThatTeamNotTheProposer() {
        let room = Room()
        _ = room.h.join(room.h.room.code, name: "Mar", team: "marisol", address: "10.3.0.3")
        room.start()
        // Marisol has no say on its own proposal (Tervane has): the refusal names Marisol and says what a deal may hold,
        // where the order's refusal says "our team" (the proposer is the mediator here, who did nothing wrong).
        room.expect(["type": "propose_deal", "commitments": [["team": "marisol", "consent": "marisol_propose_terms", "decision": "approve"]]],
                    code: "bad_consent",
                    ko: "마리솔 공화국은 “협정 진전 제안”에 의견을 낼 수 없습니다. 합의에는 그 팀이 의견을 낼 수 있는 행동의 승인이나 거부만 넣으세요.")
    }

    @Test func koreanParticlesFitTheNamesFilledIn() {
        let room = Room()
        room.start()
        #expect(CoreHarness.errorCode(room.h.send(room.english.client, ["type": "lock"])) == nil)
        room.expect(["type": "set_orders", "orders": []], code: "orders_locked",
                    ko: "지역 수산 중재자는 이번 턴의 명령을 이미 확정했습니다. 다음 턴에 다시 정할 수 있습니다.",
                    en: "Regional Fisheries Mediator has already locked its orders for this turn")
    }

    @Test func aRefusalBeforeJoiningIsKoreanToo() {
        let h = CoreHarness()
        let ko = h.connect(lang: "ko")
        let reply = h.send(ko, ["type": "joinn", "code": "ZZZZZZ"]).first { $0["type"] as? String == "error" }
        #expect(reply?["code"] as? String == "unknown_type")
        #expect(reply?["message"] as? String == "알 수 없는 메시지 종류입니다: “joinn”. 혹시 “join”입니까?")
        let wrong = h.send(ko, ["type": "join", "code": "ZZZZZZ", "name": "김"]).first { $0["type"] as? String == "error" }
        #expect(wrong?["message"] as? String == "“ZZZZZZ” 코드의 방이 없습니다. 교사에게 코드를 확인하세요.")
    }

    @Test func anObserverWithNoLanguageOfItsOwnIsRefusedInTheRoomsLanguage() {
        let h = CoreHarness()
        let (_, code) = h.createRoom(ruleset: "coral_strait", language: "ko")
        let projector = h.join(code, name: "Projector", role: "observer")
        let reply = h.send(projector.client, ["type": "chat", "channel": "all", "text": "hi"]).first { $0["type"] as? String == "error" }
        #expect(reply?["code"] as? String == "bad_channel")
        #expect(reply?["message"] as? String == "관찰자는 대화를 읽기만 하고 쓰지는 않습니다.")
    }
}
