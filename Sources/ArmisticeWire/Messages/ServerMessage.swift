import ArmisticeEngine

/// The messages the server sends (docs/protocol.md), encoded with snake_case keys. The ones that name a seat
/// (`room_created`/`joined`, `resumed`, `snapshot`) are in ServerMessage+Seats.swift; armistice.v2 updates are
/// written out by the server from its view diff.
public enum ServerMessage {
    public struct Welcome: Encodable, Sendable {
        public var type = "welcome"
        public var id: JSONValue?
        public var `protocol`: String
        public var server: String
        public var time: Int64
        public var limits: LimitsInfo
        /// The language the connection will read, when `hello` named one (absent otherwise, as before).
        public var lang: String?

        public init(id: JSONValue?, protocol: String, server: String, time: Int64, limits: LimitsInfo, lang: String? = nil) {
            self.id = id
            self.protocol = `protocol`
            self.server = server
            self.time = time
            self.limits = limits
            self.lang = lang
        }
    }
    public struct Pong: Encodable, Sendable {
        public var type = "pong"
        public var id: JSONValue?
        public var time: Int64

        public init(id: JSONValue?, time: Int64) {
            self.id = id
            self.time = time
        }
    }
    public struct Ack: Encodable, Sendable, Equatable {
        public var type = "ack"
        public var id: JSONValue?
        public var room: String
        public var seq: Int

        public init(id: JSONValue?, room: String, seq: Int) {
            self.id = id
            self.room = room
            self.seq = seq
        }
    }
    public struct Failure: Encodable, Sendable, Equatable {
        public var type = "error"
        public var id: JSONValue?
        public var code: String
        public var message: String

        public init(id: JSONValue?, code: String, message: String) {
            self.id = id
            self.code = code
            self.message = message
        }
    }
    /// The answer to `set_language` on a connection that holds no seat yet (a seated one gets a snapshot).
    public struct LanguageSet: Encodable, Sendable {
        public var type = "language"
        public var id: JSONValue?
        public var lang: String

        public init(id: JSONValue?, lang: String) {
            self.id = id
            self.lang = lang
        }
    }
    /// What caused an update: the request type (or `clock`, `bot`…), the seat, and a reason when there is one.
    public struct Cause: Encodable, Sendable, Equatable {
        public var type: String
        public var by: String
        public var reason: String?

        public init(type: String, by: String, reason: String? = nil) {
            self.type = type
            self.by = by
            self.reason = reason
        }
    }
    /// An armistice.v1 update: the whole view. armistice.v2 updates are written out directly (ServerCore.flushUpdates):
    /// `{"type":"update","room","seq","prev","cause","causes"?,"records","changes","patches"?,"clock"}`.
    public struct Update: Encodable, Sendable {
        public var type = "update"
        public var room: String
        public var seq: Int
        public var prev: Int
        public var cause: Cause
        public var causes: [Cause]?
        public var records: [Record]
        public var view: GameView
        public var clock: ClockView

        public init(room: String, seq: Int, prev: Int, cause: Cause, causes: [Cause]?, records: [Record], view: GameView, clock: ClockView) {
            self.room = room
            self.seq = seq
            self.prev = prev
            self.cause = cause
            self.causes = causes
            self.records = records
            self.view = view
            self.clock = clock
        }
    }
    public struct ClockEvent: Encodable, Sendable {
        public var type = "clock"
        public var room: String
        public var seq: Int
        public var prev: Int
        public var reason: String
        public var clock: ClockView

        public init(room: String, seq: Int, prev: Int, reason: String, clock: ClockView) {
            self.room = room
            self.seq = seq
            self.prev = prev
            self.reason = reason
            self.clock = clock
        }
    }
    /// Why a connection lost its seat: `reason_code` for programs and translations, `reason` in English for people.
    public struct Removed: Encodable, Sendable {
        public enum Cause: String, Sendable, CaseIterable {
            case resumedElsewhere = "resumed_elsewhere"
            case removedByInstructor = "removed_by_instructor"
            case matchDeleted = "match_deleted"

            public var reason: String {
                switch self {
                case .resumedElsewhere: "your seat was resumed on another connection"
                case .removedByInstructor: "the instructor removed you from the room"
                case .matchDeleted: "the instructor deleted this match"
                }
            }
        }
        public var type = "removed"
        public var room: String
        public var reasonCode: String
        public var reason: String

        public init(room: String, cause: Cause) {
            self.room = room
            self.reasonCode = cause.rawValue
            self.reason = cause.reason
        }

        private enum CodingKeys: String, CodingKey {
            case type, room, reasonCode = "reason_code", reason
        }
    }
}
