import ArmisticeEngine

/// Takes random affordable actions with random parameters and decides consents at random.
public struct RandomBot: Bot {
    var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed ^ 0x5241_4E44_4F4D) }

    public mutating func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders {
        var candidates = candidateOrders(CandidateTable.of(engine), engine: engine, state: state, team: team)
        // What the team's agreed deals order comes out of the budget first, and is not ordered again.
        let promised = engine.promisedActions(team: team, in: state)
        var budget = state.budgets[team] - promised.cost
        var chosen: [Order] = []
        var used = Set(promised.actions.keys)
        let wanted = random.roll(4) - 1
        while chosen.count < wanted, !candidates.isEmpty {
            let pick = random.roll(candidates.count) - 1
            let candidate = candidates[pick]
            let repeatable = engine.ruleset.actions[candidate.resolved.action].repeatable
            // A repeatable order stays in the pool, so it may be drawn again (and leaves it once unaffordable).
            guard candidate.cost <= budget, repeatable || !used.contains(candidate.order.action) else { candidates.remove(at: pick); continue }
            if !repeatable { candidates.remove(at: pick) }
            chosen.append(candidate.order)
            used.insert(candidate.order.action)
            budget -= candidate.cost
        }
        var consents: [String: ConsentDecision] = [:]
        for question in engine.consentQuestions(team: team, in: state) {
            consents[question.action] = random.roll(2) == 1 ? .approve : .block
        }
        return TeamOrders(orders: chosen, consents: consents)
    }
}
