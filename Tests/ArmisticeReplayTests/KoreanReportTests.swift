import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A match recorded in a room whose language is Korean: the report and the timeline in Korean by default (the log
/// header's settings), English on request, and the replay the same in both (language is presentation only).
@Suite struct KoreanReportTests {
    static func koreanMatch() throws -> (String, Replay) {
        let log = try ServerMatch().play(language: "ko")
        return (log, Replay(log: try MatchLog(bytes: Array(log.utf8))))
    }

    /// English words of the report's own interface that must not be left in the Korean page.
    static let englishLabels = ["After-action report", "Outcome", "Team</th>", "Players", "Score", "Tracks over the turns",
                                "Hidden tracks", "Objectives", "points)", "Chat", "Verification", "Verified:", "Timeline",
                                "The clock", "Upkeep", "Before the first turn", "<h3 class=\"turn\">Turn", "<strong>Turn", " orders ", "rolled", "Event:", "News:",
                                "Intelligence for", "locks its orders", "Deal ", "Questions for the debrief", "Turning points",
                                "What happened", "Planned", "December", "seen by", "Made by armistice report", "\"where\">line", "(scripted)", "%): event", "%): quiet"]

    /// The text (tags taken out) of the sections the story writes: the turns, turning points, plans and questions.
    static func storySections(of html: String) -> [String] {
        var out: [String] = []
        for (from, to) in [("<section id=\"story\">", "<section id=\"objectives\">"), ("<section id=\"questions\">", "</section>")] {
            guard let start = html.range(of: from), let end = html.range(of: to, range: start.upperBound..<html.endIndex) else { continue }
            out.append(String(html[start.lowerBound..<end.lowerBound]).replacing(/<[^>]*>/, with: " ")
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'"))
        }
        return out
    }

    /// The words in Latin letters in a text.
    static func latinWords(in text: String) -> Set<String> {
        Set(text.matches(of: /[A-Za-z][A-Za-z'’-]*/).map { String($0.output) })
    }

    /// The Latin-letter words a Korean story may keep besides acronyms and codes (all capitals, like UN or ICBM):
    /// those of the scenario's own Korean texts, and the notes players wrote on their deals.
    static func allowedLatinWords(_ replay: Replay) -> Set<String> {
        let ruleset = ViewLocalizer(replay.engine, language: .ko).engine.ruleset
        var texts = ruleset.teams.map(\.name) + ruleset.tracks.map(\.name) + ruleset.actions.map(\.name) + ruleset.flags.map(\.name)
        texts += ruleset.projects.map(\.name) + ruleset.outcomes.flatMap { [$0.name, $0.text] } + ruleset.events.map(\.name)
        texts += ruleset.objectives.map(\.text) + replay.finalState.deals.map(\.note)
        return texts.reduce(into: Set<String>()) { $0.formUnion(latinWords(in: $1)) }
    }

    @Test func theReportOfAKoreanRoomIsInKorean() throws {
        let (_, replay) = try Self.koreanMatch()
        #expect(replay.log.settings.language == "ko", "the server keeps the room's language in the log header")
        let report = AfterActionReport(replay: replay, chat: true, views: false, language: Language(parsing: replay.log.settings.language))
        #expect(report.language == "ko")
        #expect(report.teams.allSatisfy { $0.name.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }, "team names from the ruleset's Korean")
        #expect(report.match.title.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        // The observer's page: every label and sentence the report writes itself.
        for viewpoint in ["observer", "instructor"] {
            let html = report.html(viewpoint: viewpoint)
            #expect(html.contains("<html lang=\"ko\">"))
            #expect(html.contains("사후 검토 보고서") && html.contains("결말") && html.contains("검증됨"))
            #expect(html.contains("년") && html.contains("월"), "dates as Korean writes them")
            for label in Self.englishLabels {
                #expect(!html.contains(label), "\(viewpoint): English \"\(label)\" left in the Korean report")
            }
            // The story (instructor only) and the debrief questions, sentence by sentence: no English word in them
            // but the scenario's own (names, codes, acronyms) and what players wrote.
            let allowed = Self.allowedLatinWords(replay)
            for section in Self.storySections(of: html) {
                let english = Self.latinWords(in: section).filter { !allowed.contains($0) && !($0.count >= 2 && $0 == $0.uppercased()) }
                #expect(english.isEmpty, "\(viewpoint): English \(english.sorted()) in the Korean story: \(section.prefix(300))")
            }
            if viewpoint == "instructor" {
                #expect(html.contains("<section id=\"story\">") && html.contains("<section id=\"questions\">"))
                #expect(Self.storySections(of: html).joined().contains("까요?"), "questions asked as Korean asks them")
            }
            let dir = Fixtures.outputDirectory + "/report"
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try html.write(toFile: dir + "/korean-\(viewpoint).html", atomically: true, encoding: .utf8)
        }
        let english = AfterActionReport(replay: replay, chat: true, views: false).html(viewpoint: "observer")
        #expect(english.contains("<html lang=\"en\">") && english.contains("After-action report"))
    }

    @Test func theReplayVerifiesTheSameInBothLanguagesAndTheTimelineFollowsTheLanguage() throws {
        let (_, replay) = try Self.koreanMatch()
        #expect(replay.isVerified)
        let ko = AfterActionReport(replay: replay, chat: false, views: true, language: .ko)
        let en = AfterActionReport(replay: replay, chat: false, views: true, language: .en)
        #expect(ko.match.verified && en.match.verified)
        #expect(ko.match.finalHash == en.match.finalHash && ko.match.hashesMatched == en.match.hashesMatched)
        #expect(ko.steps.map(\.seq) == en.steps.map(\.seq))
        #expect(ko.tracks.map(\.values) == en.tracks.map(\.values))
        #expect(ko.steps.flatMap(\.records).map(\.kind) == en.steps.flatMap(\.records).map(\.kind))
        let timelineKo = replay.timeline(language: .ko), timelineEn = replay.timeline(language: .en)
        #expect(timelineKo.contains("턴") && timelineKo.contains("누가"))
        #expect(!timelineKo.contains(" orders ") && !timelineKo.contains("locks its orders"))
        #expect(timelineEn.contains("who: what"))
        #expect(timelineKo.split(separator: "\n").count == timelineEn.split(separator: "\n").count, "the same lines, in another language")
        // The compare view of two Korean reports of rooms of one class.
        let compare = try Comparison([.init(name: "A", report: ko), .init(name: "B", report: ko)]).html()
        #expect(compare.contains("<html lang=\"ko\">") && compare.contains("토론할 거리") && compare.contains("턴별 핵심 선택"))
        for label in ["Outcomes", "Turns played", "To discuss", "Key choices", "matches compared", "Made by"] {
            #expect(!compare.contains(label), "English \"\(label)\" in the Korean compare view")
        }
        // JSON: the language is named, the rest of the structure is the same.
        #expect(try ko.json().contains("\"language\":\"ko\"") && !(try en.json().contains("\"language\"")))
    }
}
