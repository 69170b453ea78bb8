import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import ArmisticeReplay
import Foundation
import Testing

/// The HTML report's line "does not verify" and its list of the log's problems are in the report's language (they
/// stayed English in a Korean report), and word for word as before in English.
@Suite struct ReportIssueLanguageTests {
    @Test func aKoreanReportSaysTheLogsProblemsInKorean() throws {
        var lines = try Fixtures.simulatedLog("koreanization", seed: 5, drafts: 1, chat: 1).lines
        let hashLine = try #require(lines.indices.filter { lines[$0].contains(#""kind":"hash""#) }.dropFirst().first)
        let original = try #require((try JSONSerialization.jsonObject(with: Data(lines[hashLine].utf8)) as? [String: Any])?["hash"] as? String)
        lines[hashLine] = lines[hashLine].replacingOccurrences(of: original, with: String(original.reversed()))
        let replay = Replay(log: try MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)))
        let issue = try #require(replay.firstDivergence)
        let korean = AfterActionReport(replay: replay, language: .ko).html()
        let koreanIssue = HTML.escape(issue.description(in: replay.issueWords(.ko)))
        #expect(korean.contains(koreanIssue), "the Korean report names the problem in Korean")
        #expect(!korean.contains("the state hash differs"))
        let english = AfterActionReport(replay: replay, language: .en).html()
        #expect(english.contains(HTML.escape(issue.description)))
    }
}

/// A log cut before its first state hash (the middle of turn 1) contradicts nothing but proves nothing: the replay's
/// summary and the report say so, not "verified … all 0 hashes match" in green (outside tester, REPORT qa4 #2).
@Suite struct UncheckedLogTests {
    @Test func aLogWithNoStateHashYetIsNotCalledVerified() throws {
        let lines = try Fixtures.simulatedLog("koreanization", seed: 5, drafts: 1, chat: 1).lines
        // Cut just after the first drafted orders, in turn 1's negotiation: no adjudication yet, so no hash is owed.
        let firstDraft = try #require(lines.firstIndex { $0.contains(#""kind":"input""#) && $0.contains(#""orders":{"#) })
        let cut = lines[...firstDraft].joined(separator: "\n") + "\n"
        let replay = Replay(log: try MatchLog(bytes: Array(cut.utf8)))
        #expect(replay.isVerified && replay.hashesChecked == 0)
        let english = replay.verificationSummary(language: .en)
        #expect(english.contains("NO STATE HASH YET") && !english.contains("VERIFIED:"), "\(english)")
        let korean = replay.verificationSummary(language: .ko)
        #expect(korean.contains("상태 해시 없음") && !korean.contains("검증됨"), "\(korean)")
        let html = AfterActionReport(replay: replay, language: .ko).html()
        #expect(html.contains("class=\"verify unchecked\"") && html.contains("확인 불가"))
        #expect(!html.contains("class=\"verify ok\""))
    }
}
