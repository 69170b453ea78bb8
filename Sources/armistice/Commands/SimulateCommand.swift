import ArgumentParser
import ArmisticeBots
import ArmisticeEngine
import Foundation

/// `armistice simulate FILE --games N --seed S [--variant V] [--policy team=policy ...]`: bots play whole games; prints
/// outcomes (and whether each ending's claims hold), scores, lengths, how often each action is ordered, consent rates and
/// objective hit rates.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play whole games with bots and print how they end, to judge a scenario's balance.")

    @Argument(help: "The scenario file (YAML).") var file: String
    @Option(parsing: .unconditional, help: "How many games to play, 1 to 1000000 (default: 1000).", transform: SimulateCommand.parseGames)
    var games: Int = 1000
    @Option(parsing: .unconditional, help: "The seed of the first game (0 or more; default: 1); the same seed gives the same games.",
            transform: SimulateCommand.parseSeed)
    var seed: UInt64 = 1
    @Option(help: "The bot for every team: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")); or one per team in ruleset order, comma-separated (default: greedy). The file's bots: wins for the teams it names (a note says so); --policy wins over both.")
    var bots: String?
    @Option(help: "Play this variant of the scenario (see `armistice ruleset show`).") var variant: String?
    @Option(name: .customLong("policy"),
            help: "Pin one team's bot, as TEAM=POLICY (repeatable), e.g. usa=block-all; wins over --bots and the file's bots:.")
    var policies: [String] = []
    @Flag(help: "Print the report as JSON.") var json = false

    static let policyList = BotKind.allCases.map(\.rawValue).joined(separator: ", ")

    static let gamesRange = 1...1_000_000
    static let gamesError = "--games must be between \(gamesRange.lowerBound) and \(gamesRange.upperBound)"

    /// `--games`: a whole number in `gamesRange`; a negative one gets the same range error as 0 (not "missing value").
    static func parseGames(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw ValidationError("--games is a whole number of games, from 1 to 1000000") }
        guard gamesRange.contains(value) else { throw ValidationError(gamesError) }
        return value
    }

    /// `--seed`: a whole number from 0; a negative one is refused with that said (not taken for an option).
    static func parseSeed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw ValidationError("a seed is a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    func validate() throws {
        guard Self.gamesRange.contains(games) else { throw ValidationError(Self.gamesError) }
        for name in (bots ?? "greedy").split(separator: ",") where BotKind(rawValue: String(name)) == nil {
            throw ValidationError("unknown bot \"\(name)\"; the bots are \(Self.policyList)")
        }
        for p in policies {
            let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--policy \"\(p)\" is not TEAM=POLICY, for example bank=block-all; the policies are \(Self.policyList)")
            }
            guard BotKind(rawValue: parts[1]) != nil else {
                throw ValidationError("--policy \"\(p)\": unknown policy \"\(parts[1])\"; the policies are \(Self.policyList)")
            }
        }
    }

    /// A bad command-line value that only the loaded scenario shows (a team count, a team id): said plainly, without
    /// the usage text, with the exit status of every other bad value (64, as argument-parser gives).
    static func fail(_ message: String) -> ExitCode {
        Console.error("Error: \(message)")
        return ExitCode.validationFailure
    }

    func run() async throws {
        let ruleset: Ruleset
        // An unknown --variant is a bad value like the others (status 64), once the base file is known to load.
        if let variant, let base = try? RulesetLoader.load(text: RulesetFile.read(file), file: file), !base.variants.contains(where: { $0.id == variant }) {
            let known = base.variants.map(\.id)
            throw Self.fail("--variant \"\(variant)\": the scenario has no such variant; "
                            + (known.isEmpty ? "it has no variants" : "its variants are \(known.joined(separator: ", "))"))
        }
        do { ruleset = try RulesetFile.load(file, variant: variant) } catch let failure as CommandFailure {
            Console.error(failure.description)
            throw ExitCode(1)
        }
        let names = (bots ?? "greedy").split(separator: ",").map { BotKind(rawValue: String($0))! }
        let teamList = ruleset.teams.map(\.id).joined(separator: ", ")
        guard names.count == 1 || names.count == ruleset.teams.count else {
            throw Self.fail("--bots names \(names.count) bots but the scenario has \(ruleset.teams.count) teams (\(teamList)); "
                            + "name one bot for every team, or one per team in that order")
        }
        var pinned: [String: BotKind] = [:]
        for p in policies {
            let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard ruleset.teamIndex(parts[0]) != nil else {
                throw Self.fail("--policy \"\(p)\": the scenario has no team \"\(parts[0])\"; the teams are \(teamList)")
            }
            pinned[parts[0]] = BotKind(rawValue: parts[1])!
        }
        let asked = names.count == 1 ? Array(repeating: names[0], count: ruleset.teams.count) : names
        let kinds = Simulation.bots(for: ruleset, kinds: asked, pinned: pinned)
        if bots != nil, let note = Self.overrideNote(ruleset, asked: asked, playing: kinds, pinned: pinned) { Console.error(note) }
        let report = Simulation(engine: Engine(ruleset: ruleset)).run(games: games, seed: seed, bots: kinds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print(Self.text(report, ruleset))
    }

    /// The teams whose `--bots` choice the file's `bots:` replaced, and how to force it; nil if none.
    static func overrideNote(_ ruleset: Ruleset, asked: [BotKind], playing: [BotKind], pinned: [String: BotKind]) -> String? {
        let overridden = ruleset.teams.indices.filter { pinned[ruleset.teams[$0].id] == nil && asked[$0] != playing[$0] }
        guard !overridden.isEmpty else { return nil }
        let teams = overridden.map { "\(ruleset.teams[$0].id)=\(playing[$0].rawValue) (not \(asked[$0].rawValue))" }.joined(separator: ", ")
        let force = overridden.map { "--policy \(ruleset.teams[$0].id)=\(asked[$0].rawValue)" }.joined(separator: " ")
        return "Note: the file's bots:\(ruleset.variant.map { " (variant \($0))" } ?? "") wins over --bots for \(teams); to play your choice, add \(force)"
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// The report as Markdown tables, ready to paste into docs/rulesets.md.
    static func text(_ report: SimulationReport, _ ruleset: Ruleset) -> String {
        var out: [String] = []
        out.append("\(ruleset.title)\(report.variant.map { " (variant \($0))" } ?? ""): \(report.games) games, seed \(report.seed), bots: "
                   + ruleset.teams.map { "\($0.id)=\(report.bots[$0.id]!)" }.joined(separator: " "))
        out.append("\n| Outcome | Games | Share | Claims hold |\n|---|---:|---:|---:|")
        for o in report.outcomes {
            out.append("| \(o.name) | \(o.games) | \(percent(o.share)) | \(o.claimsHold.map(percent) ?? "–") |")
        }
        out.append("\n| Team | Mean score | Spread (sd) | Min–max | Maximum | Share of maximum |\n|---|---:|---:|---:|---:|---:|")
        for s in report.scores {
            // With negative points or scores the share is measured from the least the team could score.
            // A team whose most equals its least (no points to win) has no share: "–", not 0.0%.
            let share = s.maximum == s.minimum ? "–"
                : s.minimum < 0 ? "\(percent(s.shareOfMaximum)) from \(s.minimum)" : percent(s.shareOfMaximum)
            out.append("| \(s.team) | \(String(format: "%.2f", s.mean)) | \(String(format: "%.2f", s.spread)) | \(s.min)–\(s.max) | \(s.maximum)\(s.seenObjectives == nil ? "" : " (*)") | \(share) |")
        }
        // A score objective's best is the best seen, not a bound from the rules: say so, as it moves with the games run.
        let seen = report.scores.flatMap { $0.seenObjectives ?? [] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !seen.isEmpty {
            out.append("\n(*) The maximum includes the best value seen in these \(report.games) games of the score objective\(seen.count == 1 ? "" : "s") "
                       + "\(seen.joined(separator: ", ")), not a bound worked out from the rules: runs of another size can give another maximum and share, so compare runs of the same size.")
        }
        let lengths = report.length.games.keys.compactMap(Int.init).sorted().map { "\($0): \(report.length.games[String($0)]!)" }
        out.append(String(format: "\nLength: mean %.2f turns of %d (", report.length.mean, ruleset.calendar.turns) + lengths.joined(separator: ", ") + ")")
        out.append("\n| Team | Action | Per game | Games used | Results |\n|---|---|---:|---:|---|")
        for a in report.actions {
            let results = a.results.keys.sorted().map { "\($0) \(a.results[$0]!)" }.joined(separator: ", ")
            out.append("| \(a.team) | \(a.action) | \(String(format: "%.2f", a.perGame)) | \(percent(a.gamesUsed)) | \(results)\(a.botsSkip == nil ? "" : " (bots_skip)") |")
        }
        out.append("\n| Consent | Asked team | Asked | Given | Refused | Given share |\n|---|---|---:|---:|---:|---:|")
        for c in report.consents { out.append("| \(c.action) | \(c.team) | \(c.asked) | \(c.given) | \(c.refused) | \(c.asked == 0 ? "–" : percent(c.givenShare)) |") }
        out.append("\n| Objective | Team | Hit rate / mean |\n|---|---|---:|")
        for o in report.objectives {
            out.append("| \(o.id) | \(o.team) | \(o.hitShare.map(percent) ?? String(format: "%.2f", o.meanScore ?? 0)) |")
        }
        func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
        func shares(_ ids: [String], _ value: (SimulationReport.OutcomeShare) -> Double?) -> String {
            list(ids.compactMap { id in report.outcomes.first { $0.id == id }.map { "\(id) (\(value($0).map(percent) ?? "–"))" } })
        }
        out.append("\nNever chosen, with no bots_skip reason in the file: " + list(report.neverChosen))
        out.append("Outcomes never reached: " + list(report.outcomesNeverReached))
        out.append("Outcomes above \(Int(SimulationReport.dominantShare * 100))% of games: " + shares(report.outcomesAboveRuleOfThumb, \.share))
        out.append("Claims holding in under \(Int(SimulationReport.claimsTarget * 100))% of their games: " + shares(report.claimsBelowTarget, \.claimsHold))
        out.append("Objectives never met: " + list(report.objectivesNeverMet))
        return out.joined(separator: "\n")
    }
}
