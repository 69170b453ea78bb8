import ArmisticeLocale
import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The report's score table says where a student the instructor moved came from and went (outside tester qa5 #10:
/// "United Nations — Choi 🤖 bot in turn 1" read as Choi replaced by a bot, when Choi had been moved to the UN).
@Suite struct PlayerMoveReportTests {
    @Test func aMovedStudentIsNamedOnBothTeamsWithTheMove() throws {
        let m = ServerMatch()
        let (i, code, _) = m.shortRoom(students: [("Ri", "dprk"), ("Seo", "rok")])
        m.send(i, ["type": "start"])
        #expect(ServerMatch.error(m.send(i, ["type": "move_seat", "seat": "s2", "team": "rok"])) == nil)
        for _ in 0..<8 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let replay = try m.replay()
        let en = AfterActionReport(replay: replay, chat: false, views: false, language: .en)
        #expect(en.teams.first { $0.id == "rok" }?.players == ["Ri (moved here from DPRK (North Korea) in turn 1)", "Seo"])
        #expect(en.teams.first { $0.id == "dprk" }?.players == ["Ri (moved to ROK (South Korea) in turn 1)"])
        let ko = AfterActionReport(replay: replay, chat: false, views: false, language: .ko)
        #expect(ko.teams.first { $0.id == "rok" }?.players == ["Ri(1턴에 북한에서 옮겨 옴)", "Seo"])
        #expect(ko.teams.first { $0.id == "dprk" }?.players == ["Ri(1턴에 한국으로 옮겨 감)"])
    }
}
