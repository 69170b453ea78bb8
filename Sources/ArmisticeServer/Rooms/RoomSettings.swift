import ArmisticeEngine

/// What an instructor chose when creating a room. Kept in the match log's first record.
public struct RoomSettings: Sendable, Hashable, Codable {
    /// The ruleset's id.
    public var ruleset: String
    public var seed: UInt64
    public var turns: Int
    /// Seconds per phase, keyed by phase name (briefing, negotiation, orders, adjudication, results).
    public var phases: [String: Int]
    /// The ruleset variant the room plays, or nil for the base rules (absent from logs of rooms without one).
    public var variant: String?

    public init(ruleset: String, seed: UInt64, turns: Int, phases: [String: Int], variant: String? = nil) {
        self.ruleset = ruleset
        self.seed = seed
        self.turns = turns
        self.phases = phases
        self.variant = variant
    }

    /// The duration of a phase in milliseconds, or nil for phases that wait for the instructor (setup, ended).
    public func durationMs(_ phase: Phase) -> Int64? {
        guard Phase.turnPhases.contains(phase) else { return nil }
        return Int64(phases[phase.rawValue] ?? 60) * 1000
    }

    /// The ruleset with these settings applied.
    public func apply(to ruleset: Ruleset) -> Ruleset {
        var r = ruleset
        r.calendar.turns = turns
        for phase in Phase.turnPhases { if let s = phases[phase.rawValue] { r.phaseDurations[phase] = s } }
        return r
    }
}

/// A room's phase clock. Times are milliseconds since 1970 (wall clock, so a restart can resume it).
public struct ClockState: Sendable, Hashable, Codable {
    /// When the current phase ends, while running.
    public var deadline: Int64?
    /// What was left when paused.
    public var remaining: Int64?
    public var paused: Bool

    public init(deadline: Int64? = nil, remaining: Int64? = nil, paused: Bool = false) {
        self.deadline = deadline
        self.remaining = remaining
        self.paused = paused
    }

    public static let stopped = ClockState()
}
