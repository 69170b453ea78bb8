import ArmisticeEngine

/// The messages that name a seat: `room_created`/`joined`, `resumed`, and `snapshot` with its `you`.
/// docs/protocol.md describes them all.
extension ServerMessage {
    /// What `room_created`/`joined` and `resumed` both say of the seat: its room, its id, its role and team.
    public struct SeatPlace: Sendable, Hashable {
        public var room: String
        public var seat: String
        public var role: SeatRole
        public var team: String?
    }

    /// `room_created` and `joined`: the seat and its token (shown once; keep it to resume).
    public struct Seated: Codable, Sendable, Hashable {
        /// `room_created` or `joined`.
        public var type: String
        public var id: JSONValue?
        public var place: SeatPlace
        public var token: String

        public init(type: String, id: JSONValue?, room: String, seat: String, token: String, role: SeatRole, team: String?) {
            self.type = type
            self.id = id
            place = SeatPlace(room: room, seat: seat, role: role, team: team)
            self.token = token
        }

        /// `{"type","id"?,"room","seat","token","role","team"?}`: the token sits between the seat and its role.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: SeatPlace.Key.self)
            try place.encodeHead(type: type, id: id, into: &c)
            try c.encode(token, forKey: .token)
            try place.encodeRole(into: &c)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: SeatPlace.Key.self)
            type = try c.decode(String.self, forKey: .type)
            id = try c.decodeIfPresent(JSONValue.self, forKey: .id)
            place = try SeatPlace(from: c)
            token = try c.decode(String.self, forKey: .token)
        }
    }

    /// `resumed`: the seat again, the room's seq, and what follows.
    public struct Resumed: Codable, Sendable, Hashable {
        public var type = "resumed"
        public var id: JSONValue?
        public var place: SeatPlace
        public var seq: Int
        /// "replay": the missed messages follow; "snapshot": a snapshot follows; "current": nothing was missed.
        public var mode: String
        public var missed: Int

        public init(id: JSONValue?, room: String, seat: String, role: SeatRole, team: String?, seq: Int, mode: String, missed: Int) {
            self.id = id
            place = SeatPlace(room: room, seat: seat, role: role, team: team)
            self.seq = seq
            self.mode = mode
            self.missed = missed
        }

        /// `{"type","id"?,"room","seat","role","team"?,"seq","mode","missed"}`.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: SeatPlace.Key.self)
            try place.encodeHead(type: type, id: id, into: &c)
            try place.encodeRole(into: &c)
            try c.encode(seq, forKey: .seq)
            try c.encode(mode, forKey: .mode)
            try c.encode(missed, forKey: .missed)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: SeatPlace.Key.self)
            type = try c.decode(String.self, forKey: .type)
            id = try c.decodeIfPresent(JSONValue.self, forKey: .id)
            place = try SeatPlace(from: c)
            seq = try c.decode(Int.self, forKey: .seq)
            mode = try c.decode(String.self, forKey: .mode)
            missed = try c.decode(Int.self, forKey: .missed)
        }
    }

    /// A snapshot's `you`: the seat that reads it.
    public struct You: Codable, Sendable, Hashable {
        public var seat: String
        public var name: String
        public var role: SeatRole
        public var team: String?

        public init(seat: String, name: String, role: SeatRole, team: String?) {
            self.seat = seat
            self.name = name
            self.role = role
            self.team = team
        }
    }

    /// `snapshot`: everything a seat sees of its room now.
    public struct Snapshot: Codable, Sendable, Hashable {
        public var type = "snapshot"
        public var id: JSONValue?
        public var room: String
        public var seq: Int
        public var you: You
        /// With the room's default language as it is now (the instructor may have changed it since creation).
        public var settings: RoomSettings
        public var view: GameView
        /// The language of the view's texts, when not English (absent for English: what clients always got).
        public var language: String?
        public var roster: [RosterEntry]
        public var chat: [ChatEntry]
        public var clock: ClockView
        /// Who last set the drafts this turn, by team: the reader's team's (every team's, for the instructor); absent
        /// for observers.
        public var draftedBy: [String: DraftAuthor]?

        public init(id: JSONValue?, room: String, seq: Int, you: You, settings: RoomSettings, view: GameView, language: String?,
                    roster: [RosterEntry], chat: [ChatEntry], clock: ClockView, draftedBy: [String: DraftAuthor]? = nil) {
            self.id = id
            self.room = room
            self.seq = seq
            self.you = you
            self.settings = settings
            self.view = view
            self.language = language
            self.roster = roster
            self.chat = chat
            self.clock = clock
            self.draftedBy = draftedBy
        }
    }
}

extension ServerMessage.SeatPlace {
    /// The keys of `room_created`/`joined` and `resumed`.
    enum Key: String, CodingKey {
        case type, id, room, seat, token, role, team, seq, mode, missed
    }

    /// Writes what both messages start with: `type`, `id` (when there is one), `room` and `seat`.
    func encodeHead(type: String, id: JSONValue?, into c: inout KeyedEncodingContainer<Key>) throws {
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(room, forKey: .room)
        try c.encode(seat, forKey: .seat)
    }

    /// Writes `role` and `team` (when there is one).
    func encodeRole(into c: inout KeyedEncodingContainer<Key>) throws {
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(team, forKey: .team)
    }

    init(from c: KeyedDecodingContainer<Key>) throws {
        self.init(room: try c.decode(String.self, forKey: .room), seat: try c.decode(String.self, forKey: .seat),
                  role: try c.decode(SeatRole.self, forKey: .role), team: try c.decodeIfPresent(String.self, forKey: .team))
    }
}
