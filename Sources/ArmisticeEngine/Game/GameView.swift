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
        public var id: String
        public var team: String
        public var name: String
        public var description: String
        public var cost: Int
        public var covert: Bool
        public var params: [ParameterInfo]
        /// The chance of success now, with the modifiers that hold now (nil: always succeeds).
        public var chance: Int?
        public var consentFrom: [String]?
        public var consentRule: String?
        public var available: Bool
        /// Why it cannot be taken now, when `available` is false.
        public var reason: String?
        /// Requirements that depend on the chosen parameters; checked when orders resolve.
        public var checkedOnResolution: [String]?
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
}
