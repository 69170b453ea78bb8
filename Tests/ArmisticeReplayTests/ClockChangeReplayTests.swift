import ArmisticeLocale
import ArmisticeLog
import ArmisticeServer
import Foundation
import Testing
@testable import ArmisticeReplay

/// The instructor's clock actions are in the readable record (outside tester qa5 #6: "the teacher gave us more time
/// here" matters in a debrief): a pause, an extension by so many seconds while paused or running, a resume; in the
/// replay's timeline and the report's, in English and in Korean, though no state hash depends on them.
@Suite struct ClockChangeReplayTests {
    func play() throws -> Replay {
        let m = ServerMatch()
        let (i, code, _) = m.shortRoom(students: [("Ri", "dprk"), ("Seo", "rok")])
        m.send(i, ["type": "start"])
        #expect(ServerMatch.error(m.send(i, ["type": "pause"])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "extend", "seconds": 60])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "unpause"])) == nil)
        #expect(ServerMatch.error(m.send(i, ["type": "extend", "seconds": -30])) == nil)
        for _ in 0..<8 where m.core.rooms[code]?.isOver == false { m.send(i, ["type": "skip"]) }
        let replay = try m.replay()
        #expect(replay.isVerified)
        return replay
    }

    @Test func theTimelinesShowThePauseTheExtensionsAndTheResume() throws {
        let replay = try play()
        #expect(replay.seatChanges.filter { [.paused, .extended, .resumed].contains($0.kind) }.map(\.kind) == [.paused, .extended, .resumed, .extended])
        let english = replay.timeline(language: .en)
        for line in ["Instructor (s1): instructor pauses the clock", "Instructor (s1): instructor extends the deadline by 60 s",
                     "Instructor (s1): instructor resumes the clock", "Instructor (s1): instructor shortens the deadline by 30 s"] {
            #expect(english.contains(line), "\(line)\n\(english)")
        }
        // In log order: pause, extend, resume.
        let pause = try #require(english.range(of: "pauses the clock")), resume = try #require(english.range(of: "resumes the clock"))
        #expect(pause.lowerBound < resume.lowerBound)
        let korean = replay.timeline(language: .ko)
        for line in ["교사가 시계를 일시 정지함", "교사가 마감을 60초 늘림", "교사가 시계를 다시 움직임", "교사가 마감을 30초 줄임"] {
            #expect(korean.contains(line), "\(line)\n\(korean)")
        }
        // Every viewpoint saw the clock.
        #expect(replay.timeline(as: .observer).contains("extends the deadline by 60 s"))
        let html = AfterActionReport(replay: replay, chat: false, views: false, language: .en).html()
        #expect(html.contains("instructor extends the deadline by 60 s"))
        #expect(html.contains("instructor pauses the clock"))
    }
}
