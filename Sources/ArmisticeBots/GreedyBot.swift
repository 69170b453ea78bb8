import ArmisticeEngine

/// Pursues its team's objectives: it scores each possible order by how much closer one step of it brings the team to
/// its objectives (weighted by the chance of success and by cost) and takes the best it can afford. It blocks other
/// teams' actions that would set it back. A little noise keeps games from being identical.
public struct GreedyBot: Bot {
    var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed ^ 0x4752_4545_4459) }

    public mutating func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders {
        let table = CandidateTable.of(engine)
        let now = Self.value(engine: engine, state: state, team: team, table: table)
        var scored: [(order: Order, action: Int, cost: Int, gain: Double)] = []
        for candidate in candidateOrders(table, engine: engine, state: state, team: team, includingBotsSkip: true) {
            let action = engine.ruleset.actions[candidate.resolved.action]
            // A `bots_skip` action is never chosen; its noise is still drawn, so that the other choices (and the
            // figures of a file whose bots would not have chosen it anyway) stay as they were.
            if action.botsSkip != nil {
                _ = random.roll(1000)
                continue
            }
            var p = Double(engine.chance(of: candidate.resolved, in: state)) / 100
            if action.consent != nil { p *= 0.6 }
            let onSuccess = Self.value(engine: engine, state: engine.preview(candidate.resolved, success: true, on: state), team: team, table: table)
            let onFailure = action.failureEffects.isEmpty ? now
                : Self.value(engine: engine, state: engine.preview(candidate.resolved, success: false, on: state), team: team, table: table)
            let expected = p * (onSuccess - now) + (1 - p) * (onFailure - now)
            let noise = (Double(random.roll(1000)) / 1000 - 0.5) * 0.3
            scored.append((candidate.order, candidate.resolved.action, candidate.cost, expected / Double(candidate.cost + 1) + noise))
        }
        scored.sort { $0.gain > $1.gain }
        // What the team's agreed deals order comes out of the budget first, and is not ordered again.
        let promised = engine.promisedActions(team: team, in: state)
        var budget = state.budgets[team] - promised.cost
        var chosen: [Order] = []
        var used = Set(promised.actions.keys.compactMap { engine.actionIndex[$0] })
        // Best first; a repeatable action stays the best candidate while it is affordable, so it is taken again.
        for item in scored where item.gain > 0 {
            let repeatable = engine.ruleset.actions[item.action].repeatable
            if !repeatable, used.contains(item.action) { continue }
            while item.cost <= budget, chosen.count < Engine.maxOrdersPerTurn {
                chosen.append(item.order)
                used.insert(item.action)
                budget -= item.cost
                if !repeatable { break }
            }
        }
        var consents: [String: ConsentDecision] = [:]
        for question in engine.consentQuestions(team: team, in: state) {
            guard let a = engine.ruleset.actionIndex(question.action), let asker = engine.ruleset.actions[a].teams.first else { continue }
            // Judge the request by its typical effect: its first parameter choices.
            let sample = table.byTeam[asker].first { $0.resolved.action == a }
            guard let sample else { consents[question.action] = .approve; continue }
            let after = Self.value(engine: engine, state: engine.preview(sample.resolved, success: true, on: state), team: team, table: table)
            consents[question.action] = after + 0.05 >= now ? .approve : .block
        }
        return TeamOrders(orders: chosen, consents: consents)
    }

    /// How well the team is doing on its objectives (and the shared ones), with partial credit for being close.
    static func value(engine: Engine, state: GameState, team: Int, table: CandidateTable) -> Double {
        var total = 0.0
        for objective in table.objectives[team] {
            switch objective {
            case .condition(let cond, let points): total += Double(points) * cond.value(engine, state)
            case .score(let expr): total += Double(engine.evaluate(expr, in: state))
            }
        }
        return total
    }
}

/// An objective as the greedy bot weighs it.
enum SoftObjective: Sendable {
    case condition(SoftCondition, points: Int)
    case score(Expr)
}

/// A condition with fuzzy truth in 0...1: 1 when it holds, less the further it is from holding.
indirect enum SoftCondition: Sendable {
    case and(SoftCondition, SoftCondition)
    case or(SoftCondition, SoftCondition)
    case not(SoftCondition)
    case compare(Expr.ComparisonOperator, Expr, Expr, scale: Double)
    case exact(Expr)

    init(_ node: ExprNode, ruleset: Ruleset) {
        switch node {
        case .and(let a, let b): self = .and(SoftCondition(a, ruleset: ruleset), SoftCondition(b, ruleset: ruleset))
        case .or(let a, let b): self = .or(SoftCondition(a, ruleset: ruleset), SoftCondition(b, ruleset: ruleset))
        case .not(let a): self = .not(SoftCondition(a, ruleset: ruleset))
        case .compare(let op, let a, let b):
            let range: Int
            switch a {
            case .track(let i): range = ruleset.tracks[i].max - ruleset.tracks[i].min
            case .project(let i): range = ruleset.projects[i].statuses.count
            default: range = 10
            }
            self = .compare(op, Expr(a), Expr(b), scale: Double(max(2, range / 2)))
        default: self = .exact(Expr(node))
        }
    }

    func value(_ engine: Engine, _ state: GameState) -> Double {
        switch self {
        case .and(let a, let b):
            let x = a.value(engine, state), y = b.value(engine, state)
            return 0.5 * min(x, y) + 0.25 * (x + y)
        case .or(let a, let b): return max(a.value(engine, state), b.value(engine, state))
        case .not(let a): return 1 - a.value(engine, state)
        case .compare(let op, let a, let b, let scale):
            let d = Double(engine.evaluate(a, in: state) - engine.evaluate(b, in: state))
            switch op {
            case .greaterOrEqual: return d >= 0 ? 1 : max(0, 1 + d / scale)
            case .greater: return d > 0 ? 1 : max(0, 1 + (d - 1) / scale)
            case .lessOrEqual: return d <= 0 ? 1 : max(0, 1 - d / scale)
            case .less: return d < 0 ? 1 : max(0, 1 - (d + 1) / scale)
            case .equal: return d == 0 ? 1 : max(0, 1 - abs(d) / scale)
            case .notEqual: return d != 0 ? 1 : 0
            }
        case .exact(let e): return engine.holds(e, in: state) ? 1 : 0
        }
    }
}
