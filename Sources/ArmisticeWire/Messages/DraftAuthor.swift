/// Who last set a team's draft this turn (`drafted_by` in a snapshot and an update, docs/protocol.md): the seat that
/// sent the `set_orders` (`bot` or `server` for the room's `absent` rule), and `bot: true` when a bot wrote it.
public struct DraftAuthor: Codable, Sendable, Hashable {
    public var seat: String
    /// True when a bot set the draft (a bot seat, or the `absent: bot` rule); absent otherwise.
    public var bot: Bool?

    public init(seat: String, bot: Bool) {
        self.seat = seat
        self.bot = bot ? true : nil
    }
}
