/// Who is looking at a match.
public enum Viewer: Sendable, Hashable {
    /// Sees everything.
    case instructor
    /// The public board (the classroom projector).
    case observer
    /// One team, by index in the ruleset.
    case team(Int)
}

/// What one viewer may see of a match: hidden tracks, other teams' orders before adjudication and other teams'
/// private intelligence are not in it at all. Clients render this and hold no rules.
public struct GameView: Sendable, Hashable, Codable {
    public struct TeamInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var colour: String
        public var locked: Bool
        public var brief: String?
        public var budget: Int?
    }
    public struct TrackInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var description: String
        public var value: Int
        public var min: Int
        public var max: Int
        public var level: String?
        /// For the instructor: the teams that cannot see this track (absent when everyone can).
        public var hiddenFrom: [String]?
    }
    public struct FlagInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var value: Bool
    }
    public struct ProjectInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var status: String
        public var index: Int
        public var statuses: [String]
    }
    public struct Choice: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
    }
    public struct ParameterInfo: Sendable, Hashable, Codable {
        public var id: String
        public var type: String
        public var choices: [Choice]?
        public var min: Int?
        public var max: Int?
        /// The parameter's label in the reader's language, when the scenario gives one (absent: show `id`).
        public var label: String? = nil
    }
    public struct ActionInfo: Sendable, Hashable, Codable {
        /// What a view says of an action that does not change while a match runs: everything but `chance`,
        /// `available` and `reason`. The engine builds one per team and action and every view shares it, so building,
        /// comparing, diffing and freeing a view's actions costs one reference per action, not one per string and list.
        public final class Fixed: Sendable, Hashable {
            public let id: String
            public let team: String
            public let name: String
            public let description: String
            public let cost: Int
            public let covert: Bool
            public let params: [ParameterInfo]
            public let consentFrom: [String]?
            public let consentRule: String?
            /// Requirements that depend on the chosen parameters; checked when orders resolve.
            public let checkedOnResolution: [String]?

            public init(id: String, team: String, name: String, description: String, cost: Int, covert: Bool, params: [ParameterInfo],
                        consentFrom: [String]?, consentRule: String?, checkedOnResolution: [String]?) {
                self.id = id
                self.team = team
                self.name = name
                self.description = description
                self.cost = cost
                self.covert = covert
                self.params = params
                self.consentFrom = consentFrom
                self.consentRule = consentRule
                self.checkedOnResolution = checkedOnResolution
            }

            public static func == (a: Fixed, b: Fixed) -> Bool {
                a === b || (a.id == b.id && a.team == b.team && a.name == b.name && a.description == b.description && a.cost == b.cost
                            && a.covert == b.covert && a.params == b.params && a.consentFrom == b.consentFrom
                            && a.consentRule == b.consentRule && a.checkedOnResolution == b.checkedOnResolution)
            }

            public func hash(into h: inout Hasher) {
                h.combine(id); h.combine(team); h.combine(name); h.combine(description); h.combine(cost); h.combine(covert)
                h.combine(params); h.combine(consentFrom); h.combine(consentRule); h.combine(checkedOnResolution)
            }
        }

        /// The part that never changes (shared between views; see `Fixed`).
        public var fixed: Fixed
        /// The chance of success now, with the modifiers that hold now (nil: always succeeds).
        public var chance: Int?
        public var available: Bool
        /// Why it cannot be taken now, when `available` is false.
        public var reason: String?

        public var id: String { fixed.id }
        public var team: String { fixed.team }
        public var name: String { fixed.name }
        public var description: String { fixed.description }
        public var cost: Int { fixed.cost }
        public var covert: Bool { fixed.covert }
        public var params: [ParameterInfo] { fixed.params }
        public var consentFrom: [String]? { fixed.consentFrom }
        public var consentRule: String? { fixed.consentRule }
        /// Requirements that depend on the chosen parameters; checked when orders resolve.
        public var checkedOnResolution: [String]? { fixed.checkedOnResolution }

        public init(fixed: Fixed, chance: Int?, available: Bool, reason: String?) {
            self.fixed = fixed
            self.chance = chance
            self.available = available
            self.reason = reason
        }

        public init(id: String, team: String, name: String, description: String, cost: Int, covert: Bool, params: [ParameterInfo],
                    chance: Int?, consentFrom: [String]?, consentRule: String?, available: Bool, reason: String?,
                    checkedOnResolution: [String]?) {
            self.init(fixed: Fixed(id: id, team: team, name: name, description: description, cost: cost, covert: covert, params: params,
                                   consentFrom: consentFrom, consentRule: consentRule, checkedOnResolution: checkedOnResolution),
                      chance: chance, available: available, reason: reason)
        }

        // The wire's form, as the synthesized conformance wrote it when every property was stored: keys in this
        // order, absent optionals left out.
        private enum CodingKeys: String, CodingKey {
            case id, team, name, description, cost, covert, params, chance, consentFrom, consentRule, available, reason, checkedOnResolution
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(String.self, forKey: .id), team: try c.decode(String.self, forKey: .team),
                      name: try c.decode(String.self, forKey: .name), description: try c.decode(String.self, forKey: .description),
                      cost: try c.decode(Int.self, forKey: .cost), covert: try c.decode(Bool.self, forKey: .covert),
                      params: try c.decode([ParameterInfo].self, forKey: .params), chance: try c.decodeIfPresent(Int.self, forKey: .chance),
                      consentFrom: try c.decodeIfPresent([String].self, forKey: .consentFrom),
                      consentRule: try c.decodeIfPresent(String.self, forKey: .consentRule),
                      available: try c.decode(Bool.self, forKey: .available), reason: try c.decodeIfPresent(String.self, forKey: .reason),
                      checkedOnResolution: try c.decodeIfPresent([String].self, forKey: .checkedOnResolution))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(team, forKey: .team)
            try c.encode(name, forKey: .name)
            try c.encode(description, forKey: .description)
            try c.encode(cost, forKey: .cost)
            try c.encode(covert, forKey: .covert)
            try c.encode(params, forKey: .params)
            try c.encodeIfPresent(chance, forKey: .chance)
            try c.encodeIfPresent(consentFrom, forKey: .consentFrom)
            try c.encodeIfPresent(consentRule, forKey: .consentRule)
            try c.encode(available, forKey: .available)
            try c.encodeIfPresent(reason, forKey: .reason)
            try c.encodeIfPresent(checkedOnResolution, forKey: .checkedOnResolution)
        }
    }
    /// An action of another team on which this team decides.
    public struct ConsentInfo: Sendable, Hashable, Codable {
        public var action: String
        public var name: String
        public var teams: [String]
        public var rule: String
        public var decision: ConsentDecision?
    }
    /// Another team's action, as anyone may know it from the scenario: for proposing deals that name it.
    public struct CatalogEntry: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var teams: [String]
        public var cost: Int
        public var params: [ParameterInfo]
    }
    /// A scenario event the instructor can inject.
    public struct EventInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var kind: String
        public var fired: Int
        /// What firing it does, one line per effect, in the scenario's names.
        public var effects: [String]? = nil
        /// When it fires by itself (triggered events and events with a condition); injecting ignores it.
        public var condition: String? = nil
        /// The news it publishes, if any.
        public var news: String? = nil
    }
    public struct OutcomeInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var text: String
        public var reason: String
        public var scores: [String: Int]
        public var objectives: [ObjectiveInfo]
    }
    public struct ObjectiveInfo: Sendable, Hashable, Codable {
        public var id: String
        public var team: String
        public var text: String
        public var points: Int
        public var met: Bool?
    }

    public var viewer: String
    public var ruleset: String
    public var title: String
    public var turn: Int
    public var turns: Int
    public var date: String
    public var phase: Phase
    public var teams: [TeamInfo]
    public var tracks: [TrackInfo]
    public var flags: [FlagInfo]
    public var projects: [ProjectInfo]
    /// This team's draft (a team's view), or every team's (the instructor's), keyed by team id.
    public var orders: [String: TeamOrders]?
    public var spent: [String: Int]?
    public var actions: [ActionInfo]?
    public var consents: [ConsentInfo]?
    /// Every team's non-covert actions (team and instructor views): what a deal may commit a team to.
    public var catalog: [CatalogEntry]?
    /// The scenario's events (instructor view only).
    public var events: [EventInfo]?
    public var deals: [Deal]
    public var objectives: [ObjectiveInfo]?
    public var records: [Record]
    public var outcome: OutcomeInfo?
    /// The scenario's map, if it has one (see `MapInfo`).
    public var map: MapInfo? = nil
}
