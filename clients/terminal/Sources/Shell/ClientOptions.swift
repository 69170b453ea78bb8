import ArmisticeLocale

/// What the `join` and `instructor` commands pass to the client.
public struct ClientOptions: Sendable {
    public var url: String
    /// The token to resume with (from the seat file), if any.
    public var token: String?
    /// How to take a seat when there is no token, or it no longer works.
    public var seatRequest: SeatRequest?
    public var name: String
    public var plain = false
    /// Whether colour may be used (NO_COLOR unset, or empty).
    public var color = true
    public var store: SeatStore
    /// The language the interface is read in, and asked of the server (`hello`'s `lang`).
    public var language: Language = .en
    /// The room's teams with their names in every language, when the join looked them up (else the client does).
    public var teams: [JoinCheck.TeamChoice] = []

    public init(url: String, token: String?, seatRequest: SeatRequest?, name: String, plain: Bool, color: Bool, store: SeatStore, language: Language = .en) {
        self.url = url; self.token = token; self.seatRequest = seatRequest; self.name = name
        self.plain = plain; self.color = color; self.store = store; self.language = language
    }
}
