import ArgumentParser
import ArmisticeCase
import ArmisticeEngine
import Foundation

/// `armistice ruleset check|show FILE`.
struct RulesetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ruleset", abstract: "Check or summarise a scenario file.",
        subcommands: [Check.self, Show.self, Case.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a scenario file and list every problem with its line and column.")
        @Argument(help: "The scenario file (YAML).") var file: String

        func run() async throws {
            var failed = false
            do {
                let ruleset = try RulesetFile.load(file)
                print("\(file): \(ruleset.missingTranslations.isEmpty ? "ok" : "loads (English stands in), but see the missing translations") — \(ruleset.title) (\(ruleset.id) \(ruleset.version)): \(ruleset.teams.count) teams, "
                      + "\(ruleset.tracks.count) tracks, \(ruleset.actions.count) actions, \(ruleset.events.count) events, "
                      + "\(ruleset.outcomes.count) outcomes")
                // A text without one of the declared languages: English stands in when playing, but the check fails.
                for d in ruleset.missingTranslations { Console.error(d.description) }
                if !ruleset.missingTranslations.isEmpty {
                    Console.error("\(file): \(ruleset.missingTranslations.count) text\(ruleset.missingTranslations.count == 1 ? "" : "s") missing a translation (languages: \(ruleset.languages.joined(separator: ", ")))")
                    failed = true
                }
                let reported = Set(ruleset.missingTranslations.map { "\($0.line):\($0.column)" })
                // Every variant is checked on its own, as the whole file with its overrides applied.
                for variant in ruleset.variants {
                    do {
                        let v = try RulesetFile.load(file, variant: variant.id)
                        let missing = v.missingTranslations.filter { !reported.contains("\($0.line):\($0.column)") }
                        for d in missing { Console.error(d.description) }
                        if !missing.isEmpty { failed = true }
                        print("\(file): variant \(variant.id): ok — \(v.calendar.turns) turns, \(v.actions.count) actions, \(v.events.count) events")
                    } catch let failure as CommandFailure {
                        Console.error(failure.description)
                        failed = true
                    }
                }
                let casePath = CasePackage.path(besideRuleset: file)
                guard FileManager.default.fileExists(atPath: casePath) else {
                    print("\(casePath): no case package (it is optional; docs/rulesets.md, \"The case package\")")
                    if failed { throw ExitCode(1) }
                    return
                }
                let package = try CaseFile.load(casePath, for: ruleset)
                func count(_ n: Int, _ one: String, _ many: String? = nil) -> String { "\(n) \(n == 1 ? one : many ?? one + "s")" }
                print("\(casePath): ok — case package \"\(package.title)\": \(count(package.learningObjectives.count, "learning objective")), "
                      + "\(count(package.roles.count, "role brief")), \(count(package.glossary.count, "glossary term")), "
                      + "\(package.timeline.count) + \(count(package.whatHappenedNext.count, "dated entry", "dated entries")), "
                      + "\(count(package.sources.count, "source")), \(count(package.debriefQuestions.count, "debrief question"))")
            } catch let failure as CommandFailure {
                Console.error(failure.description)
                throw ExitCode(1)
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a readable summary of a scenario: teams, tracks, actions and events.")
        @Argument(help: "The scenario file (YAML).") var file: String
        @Option(help: "Show this variant of the scenario.") var variant: String?

        func run() async throws {
            let ruleset: Ruleset
            do { ruleset = try RulesetFile.load(file, variant: variant) } catch let failure as CommandFailure {
                Console.error(failure.description)
                throw ExitCode(1)
            }
            print(RulesetShowText.text(ruleset))
        }
    }

    struct Case: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a scenario's case package as a printable page: objectives, a brief per role, glossary, timelines, sources, memo prompt.",
            discussion: "Example: armistice ruleset case rulesets/koreanization.yaml --out case.html (print it to PDF from a browser).")
        @Argument(help: "The scenario file (YAML); its case package is NAME.case/case.yaml beside it.") var file: String
        @Option(help: "Where to write the page; standard output if absent.") var out: String?

        func run() async throws {
            do {
                let ruleset = try RulesetFile.load(file)
                let page = try CaseFile.load(CasePackage.path(besideRuleset: file), for: ruleset).html(ruleset: ruleset)
                if let out {
                    guard FileManager.default.createFile(atPath: out, contents: Data(page.utf8)) else { throw CommandFailure("cannot write \(out)") }
                    Console.error("wrote \(out) (\(page.utf8.count) bytes)")
                } else {
                    print(page, terminator: "")
                }
            } catch let failure as CommandFailure {
                Console.error(failure.description)
                throw ExitCode(1)
            }
        }
    }
}

/// Reads and checks a case package for a command, printing every problem to standard error.
enum CaseFile {
    static func load(_ path: String, for ruleset: Ruleset) throws -> CasePackage {
        let text = try RulesetFile.read(path)
        do {
            return try CasePackage.load(text: text, file: path, for: ruleset)
        } catch {
            for d in error.diagnostics { Console.error(d.description) }
            throw CommandFailure("\(path): \(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s") in the case package")
        }
    }
}

/// The text of `armistice ruleset show`.
enum RulesetShowText {
    static func text(_ r: Ruleset) -> String {
        var out: [String] = []
        func team(_ i: Int) -> String { r.teams[i].id.uppercased() }
        func seenBy(_ v: Ruleset.Visibility) -> String {
            v.isEveryone ? "" : " [seen by \(r.teams.indices.filter { v.includes(team: $0) }.map(team).joined(separator: ", "))]"
        }
        out.append("\(r.title)  (\(r.id) \(r.version))")
        if !r.summary.isEmpty { out.append(r.summary) }
        out.append("\(r.calendar.turns) turns of \(r.calendar.turnLength.isEmpty ? "one turn" : r.calendar.turnLength), from \(r.calendar.start)")
        out.append("Phases: " + Phase.turnPhases.map { "\($0.rawValue) \(r.phaseDurations[$0] ?? 0)s" }.joined(separator: ", "))
        if !r.sources.isEmpty { out.append("Sources:"); out += r.sources.map { "  - \($0)" } }
        if !r.variants.isEmpty {
            out.append("Variants\(r.variant.map { " (showing \($0))" } ?? ""):")
            out += r.variants.map { "  \($0.id)  \($0.name)\($0.description.isEmpty ? "" : ": \($0.description)")" }
        }
        if !r.botPolicies.isEmpty { out.append("Bot policies: " + r.botPolicies.keys.sorted().map { "\($0)=\(r.botPolicies[$0]!)" }.joined(separator: ", ")) }
        out.append("\nTeams")
        for t in r.teams { out.append("  \(t.id.uppercased())  \(t.name)  \(t.colour)  budget \(describe(t.budget))") }
        out.append("\nTracks")
        for t in r.tracks {
            let levels = t.levels.isEmpty ? "" : "  levels: " + t.levels.keys.sorted().map { "\($0) \(t.levels[$0]!)" }.joined(separator: ", ")
            out.append("  \(t.id)  \(t.name)  \(t.min)..\(t.max), starts \(t.start)\(seenBy(t.visibility))\(levels)")
        }
        if !r.flags.isEmpty { out.append("\nFlags"); out += r.flags.map { "  \($0.id)  \($0.name)  starts \($0.start)\(seenBy($0.visibility))" } }
        if !r.projects.isEmpty {
            out.append("\nProjects")
            out += r.projects.map { "  \($0.id)  \($0.name)  \($0.statuses.joined(separator: " > ")), starts \($0.statuses[$0.start])\(seenBy($0.visibility))" }
        }
        out.append("\nActions")
        for (i, t) in r.teams.enumerated() {
            out.append("  \(t.id.uppercased())")
            for a in r.actions where a.teams.contains(i) {
                var line = "    \(a.id)  \(a.name)  cost \(a.cost)"
                if let c = a.chance { line += ", \(c)%" + (a.modifiers.isEmpty ? "" : " (\(a.modifiers.count) modifiers)") }
                if let c = a.consent { line += ", consent of \(c.from.map(team).joined(separator: "/")) (\(c.rule.rawValue))" }
                if a.covert { line += ", covert" }
                if !a.parameters.isEmpty { line += ", params: " + a.parameters.map { "\($0.id) (\($0.kind.rawValue))" }.joined(separator: ", ") }
                out.append(line)
            }
        }
        out.append("\nEvents")
        for e in r.events {
            let kind: String
            switch e.kind {
            case .scripted(let turns): kind = "turn " + turns.map(String.init).joined(separator: ", ")
            case .triggered: kind = "triggered"
            case .random(let w): kind = "random, weight \(w)"
            }
            out.append("  \(e.id)  \(e.name)  (\(kind))")
        }
        out.append("\nObjectives")
        for o in r.objectives {
            let who = o.team.map(team) ?? "ALL"
            switch o.scoring {
            case .condition(_, let p): out.append("  \(who)  \(o.text)  (\(p) points)")
            case .score: out.append("  \(who)  \(o.text)  (scored)")
            }
        }
        out.append("\nOutcomes, in order")
        for (i, o) in r.outcomes.enumerated() { out.append("  \(i + 1). \(o.name)\(o.immediate ? " (ends the game at once)" : "")") }
        return out.joined(separator: "\n")
    }

    static func describe(_ e: Expr) -> String {
        if case .constant(let n) = e.node { return "\(n)" }
        return "(varies with the state)"
    }
}
