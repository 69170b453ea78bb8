import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A line removed or repeated anywhere is named, with a stable code: the server numbers every record it writes one
/// by one, so a gap cannot come from it. The verdict says what it covers, and its first line carries the code.
@Suite struct SeqAndVerdictTests {
    let lines: [String]
    init() throws { lines = try Fixtures.simulatedLog("koreanization", seed: 5, drafts: 1, chat: 1).lines }

    func replay(_ lines: [String]) throws -> Replay {
        Replay(log: try MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)))
    }

    func firstLine(_ test: (String) -> Bool) throws -> Int { try #require(lines.indices.first { test(lines[$0]) }) + 1 }

    @Test(arguments: [#""kind":"chat""#, #""kind":"join""#, #""type":"set_orders""#])
    func aRemovedRecordIsASeqGapAtTheLineAfterIt(_ marker: String) throws {
        let n = try firstLine { $0.contains(marker) }
        var altered = lines
        altered.remove(at: n - 1)
        let r = try replay(altered)
        let first = try #require(r.firstDivergence)
        #expect(first.code == .seqGap, "\(first)")
        #expect(first.line == n)   // the line that now stands where the removed one was
        #expect(first.message.contains("is missing") && first.message.contains("a line was removed"), "\(first.message)")
        #expect(!r.isVerified)
        let summary = r.verificationSummary
        #expect(summary.contains("NOT VERIFIED. First divergence: line \(n)") && summary.contains(" (code: seq_gap)"), "\(summary)")
    }

    @Test func aRepeatedRecordIsOutOfOrder() throws {
        let n = try firstLine { $0.contains(#""type":"set_orders""#) }
        var altered = lines
        altered.insert(lines[n - 1], at: n)
        let first = try #require(try replay(altered).firstDivergence)
        #expect(first.code == .seqOutOfOrder && first.line == n + 1, "\(first)")
        #expect(first.message.contains("repeated"))
    }

    @Test func aRemovedFinalHashLineIsMissing() throws {
        let n = try firstLine { $0.contains(#""reason":"final""#) }
        var altered = lines
        altered.remove(at: n - 1)
        let first = try #require(try replay(altered).firstDivergence)
        #expect(first.code == .missingHash, "\(first)")
        #expect(first.message.contains("no final hash line") || first.message.contains("without its final hash line"), "\(first.message)")
        // With chat after it, the chat line is where the hash line should have been.
        var chatAfter = altered
        chatAfter.append(#"{"by":"s2","channel":"all","kind":"chat","seq":\#(try #require(LogReader(bytes: Array((lines.last! + "\n").utf8)).entries.first?.record.seq) + 1),"t":1,"text":"gg"}"#)
        let later = try #require(try replay(chatAfter).firstDivergence)
        #expect(later.code == .missingHash && later.line == n && later.message.contains("no final hash line follows it"), "\(later)")
    }

    @Test func theVerdictSaysWhatItCovers() throws {
        let r = try replay(lines)
        #expect(r.isVerified)
        let last = try #require(LogReader(bytes: Array((lines.last! + "\n").utf8)).entries.first?.record.seq)
        #expect(r.lastSeq == last)
        let summary = r.verificationSummary
        #expect(summary.contains("no record missing or out of order from seq 1 to \(last)"), "\(summary)")
        // Its hash lines carry `lines_hash`: every line up to the last hash line is proved, chat and replaced drafts too.
        let lastHashLine = try #require(lines.lastIndex { $0.contains(#""kind":"hash""#) }) + 1
        #expect(summary.contains("every line up to line \(lastHashLine), the last hash line, is as the server wrote it"), "\(summary)")
        #expect(summary.contains("Lines after line \(lastHashLine) are proved by no hash"), "\(summary)")
        let korean = r.verificationSummary(language: .ko)
        #expect(korean.contains("기록 1번부터 \(last)번까지") && korean.contains("\(lastHashLine)행까지의 모든 줄"), "\(korean)")
        // A log written before `lines_hash` says what its state hashes leave out.
        let old = try replay(lines.map { $0.replacing(/,"lines_hash":"[0-9a-f]{64}"/, with: "") })
        #expect(old.isVerified)
        #expect(old.verificationSummary.contains("Chat texts, names and times are not in the state hashes"), "\(old.verificationSummary)")
    }

    @Test func damagedLinesAreExplainedInJSONTerms() throws {
        let header = lines[0]
        let explained = { (line: String) throws -> String in
            let reader = LogReader(bytes: Array((header + "\n" + line + "\n").utf8))
            return try #require(reader.issues.first { $0.line == 2 }).message
        }
        let array = try explained("[1,2,3]")
        #expect(array.contains("a JSON array where a record is an object") && !array.contains("Dictionary"), "\(array)")
        let number = try explained("42")
        #expect(number.contains("where a record is an object") && !number.contains("Dictionary"), "\(number)")
        let huge = try explained(#"{"by":"s1","kind":"chat","seq":12345678901234567890123,"t":1,"text":"x"}"#)
        #expect(huge.contains("seq is not a whole number in range") && !huge.contains("not valid JSON"), "\(huge)")
        let wrongType = try explained(#"{"by":"s1","kind":"chat","seq":"three","t":1}"#)
        #expect(!wrongType.contains("Int") && wrongType.contains("whole number"), "\(wrongType)")
        #expect(try explained("{not json").contains("not valid JSON"))
    }
}
