import ArmisticeLocale
import ArgumentParser
import ArmisticeTerminal
import Foundation

/// `armistice join HOST CODE`: a student (or an observer) takes a seat and plays in the terminal.
struct JoinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a room from the terminal: a full-screen interface (or --plain lines) that rejoins by itself.",
        discussion: """
            HOST is host[:port] (port 8080 by default) or a ws://, wss://, http:// or https:// address.

            The seat's token is kept in $XDG_STATE_HOME/armistice/seats.json (else in ~/.local/state/armistice), \
            so running the same command again takes the same seat back. Students who share one computer account \
            each join with their own --name: the file keeps each name's seat, and join takes back only the named one \
            (without a name, when several are kept, it asks whose; in a pipe or --plain it stops and lists them).

            In the full-screen client ? lists the keys and :help the commands (the plain mode: help). A name keeps \
            40 characters at most.

            NO_COLOR turns colour off.
            """)

    @Argument(help: "The server: host[:port] or a ws(s):// URL.") var host: String
    @Argument(help: "The room's join code (case, spaces and dashes do not matter).") var code: String
    @Option(help: "Your display name (asked when not given; an --observer is named Observer, in the interface's language).") var name: String?
    @Option(help: "Your team: its id or its name, e.g. dprk or \"North Korea\" (asked when not given; empty lets the instructor assign one).") var team: String?
    @Flag(help: "Line mode for screen readers and scripts: events as lines, commands typed at the prompt.") var plain = false
    @Flag(help: "Join as an observer (the public view, e.g. for a projector).") var observer = false
    @Flag(help: "Take a new seat even when a stored one exists for this room.") var newSeat = false
    @Option(help: "The interface's language: ko or en (default: from LC_ALL, LC_MESSAGES or LANG).") var lang: String?

    func validate() throws {
        let normalized = ServerAddress.normalizeCode(code)
        guard normalized.count == 6 else { throw ValidationError("a join code has 6 characters, like R4X-95U") }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name cannot be empty") }
        try Prompt.checkLanguage(lang)
    }

    func run() async throws {
        let url = ServerAddress.url(host)
        let room = ServerAddress.normalizeCode(code)
        let store = SeatStore.standard()
        let role = observer ? "observer" : "player"
        let language = Prompt.language(lang)
        let t = Catalog(language: language)
        var given = self.name
        var stored: SeatStore.Entry?
        if !newSeat {
            switch store.lookUp(url: url, room: room, role: role, name: given) {
            case .none: break
            case .seat(let entry): stored = entry
            case .several(let seats):
                // Students sharing one account: never another student's seat by a guess.
                let names = seats.map(\.name).joined(separator: ", ")
                guard !plain, isatty(STDIN_FILENO) != 0 else {
                    Prompt.fail(t.text("terminal.join.several_seats", ["room": room, "names": names]))
                    throw ExitCode.failure
                }
                guard let answer = Prompt.ask(t.text("terminal.join.ask_whose_seat", ["names": names])),
                      !answer.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ValidationError(t.text("terminal.join.name_needed"))
                }
                given = answer
                if case .seat(let entry) = store.lookUp(url: url, room: room, role: role, name: answer) { stored = entry }
            }
        }
        var name = given ?? stored?.name
        var team = self.team ?? stored?.team
        if let stored {
            // The team by its name in the interface's language, when the room says it (a closed room too).
            var teamName = stored.team
            if let id = stored.team {
                teamName = await TeamProbe.teams(url: url, code: room, language: language.rawValue).first { $0.id == id }?.name ?? id
            }
            let line = teamName.map { t.phrase("terminal.join.taking_back_team", ["room": room, "name": stored.name, "team": $0]) }
                ?? t.phrase("terminal.join.taking_back", ["room": room, "name": stored.name])
            // Taken back by no name given (the account's only seat here): another student on the account is told how
            // to take their own. A name given, or answered, already says whose seat it is (outside tester qa5, Wrong #8).
            Prompt.say(given == nil ? line + " " + t.phrase("terminal.join.not_you", ["name": stored.name]) : line)
        } else {
            // The address and the code first: a wrong one is said at once, before any question.
            let check = await JoinCheck.room(url: url, code: room, language: language)
            switch check {
            case .unreachable:
                Prompt.fail(JoinCheck.unreachableMessage(url: url, t))
                throw ExitCode.failure
            case .refused(let code, let message) where code == "unknown_room":
                Prompt.fail(t.text("terminal.join.no_room", ["room": room, "reason": message.isEmpty ? t.text("terminal.join.check_code") : message]))
                throw ExitCode.failure
            case .closed:
                // Said before any question, as a wrong code is: the student runs the command again once it opens.
                Prompt.fail(t.text("terminal.join.server_says", ["message": t.text("error.joining_closed.join", ["room": room])]))
                throw ExitCode.failure
            case .refused(_, let message):
                Prompt.say(t.text("terminal.join.server_says", ["message": message]))
            case .teams, .unchecked: break
            }
            // An observer (a projector started by a script) is not asked: it is named for its role unless --name says
            // otherwise (outside tester qa5, Confusing #16).
            if name == nil, observer { name = t.text("terminal.join.observer_name") }
            if name == nil { name = Prompt.ask(t.text("terminal.join.ask_name")) }
            guard let chosen = name, !chosen.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError(t.text("terminal.join.name_needed"))
            }
            if !observer, case .teams(let teams) = check, !teams.isEmpty {
                team = try Self.chooseTeam(given: team, among: teams, t)
            } else if team == nil && !observer {
                let answer = Prompt.ask(t.text("terminal.join.ask_team")) ?? ""
                team = answer.isEmpty ? nil : answer
            }
        }
        let useToken = stored?.token
        let request = SeatRequest.join(code: room, name: name ?? "student", team: observer ? nil : team, role: role, key: nil)
        let options = ClientOptions(url: url, token: useToken, seatRequest: request, name: name ?? "",
                                    plain: plain, color: Prompt.colorAllowed, store: store, language: language)
        // A refusal or a removal that ended the client is a failure for a script (a closed room, a kicked seat).
        if await TerminalClient.run(options) == .refused { throw ExitCode.failure }
    }
}

extension JoinCommand {
    /// The team given or typed, by id or name in any case; asked again (three times at most) when none matches.
    static func chooseTeam(given: String?, among teams: [JoinCheck.TeamChoice], _ t: Catalog) throws -> String? {
        if let given {
            guard let id = JoinCheck.team(given, among: teams) else {
                Prompt.fail(t.text("terminal.join.no_team", ["team": given, "teams": JoinCheck.list(teams)]))
                throw ExitCode.failure
            }
            return id
        }
        // With the questions, on standard error and unbuffered: in a pipe the list comes before the question, never
        // after the answers (standard output is the plain mode's events, which follow).
        Prompt.say(JoinCheck.lines(teams, t))
        for _ in 0..<3 {
            guard let answer = Prompt.ask(t.text("terminal.join.ask_team_among")) else { return nil }
            if answer.isEmpty { return nil }
            if let id = JoinCheck.team(answer, among: teams) { return id }
            Prompt.say(t.text("terminal.join.no_such_team", ["team": answer, "teams": JoinCheck.list(teams)]))
        }
        Prompt.fail(t.text("terminal.join.no_team_chosen"))
        throw ExitCode.failure
    }
}

/// Questions asked before the interface starts, on standard error and written at once (never through a buffer), so
/// that in a pipe each shows before the program waits for its answer, in the order said.
enum Prompt {
    /// Says why the command stops, on standard error.
    static func fail(_ message: String) {
        say("armistice join: \(message)")
    }

    /// A line said before the interface starts (a list, a notice), on standard error with the questions.
    static func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Asks and reads one line. When the answer does not come from a terminal (a pipe, a file) it is not echoed, so it
    /// is written after the question: the transcript then reads as it would on a screen, one question a line.
    static func ask(_ question: String) -> String? {
        FileHandle.standardError.write(Data(question.utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces)
        if isatty(STDIN_FILENO) == 0 { FileHandle.standardError.write(Data(((answer ?? "") + "\n").utf8)) }
        return answer
    }

    /// `--lang`: ko or en; absent, the environment's (LC_ALL, LC_MESSAGES, LANG; ko_KR.UTF-8 is Korean).
    static func language(_ option: String?) -> Language {
        option.map { Language(parsing: $0) } ?? Language.fromEnvironment()
    }

    static func checkLanguage(_ option: String?) throws {
        if let option, Language(tag: option) == nil { throw ValidationError("--lang is ko or en") }
    }

    /// NO_COLOR (https://no-color.org): set and not empty turns colour off.
    static var colorAllowed: Bool {
        (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
