import ArmisticeBots
import ArmisticeWire

/// One place in a room, held by whoever has its token.
public struct Seat: Sendable, Hashable {
    public let id: String
    public var name: String
    public var role: SeatRole
    /// The team index, for players who have one.
    public var team: Int?
    public let tokenHash: String
    public var removed = false
    /// The policy of a bot holding this seat (it has no token and no connection), or nil for a person.
    public var bot: BotKind?
    /// The live connection holding this seat, if any.
    public var connection: ClientID?
    /// The room seq when this seat last changed audience (a resume from before it gets a snapshot).
    public var audienceSince: Int

    /// Which filtered stream of the room this seat receives.
    public var audience: Audience { Self.audience(role: role, team: team) }

    /// The audience of a seat with this role and team. Loops over a room's seats read the two fields in place
    /// with it: asking an element of the list for `audience` copies the whole seat, strings and all.
    public static func audience(role: SeatRole, team: Int?) -> Audience {
        switch role {
        case .instructor: .instructor
        case .observer: .observer
        case .player: team.map { .team($0) } ?? .observer
        }
    }
}

/// A class of viewers who all receive the same messages: the instructor, the public (observers and students not
/// yet on a team), or one team. Each message is encoded once per audience and shared by its members.
public enum Audience: Sendable, Hashable, CustomStringConvertible {
    case instructor
    case observer
    case team(Int)

    public var description: String {
        switch self {
        case .instructor: "instructor"
        case .observer: "observer"
        case .team(let t): "team \(t)"
        }
    }
}

/// A live connection's identifier, as the transport numbers them.
public typealias ClientID = UInt64
