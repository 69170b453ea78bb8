import ArmisticeLocale
import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The Korean report names an event once (REPORT-terminal #18): `“DMZ 총격 사건”(-1)`, never `“DMZ 총격 사건” 사건(-1)`.
@Suite struct KoreanStoryWordingTests {
    @Test func anEventCauseIsNamedWithoutTheWordEventTwice() throws {
        let m = ServerMatch()
        let (i, code, _) = m.shortRoom(students: [("Ri", "dprk")])
        m.send(i, ["type": "start"])
        #expect(ServerMatch.error(m.send(i, ["type": "inject_event", "event": "dmz_incident"])) == nil)
        for _ in 0..<8 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let replay = try m.replay()
        let html = AfterActionReport(replay: replay, views: false, language: .ko).html()
        #expect(html.contains("“DMZ 총격 사건”("), "the story names the event's share")
        #expect(!html.contains("” 사건("))
    }
}
