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
    }

    /// Plays one game from `seed`, each team played by the bot `bots[team]` (or by `kind` for all).
    public func play(seed: UInt64, bots kinds: [BotKind], keepHistory: Bool = true) -> Game {
        let engine = keepHistory ? self.engine : Engine(ruleset: self.engine.ruleset, keepsHistory: false)
        var state = engine.newGame(seed: seed)
        var lastHash: String?
        var bots = kinds.enumerated().map { i, kind in kind.make(seed: seed &+ UInt64(i) &* 0x9E37_79B9) }
        do {
            try engine.apply(.start, to: &state)
            while !state.isOver {
                switch state.phase {
                case .orders:
                    for t in engine.ruleset.teams.indices {
                        let orders = bots[t].orders(engine: engine, state: state, team: t)
                        try engine.apply(.setOrders(team: engine.ruleset.teams[t].id, orders: orders), to: &state)
                        try engine.apply(.lockOrders(team: engine.ruleset.teams[t].id), to: &state)
                    }
                    lastHash = try engine.apply(.advance, to: &state).last { $0.kind == .hash }?.hash ?? lastHash
                default:
                    try engine.apply(.advance, to: &state)
                }
            }
        } catch {
            preconditionFailure("a bot gave an invalid input: \(error)")
        }
        return Game(outcome: state.outcome ?? engine.ruleset.outcomes.count - 1, scores: state.scores ?? [], turns: state.turn,
                    finalHash: lastHash ?? engine.stateHash(state), state: state)
    }

    /// The seed of game `index` in a run seeded with `seed`.
    public static func gameSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var mixer = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        return mixer.next()
    }

    /// Plays `games` games and summarises how they ended.
    public func run(games: Int, seed: UInt64, bots: [BotKind]) -> SimulationReport {
        var counts = Array(repeating: 0, count: engine.ruleset.outcomes.count)
        var scoreTotals = Array(repeating: 0, count: engine.ruleset.teams.count)
        var turnTotal = 0
        for g in 0..<games {
            let game = play(seed: Self.gameSeed(seed, g), bots: bots, keepHistory: false)
            counts[game.outcome] += 1
            for (t, s) in game.scores.enumerated() { scoreTotals[t] += s }
            turnTotal += game.turns
        }
        let n = Double(max(1, games))
        return SimulationReport(
            ruleset: engine.ruleset.id, games: games, seed: seed,
            bots: Dictionary(uniqueKeysWithValues: engine.ruleset.teams.enumerated().map { ($1.id, bots[$0].rawValue) }),
            outcomes: engine.ruleset.outcomes.enumerated().map { i, o in
                SimulationReport.OutcomeShare(id: o.id, name: o.name, games: counts[i], share: Double(counts[i]) / n)
            },
            meanScores: Dictionary(uniqueKeysWithValues: engine.ruleset.teams.enumerated().map { ($1.id, Double(scoreTotals[$0]) / n) }),
            meanTurns: Double(turnTotal) / n)
    }
}

/// How a batch of simulated games ended.
public struct SimulationReport: Sendable, Codable {
    public struct OutcomeShare: Sendable, Codable {
        public var id: String
        public var name: String
        public var games: Int
        public var share: Double
    }
    public var ruleset: String
    public var games: Int
    public var seed: UInt64
    public var bots: [String: String]
    public var outcomes: [OutcomeShare]
    public var meanScores: [String: Double]
    public var meanTurns: Double
}
