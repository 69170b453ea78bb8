import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// The bots order a `repeatable: true` action as often as the budget allows, as a student may.
@Suite struct RepeatableBotTests {
    /// One team, budget 5, one repeatable action worth one point each time.
    static func text(cost: Int = 1, repeatable: Bool = true) -> String {
        """
        format: 1
        id: rep
        title: Rep
        version: "1"
        calendar: {turns: 2}
        teams:
          - {id: a, name: A, colour: "#112233", budget: 5}
        tracks:
          - {id: t, name: T, min: 0, max: 100, start: 0}
        actions:
          - {id: grow, team: a, name: Grow, cost: \(cost), repeatable: \(repeatable), effects: ["t += 1"]}
        objectives:
          - {id: o, team: a, text: T, score: "t"}
        outcomes:
          - {id: end, name: End, if: "true"}
        """
    }

    func play(_ text: String, bot: BotKind, seed: UInt64 = 1) throws -> Simulation.Game {
        Simulation(engine: Engine(ruleset: try RulesetLoader.load(text: text, file: "rep.yaml"))).play(seed: seed, bots: [bot])
    }

    @Test func greedySpendsItsWholeBudgetOnARepeatableAction() throws {
        let game = try play(Self.text(), bot: .greedy)
        #expect(game.state.tracks[0] == 10, "5 orders a turn for 2 turns")
        #expect(game.orders.count == 10)
        #expect(try play(Self.text(), bot: .greedy).finalHash == game.finalHash, "the same seed gives the same game")
        let once = try play(Self.text(repeatable: false), bot: .greedy)
        #expect(once.state.tracks[0] == 2, "a non-repeatable action is ordered once a turn")
    }

    @Test func greedyStopsAtTheOrderLimit() throws {
        let game = try play(Self.text(cost: 0), bot: .greedy)
        #expect(game.state.tracks[0] == 2 * Engine.maxOrdersPerTurn, "a free action: as many orders as a turn takes, all accepted")
    }

    @Test func randomMayDrawARepeatableActionAgain() throws {
        var most = 0
        for seed in 0..<20 as Range<UInt64> {
            let game = try play(Self.text(), bot: .random, seed: seed)
            #expect(try play(Self.text(), bot: .random, seed: seed).finalHash == game.finalHash)
            most = max(most, Dictionary(grouping: game.orders, by: \.turn).values.map(\.count).max() ?? 0)
        }
        #expect(most > 1, "in some turn the random bot ordered grow more than once")
        #expect(most <= 3, "the random bot gives at most 3 orders a turn")
    }
}
