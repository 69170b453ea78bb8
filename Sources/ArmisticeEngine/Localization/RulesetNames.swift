/// A ruleset's names for records (teams, actions, tracks, flags, projects, events), and who proposed each deal when
/// the state's deals are given. Built once per ruleset; `with(deals:)` is cheap.
public struct RulesetNames: RecordNames, Sendable {
    private let teams: [String: String]
    private let actions: [String: String]
    private let targets: [String: String]
    private let events: [String: String]
    private let flags: Set<String>
    private let stages: [String: [String]]
    /// Action id → parameter id → label, for the parameters the scenario labels.
    private let parameters: [String: [String: String]]
    private var proposers: [Int: String] = [:]

    /// `ruleset` as the reader reads it (`Ruleset.localized(to:)` for another language).
    public init(ruleset: Ruleset) {
        func index(_ pairs: [(String, String)]) -> [String: String] { Dictionary(pairs, uniquingKeysWith: { a, _ in a }) }
        teams = index(ruleset.teams.map { ($0.id, $0.name) })
        actions = index(ruleset.actions.map { ($0.id, $0.name) })
        targets = index(ruleset.tracks.map { ($0.id, $0.name) } + ruleset.flags.map { ($0.id, $0.name) } + ruleset.projects.map { ($0.id, $0.name) })
        events = index(ruleset.events.map { ($0.id, $0.name) })
        flags = Set(ruleset.flags.map(\.id))
        stages = Dictionary(ruleset.projects.map { ($0.id, $0.statuses) }, uniquingKeysWith: { a, _ in a })
        var parameters: [String: [String: String]] = [:]
        for action in ruleset.actions {
            for p in action.parameters { if let label = p.label, !label.isEmpty { parameters[action.id, default: [:]][p.id] = label } }
        }
        self.parameters = parameters
    }

    /// The same names, knowing who proposed each of `deals`.
    public func with(deals: [Deal]) -> RulesetNames {
        var copy = self
        copy.proposers = Dictionary(deals.map { ($0.id, $0.proposer) }, uniquingKeysWith: { a, _ in a })
        return copy
    }

    public func teamName(_ id: String) -> String? { teams[id] }
    public func actionName(_ id: String) -> String? { actions[id] }
    public func targetName(_ id: String) -> String? { targets[id] }
    public func isFlag(_ id: String) -> Bool { flags.contains(id) }
    /// A stage as the scenario names it; an English status id (`partial_reopening`) made readable.
    public func stageName(_ project: String, at index: Int) -> String? {
        guard let list = stages[project], list.indices.contains(index) else { return nil }
        return RecordText.readable(list[index])
    }
    public func parameterName(_ parameter: String, of action: String) -> String? { parameters[action]?[parameter] }
    public func eventName(_ id: String) -> String? { events[id] }
    public func dealProposer(_ id: Int) -> String? { proposers[id] }
}
