import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// `bots_skip`: an action only a human should choose. No bot orders it, whatever its policy, and simulate does not
/// list it as never chosen.
@Suite struct BotsSkipTests {
    /// Team a's `strike` is the best action by far for its objective; `talk` is worth little.
    static let text = """
        format: 1
        id: skip
        title: Skip
        version: "1"
        calendar: {turns: 4}
        teams:
          - {id: a, name: A, colour: "#112233", budget: 5}
          - {id: b, name: B, colour: "#332211", budget: 5}
        tracks:
          - {id: war, name: War, min: 0, max: 100, start: 0}
          - {id: calm, name: Calm, min: 0, max: 100, start: 0}
        actions:
          - {id: strike, team: a, name: Strike, cost: 1, repeatable: true, effects: ["war += 10"], bots_skip: "Catastrophic by design; only a human should choose it."}
          - {id: talk, team: a, name: Talk, cost: 1, effects: ["calm += 1"]}
          - {id: wait, team: b, name: Wait, cost: 1, effects: ["calm += 1"]}
        objectives:
          - {id: o, team: a, text: War, score: "war + calm"}
        outcomes:
          - {id: end, name: End, if: "true"}
        """

    func report(_ bots: [BotKind]) throws -> SimulationReport {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "skip.yaml"))
        return Simulation(engine: engine).run(games: 100, seed: 1, bots: bots)
    }

    @Test(arguments: [BotKind.greedy, .random, .blockAll, .approveAll])
    func noBotOrdersABotsSkipAction(_ kind: BotKind) throws {
        let r = try report([kind, .greedy])
        let strike = try #require(r.actions.first { $0.action == "strike" })
        #expect(strike.perGame == 0, "\(kind.rawValue) ordered strike")
        #expect(strike.botsSkip != nil)
        #expect(!r.neverChosen.contains("a/strike"), "a bots_skip action is not flagged as never chosen")
    }

    @Test func withoutBotsSkipTheGreedyBotTakesIt() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text.replacingOccurrences(
            of: ", bots_skip: \"Catastrophic by design; only a human should choose it.\"", with: ""), file: "skip.yaml"))
        let r = Simulation(engine: engine).run(games: 20, seed: 1, bots: [.greedy, .greedy])
        #expect((r.actions.first { $0.action == "strike" }?.perGame ?? 0) > 0)
    }

    @Test func aSeatBotRefusesADealThatCommitsItToABotsSkipAction() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "skip.yaml"))
        let state = engine.newGame(seed: 1)
        let deal = Deal(id: 1, turn: 1, proposer: "b", parties: ["a", "b"], commitments: [Commitment(team: "a", action: "strike")],
                        accepted: ["b"], status: .open, note: "")
        for kind in BotKind.allCases {
            #expect(!SeatBot(kind: kind).accepts(deal, engine: engine, state: state, team: 0), "\(kind.rawValue) accepted")
        }
        let harmless = Deal(id: 2, turn: 1, proposer: "b", parties: ["a", "b"], commitments: [Commitment(team: "a", action: "talk")],
                            accepted: ["b"], status: .open, note: "")
        #expect(SeatBot(kind: .approveAll).accepts(harmless, engine: engine, state: state, team: 0))
    }
}
