import ArmisticeEngine

/// A moment of a match to show: the start, the end, a turn (its end), a phase of a turn (as it began), or a log seq.
public enum Moment: Sendable, Hashable, CustomStringConvertible {
    case start
    case end
    /// The end of turn N: after its last input (its results phase, or the end of the match).
    case turn(Int)
    /// The moment phase P of turn N began (turn 0 is setup).
    case phase(turn: Int, Phase)
    /// After the last input with seq ≤ N.
    case seq(Int)

    /// Parses `start`, `end`, `turn:N`, `turn:N:PHASE` or `seq:N`.
    public init(parsing text: String) throws(ReplayError) {
        let parts = text.lowercased().split(separator: ":").map(String.init)
        switch (parts.first, parts.count) {
        case ("start", 1): self = .start; return
        case ("end", 1): self = .end; return
        case ("seq", 2):
            guard let n = Int(parts[1]), n >= 0 else { break }
            self = .seq(n); return
        case ("turn", 2):
            guard let n = Int(parts[1]), n >= 0 else { break }
            self = .turn(n); return
        case ("turn", 3):
            guard let n = Int(parts[1]), n >= 0, let p = Phase(rawValue: parts[2]) else { break }
            self = .phase(turn: n, p); return
        default: break
        }
        throw ReplayError(.noSuchMoment, "\"\(text)\" is not a moment; say start, end, turn:N, turn:N:PHASE (\(Phase.allCases.map(\.rawValue).joined(separator: ", "))) or seq:N")
    }

    public var description: String {
        switch self {
        case .start: "start"
        case .end: "end"
        case .turn(let n): "turn:\(n)"
        case .phase(let n, let p): "turn:\(n):\(p.rawValue)"
        case .seq(let n): "seq:\(n)"
        }
    }
}
