/// Who is looking at a match.
public enum Viewer: Sendable, Hashable {
    /// Sees everything.
    case instructor
    /// The public board (the classroom projector).
    case observer
    /// One team, by index in the ruleset.
    case team(Int)
}

/// The part of a view element that never changes while a match runs (an action's name and cost, a track's range),
/// built once by the engine and shared by every view that shows it: a class, so building, copying, comparing and
/// freeing an element costs one reference for the whole part, not one per string and list in it. The field tables
/// mark the rows read from it `shared`, and an element patch skips them when both elements share it
/// (`JSONFields.sharePart`).
public final class SharedPart<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public static func == (a: SharedPart, b: SharedPart) -> Bool { a === b || a.value == b.value }

    public func hash(into h: inout Hasher) { h.combine(value) }
}

/// What one viewer may see of a match: hidden tracks, other teams' orders before adjudication and other teams'
/// private intelligence are not in it at all. Clients render this and hold no rules.
public struct GameView: Sendable, Hashable, Codable {
    public struct TeamInfo: Sendable, Hashable, Codable {
        /// What never changes: the team's names and colour, and its brief in its own view and the instructor's (see
        /// `SharedPart`; the engine builds two per team, with the brief and without).
        public struct Fixed: Sendable, Hashable {
            public var id: String
            public var name: String
            public var colour: String
            public var brief: String?
        }

        public var fixed: SharedPart<Fixed>
        public var locked: Bool
        public var budget: Int?

        public var id: String { fixed.value.id }
        public var name: String { fixed.value.name }
        public var colour: String { fixed.value.colour }
        public var brief: String? { fixed.value.brief }

        public init(fixed: SharedPart<Fixed>, locked: Bool, budget: Int?) {
            self.fixed = fixed
            self.locked = locked
            self.budget = budget
        }

        public init(id: String, name: String, colour: String, locked: Bool, brief: String?, budget: Int?) {
            self.init(fixed: SharedPart(Fixed(id: id, name: name, colour: colour, brief: brief)), locked: locked, budget: budget)
        }

        // The wire's form, as the synthesized conformance wrote it when every property was stored.
        private enum CodingKeys: String, CodingKey { case id, name, colour, locked, brief, budget }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                      colour: try c.decode(String.self, forKey: .colour), locked: try c.decode(Bool.self, forKey: .locked),
                      brief: try c.decodeIfPresent(String.self, forKey: .brief), budget: try c.decodeIfPresent(Int.self, forKey: .budget))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(colour, forKey: .colour)
            try c.encode(locked, forKey: .locked)
            try c.encodeIfPresent(brief, forKey: .brief)
            try c.encodeIfPresent(budget, forKey: .budget)
        }
    }
    public struct TrackInfo: Sendable, Hashable, Codable {
        /// What never changes: the track's names and range (see `SharedPart`).
        public struct Fixed: Sendable, Hashable {
            public var id: String
            public var name: String
            public var description: String
            public var min: Int
            public var max: Int
        }

        public var fixed: SharedPart<Fixed>
        public var value: Int
        public var level: String?
        /// For the instructor: the teams that cannot see this track (absent when everyone can).
        public var hiddenFrom: [String]?

        public var id: String { fixed.value.id }
        public var name: String { fixed.value.name }
        public var description: String { fixed.value.description }
        public var min: Int { fixed.value.min }
        public var max: Int { fixed.value.max }

        public init(fixed: SharedPart<Fixed>, value: Int, level: String?, hiddenFrom: [String]?) {
            self.fixed = fixed
            self.value = value
            self.level = level
            self.hiddenFrom = hiddenFrom
        }

        public init(id: String, name: String, description: String, value: Int, min: Int, max: Int, level: String?, hiddenFrom: [String]?) {
            self.init(fixed: SharedPart(Fixed(id: id, name: name, description: description, min: min, max: max)), value: value,
                      level: level, hiddenFrom: hiddenFrom)
        }

        // The wire's form, as the synthesized conformance wrote it when every property was stored.
        private enum CodingKeys: String, CodingKey { case id, name, description, value, min, max, level, hiddenFrom }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                      description: try c.decode(String.self, forKey: .description), value: try c.decode(Int.self, forKey: .value),
                      min: try c.decode(Int.self, forKey: .min), max: try c.decode(Int.self, forKey: .max),
                      level: try c.decodeIfPresent(String.self, forKey: .level), hiddenFrom: try c.decodeIfPresent([String].self, forKey: .hiddenFrom))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(description, forKey: .description)
            try c.encode(value, forKey: .value)
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
            try c.encodeIfPresent(level, forKey: .level)
            try c.encodeIfPresent(hiddenFrom, forKey: .hiddenFrom)
        }
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
        /// What never changes: everything but `chance`, `available` and `reason` (see `SharedPart`). The engine
        /// builds one per team and action.
        public struct Fixed: Sendable, Hashable {
            public var id: String
            public var team: String
            public var name: String
            public var description: String
            public var cost: Int
            public var covert: Bool
            /// True when the action may be ordered more than once a turn (absent otherwise).
            public var repeatable: Bool? = nil
            public var params: [ParameterInfo]
            public var consentFrom: [String]?
            public var consentRule: String?
            /// Requirements that depend on the chosen parameters; checked when orders resolve.
            public var checkedOnResolution: [String]?
        }

        public var fixed: SharedPart<Fixed>
        /// The chance of success now, with the modifiers that hold now (nil: always succeeds).
        public var chance: Int?
        public var available: Bool
        /// Why it cannot be taken now, when `available` is false.
        public var reason: String?
        /// Which kind of reason it is, for a program: `match_over`, `not_drafting`, `locked`, `promised` (an agreed
        /// deal orders it), `already_ordered` (in the draft), `cost` or `requirement` (a requirement the state fails).
        public var reasonCode: String?
        /// A requirement the state fails (the scenario's reason), when `reasonCode` names another reason first
        /// (`already_ordered`, `promised` or `cost`): the order would still not be carried out as things stand.
        public var requirement: String?

        public var id: String { fixed.value.id }
        public var team: String { fixed.value.team }
        public var name: String { fixed.value.name }
        public var description: String { fixed.value.description }
        public var cost: Int { fixed.value.cost }
        public var covert: Bool { fixed.value.covert }
        public var repeatable: Bool? { fixed.value.repeatable }
        public var params: [ParameterInfo] { fixed.value.params }
        public var consentFrom: [String]? { fixed.value.consentFrom }
        public var consentRule: String? { fixed.value.consentRule }
        /// Requirements that depend on the chosen parameters; checked when orders resolve.
        public var checkedOnResolution: [String]? { fixed.value.checkedOnResolution }

        public init(fixed: SharedPart<Fixed>, chance: Int?, available: Bool, reason: String?, reasonCode: String? = nil) {
            self.fixed = fixed
            self.chance = chance
            self.available = available
            self.reason = reason
            self.reasonCode = reasonCode
        }

        public init(id: String, team: String, name: String, description: String, cost: Int, covert: Bool, params: [ParameterInfo],
                    chance: Int?, consentFrom: [String]?, consentRule: String?, available: Bool, reason: String?,
                    reasonCode: String? = nil, checkedOnResolution: [String]?, repeatable: Bool? = nil) {
            self.init(fixed: SharedPart(Fixed(id: id, team: team, name: name, description: description, cost: cost, covert: covert,
                                              repeatable: repeatable, params: params,
                                              consentFrom: consentFrom, consentRule: consentRule, checkedOnResolution: checkedOnResolution)),
                      chance: chance, available: available, reason: reason, reasonCode: reasonCode)
        }

        // The wire's form, as the synthesized conformance wrote it when every property was stored: keys in this
        // order, absent optionals left out.
        private enum CodingKeys: String, CodingKey {
            case id, team, name, description, cost, covert, repeatable, params, chance, consentFrom, consentRule, available, reason,
                 reasonCode, requirement, checkedOnResolution
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
                      reasonCode: try c.decodeIfPresent(String.self, forKey: .reasonCode),
                      checkedOnResolution: try c.decodeIfPresent([String].self, forKey: .checkedOnResolution),
                      repeatable: try c.decodeIfPresent(Bool.self, forKey: .repeatable))
            requirement = try c.decodeIfPresent(String.self, forKey: .requirement)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(team, forKey: .team)
            try c.encode(name, forKey: .name)
            try c.encode(description, forKey: .description)
            try c.encode(cost, forKey: .cost)
            try c.encode(covert, forKey: .covert)
            try c.encodeIfPresent(repeatable, forKey: .repeatable)
            try c.encode(params, forKey: .params)
            try c.encodeIfPresent(chance, forKey: .chance)
            try c.encodeIfPresent(consentFrom, forKey: .consentFrom)
            try c.encodeIfPresent(consentRule, forKey: .consentRule)
            try c.encode(available, forKey: .available)
            try c.encodeIfPresent(reason, forKey: .reason)
            try c.encodeIfPresent(reasonCode, forKey: .reasonCode)
            try c.encodeIfPresent(requirement, forKey: .requirement)
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
        /// The teams that decide on it in their own orders, and how (`veto` or `all`): a deal that commits a team
        /// to it can still be refused by them.
        public var consentFrom: [String]? = nil
        public var consentRule: String? = nil
    }
    /// A scenario event the instructor can inject.
    public struct EventInfo: Sendable, Hashable, Codable {
        /// What never changes: everything but `fired` (see `SharedPart`).
        public struct Fixed: Sendable, Hashable {
            public var id: String
            public var name: String
            public var kind: String
            /// What firing it does, one line per effect, in the scenario's names.
            public var effects: [String]?
            /// When it fires by itself (triggered events and events with a condition); injecting ignores it.
            public var condition: String?
            /// The news it publishes, if any.
            public var news: String?
        }

        public var fixed: SharedPart<Fixed>
        public var fired: Int

        public var id: String { fixed.value.id }
        public var name: String { fixed.value.name }
        public var kind: String { fixed.value.kind }
        /// What firing it does, one line per effect, in the scenario's names.
        public var effects: [String]? { fixed.value.effects }
        /// When it fires by itself (triggered events and events with a condition); injecting ignores it.
        public var condition: String? { fixed.value.condition }
        /// The news it publishes, if any.
        public var news: String? { fixed.value.news }

        public init(fixed: SharedPart<Fixed>, fired: Int) {
            self.fixed = fixed
            self.fired = fired
        }

        public init(id: String, name: String, kind: String, fired: Int, effects: [String]? = nil, condition: String? = nil, news: String? = nil) {
            self.init(fixed: SharedPart(Fixed(id: id, name: name, kind: kind, effects: effects, condition: condition, news: news)), fired: fired)
        }

        // The wire's form, as the synthesized conformance wrote it when every property was stored.
        private enum CodingKeys: String, CodingKey { case id, name, kind, fired, effects, condition, news }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                      kind: try c.decode(String.self, forKey: .kind), fired: try c.decode(Int.self, forKey: .fired),
                      effects: try c.decodeIfPresent([String].self, forKey: .effects),
                      condition: try c.decodeIfPresent(String.self, forKey: .condition), news: try c.decodeIfPresent(String.self, forKey: .news))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(kind, forKey: .kind)
            try c.encode(fired, forKey: .fired)
            try c.encodeIfPresent(effects, forKey: .effects)
            try c.encodeIfPresent(condition, forKey: .condition)
            try c.encodeIfPresent(news, forKey: .news)
        }
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
