import ArmisticeEngine
import Synchronization

/// A player that chooses a team's orders for the current turn. Bots never touch the game's own dice.
public protocol Bot: Sendable {
    /// The orders (and consent decisions) this bot gives for `team` in `state`.
    mutating func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders
}

/// The strategies `armistice simulate` can pit against each other, and that a ruleset's `bots:` may pin per team
/// (`Ruleset.botPolicyNames` lists the same names).
public enum BotKind: String, Sendable, CaseIterable, Codable {
    /// Pursues the team's objectives one step ahead (see `GreedyBot`).
    case greedy
    /// Random affordable orders and random consents.
    case random
    /// Orders as greedy does, and blocks (or does not approve) every request that needs its consent.
    case blockAll = "block-all"
    /// Orders as greedy does, and approves every request that needs its consent.
    case approveAll = "approve-all"
    /// Gives no orders and answers no consent question (the consent rule's default applies).
    case idle

    public func make(seed: UInt64) -> any Bot {
        switch self {
        case .random: return RandomBot(seed: seed)
        case .greedy: return GreedyBot(seed: seed)
        case .blockAll: return ConsentPolicyBot(inner: GreedyBot(seed: seed), decision: .block)
        case .approveAll: return ConsentPolicyBot(inner: GreedyBot(seed: seed), decision: .approve)
        case .idle: return IdleBot()
        }
    }
}

/// One concrete order a team could give: an action with one combination of parameter choices.
struct Candidate: Sendable {
    var order: Order
    var resolved: Engine.ResolvedOrder
    var cost: Int
}

/// What the bots need of a ruleset, worked out once: every concrete order of every team (numbers sampled at their minimum, middle and maximum).
final class CandidateTable: Sendable {
    /// Every concrete order per team, `bots_skip` actions included (the greedy bot judges consent requests by them).
    let byTeam: [[Candidate]]
    /// Per team: the orders a bot may give, which leave out every action with a `bots_skip` reason.
    let choosable: [[Candidate]]
    /// Per team: its objectives and the shared ones, as the greedy bot weighs them.
    let objectives: [[SoftObjective]]

    init(engine: Engine) {
        let ruleset = engine.ruleset
        objectives = ruleset.teams.indices.map { team in
            ruleset.objectives.filter { $0.team == nil || $0.team == team }.map { objective in
                switch objective.scoring {
                case .condition(let cond, let points): return .condition(SoftCondition(cond.node, ruleset: ruleset), points: points)
                case .score(let expr): return .score(expr)
                }
            }
        }
        byTeam = ruleset.teams.indices.map { team in
            var result: [Candidate] = []
            for action in ruleset.actions where action.teams.contains(team) {
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
                    guard let resolved = try? engine.resolve(order, team: team) else { continue }
                    result.append(Candidate(order: order, resolved: resolved, cost: action.cost))
                }
            }
            return result
        }
        choosable = byTeam.map { list in list.filter { ruleset.actions[$0.resolved.action].botsSkip == nil } }
    }

    private static let cache = Mutex<[String: CandidateTable]>([:])

    static func of(_ engine: Engine) -> CandidateTable {
        let key = engine.ruleset.sourceHash + "/" + (engine.ruleset.variant ?? "")
        if let table = cache.withLock({ $0[key] }) { return table }
        let table = CandidateTable(engine: engine)
        cache.withLock { $0[key] = table }
        return table
    }
}

/// The orders a bot of a team could give now: its candidates whose preconditions hold, never a `bots_skip` action
/// (unless `includingBotsSkip`, for a bot that must still draw its dice for them).
func candidateOrders(_ table: CandidateTable, engine: Engine, state: GameState, team: Int, includingBotsSkip: Bool = false) -> [Candidate] {
    (includingBotsSkip ? table.byTeam[team] : table.choosable[team]).filter { engine.requirementsHold($0.resolved, in: state) && engine.guardsHold($0.resolved, in: state) }
}
