/// A seat's role in a room.
public enum SeatRole: String, Sendable, Hashable, Codable {
    case player, observer, instructor
}
