import ArmisticeEngine
import ArmisticeErrors

/// Something wrong with one line of a match log, found while reading or replaying it. The rest of the log is still
/// replayed; `failsVerification` says whether the log can no longer be trusted to reproduce the match. Its `message` is
/// English; `detail` says the same as a catalog key (`log.issue.*`) so that it can be said in another language
/// (`description(in:)`).
public struct LogIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable code a tool can act on.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The last line has no end of line and is not a whole record: a crash cut it off. It is left out.
        case tornTail = "torn_tail"
        /// The last line is a whole record but has no end of line. It is used.
        case missingNewline = "missing_newline"
        /// A line is not JSON, or not a log record (no kind or seq, a field of the wrong type, an input that does not decode).
        case damagedLine = "damaged_line"
        /// A record of a kind this version does not know. It is skipped.
        case unknownKind = "unknown_kind"
        /// A second `match` header after the first line.
        case extraHeader = "extra_header"
        /// `seq` went backwards, or a hash line does not repeat the seq of the input before it.
        case seqOutOfOrder = "seq_out_of_order"
        /// `seq` skips a number: a record was removed (the server numbers every record but the hash lines one by one).
        case seqGap = "seq_gap"
        /// The header's `ruleset_hash` is not the SHA-256 of its `ruleset_text`.
        case rulesetHashMismatch = "ruleset_hash_mismatch"
        /// The engine refused a logged input on replay: the log and the engine disagree.
        case inputRefused = "input_refused"
        /// A logged state hash differs from the replay's.
        case hashMismatch = "hash_mismatch"
        /// An adjudication, or the end of the match, left no hash line in the log.
        case missingHash = "missing_hash"
    }

    public var code: Code
    /// 1-based line number in the log file.
    public var line: Int
    /// The turn the replay had reached at that line, when it had started.
    public var turn: Int?
    public var message: String
    /// For a hash mismatch: the logged hash and the replay's.
    public var expected: String?
    public var actual: String?
    /// What `message` says as a catalog key and its arguments; nil for an issue made from a bare message. Not encoded:
    /// an issue's JSON is the English message, as it always was.
    public var detail: ErrorDetail? = nil

    private enum CodingKeys: String, CodingKey {
        case code, line, turn, message, expected, actual
    }

    public init(_ code: Code, line: Int, turn: Int? = nil, _ message: String, expected: String? = nil, actual: String? = nil) {
        self.code = code
        self.line = line
        self.turn = turn
        self.message = message
        self.expected = expected
        self.actual = actual
    }

    /// An issue said from the catalog: its message is `key` in English with `arguments` filled in (names from
    /// `ruleset`, the English one), and it keeps the key and arguments to be said in another language.
    public init(_ code: Code, line: Int, turn: Int? = nil, key: String, _ arguments: [String: ErrorArgument] = [:], names ruleset: Ruleset? = nil,
                expected: String? = nil, actual: String? = nil) {
        let detail = ErrorDetail(key, arguments)
        self.init(code, line: line, turn: turn, ErrorText(language: .en, ruleset: ruleset).message(detail), expected: expected, actual: actual)
        self.detail = detail
    }

    /// Whether it is a hash line's `lines_hash` that differs (`LinesHash`): it says that a line before was changed,
    /// not which; an issue on the changed line itself, or a state hash on the same line, says more.
    public var isLinesHash: Bool { detail?.key == "log.issue.lines_differ" }

    /// Whether the replay no longer proves the match: the log was damaged or altered, or the engine disagrees with it.
    public var failsVerification: Bool {
        switch self.code {
        case .missingNewline, .unknownKind, .tornTail: false
        default: true
        }
    }

    public var description: String {
        "line \(line)" + (turn.map { $0 > 0 ? " (turn \($0))" : "" } ?? "") + ": " + message
    }

    /// The message in the language of `words` (`ErrorText` with the scenario as that language reads it, for the names
    /// of a refused input); the English message for an issue made without a detail.
    public func message(in words: ErrorText) -> String {
        detail.map(words.message) ?? message
    }

    /// `description` in the language of `words`: `line 12 (turn 3): …`, `12행 (3턴): …`. In English it is `description`
    /// word for word.
    public func description(in words: ErrorText) -> String {
        let at: ErrorDetail
        if let turn, turn > 0 {
            at = ErrorDetail("log.issue.at_turn", ["line": .text(String(line)), "turn": .text(String(turn)), "message": .text(message(in: words))])
        } else {
            at = ErrorDetail("log.issue.at", ["line": .text(String(line)), "message": .text(message(in: words))])
        }
        return words.message(at)
    }
}
