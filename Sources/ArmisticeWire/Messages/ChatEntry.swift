/// A chat message as it is kept, logged and shown.
public struct ChatEntry: Sendable, Hashable, Codable {
    public var seq: Int
    /// Milliseconds since 1970.
    public var t: Int64
    public var seat: String
    public var name: String
    /// "all", "team:ID" or "pair:A+B" (team ids sorted).
    public var channel: String
    public var text: String

    public init(seq: Int, t: Int64, seat: String, name: String, channel: String, text: String) {
        self.seq = seq
        self.t = t
        self.seat = seat
        self.name = name
        self.channel = channel
        self.text = text
    }
}
