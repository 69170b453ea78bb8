import ArmisticeEngine
import ArmisticeLocale
@testable import ArmisticeReplay
import Foundation
import Testing

/// The debrief story in Korean: every generated sentence from the catalogs' `story.` messages, with the scenario's
/// Korean names and Korean particles that fit them; the same story (points, moments, questions) as in English.
@Suite struct KoreanStoryTests {
    static func hangul(_ s: String) -> Bool { s.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }

    /// Every sentence the story writes, in order.
    static func sentences(_ story: Story) -> [String] {
        story.turns.map(\.text) + story.turningPoints.flatMap { [$0.title, $0.text] }
            + story.teams.flatMap { t in t.turns.flatMap { $0.planned + $0.deals + $0.happened } + t.objectives.map(\.why) }
            + story.questions.filter { $0.source == "match" }.map(\.text)
    }

    @Test func particlesFollowTheWordBeforeThem() {
        #expect(Josa.resolvingParticles("미국이(가) 한국의 “제재 면제”을(를) 막았습니다") == "미국이 한국의 “제재 면제”를 막았습니다")
        #expect(Josa.resolvingParticles("결속이(가) 65에서 52(으)로, 긴장은(는) 3에서 1(으)로, 신뢰와(과) 10(으)로") == "결속이 65에서 52로, 긴장은 3에서 1로, 신뢰와 10으로")
        #expect(Josa.resolvingParticles("한국은(는) 협상을(를) 거쳐 서울(으)로") == "한국은 협상을 거쳐 서울로")
        // Capitals are read letter by letter, as Korean reads them (UN: 유엔), so they take a particle; an English word in
        // small letters can't be told and keeps both forms (every case: Tests/Fixtures/locale/particle-cases.json).
        #expect(Josa.resolvingParticles("UN은(는)") == "UN은")
        #expect(Josa.resolvingParticles("Jordan은(는)") == "Jordan은(는)", "an English word keeps both forms")
    }

    @Test func theKoreanizationStoryIsToldInKorean() throws {
        let replay = try StoryMatches.koreanization()
        let en = Story(replay: replay)
        let ko = Story(replay: replay, language: .ko)
        // The same story: only its words differ.
        #expect(ko.turns.map(\.seq) == en.turns.map(\.seq))
        #expect(ko.turningPoints.map(\.kind) == en.turningPoints.map(\.kind) && ko.turningPoints.map(\.seq) == en.turningPoints.map(\.seq))
        #expect(ko.questions.map(\.seq) == en.questions.map(\.seq) && ko.questions.count == en.questions.count)
        #expect(ko.teams.map(\.team) == en.teams.map(\.team) && ko.decidedTurn == en.decidedTurn)
        for s in Self.sentences(ko) {
            #expect(Self.hangul(s), "not Korean: \(s)")
            for marker in Josa.pairs.map(\.marker) {
                #expect(!s.contains(marker) || s.components(separatedBy: marker).dropLast().allSatisfy { Josa.final(of: Substring($0)) == nil },
                        "particle left unresolved: \(s)")
            }
        }
        // The blocked exemption, asked as a Korean teacher asks it.
        let names = ViewLocalizer(replay.engine, language: .ko).engine.ruleset
        let exemption = try #require(names.actions.first { $0.id == "request_exemption" }?.name)
        let alliance = try #require(names.tracks.first { $0.id == "alliance" }?.name)
        let blocked = try #require(ko.turningPoints.first { $0.kind == "blocked" })
        #expect(blocked.title.hasPrefix("1턴: ") && blocked.title.contains(exemption))
        let q = try #require(ko.questions.first { $0.seq == blocked.seq })
        #expect(q.text.contains("1턴에") && q.text.contains(exemption) && q.text.contains(alliance), "\(q.text)")
        #expect(q.text.hasSuffix("그럴 만한 가치가 있었을까요?"), "\(q.text)")
        #expect(!q.text.contains("(으)로") && !q.text.contains("을(를)") && !q.text.contains("이(가)"))
        #expect(ko.questions.contains { $0.text.contains("합의 #1") && $0.text.contains("같은 합의를 하겠습니까?") })
        let usa = try #require(ko.teams.first { $0.team == "usa" })
        #expect(usa.turns[0].planned == ["“\(exemption)” 거부"])
    }

    @Test func theTutorialsNearMissIsToldInKorean() throws {
        let replay = try StoryMatches.tutorial()
        let en = Story(replay: replay)
        let ko = Story(replay: replay, language: .ko)
        #expect(ko.turningPoints.map(\.kind) == en.turningPoints.map(\.kind))
        let miss = try #require(ko.turningPoints.first { $0.kind == "near_miss" })
        #expect(miss.title.contains("가까스로 피했습니다") && miss.text.contains("밖에 남지 않았습니다"), "\(miss.title) \(miss.text)")
        for s in Self.sentences(ko) { #expect(Self.hangul(s), "not Korean: \(s)") }
    }
}
