import ArmisticeEngine

/// Which hash lines follow an input in a log: one for each adjudication the input caused (the engine's `hash`
/// records: that turn and its hash), and a `final` one with the state hash when the input ended the match. Each
/// repeats the input's seq and is written `by` the server. `HashLineCheck` reads them back.
public enum HashLinePolicy {
    /// The hash lines to write after an input's line.
    /// - Parameters:
    ///   - records: what the engine recorded for the input.
    ///   - endedMatch: whether this input ended the match (the final hash is written once).
    public static func lines(after seq: Int, t: Int64, records: [Record], engine: Engine, state: GameState, endedMatch: Bool) -> [LogRecord] {
        var lines: [LogRecord] = []
        for r in records where r.kind == .hash {
            var line = LogRecord(kind: .hash, seq: seq, t: t, by: "server")
            line.turn = r.turn
            line.hash = r.hash
            lines.append(line)
        }
        if endedMatch {
            var line = LogRecord(kind: .hash, seq: seq, t: t, by: "server")
            line.turn = state.turn
            line.hash = engine.stateHash(state)
            line.reason = "final"
            lines.append(line)
        }
        return lines
    }
}
