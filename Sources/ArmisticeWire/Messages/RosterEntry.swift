/// One seat as the roster shows it.
public struct RosterEntry: Sendable, Hashable, Codable {
    public var seat: String
    public var name: String
    public var role: SeatRole
    public var team: String?
    public var online: Bool
    /// The policy, for a seat held by a bot.
    public var bot: String?

    public init(seat: String, name: String, role: SeatRole, team: String?, online: Bool, bot: String?) {
        self.seat = seat
        self.name = name
        self.role = role
        self.team = team
        self.online = online
        self.bot = bot
    }
}
