import ArmisticeEngine

/// One line of a match log (JSON Lines, format 1; docs/match-log.md). A flat record: `kind` says which fields are
/// present. Every field but `kind` and `seq` is optional and unknown fields are ignored, so a reader of this version
/// keeps working when a later server adds fields. The server writes these; replay and report read them.
public struct LogRecord: Sendable, Hashable, Codable {
    /// The log format version this build writes and reads.
    public static let format = 1

    /// `match`, `input`, `hash`, `join`, `seat`, `presence`, `chat`, `clock` or `joining`; a reader keeps other kinds and skips them.
    public var kind: Kind
    public var seq: Int
    /// Milliseconds since 1970 (the server always writes it).
    public var t: Int64?
    /// Who did it: a seat id, "clock" or "server".
    public var by: String?
    public var reason: String?
    // match
    public var format: Int?
    public var room: String?
    public var rulesetText: String?
    public var rulesetHash: String?
    public var settings: Settings?
    /// On the header: the id of the teacher who created the room (absent: the admin, with the instructor key).
    public var owner: String?
    // input
    public var input: Input?
    // hash
    public var turn: Int?
    public var hash: String?
    /// The SHA-256 (hex) of every line of the log before this hash line, hash lines left out (`LinesHash`): with it a
    /// replay proves the lines the state hashes do not cover (chat, names, times, drafts replaced before they counted).
    /// Absent in logs written before it (7 December 2026).
    public var linesHash: String?
    // join, seat, presence, chat
    public var seat: String?
    public var name: String?
    /// `player`, `observer` or `instructor`.
    public var role: String?
    public var team: String?
    public var tokenHash: String?
    public var removed: Bool?
    /// On a join: the policy of the bot that holds the seat.
    public var bot: String?
    public var online: Bool?
    /// On a `joining` record: whether new students may join the room from now on (false: closed).
    public var open: Bool?
    public var channel: String?
    public var text: String?
    /// The clock after this record, when it changed.
    public var clock: Clock?

    public init(kind: Kind, seq: Int, t: Int64? = nil, by: String? = nil) {
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
        case linesHash = "lines_hash"
        case tokenHash = "token_hash"
        case removed, online, open, channel, text, clock, bot, owner
    }
}
