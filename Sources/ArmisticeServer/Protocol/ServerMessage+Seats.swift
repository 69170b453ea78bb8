import ArmisticeEngine
import ArmisticeWire

/// The messages that carry a room's own records: a seat and its role, the room's settings, roster and chat. They
/// live beside those records (ArmisticeWire holds the rest of `ServerMessage`); docs/protocol.md describes them all.
extension ServerMessage {
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
}
