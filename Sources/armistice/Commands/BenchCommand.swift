import ArgumentParser
import ArmisticeBots
import ArmisticeEngine
import Foundation

/// `armistice bench engine FILE`: prints the engine's speed. Figures, not pass/fail: the targets are in docs/performance.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure and print performance figures.", subcommands: [Engine_.self, BenchRoomsCommand.self, AbuseBenchCommand.self])

    struct Engine_: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "engine",
            abstract: "Time ruleset loading, turn resolution and whole simulated games on one core.")
        @Argument(help: "The scenario file (YAML).") var file: String = "rulesets/koreanization.yaml"
        @Option(help: "Games to simulate.") var games: Int = 10_000
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            let text = try RulesetFile.read(file)
            let clock = ContinuousClock()
            var ruleset: Ruleset?
            let loads = 50
            let loadTime = try clock.measure {
                for _ in 0..<loads { ruleset = try RulesetLoader.load(text: text, file: file) }
            }
            let engine = Engine(ruleset: ruleset!)
            // Turn resolution alone: the same prepared orders-phase state adjudicated again and again.
            let simulation = Simulation(engine: engine)
            var prepared: [(GameState, Int)] = []
            for g in 0..<200 {
                var state = engine.newGame(seed: UInt64(g))
                var bots = (0..<ruleset!.teams.count).map { GreedyBot(seed: UInt64(g * 10 + $0)) }
                try engine.apply(.start, to: &state)
                try engine.apply(.advance, to: &state)
                try engine.apply(.advance, to: &state)
                for t in ruleset!.teams.indices {
                    try engine.apply(.setOrders(team: ruleset!.teams[t].id, orders: bots[t].orders(engine: engine, state: state, team: t)), to: &state)
                }
                prepared.append((state, g))
            }
            // Timed without the record history that views need, so each run measures the resolution and not a copy of
            // the prepared state's history.
            let resolver = Engine(ruleset: ruleset!, keepsHistory: false)
            let resolutions = 20_000
            var sink = 0
            let resolveTime = try clock.measure {
                for i in 0..<resolutions {
                    var state = prepared[i % prepared.count].0
                    sink &+= try resolver.apply(.advance, to: &state).count
                }
            }
            let gameTime = clock.measure {
                for g in 0..<games { sink &+= simulation.play(seed: UInt64(g), bots: Array(repeating: .greedy, count: ruleset!.teams.count)).turns }
            }
            let randomTime = clock.measure {
                for g in 0..<games { sink &+= simulation.play(seed: UInt64(g), bots: Array(repeating: .random, count: ruleset!.teams.count)).turns }
            }
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let figures: [(String, Double, String)] = [
                ("load_and_check_ms", seconds(loadTime) / Double(loads) * 1000, "ms to load and check the ruleset"),
                ("turn_resolution_us", seconds(resolveTime) / Double(resolutions) * 1e6, "µs per turn resolution (adjudication of 4 teams' orders)"),
                ("greedy_games_per_second", Double(games) / seconds(gameTime), "whole games per second, greedy bots (one core)"),
                ("greedy_seconds_for_games", seconds(gameTime), "seconds for \(games) greedy games"),
                ("random_games_per_second", Double(games) / seconds(randomTime), "whole games per second, random bots (one core)"),
            ]
            if json {
                let object = Dictionary(uniqueKeysWithValues: figures.map { ($0.0, $0.1) })
                print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
            } else {
                for (_, value, label) in figures { print(String(format: "%12.2f  %@", value, label)) }
            }
            if sink == 42 { print("") }
        }
    }
}
