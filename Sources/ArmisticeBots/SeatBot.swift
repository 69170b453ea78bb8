import ArmisticeEngine

/// A bot that holds a seat in a live room: it decides for its team from that team's view alone (the engine's masked
/// state), with dice of its own seeded from the match seed, the turn and the team, so the same match gives the same
/// decisions. Its decisions reach the room as ordinary inputs.
public struct SeatBot: Sendable, Hashable {
    public let kind: BotKind

    public init(kind: BotKind) { self.kind = kind }

    /// The team's orders and consent decisions for this turn.
    public func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders {
        var bot = kind.make(seed: state.seed ^ (UInt64(truncatingIfNeeded: state.turn) &* 0x9E37_79B9) ^ (UInt64(team) << 48))
        return bot.orders(engine: engine, state: engine.masked(state, for: team), team: team)
    }

    /// The documented rule for deals: accept when the state after every commitment succeeds is worth at least as much
    /// to the team's objectives (as the greedy bot weighs them) as the state without the deal. `block-all` and `idle`
    /// refuse every deal; `approve-all` and `random` accept every deal. Every policy refuses a deal that commits its team to a
    /// `bots_skip` action.
    public func accepts(_ deal: Deal, engine: Engine, state: GameState, team: Int) -> Bool {
        // A deal that would have this team order a `bots_skip` action: no bot agrees to it, whatever its policy.
        let own = engine.ruleset.teams[team].id
        if deal.commitments.contains(where: { c in
            c.team == own && c.action.flatMap(engine.ruleset.actionIndex).map { engine.ruleset.actions[$0].botsSkip != nil } == true
        }) { return false }
        switch kind {
        case .blockAll, .idle: return false
        case .approveAll, .random: return true
        case .greedy: break
        }
        let seen = engine.masked(state, for: team)
        let table = CandidateTable.of(engine)
        var after = seen
        for c in deal.commitments {
            guard let action = c.action, let t = engine.ruleset.teamIndex(c.team),
                  let resolved = try? engine.resolve(Order(action: action, params: c.params ?? [:]), team: t) else { continue }
            after = engine.preview(resolved, success: true, on: after)
        }
        return GreedyBot.value(engine: engine, state: after, team: team, table: table)
            >= GreedyBot.value(engine: engine, state: seen, team: team, table: table)
    }
}
