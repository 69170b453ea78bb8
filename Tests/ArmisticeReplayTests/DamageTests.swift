import ArmisticeEngine
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

/// A log damaged at several places: each problem is named with its line, and the rest is still replayed.
@Suite struct DamageTests {
    let lines: [String]
    init() throws { lines = try Fixtures.simulatedLog("koreanization", seed: 5, drafts: 1, chat: 1).lines }

    func replay(_ lines: [String], end: String = "\n") throws -> Replay {
        Replay(log: try MatchLog(bytes: Array((lines.joined(separator: "\n") + end).utf8)))
    }

    /// 1-based line numbers of lines matching a test.
    func lineNumbers(_ test: (String) -> Bool) -> [Int] { lines.indices.filter { test(lines[$0]) }.map { $0 + 1 } }

    @Test func theIntactLogVerifies() throws {
        let r = try replay(lines)
        #expect(r.isVerified)
        #expect(r.issues.isEmpty)
    }

    @Test func aCutLastLineIsReportedAndTheRestReplayed() throws {
        var cut = lines
        let last = cut.removeLast()
        let text = cut.joined(separator: "\n") + "\n" + last.prefix(last.count / 2)
        let r = Replay(log: try MatchLog(bytes: Array(text.utf8)))
        let issue = try #require(r.issues.first)
        #expect(issue.code == .tornTail)
        #expect(issue.line == lines.count)
        #expect(issue.description.contains("line \(lines.count)") && issue.description.contains("cut off"))
        #expect(r.isVerified)   // every whole line before it still replays and matches
        #expect(r.hashesMatched == r.hashesChecked && r.hashesChecked > 0)
        // A whole last record without its line end is used, with a note.
        let unterminated = try replay(lines, end: "")
        #expect(unterminated.issues.map(\.code) == [.missingNewline])
        #expect(unterminated.isVerified)
    }

    /// A line with bytes that are not UTF-8 is damaged, whatever it reads as (outside tester qa6, D3: a chat line
    /// with invalid bytes swapped in for another record was read, and the log called verified).
    @Test func aLineThatIsNotUTF8IsDamaged() throws {
        let chatLine = try #require(lineNumbers { $0.contains(#""kind":"chat""#) }.first)
        var bytes: [UInt8] = []
        for (i, line) in lines.enumerated() {
            var b = Array(line.utf8)
            // `"x":"\u{C3}(",` after the brace: 0xC3 starts a two-byte character that "(" does not continue.
            if i + 1 == chatLine { b.insert(contentsOf: [0x22, 0x78, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x2C], at: 1) }
            bytes += b + [0x0A]
        }
        let r = Replay(log: try MatchLog(bytes: bytes))
        let issue = try #require(r.issues.first)
        #expect(issue.code == .damagedLine && issue.line == chatLine)
        #expect(issue.message.contains("not UTF-8 text (a byte that is not UTF-8 at character 7)"), "\(issue.message)")
        #expect(!r.isVerified)
        // Hangul and other UTF-8 are text like any other.
        #expect(RulesetLoader.firstInvalidUTF8(Array("{\"text\":\"안녕\"}".utf8)) == nil)
    }

    @Test func aLogCutInsideItsHeaderSaysSoAndAFolderIsNotALog() throws {
        let header = lines[0]
        #expect(throws: LogError.self) { try MatchLog(bytes: Array(header.prefix(40).utf8)) }
        do { _ = try MatchLog(bytes: Array(header.prefix(40).utf8)) } catch {
            #expect(error.code == .noHeader)
            #expect(error.message.contains("cut off inside its first line"), "\(error.message)")
        }
        do { _ = try MatchLog(path: NSTemporaryDirectory()) } catch {
            #expect(error.message.contains("is a folder"), "\(error.message)")
        }
    }

    @Test func anAlteredInputIsNamedAtTheFirstHashThatDiffers() throws {
        // A lock_orders changed to another team's: the engine refuses it, at that very line.
        let lockLine = try #require(lineNumbers { $0.contains(#""type":"lock_orders""#) && $0.contains(#""team":"rok""#) }.dropFirst(2).first)
        var altered = lines
        altered[lockLine - 1] = altered[lockLine - 1].replacingOccurrences(of: #""team":"rok""#, with: #""team":"rokk""#)
        let refused = try #require(try replay(altered).firstDivergence)
        #expect(refused.code == .inputRefused)
        #expect(refused.line == lockLine)
        #expect(refused.message.contains("unknown_team"))
        #expect(refused.turn == 3)

        // Orders emptied: accepted, but the state parts from the log's at the next adjudication.
        let ordersLine = try #require(lineNumbers { $0.contains(#""type":"set_orders""#) && $0.contains(#""action""#) }.dropFirst(4).first)
        altered = lines
        let original = altered[ordersLine - 1]
        let team = try #require(try MatchLog(bytes: Array((lines[0] + "\n" + original + "\n").utf8)).entries.first?.record.input)
        guard case .setOrders(let teamID, _) = team else { Issue.record("not set_orders"); return }
        var line = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        line["input"] = ["type": "set_orders", "team": teamID, "orders": ["orders": [], "consents": [:]]]
        altered[ordersLine - 1] = String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self)
        let r = try replay(altered)
        let d = try #require(r.firstDivergence)
        let nextHash = try #require(lineNumbers { $0.contains(#""kind":"hash""#) }.first { $0 > ordersLine })
        #expect(d.code == .hashMismatch)
        #expect(d.line == nextHash)
        #expect(d.expected == (try JSONSerialization.jsonObject(with: Data(lines[nextHash - 1].utf8)) as? [String: Any])?["hash"] as? String)
        #expect(d.actual != nil && d.actual != d.expected)
        #expect(d.message.contains(d.expected!) && d.message.contains(d.actual!))
        let lastGoodHash = lineNumbers { $0.contains(#""kind":"hash""#) }.last { $0 < ordersLine } ?? 1
        #expect(d.message.contains("lines \(lastGoodHash + 1)–\(nextHash - 1)"))
        #expect(d.description.hasPrefix("line \(nextHash) (turn "))
    }

    @Test func anAlteredHashIsNamedWithBothHashes() throws {
        let hashLine = try #require(lineNumbers { $0.contains(#""kind":"hash""#) }.dropFirst().first)
        var altered = lines
        let original = try #require((try JSONSerialization.jsonObject(with: Data(lines[hashLine - 1].utf8)) as? [String: Any])?["hash"] as? String)
        let forged = String(original.reversed())
        altered[hashLine - 1] = altered[hashLine - 1].replacingOccurrences(of: original, with: forged)
        let r = try replay(altered)
        let d = try #require(r.firstDivergence)
        #expect(d.code == .hashMismatch)
        #expect(d.line == hashLine)
        #expect(d.expected == forged)
        #expect(d.actual == original)
        #expect(r.issues.filter(\.failsVerification).count == 1)   // the states still agree: only that line is wrong
        #expect(r.hashesMatched == r.hashesChecked - 1)
    }

    @Test func aLogOfAnotherFormatVersionIsRefusedNamingTheVersion() throws {
        var altered = lines
        altered[0] = altered[0].replacingOccurrences(of: #""format":1"#, with: #""format":2"#)
        do {
            _ = try replay(altered)
            Issue.record("a format 2 log was read")
        } catch let error as LogError {
            #expect(error.code == .unsupportedFormat)
            #expect(error.message.contains("format version 2"))
            #expect(error.message.contains("format 1"))
        }
        altered[0] = altered[0].replacingOccurrences(of: #""format":2,"#, with: "")
        #expect(throws: LogError.self) { try replay(altered) }
    }

    @Test func aDamagedLineIsReportedWithItsNumberAndSkipped() throws {
        let chatLine = try #require(lineNumbers { $0.contains(#""kind":"chat""#) }.first)
        var altered = lines
        altered[chatLine - 1] = String(altered[chatLine - 1].prefix(20)) + "\u{00}garbage"
        let r = try replay(altered)
        let d = try #require(r.firstDivergence)
        #expect(d.code == .damagedLine)
        #expect(d.line == chatLine)
        #expect(r.hashesMatched == r.hashesChecked)   // a chat line changes no state
        // An input whose type this version does not know is damage too, named at its line.
        let inputLine = try #require(lineNumbers { $0.contains(#""type":"advance""#) }.last)
        altered = lines
        altered[inputLine - 1] = altered[inputLine - 1].replacingOccurrences(of: #""type":"advance""#, with: #""type":"advanced""#)
        let d2 = try #require(try replay(altered).firstDivergence)
        #expect(d2.code == .damagedLine && d2.line == inputLine)
        #expect(d2.message.contains("advanced"))
    }

    @Test func aRemovedHashLineAndReorderedRecordsAreNamed() throws {
        let hashLine = try #require(lineNumbers { $0.contains(#""kind":"hash""#) }.first)
        var altered = lines
        altered.remove(at: hashLine - 1)
        let d = try #require(try replay(altered).firstDivergence)
        #expect(d.code == .missingHash)
        #expect(d.line == hashLine)   // the line that now stands where the hash was

        altered = lines
        let a = try #require(lineNumbers { $0.contains(#""kind":"chat""#) }.first)
        altered.swapAt(a - 1, a - 2)
        let r = try replay(altered)
        #expect(r.issues.contains { $0.code == .seqOutOfOrder && $0.line == a })
    }

    @Test func alteredRulesAreNamedAtLineOne() throws {
        var altered = lines
        altered[0] = altered[0].replacingOccurrences(of: "Koreanization", with: "Koreanisation")
        let r = try replay(altered)
        let d = try #require(r.firstDivergence)
        #expect(d.code == .rulesetHashMismatch && d.line == 1)
        #expect(r.issues.contains { $0.code == .hashMismatch })   // the state hash includes the rules' hash
    }
}
