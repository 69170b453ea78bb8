import ArmisticeEngine

/// A player that chooses a team's orders for the current turn. Bots never touch the game's own dice.
public protocol Bot: Sendable {
    /// The orders (and consent decisions) this bot gives for `team` in `state`.
    mutating func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders
}

/// The strategies `armistice simulate` can pit against each other.
public enum BotKind: String, Sendable, CaseIterable, Codable {
    case random, greedy

    public func make(seed: UInt64) -> any Bot {
        switch self {
        case .random: return RandomBot(seed: seed)
        case .greedy: return GreedyBot(seed: seed)
        }
    }
}

/// Every concrete order a team could give now: each action it may take, with each combination of parameter choices
/// (numbers sampled at their minimum, middle and maximum).
func candidateOrders(engine: Engine, state: GameState, team: Int) -> [(order: Order, resolved: Engine.ResolvedOrder, cost: Int)] {
    let ruleset = engine.ruleset
    var result: [(Order, Engine.ResolvedOrder, Int)] = []
    for (a, action) in ruleset.actions.enumerated() where action.teams.contains(team) {
        var combos: [[String: ParameterValue]] = [[:]]
        for p in action.parameters {
            let values: [ParameterValue]
            switch p.kind {
            case .number: values = Array(Set([p.min, (p.min + p.max) / 2, p.max])).sorted().map { .number($0) }
            case .team: values = p.choices.map { .id(ruleset.teams[$0].id) }
            case .project: values = p.choices.map { .id(ruleset.projects[$0].id) }
            }
            combos = combos.flatMap { combo in values.map { v in combo.merging([p.id: v]) { $1 } } }
        }
        for params in combos.prefix(24) {
            let order = Order(action: action.id, params: params)
            guard let resolved = try? engine.resolve(order, team: team), engine.requirementsHold(resolved, in: state) else { continue }
            _ = a
            result.append((order, resolved, action.cost))
        }
    }
    return result
}
