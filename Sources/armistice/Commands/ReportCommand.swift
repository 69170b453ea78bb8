import ArgumentParser
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
        """)

    @Argument(help: "The match log (JSON Lines).") var log: String
    @Option(help: "Where to write the report; standard output if absent.") var out: String?
    @Option(help: "html, json or csv.") var format: Format = .html
    @Flag(help: "Leave the chat out.") var noChat = false
    @Option(name: .customLong("as"), help: "Only what this viewpoint saw (html and csv): instructor, observer or a team id.")
    var viewer: String = "instructor"
    @Flag(help: "JSON: leave out the per-step views (smaller; the browser viewer then shows no board).") var noViews = false
    @Flag(help: "JSON: indent.") var pretty = false

    func run() async throws {
        let replay: Replay
        do { replay = try Replay(path: log) } catch {
            Console.error("\(log): \(error.message)")
            throw ExitCode(1)
        }
        let viewpoint: String
        do {
            switch try replay.viewer(named: viewer) {
            case .instructor: viewpoint = "instructor"
            case .observer: viewpoint = "observer"
            case .team(let t): viewpoint = replay.engine.ruleset.teams[t].id
            }
        } catch {
            Console.error(error.message)
            throw ExitCode(1)
        }
        if let first = replay.firstDivergence { Console.error("warning: the log does not verify: \(first)") }
        let report = AfterActionReport(replay: replay, chat: !noChat, views: format == .json && !noViews)
        let text: String
        switch format {
        case .html: text = report.html(viewpoint: viewpoint)
        case .json: text = try report.json(pretty: pretty) + "\n"
        case .csv: text = report.csv(viewpoint: viewpoint)
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                Console.error("cannot write \(out)")
                throw ExitCode(1)
            }
            Console.error("wrote \(out) (\(text.utf8.count) bytes)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
