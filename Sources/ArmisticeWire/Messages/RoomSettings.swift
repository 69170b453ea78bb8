/// What an instructor chose when creating a room, as clients see it in a snapshot. The server keeps it in the match
/// log's first record (as `LogRecord.Settings`).
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
    /// `closed` while the instructor has closed the room to new students (`set_joining`); nil (absent) while it is
    /// open. Not a choice made at creation: the room's state as it is now, kept in the match log's `joining` records.
    public var joining: String?

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
}
