import ArmisticeEngine
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// Each hash line's `lines_hash` proves the lines before it byte for byte (docs/match-log.md): what the state hashes
/// leave out (chat, names, times, a draft the team replaced before it counted) is proved too.
@Suite struct LinesHashTests {
    static func hashLines(_ text: String) -> [Substring] { text.split(separator: "\n").filter { $0.contains(#""kind":"hash""#) } }

    /// The first line of `lines` that `test` picks, its index.
    static func index(_ lines: [String], _ test: (String) -> Bool) throws -> Int {
        let found = lines.firstIndex(where: test)
        return try #require(found)
    }

    /// A record's line with `change` made to it, written as the server writes lines.
    static func edited(_ line: String, _ change: (inout LogRecord) -> Void) throws -> String {
        var record = try JSONDecoder().decode(LogRecord.self, from: Data(line.utf8))
        change(&record)
        return try LogRecordEncoder().line(record)
    }

    @Test func everyHashLineOfAServerLogProvesTheLinesBeforeIt() throws {
        let text = try ServerMatch().play()
        let hashLines = Self.hashLines(text)
        #expect(hashLines.count > 2 && hashLines.allSatisfy { $0.contains(#""lines_hash":""#) })
        let reader = LogReader(bytes: Array(text.utf8))
        #expect(reader.linesHashesChecked == hashLines.count && reader.hashLinesWithoutLinesHash == 0)
        #expect(reader.linesDiffer == nil && reader.issues.isEmpty, "\(reader.issues)")
        let log = try MatchLog(bytes: Array(text.utf8))
        #expect(log.everyLineProved)
        #expect(Replay(log: log).isVerified)
    }

    @Test func aDraftReplacedBeforeItCountedIsProvedToo() throws {
        // Each team drafts twice a turn: the second draft replaces the first before the adjudication.
        var lines = try Fixtures.simulatedLog("tutorial", seed: 9, drafts: 2, chat: 1).lines
        let first = try Self.index(lines) { $0.contains(#""type":"set_orders""#) }
        #expect(lines[first + 1].contains(#""type":"set_orders""#), "the next line is the team's second draft")
        lines[first] = try Self.edited(lines[first]) {
            if case .setOrders(let team, _) = $0.input { $0.input = .setOrders(team: team, orders: TeamOrders()) }
        }
        let text = lines.joined(separator: "\n") + "\n"

        let replay = Replay(log: try MatchLog(bytes: Array(text.utf8)))
        #expect(!replay.isVerified)
        // Only the lines' hash finds it: the state hashes all match.
        #expect(replay.hashesMatched == replay.hashesChecked)
        let issue = try #require(replay.issues.first { $0.code == .hashMismatch })
        let nextHash = try Self.index(Array(lines[first...])) { $0.contains(#""kind":"hash""#) } + first
        #expect(issue.line == nextHash + 1)
        #expect(issue.message.contains("from line 1 to line \(nextHash)"), "\(issue.message)")
    }

    @Test func anEditedChatMessageIsFoundAndTheLinesToLookAtAreNamed() throws {
        let text = try ServerMatch().play()
        var lines = text.split(separator: "\n").map(String.init)
        // A chat message after the first adjudication, so a hash line before it still matches.
        let firstHash = try Self.index(lines) { $0.contains(#""kind":"hash""#) }
        let chat = try Self.index(Array(lines[firstHash...])) { $0.contains(#""kind":"chat""#) } + firstHash
        lines[chat] = try Self.edited(lines[chat]) { $0.text = "I never said that" }
        let reader = LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
        let issue = try #require(reader.linesDiffer)
        #expect(issue.code == .hashMismatch)
        // The lines to look at: after the last hash line that matched, up to the one that does not.
        let lastGood = try #require(lines[..<chat].lastIndex { $0.contains(#""kind":"hash""#) })
        #expect(issue.message.contains("from line \(lastGood + 2) to line \(issue.line - 1)"), "\(issue.message)")
        #expect(reader.linesProvedThrough == lastGood + 1)
        #expect(try !MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).everyLineProved)
    }

    @Test func aLogSavedWithWindowsLineEndsStillVerifies() throws {
        let text = try ServerMatch().play()
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let log = try MatchLog(bytes: Array(crlf.utf8))
        #expect(log.everyLineProved)
        #expect(Replay(log: log).isVerified)
    }

    @Test func aLogWrittenBeforeTheFieldStillVerifiesButDoesNotSayEveryLineIsProved() throws {
        let text = try ServerMatch().play()
        let old = try text.split(separator: "\n").map { line in
            line.contains(#""kind":"hash""#) ? try Self.edited(String(line)) { $0.linesHash = nil } : String(line)
        }.joined(separator: "\n") + "\n"
        #expect(!old.contains("lines_hash"))
        let log = try MatchLog(bytes: Array(old.utf8))
        #expect(!log.everyLineProved)
        #expect(Replay(log: log).isVerified)
    }
}
