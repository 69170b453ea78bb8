import ArmisticeEngine
import ArmisticeErrors

/// Reads back what `HashLinePolicy` wrote while a log is replayed: each hash line must repeat the seq of the input
/// before it and hold the replay's hash at that point (and its turn), and every adjudication, and the input that
/// ended the match, must be followed by its hash line. Fed the records in file order; returns the issues it finds.
public struct HashLineCheck: Sendable {
    /// Hash lines compared, and how many of them matched.
    public private(set) var checked = 0
    public private(set) var matched = 0
    private var lastInput: (line: Int, seq: Int)?
    /// A hash line the log owes after an input: an adjudication's, or the `final` one.
    private struct Owed: Sendable {
        var line: Int
        var seq: Int
        var t: Int64
        var turn: Int
        var hash: String
        var final: Bool

        /// Its input's line and seq and the turn it adjudicated, for an issue's sentence.
        var arguments: [String: ErrorArgument] {
            ["line": .text(String(line)), "seq": .text(String(seq)), "turn": .text(String(turn))]
        }
    }
    /// The hash lines the last input owes that the log has not yet given, in the order `HashLinePolicy` writes them.
    private var owed: [Owed] = []
    private var lastMatchedLine = 1

    public init() {}

    /// An input on `line` was applied and the engine recorded `records`. `finalHash` is the state hash after it when
    /// it ended the match (a `final` hash line is then owed too).
    public mutating func applied(line: Int, seq: Int, t: Int64 = 0, records: [Record], finalHash: (turn: Int, hash: String)? = nil) {
        lastInput = (line, seq)
        owed = []
        for h in records where h.kind == .hash { owed.append(Owed(line: line, seq: seq, t: t, turn: h.turn, hash: h.hash ?? "", final: false)) }
        if let finalHash { owed.append(Owed(line: line, seq: seq, t: t, turn: finalHash.turn, hash: finalHash.hash, final: true)) }
    }

    /// A hash line: what is wrong with it, if anything. `state` is the replay's state after the records before it.
    public mutating func hashLine(_ r: LogRecord, line: Int, engine: Engine, state: GameState) -> [LogIssue] {
        guard let logged = r.hash else {
            return [LogIssue(.damagedLine, line: line, turn: state.turn, key: "log.issue.no_hash")]
        }
        var issues: [LogIssue] = []
        if let lastInput, r.seq != lastInput.seq {
            issues.append(LogIssue(.seqOutOfOrder, line: line, turn: state.turn, key: "log.issue.hash_seq",
                                   ["seq": .text(String(r.seq)), "input_line": .text(String(lastInput.line)), "input_seq": .text(String(lastInput.seq))]))
        }
        let actual = owed.isEmpty ? engine.stateHash(state) : owed.removeFirst().hash
        checked += 1
        if logged == actual && (r.turn == nil || r.turn == state.turn) {
            matched += 1
            lastMatchedLine = line
        } else if logged != actual {
            let look = lastMatchedLine + 1 < line
                ? ErrorDetail("log.issue.hash_look", ["from": .text(String(lastMatchedLine + 1)), "to": .text(String(line - 1))]) : nil
            issues.append(LogIssue(.hashMismatch, line: line, turn: state.turn, key: "log.issue.hash_differs",
                                   ["seq": .text(String(r.seq)), "turn": .text(r.turn.map(String.init) ?? "?"), "logged": .text(logged), "actual": .text(actual),
                                    "look": .phrase(look)],
                                   expected: logged, actual: actual))
        } else {
            issues.append(LogIssue(.hashMismatch, line: line, turn: state.turn, key: "log.issue.hash_turn",
                                   ["logged": .text(String(r.turn!)), "actual": .text(String(state.turn))],
                                   expected: "turn \(r.turn!)", actual: "turn \(state.turn)"))
        }
        return issues
    }

    /// A line of another kind: a hash line the input before it owes and that did not come, if any.
    public mutating func otherLine(line: Int, turn: Int) -> LogIssue? {
        guard let first = owed.first else { return nil }
        owed = []
        return LogIssue(.missingHash, line: line, turn: turn, key: first.final ? "log.issue.final_hash_removed" : "log.issue.hash_removed", first.arguments)
    }

    /// At the end of the log: a hash line the last input still owes (unless a crash cut the tail off).
    public func end(tornTail: Bool) -> LogIssue? {
        guard let first = owed.first, !tornTail else { return nil }
        return LogIssue(.missingHash, line: first.line, turn: first.turn, key: first.final ? "log.issue.final_hash_cut" : "log.issue.hash_cut", first.arguments)
    }

    /// The hash lines the log's last input still owes at its end, as `HashLinePolicy` writes them: a write cut off
    /// after the input's line (a full disk, a crash) leaves them out, and a server puts them back before it writes
    /// anything else to the log.
    public var owedLines: [LogRecord] {
        owed.map { o in
            var line = LogRecord(kind: .hash, seq: o.seq, t: o.t, by: "server")
            line.turn = o.turn
            line.hash = o.hash
            if o.final { line.reason = "final" }
            return line
        }
    }
}
