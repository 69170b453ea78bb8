import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import ArmisticeReplay
import ArmisticeTestSupport
import Foundation
import Testing

/// A log that cannot be read, and the problems found in one that can, are said in the reader's language: in Korean
/// under `--lang ko`, in English word for word as they always were (tests, docs and scripts quote them), their codes
/// (`hash_mismatch`) unchanged.
@Suite struct LogProblemLanguageTests {
    let lines: [String]
    init() throws { lines = try Fixtures.simulatedLog("koreanization", seed: 5, drafts: 1, chat: 1).lines }

    static let korean = ErrorText(language: .ko)
    static let english = ErrorText(language: .en)

    func log(_ lines: [String]) throws -> MatchLog { try MatchLog(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)) }

    /// What `MatchLog` throws for these bytes or this path.
    func refusal(_ read: () throws -> MatchLog) throws -> LogError {
        do {
            _ = try read()
        } catch let error as LogError {
            return error
        }
        throw LogError(.empty, "the log was read")
    }

    func lineNumbers(_ test: (String) -> Bool) -> [Int] { lines.indices.filter { test(lines[$0]) }.map { $0 + 1 } }

    /// A log whose second hash line is forged: its line, the forged and the true hash, and the first hash line's number.
    func forgedHash() throws -> (lines: [String], line: Int, forged: String, original: String, lastGood: Int) {
        let hashLines = lineNumbers { $0.contains(#""kind":"hash""#) }
        let hashLine = try #require(hashLines.dropFirst().first)
        let original = try #require((try JSONSerialization.jsonObject(with: Data(lines[hashLine - 1].utf8)) as? [String: Any])?["hash"] as? String)
        let forged = String(original.reversed())
        var altered = lines
        altered[hashLine - 1] = altered[hashLine - 1].replacingOccurrences(of: original, with: forged)
        return (altered, hashLine, forged, original, hashLines[0])
    }

    @Test func aMissingFileIsExplainedInKoreanAndAsBeforeInEnglish() throws {
        let path = NSTemporaryDirectory() + "no-such-log-\(UUID().uuidString).jsonl"
        let error = try refusal { try MatchLog(path: path) }
        #expect(error.code == .unreadable)
        #expect(error.message == "cannot read \(path): no such file, or not readable")
        #expect(error.message(in: Self.english) == error.message)
        #expect(error.message(in: Self.korean) == "\(path) 파일을 읽을 수 없습니다. 파일이 없거나 읽을 권한이 없습니다")
    }

    @Test func anEmptyLogIsExplainedInKoreanAndAsBeforeInEnglish() throws {
        let error = try refusal { try MatchLog(bytes: []) }
        #expect(error.code == .empty)
        #expect(error.message == "the log is empty")
        #expect(error.message(in: Self.english) == "the log is empty")
        #expect(error.message(in: Self.korean) == "로그가 비어 있습니다")
    }

    @Test func aHeaderCutOffIsExplainedInKoreanAndAsBeforeInEnglish() throws {
        let error = try refusal { try MatchLog(bytes: Array(lines[0].prefix(40).utf8)) }
        #expect(error.code == .noHeader)
        #expect(error.message == "the log is cut off inside its first line, the match header (40 bytes, no end of line): "
                + "nothing of the match was saved in it; if this is a copy, copy the whole file again")
        #expect(error.message(in: Self.english) == error.message)
        #expect(error.message(in: Self.korean) == "로그가 첫 줄인 경기 머리글 중간에서 끊겼습니다(40바이트, 줄 끝 없음). "
                + "경기 내용이 하나도 저장되지 않았습니다. 복사한 파일이라면 파일 전체를 다시 복사하세요")
    }

    @Test func aFirstLineThatIsNotJSONSaysWhyInEitherLanguage() throws {
        let error = try refusal { try MatchLog(bytes: Array("hello\n".utf8)) }
        #expect(error.message == "line 1 is not a match header: not valid JSON")
        #expect(error.message(in: Self.korean) == "1행이 경기 머리글이 아닙니다: 올바른 JSON이 아님")
        var altered = lines
        altered[0] = altered[0].replacingOccurrences(of: #""format":1"#, with: #""format":2"#)
        let format = try refusal { try log(altered) }
        #expect(format.message == "this log is format version 2; this armistice reads log format 1 only (docs/match-log.md). "
                + "Replay it with the armistice release that wrote it.")
        #expect(format.message(in: Self.korean) == "이 로그는 형식 버전 2입니다. 이 armistice는 로그 형식 1만 읽습니다(docs/match-log.md). "
                + "이 로그를 기록한 armistice 릴리스로 재생하세요.")
    }

    @Test func aHashMismatchIsExplainedInKoreanAndAsBeforeInEnglish() throws {
        let (altered, line, forged, original, lastGood) = try forgedHash()
        let replay = Replay(log: try log(altered))
        let d = try #require(replay.firstDivergence)
        #expect(d.code == .hashMismatch)
        let turn = try #require(d.turn)
        let seq = try #require(replay.log.entries.first { $0.line == line }?.record.seq)
        let english = "line \(line) (turn \(turn)): the state hash differs after seq \(seq) (turn \(turn)): the log has \(forged), "
            + "the replay gives \(original); the inputs on lines \(lastGood + 1)–\(line - 1), after the last hash that matched, are where they part"
            + "; or the hash on this line was itself edited"
        #expect(d.description == english)
        #expect(d.description(in: replay.issueWords(.en)) == english)
        let korean = "\(line)행 (\(turn)턴): 상태 해시가 로그와 다릅니다(기록 \(seq)번 이후, \(turn)턴). 로그에는 \(forged), 재생 결과는 \(original)입니다. "
            + "마지막으로 일치한 해시 뒤의 \(lastGood + 1)–\(line - 1)행 입력에서 갈라집니다. 기록된 해시 자체가 고쳐졌을 수도 있습니다"
        #expect(d.description(in: replay.issueWords(.ko)) == korean)
        // The summary names it in its language, the code kept for tools after the sentence (qa4 #9), not inside it.
        let summary = replay.verificationSummary(language: .ko)
        #expect(summary.contains("검증 실패. 처음 어긋난 곳: \(korean) (코드: hash_mismatch)"), "\(summary)")
        #expect(!summary.contains("[hash_mismatch]"), "\(summary)")
        #expect(!summary.contains("the state hash differs"), "\(summary)")
        #expect(replay.verificationSummary.contains("NOT VERIFIED. First divergence: \(english) (code: hash_mismatch)"))
    }

    @Test func theKoreanParticlesFitTheNumbersBeforeThem() throws {
        // A set_orders removed: seq jumps over it (5 → 로, 6 → 으로 would follow 3, 6, 0; 기록 N번 always takes 이).
        let n = try #require(lineNumbers { $0.contains(#""type":"set_orders""#) }.first)
        var altered = lines
        altered.remove(at: n - 1)
        let replay = Replay(log: try log(altered))
        let gap = try #require(replay.firstDivergence)
        #expect(gap.code == .seqGap)
        let korean = gap.message(in: replay.issueWords(.ko))
        #expect(!korean.contains("이(가)") && !korean.contains("(으)로"), "\(korean)")
        let seq = try #require(replay.log.entries.first { $0.line == n }?.record.seq)
        let missing = seq - 1
        let ro = [0, 3, 6].contains(seq % 10) ? "으로" : "로"
        #expect(korean == "기록 번호가 \(seq - 2)에서 \(seq)\(ro) 건너뜁니다: 기록 \(missing)번이 빠졌습니다. 서버는 모든 줄에 번호를 매기므로 줄 하나가 지워진 것입니다")
        #expect(gap.message == "seq jumps from \(seq - 2) to \(seq): seq \(missing) is missing; the server numbers every line, so a line was removed")
    }

    @Test func aRefusedInputIsSaidWithTheEnginesOwnKoreanRefusal() throws {
        let lockLine = try #require(lineNumbers { $0.contains(#""type":"lock_orders""#) && $0.contains(#""team":"rok""#) }.dropFirst(2).first)
        var altered = lines
        altered[lockLine - 1] = altered[lockLine - 1].replacingOccurrences(of: #""team":"rok""#, with: #""team":"rokk""#)
        let replay = Replay(log: try log(altered))
        let refused = try #require(replay.firstDivergence)
        #expect(refused.code == .inputRefused)
        #expect(refused.message.hasPrefix("the engine refuses input lock_orders by "))
        #expect(refused.message.contains("on replay: ") && refused.message.hasSuffix(" (code: unknown_team)"), "\(refused.message)")
        let korean = refused.message(in: replay.issueWords(.ko))
        #expect(korean.hasPrefix("재생할 때 엔진이 이 입력을 거부합니다("), "\(korean)")
        #expect(korean.hasSuffix(" (코드: unknown_team)") && !korean.contains("unknown_team: ") && !korean.contains("on replay"), "\(korean)")
        #expect(refused.description(in: replay.issueWords(.en)) == refused.description)
        // The timeline marks the step the same way.
        let error = try #require(replay.steps.first { $0.line == lockLine }?.refused)
        #expect(replay.timeline(language: .en).contains("REFUSED ON REPLAY: \(error.message) (code: unknown_team)"))
        let timeline = replay.timeline(language: .ko)
        #expect(timeline.contains("재생 중 거부됨: ") && timeline.contains(" (코드: unknown_team)") && !timeline.contains(error.message), "\(timeline)")
    }

    @Test func aDamagedLineAndATornTailAreSaidInKorean() throws {
        let chatLine = try #require(lineNumbers { $0.contains(#""kind":"chat""#) }.first)
        var altered = lines
        altered[chatLine - 1] = String(altered[chatLine - 1].prefix(20)) + "\u{00}garbage"
        let damaged = try #require(Replay(log: try log(altered)).firstDivergence)
        #expect(damaged.code == .damagedLine)
        #expect(damaged.message == "not a log record (not valid JSON); the line is skipped")
        #expect(damaged.description(in: Self.korean).hasSuffix("로그 기록이 아닙니다(올바른 JSON이 아님). 이 줄은 건너뜁니다"))
        // A server restoring the room from it says why in English, as its operators read it.
        let restore = LogReader(bytes: Array((altered.joined(separator: "\n") + "\n").utf8))
        do {
            _ = try restore.restorable()
            Issue.record("a log with a damaged line was restorable")
        } catch {
            #expect(error.message == "line \(chatLine) is not a log record (not valid JSON)")
            #expect(error.message(in: Self.korean) == "\(chatLine)행이 로그 기록이 아닙니다(올바른 JSON이 아님)")
        }
        let cut = lines.dropLast().joined(separator: "\n") + "\n" + lines.last!.prefix(30)
        let torn = Replay(log: try MatchLog(bytes: Array(cut.utf8)))
        let tail = try #require(torn.issues.first { $0.code == .tornTail })
        #expect(tail.message == "the last line (30 bytes) is cut off, with no end of line: the server stopped while writing it, or the file was cut; it is left out and every line before it is replayed")
        #expect(torn.verificationSummary(language: .ko).contains("참고: \(lines.count)행"))
        #expect(torn.verificationSummary(language: .ko).contains("마지막 줄(30바이트)이 줄 끝 없이 끊겼습니다."))
    }

    @Test func everyIssueSaysInEnglishExactlyItsMessage() throws {
        // Many kinds of damage in one log: every issue's English from the catalog is its message, as it was written.
        var altered = lines
        let hashLine = try #require(lineNumbers { $0.contains(#""kind":"hash""#) }.first)
        altered.remove(at: hashLine - 1)
        altered.append(#"{"kind":"mystery","seq":100000}"#)
        altered.append(lines[0])
        let replay = Replay(log: try log(altered))
        #expect(replay.issues.count >= 3)
        for issue in replay.issues {
            #expect(issue.detail != nil, "\(issue)")
            #expect(issue.description(in: replay.issueWords(.en)) == issue.description)
            let korean = issue.description(in: replay.issueWords(.ko))
            #expect(korean != issue.description && korean.hasPrefix("\(issue.line)행"), "\(korean)")
        }
    }

    @Test func anIssuesJSONIsUnchanged() throws {
        let (altered, _, _, _, _) = try forgedHash()
        let issue = try #require(Replay(log: try log(altered)).firstDivergence)
        let object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(issue)) as? [String: Any])
        #expect(Set(object.keys) == ["code", "line", "turn", "message", "expected", "actual"])
        let back = try JSONDecoder().decode(LogIssue.self, from: try JSONEncoder().encode(issue))
        #expect(back.message == issue.message && back.code == issue.code && back.detail == nil)
    }

    /// The log's sentences are asked for by key in the sources (`key: "log.issue.seq_gap"`, `ErrorDetail("log.why.at"`),
    /// which CatalogTests do not look for: each must be in both catalogs, with the same placeholders.
    @Test func everyLogKeyInTheSourcesIsInBothCatalogs() throws {
        var sources = ""
        for folder in ["Sources/ArmisticeLog", "Sources/ArmisticeReplay/Replay", "Sources/armistice/Commands"] {
            let base = URL(fileURLWithPath: Fixtures.repoRoot).appendingPathComponent(folder)
            for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
                sources += try String(contentsOf: url, encoding: .utf8)
            }
        }
        let keys = Set(sources.matches(of: #/"(log\.[a-z_]+\.[a-z_]+|report\.summary\.[a-z_]+)"/#).map { String($0.output.1) })
        #expect(keys.count > 40)
        for key in keys {
            for language in Language.allCases { #expect(Catalog(language: language).has(key), "\(language.rawValue).json lacks \(key)") }
        }
    }

    // MARK: the commands

    static var binary: String { Fixtures.repoRoot + "/.build/debug/armistice" }
    static var built: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    func file(_ lines: [String]) throws -> String {
        let path = NSTemporaryDirectory() + "log-language-\(UUID().uuidString).jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(.enabled(if: built)) func theCommandsSayAnUnreadableLogInTheLangLanguage() async throws {
        let path = NSTemporaryDirectory() + "no-such-log-\(UUID().uuidString).jsonl"
        for command in ["replay", "report"] {
            let korean = try await ChildProcess.run(Self.binary, [command, path, "--lang", "ko"])
            #expect(korean.status == 1)
            // The file is named once (qa4 #10).
            #expect(korean.err == "\(path) 파일을 읽을 수 없습니다. 파일이 없거나 읽을 권한이 없습니다\n", "\(korean.err)")
            let english = try await ChildProcess.run(Self.binary, [command, path])
            #expect(english.status == 1)
            #expect(english.err == "cannot read \(path): no such file, or not readable\n", "\(english.err)")
        }
        let empty = NSTemporaryDirectory() + "empty-log-\(UUID().uuidString).jsonl"
        try Data().write(to: URL(fileURLWithPath: empty))
        let run = try await ChildProcess.run(Self.binary, ["replay", empty, "--lang", "ko"])
        #expect(run.status == 1 && run.err.contains("로그가 비어 있습니다"), "\(run.err)")
    }

    @Test(.enabled(if: built)) func theCommandsSayAHashMismatchInTheLangLanguage() async throws {
        let (altered, line, _, _, _) = try forgedHash()
        let path = try file(altered)
        let replay = try await ChildProcess.run(Self.binary, ["replay", path, "--quiet", "--all-issues", "--lang", "ko"])
        #expect(replay.status == 2)
        #expect(replay.out.contains("검증 실패. 처음 어긋난 곳: \(line)행 ("), "\(replay.out)")
        #expect(replay.out.contains("고쳐졌을 수도 있습니다 (코드: hash_mismatch)\n  \(line)행 ("), "\(replay.out)")
        #expect(replay.out.hasSuffix("고쳐졌을 수도 있습니다 (코드: hash_mismatch)\n"), "\(replay.out)")
        #expect(!replay.out.contains("state hash differs"), "\(replay.out)")
        let report = try await ChildProcess.run(Self.binary, ["report", path, "--format", "csv", "--lang", "ko", "--no-case"])
        #expect(report.status == 0)
        #expect(report.err.contains("경고: \(path) 로그가 검증되지 않습니다: \(line)행 ("), "\(report.err)")
        #expect(report.err.contains("상태 해시가 로그와 다릅니다"), "\(report.err)")
        let english = try await ChildProcess.run(Self.binary, ["report", path, "--format", "csv", "--no-case"])
        #expect(english.err.contains("warning: \(path) does not verify: line \(line) (turn "), "\(english.err)")
        #expect(english.err.contains("the state hash differs after seq"), "\(english.err)")
    }
}
