import Foundation
import Testing
@testable import ArmisticeServer

/// A Korean refusal that quotes what was sent (a name, a role, a number that is not whole) never leaves a fallback
/// particle after it (`“teacher”은(는)`, `"observer"을(를)`): the sentence is built so that no particle follows the
/// quoted text (REPORT-terminal #18).
@Suite struct KoreanParticleRefusalTests {
    func error(_ replies: [[String: Any]]) -> String? {
        replies.first { $0["type"] as? String == "error" }?["message"] as? String
    }

    @Test func quotedValuesTakeNoFallbackParticle() throws {
        let c = Classroom()
        let korean = c.h.connect(address: "10.9.0.1", lang: "ko")
        #expect(CoreHarness.errorCode(c.h.send(korean, ["type": "join", "code": c.code, "name": "교사", "role": "instructor", "key": CoreHarness.key])) == nil)
        let moveBoth = try #require(error(c.h.send(korean, ["type": "move_seat", "seat": c.member("usa").seat, "team": "rok", "role": "observer"])))
        #expect(moveBoth.hasSuffix("팀과 함께 \"role\": \"observer\"까지 보내면 어느 쪽인지 알 수 없습니다."), "\(moveBoth)")
        let notWhole = try #require(error(c.h.sendText(korean, #"{"type":"extend","seconds":1.5}"#)))
        #expect(notWhole.hasSuffix("정수여야 합니다(보낸 값: 1.5)."), "\(notWhole)")
        let student = c.h.connect(address: "10.9.0.2", lang: "ko")
        let name = try #require(error(c.h.send(student, ["type": "join", "code": c.code, "name": "the instructor"])))
        #expect(name == "교사 이름으로 읽히는 이름입니다: “the instructor”. 자기 이름을 쓰세요.", "\(name)")
        for message in [moveBoth, notWhole, name] {
            #expect(!message.contains("(를)") && !message.contains("(는)"), "\(message)")
        }
    }
}
