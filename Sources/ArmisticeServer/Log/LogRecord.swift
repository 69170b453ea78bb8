import ArmisticeEngine

/// One line of a match log (JSON Lines; docs/match-log.md). A flat record: `kind` says which fields are present.
public struct LogRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The first line: the whole ruleset, its hash, the seed and the settings.
        case match
        /// An engine input that was accepted.
        case input
        /// The state hash after an adjudication (repeats the seq of the input that caused it).
        case hash
        /// A seat was taken: a student, an observer or an instructor joined.
        case join
        /// The instructor moved or removed a seat.
        case seat
        /// A seat's connection came or went.
        case presence
        /// A chat message.
        case chat
        /// The phase clock was paused, resumed, extended or restarted.
        case clock
    }

    public static let format = 1

    public var kind: Kind
    public var seq: Int
    /// Milliseconds since 1970.
    public var t: Int64
    /// Who did it: a seat id, "clock" or "server".
    public var by: String?
    public var reason: String?
    // match
    public var format: Int?
    public var room: String?
    public var rulesetText: String?
    public var rulesetHash: String?
    public var settings: RoomSettings?
    /// On the header: the id of the teacher who created the room (absent: the admin, with the instructor key).
    public var owner: String?
    // input
    public var input: Input?
    // hash
    public var turn: Int?
    public var hash: String?
    // join, seat, presence, chat
    public var seat: String?
    public var name: String?
    public var role: SeatRole?
    public var team: String?
    public var tokenHash: String?
    public var removed: Bool?
    /// On a join: the policy of the bot that holds the seat.
    public var bot: String?
    public var online: Bool?
    public var channel: String?
    public var text: String?
    /// The clock after this record, when it changed.
    public var clock: ClockState?

    public init(kind: Kind, seq: Int, t: Int64, by: String? = nil) {
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
        case removed, online, channel, text, clock, bot, owner
    }
}

/// A seat's role in a room.
public enum SeatRole: String, Sendable, Hashable, Codable {
    case player, observer, instructor
}
