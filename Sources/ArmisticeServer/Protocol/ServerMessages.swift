import ArmisticeEngine
import Foundation

/// The messages the server sends (docs/protocol.md). Encoded with snake_case keys.
enum ServerMessage {
    struct Welcome: Encodable {
        var type = "welcome"
        var id: JSONValue?
        var `protocol`: String
        var server: String
        var time: Int64
        var limits: LimitsInfo
        /// The language the connection will read, when `hello` named one (absent otherwise, as before).
        var lang: String? = nil
    }
    struct LimitsInfo: Encodable {
        var maxMessageBytes: Int
        var chatMaxLength: Int
        var nameMaxLength: Int
        var messagesPerSecond: Double
        var messageBurst: Int
        var chatMaxCodePoints: Int
        var chatMaxBytes: Int
        var chatMaxLineBreaks: Int
        var nameMaxCodePoints: Int
        var nameMaxBytes: Int
        var bytesPerToken: Int
        var maxDepth: Int
        var maxValues: Int

        init(_ l: ServerLimits) {
            maxMessageBytes = l.maxMessageBytes
            chatMaxLength = l.chatMaxLength
            nameMaxLength = l.nameMaxLength
            messagesPerSecond = l.messagesPerSecond
            messageBurst = l.messageBurst
            chatMaxCodePoints = l.chatMaxScalars
            chatMaxBytes = l.chatMaxBytes
            chatMaxLineBreaks = l.chatMaxLineBreaks
            nameMaxCodePoints = l.nameMaxScalars
            nameMaxBytes = l.nameMaxBytes
            bytesPerToken = l.bytesPerToken
            maxDepth = l.maxDepth
            maxValues = l.maxValues
        }
    }
    struct Pong: Encodable {
        var type = "pong"
        var id: JSONValue?
        var time: Int64
    }
    struct Ack: Encodable {
        var type = "ack"
        var id: JSONValue?
        var room: String
        var seq: Int
    }
    struct Failure: Encodable {
        var type = "error"
        var id: JSONValue?
        var code: String
        var message: String
    }
    /// `room_created` and `joined`: the seat and its token (shown once; keep it to resume).
    struct Seated: Encodable {
        var type: String
        var id: JSONValue?
        var room: String
        var seat: String
        var token: String
        var role: SeatRole
        var team: String?
    }
    /// The answer to `set_language` on a connection that holds no seat yet (a seated one gets a snapshot).
    struct LanguageSet: Encodable {
        var type = "language"
        var id: JSONValue?
        var lang: String
    }
    struct Resumed: Encodable {
        var type = "resumed"
        var id: JSONValue?
        var room: String
        var seat: String
        var role: SeatRole
        var team: String?
        var seq: Int
        /// "replay": the missed messages follow; "snapshot": a snapshot follows; "current": nothing was missed.
        var mode: String
        var missed: Int
    }
    struct You: Encodable {
        var seat: String
        var name: String
        var role: SeatRole
        var team: String?
    }
    struct Snapshot: Encodable {
        var type = "snapshot"
        var id: JSONValue?
        var room: String
        var seq: Int
        var you: You
        /// With the room's default language as it is now (the instructor may have changed it since creation).
        var settings: RoomSettings
        var view: GameView
        /// The language of the view's texts, when not English (absent for English: what clients always got).
        var language: String?
        var roster: [RosterEntry]
        var chat: [ChatEntry]
        var clock: ClockView
    }
    /// armistice.v2 updates are written out directly (ServerCore.flushUpdates): `{"type":"update","room","seq","prev",
    /// "cause","causes"?,"records","changes","patches"?,"clock"}`, with `changes` and `patches` from `ViewChanges`.
    struct Cause: Encodable {
        var type: String
        var by: String
        var reason: String?
    }
    struct Update: Encodable {
        var type = "update"
        var room: String
        var seq: Int
        var prev: Int
        var cause: Cause
        var causes: [Cause]?
        var records: [Record]
        var view: GameView
        var clock: ClockView
    }
    struct ClockEvent: Encodable {
        var type = "clock"
        var room: String
        var seq: Int
        var prev: Int
        var reason: String
        var clock: ClockView
    }
    struct Removed: Encodable {
        var type = "removed"
        var room: String
        var reason: String
    }
}

/// The clock as clients see it: the phase, when it ends, and the server's time to correct for skew.
public struct ClockView: Sendable, Hashable, Codable {
    public var phase: Phase
    public var turn: Int
    public var paused: Bool
    /// When the phase ends (ms since 1970), while running.
    public var deadline: Int64?
    /// Milliseconds left (also while paused).
    public var remaining: Int64?
    /// The server's time when this was sent.
    public var now: Int64
}

/// Encodes outgoing messages (snake_case keys). One per core; not thread-safe.
struct MessageEncoder {
    private let encoder = StreamingJSONEncoder()

    func encode(_ message: some Encodable) -> String {
        do {
            return String(decoding: try encoder.encode(message), as: UTF8.self)
        } catch {
            return #"{"type":"error","code":"internal_error","message":"could not encode a reply"}"#
        }
    }
}
