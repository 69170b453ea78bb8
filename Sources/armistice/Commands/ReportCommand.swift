import ArmisticeLocale
import ArgumentParser
import ArmisticeCase
import ArmisticeEngine
import ArmisticeLog
import ArmisticeReplay
import Foundation

/// `armistice report LOG --out report.html`: the after-action report of a match, as a self-contained page, as JSON
/// (with every step's view for every viewpoint, for the browser replay viewer) or as CSV of the tracks per turn.
struct ReportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json, csv }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the after-action report of a match log: HTML (inline SVG charts, no scripts), JSON, or CSV of the tracks.",
        discussion: """
        Examples:
          armistice report R4X95U.jsonl --out report.html
          armistice report R4X95U.jsonl --as observer --no-chat --out handout.html
          armistice report R4X95U.jsonl --format json --out R4X95U.replay.json   (open it in clients/web/replay.html)
          armistice report R4X95U.jsonl --format csv --out tracks.csv
          armistice report ROOM1.jsonl ROOM2.jsonl ROOM3.jsonl --compare --out compare.html
        """)

    @Argument(help: "The match log (JSON Lines); with --compare, two or more logs of the same scenario.") var logs: [String]
    @Option(help: "Where to write the report; standard output if absent.") var out: String?
    @Option(help: "html, json or csv.") var format: Format = .html
    @Flag(help: "Leave the chat out.") var noChat = false
    @Option(name: .customLong("as"), help: "Only what this viewpoint saw (html and csv): instructor, observer or a team id or name, in any of the scenario's languages.")
    var viewer: String = "instructor"
    @Flag(help: "JSON: leave out the per-step views (smaller; the browser viewer then shows no board).") var noViews = false
    @Flag(help: "JSON: indent.") var pretty = false
    @Flag(help: "Put two or more matches of the same scenario side by side (HTML): outcomes, tracks over time, key choices.")
    var compare = false
    @Option(name: .customLong("case"), help: "The scenario's case package (case.yaml); by default the one in --rulesets whose ruleset: is the log's scenario.")
    var casePath: String?
    @Option(help: "Where to look for the case package.") var rulesets = "rulesets"
    @Flag(help: "Leave the case package out.") var noCase = false
    @Option(name: .customLong("viewer"), help: "The replay viewer's address for this match, for the links to each moment (default: replay.html?src=LOG.replay.json).")
    var viewerURL: String?
    @Option(help: "The report's language: ko or en (default: the room's language in the log's header, else English).") var lang: String?

    func validate() throws {
        if logs.isEmpty { throw ValidationError("give a match log") }
        if logs.count > 1 && !compare { throw ValidationError("several logs: add --compare to put them side by side") }
        if compare && format != .html { throw ValidationError("--compare writes HTML only") }
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang is ko or en") }
    }

    func run() async throws {
        if compare {
            var entries: [Comparison.Entry] = []
            for path in logs {
                let replay = try load(path)
                let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent   // a server log is named for its room
                entries.append(Comparison.Entry(name: name, report: AfterActionReport(replay: replay, chat: false, views: false, language: language(of: replay))))
            }
            do { try write(Comparison(entries).html(), language: Language(parsing: lang)) } catch let error as ReplayError {
                Console.error(error.message)
                throw ExitCode(1)
            }
            return
        }
        let log = logs[0]
        let replay = try load(log)
        let viewpoint: String
        do {
            switch try replay.viewer(named: viewer, language: language(of: replay)) {
            case .instructor: viewpoint = "instructor"
            case .observer: viewpoint = "observer"
            case .team(let t): viewpoint = replay.engine.ruleset.teams[t].id
            }
        } catch {
            Console.error(error.message)
            throw ExitCode(1)
        }
        let report = AfterActionReport(replay: replay, chat: !noChat, views: format == .json && !noViews,
                                       casePackage: format == .csv ? nil : casePackage(for: replay, language: language(of: replay)),
                                       language: language(of: replay))
        let text: String
        switch format {
        case .html:
            let base = URL(fileURLWithPath: log).deletingPathExtension().lastPathComponent
            text = report.html(viewpoint: viewpoint, viewer: viewerURL ?? "replay.html?src=\(base).replay.json")
        case .json: text = try report.json(pretty: pretty) + "\n"
        case .csv: text = report.csv(viewpoint: viewpoint)
        }
        try write(text, language: language(of: replay))
    }

    /// --lang, else the room's language as the log's header has it, else English.
    func language(of replay: Replay) -> Language {
        Language(parsing: lang ?? replay.log.settings.language)
    }

    func load(_ path: String) throws -> Replay {
        let replay = try Replay.opening(path, lang: lang)
        if let first = replay.firstDivergence {
            let reader = language(of: replay)
            Console.error(Catalog(language: reader).text("report.summary.warning", ["path": path, "first": first.description(in: replay.issueWords(reader))]))
        }
        return replay
    }

    /// The case package: --case, or the one in --rulesets for the log's scenario. None is fine (it is optional), but
    /// the reader is told in one line, in the report's language, when none was found or it could not be read, and how
    /// to include it: run outside the kit folder, `./rulesets` has none (outside testers qa8 W4, qa10 C6).
    func casePackage(for replay: Replay, language: Language) -> CasePackage? {
        guard !noCase else { return nil }
        let p = Catalog(language: language)
        let id = replay.engine.ruleset.id
        guard let path = casePath ?? CasePackage.find(ruleset: id, in: rulesets) else {
            let own = (rulesets as NSString).appendingPathComponent("\(id).case/case.yaml")
            Console.error(FileManager.default.fileExists(atPath: own) ? p.text("report.cli.case_unreadable", ["file": own, "scenario": id])
                : p.text("report.cli.no_case", ["folder": rulesets, "scenario": id]))
            return nil
        }
        do { return try CaseFile.load(path, for: replay.engine.ruleset) } catch {
            Console.error(p.text("report.cli.case_damaged", ["file": path, "why": "\(error)"]))
            return nil
        }
    }

    func write(_ text: String, language: Language) throws {
        if let out {
            do { try Console.write(text, to: out, language: language) } catch {
                Console.error("\(error)")
                throw ExitCode(1)
            }
            Console.error(Catalog(language: language).text("report.cli.wrote", ["path": out, "bytes": String(text.utf8.count)]))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
