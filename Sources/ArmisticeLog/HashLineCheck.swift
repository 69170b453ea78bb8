import ArmisticeEngine

/// Reads back what `HashLinePolicy` wrote while a log is replayed: each hash line must repeat the seq of the input
/// before it and hold the replay's hash at that point (and its turn), and every adjudication must be followed by
/// its hash line. Fed the records in file order; returns the issues it finds.
public struct HashLineCheck: Sendable {
    /// Hash lines compared, and how many of them matched.
    public private(set) var checked = 0
    public private(set) var matched = 0
    private var lastInput: (line: Int, seq: Int)?
    /// An adjudication's hash the log has not yet confirmed.
    private var pending: (line: Int, seq: Int, turn: Int, hash: String)?
    private var lastMatchedLine = 1

    public init() {}

    /// An input on `line` was applied and the engine recorded `records`.
    public mutating func applied(line: Int, seq: Int, records: [Record]) {
        lastInput = (line, seq)
        for h in records where h.kind == .hash { pending = (line, seq, h.turn, h.hash ?? "") }
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
        let actual = pending.map { $0.hash } ?? engine.stateHash(state)
        pending = nil
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

    /// A line of another kind: an adjudication before it that no hash line followed, if any.
    public mutating func otherLine(line: Int, turn: Int) -> LogIssue? {
        guard let p = pending else { return nil }
        pending = nil
        return LogIssue(.missingHash, line: line, turn: turn,
                        "turn \(p.turn) was adjudicated by the input on line \(p.line) (seq \(p.seq)), but no hash line follows it; a hash line was removed")
    }

    /// At the end of the log: an adjudication still waiting for its hash line (unless a crash cut the tail off).
    public func end(tornTail: Bool) -> LogIssue? {
        guard let p = pending, !tornTail else { return nil }
        return LogIssue(.missingHash, line: p.line, turn: p.turn,
                        "turn \(p.turn) was adjudicated by the input on line \(p.line) (seq \(p.seq)), but the log ends without its hash line")
    }
}
