import ArgumentParser
import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeServer
import Foundation

/// `armistice ruleset check|show FILE`.
struct RulesetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ruleset", abstract: "Check or summarise a scenario file.",
        subcommands: [Check.self, Show.self, Case.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and list every problem with its line and column.",
            discussion: "Give one file, several, or a folder (every .yaml/.yml in it, as the server reads it): two files with one scenario id are reported, as the server would load only the first by name.")
        @Argument(help: "The scenario files (YAML), or a folder of them.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("give a scenario file, for example rulesets/koreanization.yaml, or a folder") }
        }

        func run() async throws {
            var failed = false
            let paths = files.flatMap { RulesetFile.isFolder($0) ? RulesetFile.scenarios(inFolder: $0) : [$0] }
            if paths.isEmpty { Console.error("\(files.joined(separator: ", ")): no .yaml files to check"); throw ExitCode(1) }
            // Each file that loads, and whether a server would keep it (the base rules and every variant load).
            var ids: [(id: String, file: String, loads: Bool)] = []
            for file in paths {
                // A case package given as a scenario: say what it is and which file to check, not the 17 errors it has as one.
                if let scenario = CaseFile.scenario(ofCaseFile: file) {
                    Console.error("\(file): this is a case package, not a scenario: check its scenario, \(scenario), which checks this file with it")
                    failed = true
                    continue
                }
                do {
                    let ruleset = try RulesetFile.load(file)
                    let checked = try check(file, ruleset)
                    ids.append((ruleset.id, file, checked.loads))
                    if checked.failed { failed = true }
                } catch let failure as CommandFailure {
                    Console.error(failure.description)
                    failed = true
                }
            }
            // The same id twice: the server keeps the first file by name that loads (a file with an error, in its base
            // rules or a variant, is skipped) and drops the others, variants and all.
            if paths.count > 1 {
                for (i, entry) in ids.enumerated() where entry.loads {
                    guard let kept = ids[..<i].first(where: { $0.id == entry.id && $0.loads }) else { continue }
                    Console.error("\(entry.file): error: scenario id \"\(entry.id)\" is also the id of \(kept.file); a server reading both loads only "
                                  + "the first by file name that loads and skips the other, with its variants; give one of them another id")
                    failed = true
                }
            } else if let only = ids.first {
                let others = RulesetFile.sameID(only.id, besides: only.file)
                if !others.isEmpty { Console.error(Self.sameIDWarning(only.id, file: only.file, others: others)) }
            }
            if failed { throw ExitCode(1) }
        }

        /// The warning for one file checked alone whose id other files in its folder share: which file a server reading
        /// the folder keeps, found as the server finds it (the first by name that loads, variants and all).
        static func sameIDWarning(_ id: String, file: String, others: [String]) -> String {
            let folder = (file as NSString).deletingLastPathComponent
            let kept = RulesetCatalog.load(directory: folder.isEmpty ? "." : folder).0[id].map { ($0.file as NSString).lastPathComponent }
            let own = (file as NSString).lastPathComponent
            let head = "\(file): warning: scenario id \"\(id)\" is also the id of \(others.joined(separator: ", ")) in the same folder; a server reading that folder "
            let tail = "; give \(others.count == 1 ? "one of them" : "all but one") another id"
            guard let kept else {
                return head + "loads none of them (each has an error, in its base rules or a variant)" + tail
            }
            let keptPath = kept == own ? file : others.first { ($0 as NSString).lastPathComponent == kept } ?? kept
            let skipped = kept == own ? (others.count == 1 ? "the other" : "the others") : "this one"
            return head + "loads only \(keptPath) (the first by file name that loads) and skips \(skipped), with its variants" + tail
        }

        /// Checks one loaded file, its variants and its case package, printing what it finds; whether the check fails,
        /// and whether a server would load the file (its base rules and every variant load).
        private func check(_ file: String, _ ruleset: Ruleset) throws -> (failed: Bool, loads: Bool) {
            var failed = false
            var loads = true
            let warned = ruleset.warnings.isEmpty ? "" : " (with \(counted(ruleset.warnings.count, "warning")))"
            print("\(file): \(ruleset.missingTranslations.isEmpty ? "ok" : "loads (English stands in), but see the missing translations")\(warned) — \(ruleset.title) (\(ruleset.id) \(ruleset.version)): \(counted(ruleset.teams.count, "team")), "
                  + "\(counted(ruleset.tracks.count, "track")), \(counted(ruleset.actions.count, "action")), \(counted(ruleset.events.count, "event")), "
                  + "\(counted(ruleset.outcomes.count, "outcome"))")
            // Things that can never happen: said, but the check passes.
            for d in ruleset.warnings { Console.error(d.description) }
            // A text without one of the declared languages: English stands in when playing, but the check fails.
            for d in ruleset.missingTranslations { Console.error(d.description) }
            if !ruleset.missingTranslations.isEmpty {
                Console.error("\(file): \(ruleset.missingTranslations.count) text\(ruleset.missingTranslations.count == 1 ? "" : "s") missing a translation (languages: \(ruleset.languages.joined(separator: ", ")))")
                failed = true
            }
            let reported = Set(ruleset.missingTranslations.map { "\($0.line):\($0.column)" })
            let warnedOf = Set(ruleset.warnings.map { "\($0.line):\($0.column):\($0.message)" })
            // Every variant is checked on its own, as the whole file with its overrides applied.
            for variant in ruleset.variants {
                do {
                    let v = try RulesetFile.load(file, variant: variant.id)
                    let missing = v.missingTranslations.filter { !reported.contains("\($0.line):\($0.column)") }
                    let warnings = v.warnings.filter { !warnedOf.contains("\($0.line):\($0.column):\($0.message)") }
                    for d in warnings + missing { Console.error(d.description) }
                    if !missing.isEmpty { failed = true }
                    let vWarned = warnings.isEmpty ? "" : " (with \(counted(warnings.count, "warning")))"
                    print("\(file): variant \(variant.id): ok\(vWarned) — \(counted(v.calendar.turns, "turn")), \(counted(v.actions.count, "action")), \(counted(v.events.count, "event"))")
                } catch let failure as CommandFailure {
                    Console.error(failure.description)
                    failed = true
                    loads = false
                }
            }
            let casePath = CasePackage.path(besideRuleset: file)
            guard FileManager.default.fileExists(atPath: casePath) else {
                print("\(casePath): no case package (it is optional; docs/rulesets.md, \"The case package\")")
                return (failed, loads)
            }
            let package = try CaseFile.load(casePath, for: ruleset)
            // Like the scenario's: English stands in for a missing translation, but the check fails.
            for d in package.missingTranslations { Console.error(d.description) }
            if !package.missingTranslations.isEmpty {
                Console.error("\(casePath): \(package.missingTranslations.count) text\(package.missingTranslations.count == 1 ? "" : "s") missing a translation (languages: \(package.languages.joined(separator: ", ")))")
                failed = true
            }
            print("\(casePath): \(package.missingTranslations.isEmpty ? "ok" : "loads (English stands in), but see the missing translations") — case package \"\(package.title)\": \(counted(package.learningObjectives.count, "learning objective")), "
                  + "\(counted(package.roles.count, "role brief")), \(counted(package.glossary.count, "glossary term")), "
                  + "\(package.timeline.count) + \(counted(package.whatHappenedNext.count, "dated entry", "dated entries")), "
                  + "\(counted(package.sources.count, "source")), \(counted(package.debriefQuestions.count, "debrief question"))")
            return (failed, loads)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a readable summary of a scenario: teams and budgets, tracks, actions, events, objectives, and outcomes with their conditions.")
        @Argument(help: "The scenario file (YAML).") var file: String
        @Option(help: "Show this variant of the scenario.") var variant: String?
        @Option(help: "Show the texts in this language (en, or one the file declares, such as ko), to proofread a translation.") var lang = "en"

        func run() async throws {
            let ruleset: Ruleset
            do { ruleset = try RulesetFile.load(file, variant: variant) } catch let failure as CommandFailure {
                Console.error(failure.description)
                throw ExitCode(1)
            }
            guard lang == "en" || ruleset.languages.contains(lang) else {
                Console.error("\(file) is written in \(ruleset.languages.joined(separator: ", ")), not \"\(lang)\"; give --lang \(ruleset.languages.joined(separator: " or --lang "))")
                throw ExitCode(1)
            }
            print(RulesetShowText.text(lang == "en" ? ruleset : ruleset.localized(to: lang)))
        }
    }

    struct Case: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a scenario's case package as a printable page: objectives, a brief per role, glossary, timelines, sources, memo prompt.",
            discussion: "Example: armistice ruleset case rulesets/koreanization.yaml --out case.html (print it to PDF from a browser).")
        @Argument(help: "The scenario file (YAML); its case package is NAME.case/case.yaml beside it.") var file: String
        @Option(help: "Where to write the page; standard output if absent.") var out: String?
        @Option(help: "The page's language: en or ko (the package's and the scenario's texts in it; English where one has none).") var lang = "en"

        func run() async throws {
            do {
                let ruleset = try RulesetFile.load(file)
                let casePath = CasePackage.path(besideRuleset: file)
                guard FileManager.default.fileExists(atPath: casePath) else {
                    let folder = (casePath as NSString).deletingLastPathComponent
                    throw CommandFailure("\(file) has no case package (\(casePath)); to start one, copy rulesets/tutorial.case/ to \(folder)/ "
                                         + "and edit it (docs/rulesets.md §14, \"The case package\")")
                }
                let page = try CaseFile.load(casePath, for: ruleset).html(ruleset: ruleset, language: Language(parsing: lang))
                if let out {
                    try Console.write(page, to: out)
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
    /// For a case package file (in a `NAME.case/` folder, or a file whose top level has `ruleset:` and
    /// `learning_objectives:`), the scenario to check instead (`NAME.yaml` beside the folder, or the scenario id its
    /// `ruleset:` line names); nil for anything else.
    static func scenario(ofCaseFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        let keys = Set(lines.compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        })
        guard keys.contains("ruleset"), keys.contains("learning_objectives"), !keys.contains("actions") else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        if folder.hasSuffix(".case") {
            let base = String(folder.dropLast(".case".count))
            return [".yaml", ".yml"].map { base + $0 }.first { FileManager.default.fileExists(atPath: $0) } ?? base + ".yaml"
        }
        let id = lines.first { $0.hasPrefix("ruleset:") }
            .map { $0.dropFirst("ruleset:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'")) } ?? ""
        return "the file of scenario \"\(id)\" (with this package as NAME.case/case.yaml beside it)"
    }

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

/// "1 track", "2 tracks": a count with its noun, for the commands' summaries.
func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String { "\(n) \(n == 1 ? one : many ?? one + "s")" }

/// The text of `armistice ruleset show`.
enum RulesetShowText {
    static func text(_ r: Ruleset) -> String {
        var out: [String] = []
        // Ids as written (lower case), so they can be copied back into the file.
        func team(_ i: Int) -> String { r.teams[i].id }
        func seenBy(_ v: Ruleset.Visibility) -> String {
            v.isEveryone ? "" : " [seen by \(r.teams.indices.filter { v.includes(team: $0) }.map(team).joined(separator: ", "))]"
        }
        out.append("\(r.title)  (\(r.id) \(r.version))")
        if !r.summary.isEmpty { out.append(r.summary) }
        // The file's own words (turn_length, start) stand apart from the frame, which reads the same in any language.
        out.append("Calendar: \(counted(r.calendar.turns, "turn"))" + (r.calendar.turnLength.isEmpty ? "" : " (each: \(r.calendar.turnLength))")
                   + (r.calendar.start.isEmpty ? "" : ", starting \(r.calendar.start)"))
        out.append("Phases: " + Phase.turnPhases.map { "\($0.rawValue) \(r.phaseDurations[$0] ?? 0)s" }.joined(separator: ", "))
        if !r.sources.isEmpty { out.append("Sources:"); out += r.sources.map { "  - \($0)" } }
        if !r.variants.isEmpty {
            out.append("Variants\(r.variant.map { " (showing \($0))" } ?? ""):")
            out += r.variants.map { "  \($0.id)  \($0.name)\($0.description.isEmpty ? "" : ": \($0.description)")" }
        }
        if !r.botPolicies.isEmpty { out.append("Bot policies: " + r.botPolicies.keys.sorted().map { "\($0)=\(r.botPolicies[$0]!)" }.joined(separator: ", ")) }
        out.append("\nTeams")
        for t in r.teams { out.append("  \(t.id)  \(t.name)  \(t.colour)  budget \(t.budgetText.map { "\($0)  (a formula, worked out each turn)" } ?? describe(t.budget))") }
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
            out.append("  \(t.id)")
            for a in r.actions where a.teams.contains(i) {
                var line = "    \(a.id)  \(a.name)  cost \(a.cost)"
                if let c = a.chance { line += ", \(c)%" + (a.modifiers.isEmpty ? "" : " (\(counted(a.modifiers.count, "modifier")))") }
                if let c = a.consent { line += ", consent of \(c.from.map(team).joined(separator: "/")) (\(c.rule.rawValue))" }
                if a.covert { line += ", covert" }
                if a.repeatable { line += ", repeatable" }
                if !a.parameters.isEmpty { line += ", params: " + a.parameters.map { "\($0.id) (\($0.kind.rawValue))" }.joined(separator: ", ") }
                out.append(line)
                out += a.requirements.map { "      requires \($0.text)  (else: \($0.reason))" }
                out += a.guards.map { "      guard \($0.text)  (else: \($0.reason))" }
            }
        }
        out.append("\nEvents")
        for e in r.events {
            let kind: String
            switch e.kind {
            case .scripted(let turns): kind = "turn " + turns.map(String.init).joined(separator: ", ")
            case .triggered: kind = "triggered" + (e.repeats ? ", repeats" : "")
            case .random(let w): kind = "random, weight \(w)" + (e.repeats ? ", repeats" : "")
            }
            out.append("  \(e.id)  \(e.name)  (\(kind))")
            if let trigger = e.triggerText { out.append("      trigger \(trigger)") }
            if let condition = e.conditionText { out.append("      if \(condition)") }
        }
        out.append("\nObjectives")
        for o in r.objectives {
            let who = o.team.map(team) ?? "all"
            switch o.scoring {
            case .condition(_, let p):
                out.append("  \(o.id)  \(who)  \(o.text)  (\(counted(p, "point")))")
                out.append("      if \(o.scoringText)")
            case .score:
                out.append("  \(o.id)  \(who)  \(o.text)  (scored)")
                out.append("      score \(o.scoringText)")
            }
        }
        out.append("\nOutcomes, in order")
        for (i, o) in r.outcomes.enumerated() {
            out.append("  \(i + 1). \(o.id)  \(o.name)\(o.immediate ? " (ends the game at once)" : "")")
            out.append("      if \(o.conditionText.isEmpty ? "true" : o.conditionText)")
            if let claims = o.claimsText { out.append("      claims \(claims)") }
        }
        return out.joined(separator: "\n")
    }

    static func describe(_ e: Expr) -> String {
        if case .constant(let n) = e.node { return "\(n)" }
        return "(varies with the state)"
    }
}
