import Foundation
import Testing
@testable import ArmisticeServer

/// `adjust` sets a value: one outside the target's range is refused (`bad_parameter`), naming the target, its range and
/// its value now, rather than clamped. An instructor who typed `-5` meaning "lower by 5" wiped a track to 0 for good.
@Suite struct AdjustRangeTests {
    /// The reply's error code and message to `adjust target value` from `client`.
    func adjust(_ c: Classroom, _ client: ClientID, _ target: String, _ value: Int) -> (code: String?, message: String?) {
        let error = c.h.send(client, ["type": "adjust", "target": target, "value": value, "reason": "class vote"])
            .first { $0["type"] as? String == "error" }
        return (error?["code"] as? String, error?["message"] as? String)
    }

    @Test func aValueOutsideTheRangeIsRefusedNamingTheTargetItsRangeAndItsValueNow() throws {
        let c = Classroom()
        c.start()
        // A second instructor's window, read in Korean.
        let korean = c.h.connect(address: "10.9.0.1", lang: "ko")
        #expect(CoreHarness.errorCode(c.h.send(korean, ["type": "join", "code": c.code, "name": "교사", "role": "instructor", "key": CoreHarness.key])) == nil)
        let r = c.h.room.engine.ruleset
        let tension = try #require(r.trackIndex("tension"))
        #expect(c.h.room.state.tracks[tension] == 4)
        let english = adjust(c, c.instructor.client, "tension", -5)
        #expect(english.code == "bad_parameter")
        #expect(english.message == "Military tension goes from 0 to 10 and is 4 now, so it cannot be set to -5: adjust sets the value, it does not add to it")
        #expect(adjust(c, korean, "tension", 11).message
                == "군사적 긴장의 범위는 0에서 10까지이고 지금 값은 4입니다. 11로는 정할 수 없습니다. 조정은 지금 값에 더하거나 빼지 않고 값을 새로 정합니다.")
        // Nothing changed, and nothing was logged.
        #expect(c.h.room.state.tracks[tension] == 4)
        #expect(!c.h.room.state.records.contains { $0.kind == .adjustment })
        // A flag takes 0 or 1; a project its stages.
        #expect(adjust(c, c.instructor.client, "nuclear_test", 2).message
                == "A nuclear test has taken place is a yes-or-no flag and is 0 now: set it to 1 (yes) or 0 (no), not 2")
        #expect(adjust(c, korean, "nuclear_test", -1).message
                == "핵실험이 있었다는 예/아니요 항목이고 지금 값은 0입니다. 1(예) 또는 0(아니요)으로 정하세요. 보낸 값: -1.")
        #expect(adjust(c, korean, "liaison_office", 3).message
                == "남북공동연락사무소(개성)의 위치는 0에서 2까지이고 지금은 2입니다. 3으로는 정할 수 없습니다. 조정은 칸을 더하거나 빼지 않고 위치를 새로 정합니다.")
        #expect(adjust(c, c.instructor.client, "liaison_office", -1).code == "bad_parameter")
        // The ends of the range are values like any other.
        #expect(adjust(c, c.instructor.client, "tension", 0).code == nil)
        #expect(adjust(c, c.instructor.client, "tension", 10).code == nil)
        #expect(adjust(c, c.instructor.client, "nuclear_test", 1).code == nil)
        #expect(adjust(c, c.instructor.client, "liaison_office", 0).code == nil)
        #expect(c.h.room.state.tracks[tension] == 10)
        // An unknown target is still unknown_target.
        #expect(adjust(c, c.instructor.client, "tensoin", 3).code == "unknown_target")
    }
}
