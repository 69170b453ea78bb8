import ArmisticeEngine

/// One record of a match log as docs/match-log.md describes it (format 1). Every field but `kind` and `seq` is
/// optional and unknown fields are ignored, so a reader of this version keeps working when the server adds fields.
/// This module reads the documented format itself: it must not depend on the server.
public struct LogLine: Sendable, Hashable, Codable {
    /// The logged room settings: the seed, and the instructor's turns and phase durations (they override the ruleset's).
    public struct Settings: Sendable, Hashable, Codable {
        public var ruleset: String?
        public var seed: UInt64
        public var turns: Int?
        /// Seconds per phase, keyed by phase name.
        public var phases: [String: Int]?
        /// The ruleset variant the room played (absent: the base rules).
        public var variant: String?
        /// The room's default language at creation (`ko`; absent: English). Presentation only: the report's default.
        public var language: String?

        public init(ruleset: String? = nil, seed: UInt64, turns: Int? = nil, phases: [String: Int]? = nil, variant: String? = nil) {
            self.ruleset = ruleset
            self.seed = seed
            self.turns = turns
            self.phases = phases
            self.variant = variant
        }

        /// The ruleset as the room played it: the logged turns and durations applied.
        public func apply(to ruleset: Ruleset) -> Ruleset {
            var r = ruleset
            if let turns { r.calendar.turns = turns }
            for phase in Phase.turnPhases { if let s = phases?[phase.rawValue] { r.phaseDurations[phase] = s } }
            return r
        }
    }

    /// The phase clock after a record.
    public struct Clock: Sendable, Hashable, Codable {
        public var deadline: Int64?
        public var remaining: Int64?
        public var paused: Bool?

        public init(deadline: Int64? = nil, remaining: Int64? = nil, paused: Bool? = nil) {
            self.deadline = deadline
            self.remaining = remaining
            self.paused = paused
        }
    }

    /// `match`, `input`, `hash`, `join`, `seat`, `presence`, `chat` or `clock`; other kinds are kept and skipped.
    public var kind: String
    public var seq: Int
    /// Milliseconds since 1970.
    public var t: Int64?
    public var by: String?
    public var reason: String?
    // match
    public var format: Int?
    public var room: String?
    public var rulesetText: String?
    public var rulesetHash: String?
    public var settings: Settings?
    // input
    public var input: Input?
    // hash
    public var turn: Int?
    public var hash: String?
    // join, seat, presence, chat
    public var seat: String?
    public var name: String?
    public var role: String?
    public var team: String?
    public var tokenHash: String?
    /// On a join: the policy of the bot that holds the seat.
    public var bot: String?
    public var removed: Bool?
    public var online: Bool?
    public var channel: String?
    public var text: String?
    public var clock: Clock?

    public init(kind: String, seq: Int, t: Int64? = nil, by: String? = nil) {
        self.kind = kind
        self.seq = seq
        self.t = t
        self.by = by
    }

    enum CodingKeys: String, CodingKey {
        case kind, seq, t, by, reason, format, room
        case rulesetText = "ruleset_text"
        case rulesetHash = "ruleset_hash"
        case settings, input, turn, hash, seat, name, role, team
        case tokenHash = "token_hash"
        case removed, online, channel, text, clock, bot
    }
}
