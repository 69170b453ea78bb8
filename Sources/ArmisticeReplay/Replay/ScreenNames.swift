import ArmisticeEngine
import ArmisticeLocale

/// A ruleset's names for records, with every order parameter the scenario leaves unlabelled named as the players'
/// screens name it ("Which team"/"어느 팀", "Which project", "How much"), not by its id ("target"): the replay and the
/// report say what the browser said (outside tester qa9 L2).
struct ScreenNames: RecordNames, Sendable {
    private var names: RulesetNames
    /// Action id → parameter id → the default label of its kind, for the parameters the scenario leaves unlabelled.
    private let defaults: [String: [String: String]]

    init(_ names: RulesetNames, ruleset: Ruleset, language: Language) {
        self.names = names
        let catalog = Catalog(language: language)
        var defaults: [String: [String: String]] = [:]
        for action in ruleset.actions {
            for p in action.parameters where (p.label ?? "").isEmpty {
                defaults[action.id, default: [:]][p.id] = catalog.text("terminal.param.\(p.kind.rawValue)")
            }
        }
        self.defaults = defaults
    }

    /// The same names, knowing who proposed each of `deals`.
    func with(deals: [Deal]) -> ScreenNames {
        var copy = self
        copy.names = names.with(deals: deals)
        return copy
    }

    func teamName(_ id: String) -> String? { names.teamName(id) }
    func actionName(_ id: String) -> String? { names.actionName(id) }
    func targetName(_ id: String) -> String? { names.targetName(id) }
    func isFlag(_ id: String) -> Bool { names.isFlag(id) }
    func stageName(_ project: String, at index: Int) -> String? { names.stageName(project, at: index) }
    func parameterName(_ parameter: String, of action: String) -> String? {
        names.parameterName(parameter, of: action) ?? defaults[action]?[parameter]
    }
    func eventName(_ id: String) -> String? { names.eventName(id) }
    func dealProposer(_ id: Int) -> String? { names.dealProposer(id) }
}
