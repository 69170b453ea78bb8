/// One thing that happened, and why: a phase change, a die, a failed precondition, an effect, a piece of news.
/// Every record says who may see it; `visibleTo == nil` means everyone, `[]` the instructor only.
public struct Record: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case phase, news, intel, order, effect, event, draw, deal, adjustment, locked, outcome, hash
    }

    /// A chance modifier that applied to a roll.
    public struct Modifier: Sendable, Hashable, Codable {
        public var reason: String
        public var add: Int
    }

    public var kind: Kind
    public var turn: Int
    public var visibleTo: [String]?
    public var phase: Phase?
    public var team: String?
    public var action: String?
    public var params: [String: ParameterValue]?
    /// For orders: success, failure, refused, lapsed (a guard failed at effect time), precondition_failed, over_budget, duplicate, invalid.
    /// For events: scripted, triggered, random, injected. For deals: the deal's new status.
    public var result: String?
    public var chance: Int?
    public var roll: Int?
    public var modifiers: [Modifier]?
    public var reason: String?
    public var target: String?
    public var from: Int?
    public var to: Int?
    public var text: String?
    public var event: String?
    public var deal: Int?
    public var outcome: String?
    public var scores: [String: Int]?
    public var hash: String?

    public init(kind: Kind, turn: Int, visibleTo: [String]? = nil) {
        self.kind = kind
        self.turn = turn
        self.visibleTo = visibleTo
    }

    /// Whether a team (by id) may see this record. The instructor sees every record.
    public func isVisible(to team: String) -> Bool { Self.isVisible(visibleTo, to: team) }

    /// Whether a team (by id) may see a record that is `visibleTo` these teams.
    public static func isVisible(_ visibleTo: [String]?, to team: String) -> Bool {
        visibleTo.map { $0.contains(team) } ?? true
    }
}
