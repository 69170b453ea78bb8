import ArmisticeEngine

extension LogRecord {
    /// The room settings a header carries: the seed, the instructor's turns and phase durations (they override the
    /// ruleset's), and the room's options. Optional where a log may lack them; the server writes turns and phases always.
    public struct Settings: Sendable, Hashable, Codable {
        /// The ruleset's id.
        public var ruleset: String?
        public var seed: UInt64
        public var turns: Int?
        /// Seconds per phase, keyed by phase name.
        public var phases: [String: Int]?
        /// The ruleset variant the room played (absent: the base rules).
        public var variant: String?
        /// The rule for a team whose students are all offline when orders are due (`nothing`, `hold`, `bot`; absent: nothing).
        public var absent: String?
        /// A practice room (one student against bots).
        public var practice: Bool?
        /// A nickname-only room.
        public var nicknames: Bool?
        /// The room's default language at creation (`ko`; absent: English). Presentation only: the report's default.
        public var language: String?

        public init(ruleset: String? = nil, seed: UInt64, turns: Int? = nil, phases: [String: Int]? = nil, variant: String? = nil,
                    absent: String? = nil, practice: Bool? = nil, nicknames: Bool? = nil, language: String? = nil) {
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

        /// The ruleset as the room played it: the logged turns and durations applied.
        public func apply(to ruleset: Ruleset) -> Ruleset {
            var r = ruleset
            if let turns { r.calendar.turns = turns }
            for phase in Phase.turnPhases { if let s = phases?[phase.rawValue] { r.phaseDurations[phase] = s } }
            return r
        }
    }
}
