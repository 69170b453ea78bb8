import ArmisticeEngine

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
            return [LogIssue(.damagedLine, line: line, turn: state.turn, "a hash record with no hash; the line is skipped")]
        }
        var issues: [LogIssue] = []
        if let lastInput, r.seq != lastInput.seq {
            issues.append(LogIssue(.seqOutOfOrder, line: line, turn: state.turn,
                                   "the hash line has seq \(r.seq), but the input before it (line \(lastInput.line)) has seq \(lastInput.seq)"))
        }
        let actual = owed.isEmpty ? engine.stateHash(state) : owed.removeFirst().hash
        checked += 1
        if logged == actual && (r.turn == nil || r.turn == state.turn) {
            matched += 1
            lastMatchedLine = line
        } else if logged != actual {
            let look = lastMatchedLine + 1 < line ? "; the inputs on lines \(lastMatchedLine + 1)–\(line - 1), after the last hash that matched, are where they part" : ""
            issues.append(LogIssue(.hashMismatch, line: line, turn: state.turn,
                                   "the state hash differs after seq \(r.seq) (turn \(r.turn.map(String.init) ?? "?")): the log has \(logged), the replay gives \(actual)\(look)",
                                   expected: logged, actual: actual))
        } else {
            issues.append(LogIssue(.hashMismatch, line: line, turn: state.turn,
                                   "the hash line says turn \(r.turn!), but the replay is at turn \(state.turn) with the same hash",
                                   expected: "turn \(r.turn!)", actual: "turn \(state.turn)"))
        }
        return issues
    }

    /// A line of another kind: a hash line the input before it owes and that did not come, if any.
    public mutating func otherLine(line: Int, turn: Int) -> LogIssue? {
        guard let first = owed.first else { return nil }
        owed = []
        return first.final
            ? LogIssue(.missingHash, line: line, turn: turn,
                       "the match ended with the input on line \(first.line) (seq \(first.seq)), but no final hash line follows it; a hash line was removed")
            : LogIssue(.missingHash, line: line, turn: turn,
                       "turn \(first.turn) was adjudicated by the input on line \(first.line) (seq \(first.seq)), but no hash line follows it; a hash line was removed")
    }

    /// At the end of the log: a hash line the last input still owes (unless a crash cut the tail off).
    public func end(tornTail: Bool) -> LogIssue? {
        guard let first = owed.first, !tornTail else { return nil }
        return first.final
            ? LogIssue(.missingHash, line: first.line, turn: first.turn,
                       "the match ended with the input on line \(first.line) (seq \(first.seq)), but the log ends without its final hash line")
            : LogIssue(.missingHash, line: first.line, turn: first.turn,
                       "turn \(first.turn) was adjudicated by the input on line \(first.line) (seq \(first.seq)), but the log ends without its hash line")
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
