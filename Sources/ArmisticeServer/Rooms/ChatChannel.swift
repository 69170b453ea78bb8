import ArmisticeWire

/// Chat channels: everyone, one team, or a pair of teams. The instructor reads and may write in all of them.
public enum ChatChannel: Sendable, Hashable {
    case all
    case team(Int)
    case pair(Int, Int)

    /// Parses a channel name against a room's team ids.
    public init?(_ name: String, teams: [String]) {
        if name == "all" { self = .all; return }
        if name.hasPrefix("team:"), let t = teams.firstIndex(of: String(name.dropFirst(5))) { self = .team(t); return }
        if name.hasPrefix("pair:") {
            let parts = name.dropFirst(5).split(separator: "+").map(String.init)
            guard parts.count == 2, parts[0] != parts[1], let a = teams.firstIndex(of: parts[0]), let b = teams.firstIndex(of: parts[1]) else { return nil }
            self = .pair(min(a, b), max(a, b))
            return
        }
        return nil
    }

    /// The canonical name ("pair:" with the two ids sorted).
    public func name(teams: [String]) -> String {
        switch self {
        case .all: "all"
        case .team(let t): "team:\(teams[t])"
        case .pair(let a, let b): "pair:" + [teams[a], teams[b]].sorted().joined(separator: "+")
        }
    }

    /// Who reads it.
    public func audiences(teamCount: Int) -> [Audience] {
        switch self {
        case .all: [.instructor, .observer] + (0..<teamCount).map { .team($0) }
        case .team(let t): [.instructor, .team(t)]
        case .pair(let a, let b): [.instructor, .team(a), .team(b)]
        }
    }

    /// Whether a seat may write here.
    public func canWrite(_ seat: Seat) -> Bool {
        switch (seat.role, self) {
        case (.instructor, _): true
        case (.observer, _): false
        case (.player, .all): true
        case (.player, .team(let t)): seat.team == t
        case (.player, .pair(let a, let b)): seat.team == a || seat.team == b
        }
    }
}
