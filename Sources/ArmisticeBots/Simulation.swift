import ArmisticeEngine

/// Plays whole games with bots, to see how a scenario tends to end before a class plays it.
public struct Simulation: Sendable {
    public let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    /// The result of one game.
    public struct Game: Sendable {
        public var outcome: Int
        public var scores: [Int]
        public var turns: Int
        public var finalHash: String
        public var state: GameState
        /// Every order record of the game, in order (kept even when the state keeps no history).
        public var orders: [Record] = []
        /// Per order record of an action that needs consent and reached the consent step: per consenting team, given or not.
        public var consents: [ConsentAnswer] = []
    }

    /// One consenting team's answer to one order that asked for its consent.
    public struct ConsentAnswer: Sendable, Hashable {
        public var action: Int
        public var team: Int
        public var given: Bool
    }

    /// The bots of a run: `kinds` per team, except teams the ruleset pins in `bots:` and those in `pinned` (which wins).
    public static func bots(for ruleset: Ruleset, kinds: [BotKind], pinned: [String: BotKind] = [:]) -> [BotKind] {
        ruleset.teams.enumerated().map { i, team in
            pinned[team.id] ?? ruleset.botPolicies[team.id].flatMap(BotKind.init(rawValue:)) ?? kinds[i]
        }
    }

    /// Plays one game from `seed`, each team played by the bot `bots[team]` (or by `kind` for all).
    public func play(seed: UInt64, bots kinds: [BotKind], keepHistory: Bool = true) -> Game {
        let engine = keepHistory ? self.engine : Engine(ruleset: self.engine.ruleset, keepsHistory: false)
        var state = engine.newGame(seed: seed)
        var lastHash: String?
        var bots = kinds.enumerated().map { i, kind in kind.make(seed: seed &+ UInt64(i) &* 0x9E37_79B9) }
        var orders: [Record] = []
        var answers: [ConsentAnswer] = []
        do {
            try engine.apply(.start, to: &state)
            while !state.isOver {
                switch state.phase {
                case .orders:
                    var decisions: [[String: ConsentDecision]] = []
                    for t in engine.ruleset.teams.indices {
                        let teamOrders = bots[t].orders(engine: engine, state: state, team: t)
                        decisions.append(teamOrders.consents)
                        try engine.apply(.setOrders(team: engine.ruleset.teams[t].id, orders: teamOrders), to: &state)
                        try engine.apply(.lockOrders(team: engine.ruleset.teams[t].id), to: &state)
                    }
                    let records = try engine.apply(.advance, to: &state)
                    for r in records where r.kind == .order {
                        orders.append(r)
                        answers += consentAnswers(r, decisions)
                    }
                    lastHash = records.last { $0.kind == .hash }?.hash ?? lastHash
                default:
                    try engine.apply(.advance, to: &state)
                }
            }
        } catch {
            preconditionFailure("a bot gave an invalid input: \(error)")
        }
        return Game(outcome: state.outcome ?? engine.ruleset.outcomes.count - 1, scores: state.scores ?? [], turns: state.turn,
                    finalHash: lastHash ?? engine.stateHash(state), state: state, orders: orders, consents: answers)
    }

    private func consentAnswers(_ r: Record, _ decisions: [[String: ConsentDecision]]) -> [ConsentAnswer] {
        guard let id = r.action, let a = engine.ruleset.actionIndex(id), let consent = engine.ruleset.actions[a].consent,
              ["success", "failure", "refused", "lapsed"].contains(r.result ?? "") else { return [] }
        return consent.from.map { c in
            let decision = decisions[c][id]
            return ConsentAnswer(action: a, team: c, given: consent.rule == .veto ? decision != .block : decision == .approve)
        }
    }

    /// The seed of game `index` in a run seeded with `seed`.
    public static func gameSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var mixer = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        return mixer.next()
    }

    /// Plays `games` games and summarises them: outcomes, scores, lengths, orders, consents, objectives and endings' claims.
    public func run(games: Int, seed: UInt64, bots: [BotKind]) -> SimulationReport {
        var tally = SimulationTally(engine: engine)
        for g in 0..<games { tally.add(play(seed: Self.gameSeed(seed, g), bots: bots, keepHistory: false)) }
        return tally.report(seed: seed, bots: bots)
    }
}
