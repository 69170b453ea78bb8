import ArmisticeEngine

/// The clock as clients see it: the phase, when it ends, and the server's time to correct for skew.
public struct ClockView: Sendable, Hashable, Codable {
    public var phase: Phase
    public var turn: Int
    public var paused: Bool
    /// When the phase ends (ms since 1970), while running.
    public var deadline: Int64?
    /// Milliseconds left (also while paused).
    public var remaining: Int64?
    /// The server's time when this was sent.
    public var now: Int64

    public init(phase: Phase, turn: Int, paused: Bool, deadline: Int64?, remaining: Int64?, now: Int64) {
        self.phase = phase
        self.turn = turn
        self.paused = paused
        self.deadline = deadline
        self.remaining = remaining
        self.now = now
    }
}
