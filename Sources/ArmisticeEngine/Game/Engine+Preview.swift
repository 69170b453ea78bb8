extension Engine {
    /// The state after an order's effects (on success or failure), with nothing recorded. For bots that look one step ahead.
    public func preview(_ order: ResolvedOrder, success: Bool, on state: GameState) -> GameState {
        var copy = state
        var scratch: [Record] = []
        let action = ruleset.actions[order.action]
        execute(success ? action.effects : action.failureEffects, on: &copy, params: order.params, cause: "", into: &scratch, recording: false)
        return copy
    }

    /// The chance (percent) an order would succeed now, with the modifiers that hold now; 100 when it has no dice.
    public func chance(of order: ResolvedOrder, in state: GameState) -> Int {
        let action = ruleset.actions[order.action]
        guard var c = action.chance else { return 100 }
        for m in action.modifiers where holds(m.condition, in: state, params: order.params) { c += m.add }
        return max(0, min(100, c))
    }

    /// Whether every guard of an order would hold if its effects applied to `state` now.
    public func guardsHold(_ order: ResolvedOrder, in state: GameState) -> Bool {
        ruleset.actions[order.action].guards.allSatisfy { holds($0.condition, in: state, params: order.params) }
    }

    /// Whether every precondition of an order holds now.
    public func requirementsHold(_ order: ResolvedOrder, in state: GameState) -> Bool {
        ruleset.actions[order.action].requirements.allSatisfy { holds($0.condition, in: state, params: order.params) }
    }
}
