import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeReplay

/// `replay --as` and `report --as` take a team by its id or its name in any of the scenario's languages, as
/// `join --team` does (REPORT-terminal #7), and their refusals come in the reader's language.
@Suite struct ReplayViewerNameTests {
    let replay: Replay

    init() throws {
        replay = Replay(log: try MatchLog(bytes: Array(try Fixtures.simulatedLog(seed: 5, turns: 2).text.utf8)))
    }

    @Test func aTeamIsNamedInAnyOfTheScenariosLanguages() throws {
        let un = try #require(replay.engine.ruleset.teamIndex("un"))
        let dprk = try #require(replay.engine.ruleset.teamIndex("dprk"))
        for name in ["un", "UN", "United Nations", "유엔", " 유엔 "] {
            #expect(try replay.viewer(named: name) == .team(un), "\(name)")
        }
        for name in ["North Korea", "북한", "dprk"] {
            #expect(try replay.viewer(named: name) == .team(dprk), "\(name)")
        }
        #expect(try replay.viewer(named: "observer") == .observer)
    }

    @Test func theRefusalsComeInTheReadersLanguage() {
        do {
            _ = try replay.viewer(named: "아틀란티스", language: .ko)
            Issue.record("no refusal")
        } catch {
            #expect(error.code == .unknownViewer)
            #expect(error.message.hasPrefix("그런 팀은 없습니다: “아틀란티스”. instructor(교사), observer(관찰자) 또는 다음 팀 중 하나를 쓰세요: dprk (북한),"), "\(error.message)")
        }
        do {
            _ = try replay.stepIndex(at: .turn(9), language: .ko)
            Issue.record("no refusal")
        } catch {
            #expect(error.message == "이 경기는 9턴까지 가지 않았습니다. 2턴에 끝났습니다.")
        }
        do {
            _ = try replay.viewer(named: "atlantis")
            Issue.record("no refusal")
        } catch {
            #expect(error.message.hasPrefix("no team \"atlantis\"; say instructor, observer or one of dprk (DPRK (North Korea)),"), "\(error.message)")
        }
    }
}
