/// One match in a teacher's archive, as `GET /api/teacher/rooms` lists it.
public struct ArchiveEntry: Sendable, Hashable, Codable {
    /// `live` (in play or waiting to start), `finished` (the match ended) or `stopped` (not finished and not open:
    /// its log could not be brought back).
    public enum State: String, Sendable, Hashable, Codable { case live, finished, stopped }

    /// A seat that played (students and bots; not observers or the instructor).
    public struct Player: Sendable, Hashable, Codable {
        public var name: String
        public var team: String?
        /// The bot's policy, for a seat a bot held.
        public var bot: String?
    }

    public var code: String
    public var scenario: String
    public var title: String
    /// When the room was created (milliseconds since 1970).
    public var created: Int64
    public var state: State
    public var phase: String
    public var turn: Int
    public var players: [Player]
    /// The ending's name, once finished.
    public var outcome: String?
    /// When the match ended (milliseconds since 1970).
    public var finished: Int64?
    /// The teacher who owns it (absent: the admin's).
    public var owner: String?
    /// A nickname-only room (see docs/protocol.md).
    public var nicknames: Bool?
    /// Why the log has no readable match header (absent for every other log): such a match is listed, `stopped`, to
    /// the admin only (its owner is in the header), with no scenario, so its log can be downloaded or deleted.
    public var damaged: String?
    /// The other teachers it is shared with (absent: none).
    public var shared: [String]?
    /// The title and the ending's name in each other language the scenario declares (absent for an English-only
    /// one, and the ending until it is known), so a list in the teacher's language shows them in it.
    public var localized: [String: Localized]?

    public struct Localized: Sendable, Hashable, Codable {
        public var title: String?
        public var outcome: String?
    }
}
