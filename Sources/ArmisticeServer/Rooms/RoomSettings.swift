import ArmisticeEngine
import ArmisticeLog

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
    /// What happens to a team with students when all of them are offline as the orders phase opens or closes
    /// (nil: `nothing`, absent from logs of rooms that did not choose).
    public var absent: AbsentPolicy?
    /// A practice room (one student against bots): locking in negotiation ends the phase once every team with a
    /// player has locked, as it does in orders, so the student sets the pace. Nil (absent from logs) otherwise.
    public var practice: Bool?
    /// A nickname-only room: a student's name must be one word (no spaces), so that nobody types their full name;
    /// the roster, the log, the report and the archive then hold only nicknames. Nil (absent from logs) otherwise.
    public var nicknames: Bool?
    /// The room's default language as the instructor chose it at creation (`ko`): what observers, the projector and
    /// the report read. Presentation only: nothing in the match depends on it. Nil (absent from logs): English.
    public var language: String?

    public init(ruleset: String, seed: UInt64, turns: Int, phases: [String: Int], variant: String? = nil, absent: AbsentPolicy? = nil,
                practice: Bool? = nil, nicknames: Bool? = nil, language: String? = nil) {
        self.ruleset = ruleset
        self.seed = seed
        self.turns = turns
        self.phases = phases
        self.variant = variant
        self.absent = absent
        self.practice = practice
        self.nicknames = nicknames
        self.language = language
    }

    /// The duration of a phase in milliseconds, or nil for phases that wait for the instructor (setup, ended).
    public func durationMs(_ phase: Phase) -> Int64? {
        guard Phase.turnPhases.contains(phase) else { return nil }
        return Int64(phases[phase.rawValue] ?? 60) * 1000
    }

    /// The ruleset with these settings applied (as a replay of the room's log applies them).
    public func apply(to ruleset: Ruleset) -> Ruleset { LogRecord.Settings(self).apply(to: ruleset) }
}

/// A room's rule for a team whose students are all offline when orders are due.
public enum AbsentPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The team's draft counts as it stands (it may be empty).
    case nothing
    /// The team gives no orders this turn: its draft is emptied and locked.
    case hold
    /// The greedy bot plays the team's turn (drafts and locks); a student who comes back plays the next one.
    case bot
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
