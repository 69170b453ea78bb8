import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A match played in Korean (every connection and the room's default) replays and verifies like any other, and
/// its log differs from the same match played in English only by the header's language setting.
@Suite struct LanguageReplayTests {
    static func normalized(_ text: String, code: String) -> [String] {
        text.split(separator: "\n").map {
            String($0).replacingOccurrences(of: code, with: "ROOM")
                .replacing(/"token_hash":"[0-9a-f]+"/, with: #""token_hash":"-""#)
                .replacingOccurrences(of: #""language":"ko","#, with: "")
                // The hash of the lines before a hash line: of the lines above, which differ as they do.
                .replacing(/"lines_hash":"[0-9a-f]+"/, with: #""lines_hash":"-""#)
        }
    }

    @Test func aMatchPlayedInKoreanVerifiesAndLogsWhatEnglishDoes() throws {
        let english = ServerMatch()
        let englishLog = try english.play(seed: 21, turns: 3)
        let korean = ServerMatch()
        korean.lang = "ko"
        let koreanLog = try korean.play(seed: 21, turns: 3)
        #expect(koreanLog.contains(#""language":"ko""#), "the header records the room's default language")
        let replay = Replay(log: try MatchLog(bytes: Array(koreanLog.utf8)))
        #expect(replay.hashesChecked > 0)
        #expect(replay.hashesMatched == replay.hashesChecked)
        #expect(replay.isVerified, "\(replay.issues)")
        let a = Self.normalized(englishLog, code: english.code), b = Self.normalized(koreanLog, code: korean.code)
        #expect(a.count == b.count)
        let difference = zip(a, b).first { $0 != $1 }.map { "\($0.0.prefix(200))\n\($0.1.prefix(200))" }
        #expect(difference == nil, "\(difference ?? "")")
        // The students did read Korean.
        let dprk = try #require(korean.students["dprk"])
        let titles = (korean.inbox[dprk] ?? []).compactMap { ($0["view"] as? [String: Any])?["title"] as? String }
        #expect(titles.contains { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } })
    }
}
