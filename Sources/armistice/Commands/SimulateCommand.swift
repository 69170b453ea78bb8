import ArgumentParser
import ArmisticeBots
import ArmisticeEngine
import Foundation

/// `armistice simulate FILE --games N --seed S`: bots play whole games; prints the outcome distribution and mean scores.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play whole games with bots and print how they end, to judge a scenario's balance.")

    @Argument(help: "The scenario file (YAML).") var file: String
    @Option(help: "How many games to play.") var games: Int = 1000
    @Option(help: "The seed of the first game; the same seed gives the same games.") var seed: UInt64 = 1
    @Option(help: "The bot for every team: greedy or random; or one per team in ruleset order, comma-separated (greedy,random,greedy,greedy).")
    var bots: String = "greedy"
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        guard (1...1_000_000).contains(games) else { throw ValidationError("--games must be between 1 and 1000000") }
        for name in bots.split(separator: ",") where BotKind(rawValue: String(name)) == nil {
            throw ValidationError("unknown bot \"\(name)\"; the bots are \(BotKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let ruleset: Ruleset
        do { ruleset = try RulesetFile.load(file) } catch let failure as CommandFailure {
            Console.error(failure.description)
            throw ExitCode(1)
        }
        let names = bots.split(separator: ",").map { BotKind(rawValue: String($0))! }
        guard names.count == 1 || names.count == ruleset.teams.count else {
            throw ValidationError("--bots names \(names.count) bots but the scenario has \(ruleset.teams.count) teams")
        }
        let kinds = names.count == 1 ? Array(repeating: names[0], count: ruleset.teams.count) : names
        let report = Simulation(engine: Engine(ruleset: ruleset)).run(games: games, seed: seed, bots: kinds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("\(ruleset.title): \(games) games, seed \(seed), bots: " + ruleset.teams.map { "\($0.id)=\(report.bots[$0.id]!)" }.joined(separator: " "))
        print("")
        print("| Outcome | Games | Share |")
        print("|---|---:|---:|")
        for o in report.outcomes { print("| \(o.name) | \(o.games) | \(String(format: "%.1f%%", o.share * 100)) |") }
        print("")
        print("| Team | Mean score |")
        print("|---|---:|")
        for t in ruleset.teams { print("| \(t.name) | \(String(format: "%.2f", report.meanScores[t.id] ?? 0)) |") }
        print("")
        print(String(format: "Mean length: %.2f turns of %d", report.meanTurns, ruleset.calendar.turns))
    }
}
