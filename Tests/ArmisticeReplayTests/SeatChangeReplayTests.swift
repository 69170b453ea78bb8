import ArmisticeLocale
import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The instructor's seat actions are in the readable record (REPORT-terminal #13): a seat removed, the room closed and
/// opened to new seats, a bot put on a team, a seat moved, a student joining mid-match; in the replay's timeline and
/// the report's, in English and in Korean, by name (a bot's seat named in the reader's language).
@Suite struct SeatChangeReplayTests {
    /// A one-turn match in which the instructor removes Seo, closes the room, puts a greedy bot on the UN, moves Ri to
    /// the ROK and opens the room again, and a projector joins.
    func play() throws -> Replay {
        let m = ServerMatch()
        let (i, code, _) = m.shortRoom(students: [("Ri", "dprk"), ("Seo", "rok")])
        m.send(i, ["type": "start"])
        #expect(ServerMatch.error(m.send(i, ["type": "remove_seat", "seat": "s3"])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "set_joining", "open": false])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "set_bot", "team": "un", "policy": "greedy"])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "move_seat", "seat": "s2", "team": "rok"])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "set_joining", "open": true])) == nil)
        let projector = m.connect("10.0.0.4")
        #expect(ServerMatch.error(m.send(projector, ["type": "join", "code": code, "name": "Projector", "role": "observer"])) == nil)
        for _ in 0..<8 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let replay = try m.replay()
        #expect(replay.isVerified)
        return replay
    }

    @Test func theReplaysTimelineShowsTheInstructorsSeatActionsInBothLanguages() throws {
        let replay = try play()
        let english = replay.timeline(language: .en)
        for line in ["Instructor (s1): instructor removes Seo (s3) from the room",
                     "Instructor (s1): instructor closes joining: new students and observers are refused",
                     "the instructor: instructor puts a bot on United Nations: greedy",
                     "Instructor (s1): instructor moves Ri (s2) to ROK (South Korea)",
                     "Instructor (s1): instructor opens joining: new students and observers may join again",
                     "Projector (s5): joins as an observer"] {
            #expect(english.contains(line), "\(line)\n\(english)")
        }
        let korean = replay.timeline(language: .ko)
        for line in ["교사가 방에서 내보냄: Seo(s3)", "교사가 입장을 닫음: 새 학생과 관찰자는 들어올 수 없음", "교사가 유엔에 봇을 둠: 적극형",
                     "교사가 자리를 옮김: Ri(s2) → 한국", "교사가 입장을 엶: 새 학생과 관찰자가 다시 들어올 수 있음", "Projector (s5): 관찰자로 입장"] {
            #expect(korean.contains(line), "\(line)\n\(korean)")
        }
        // The bot's seat is named in the reader's language, never the log's English.
        #expect(korean.contains("유엔 봇 (s4)"))
        #expect(!korean.contains("United Nations bot"))
    }

    @Test func theReportsTimelineShowsThemToo() throws {
        let replay = try play()
        let english = AfterActionReport(replay: replay, views: false)
        #expect(english.seatChanges?.map(\.kind) == ["removed", "joining_closed", "bot", "moved", "joining_opened", "joined"])
        let html = english.html()
        #expect(html.contains("instructor removes Seo (s3) from the room"))
        #expect(html.contains("instructor puts a bot on United Nations: greedy"))
        let korean = AfterActionReport(replay: replay, views: false, language: .ko).html()
        #expect(korean.contains("교사가 방에서 내보냄: Seo(s3)"))
        #expect(korean.contains("교사가 자리를 옮김: Ri(s2) → 한국"))
        #expect(korean.contains("유엔 봇 (s4)"))
        #expect(!korean.contains("United Nations bot"))
    }
}
