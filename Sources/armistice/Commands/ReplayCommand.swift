import ArmisticeLocale
import ArgumentParser
import ArmisticeEngine
import ArmisticeLog
import ArmisticeReplay
import Foundation

/// `armistice replay LOG`: re-runs every input of a match log through the engine, checks every state hash, names the
/// first divergence, and prints the timeline or the board at a moment as any viewer saw it.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Verify a match log against the engine, print its timeline, or show the board at any moment as any team saw it.",
        discussion: """
        Exit status: 0 when the log replays exactly, 2 when it does not (the first divergence is named with its line, \
        turn and the expected and actual hashes), 1 when it cannot be read at all.
        Examples:
          armistice replay R4X95U.jsonl
          armistice replay R4X95U.jsonl --at turn:3 --as rok
          armistice replay R4X95U.jsonl --at turn:2 --phase orders
          armistice replay R4X95U.jsonl --seq 40 --as observer
        """)

    @Argument(help: "The match log (JSON Lines), as downloaded from the server or found in DATA/matches/.") var log: String
    @Option(help: "Show the board at a moment: start, end, turn:N (the end of turn N), turn:N:PHASE (as the phase began) or seq:N.")
    var at: String?
    @Option(help: "With --at turn:N: show the board as this phase began (briefing, negotiation, orders, adjudication, results).")
    var phase: String?
    @Option(help: "Show the board after the last input with this seq or lower.") var seq: Int?
    @Option(name: .customLong("as"), help: "Whose eyes: instructor (everything), observer (the public board) or a team id or name, in any of the scenario's languages (un, \"United Nations\", 유엔).")
    var viewer: String = "instructor"
    @Flag(help: "Leave chat out of the timeline.") var noChat = false
    @Flag(help: "Only verify: print the summary, not the timeline.") var quiet = false
    @Flag(help: "List every problem found, not only the first divergence.") var allIssues = false
    @Option(help: "The timeline's language: ko or en (default: the room's language in the log's header, else English).") var lang: String?

    func validate() throws {
        if phase != nil {
            guard let at, at.lowercased().hasPrefix("turn:"), at.split(separator: ":").count == 2 else {
                throw ValidationError("--phase needs the turn: --at turn:N --phase PHASE")
            }
            guard Phase(rawValue: phase!.lowercased()) != nil else {
                throw ValidationError("unknown phase \"\(phase!)\"; the phases are \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if at != nil, seq != nil { throw ValidationError("say either --at or --seq, not both") }
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang is ko or en") }
        if let at { do { _ = try Moment(parsing: at) } catch { throw ValidationError(error.message) } }
    }

    /// The terminal's width for the board: COLUMNS, else the terminal's own (standard output's), else 80.
    static func terminalWidth() -> Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    func run() async throws {
        let replay = try Replay.opening(log, lang: lang)
        let language = Language(parsing: lang ?? replay.log.settings.language)
        let viewer: Viewer
        do { viewer = try replay.viewer(named: self.viewer, language: language) } catch {
            Console.error(error.message)
            throw ExitCode(1)
        }
        var moment: Moment?
        if let at { moment = try Moment(parsing: at) }
        if let phase, case .turn(let n) = moment { moment = .phase(turn: n, Phase(rawValue: phase.lowercased())!) }
        if let seq { moment = .seq(seq) }
        if let moment {
            do { print(replay.board(at: try replay.stepIndex(at: moment, language: language), as: viewer, language: language, width: Self.terminalWidth())) } catch {
                Console.error(error.message)
                throw ExitCode(1)
            }
        } else if !quiet {
            print(replay.timeline(as: viewer, chat: !noChat, language: language))
        }
        print(replay.verificationSummary(language: language))
        if allIssues {
            for issue in replay.issues where issue.failsVerification { print("  " + replay.issueLine(issue, language)) }
        }
        if !replay.isVerified { throw ExitCode(2) }
    }
}
