import ArgumentParser
import ArmisticeLocale
import ArmisticeTerminal
import Foundation

/// `armistice instructor HOST --key KEY`: creates a room (or reopens one) and runs it from the terminal.
struct InstructorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instructor",
        abstract: "Run a room from the terminal: create it, see every team, run the clock, inject, adjust, end.",
        discussion: """
            Without --room, creates a room with the ruleset, seed, turns and phase durations given, and the teams \
            played by bots (--bot TEAM=POLICY) and the absent rule (--absent). With --room, takes back the \
            instructor seat stored for that room (or joins it as instructor with the key). The key defaults to \
            $ARMISTICE_INSTRUCTOR_KEY.
            """)

    @Argument(help: "The server: host[:port] or a ws(s):// URL.") var host: String
    @Option(help: "The instructor key, your teacher's secret, or a sign-in session from POST /api/teacher/session (default: $ARMISTICE_INSTRUCTOR_KEY).") var key: String?
    @Option(help: "Reopen this room instead of creating one.") var room: String?
    @Option(help: "The ruleset id for a new room.") var ruleset = "koreanization"
    @Option(help: "The ruleset variant for a new room, e.g. class-50 (the base rules when not given).") var variant: String?
    @Option(help: "The random seed (random when not given).") var seed: Int?
    @Option(help: "The number of turns (the ruleset's when not given).") var turns: Int?
    @Option(help: "Phase durations in seconds, e.g. briefing=60,negotiation=300,orders=180,adjudication=10,results=60.")
    var phases: String?
    @Option(help: ArgumentHelp("A team played by a bot from the start, e.g. --bot usa=greedy (repeatable). Policies: \(Command.botPolicies.joined(separator: ", ")).",
                               valueName: "TEAM=POLICY"))
    var bot: [String] = []
    @Option(help: "When all of a team's students are offline at the orders: nothing (the default), hold (no orders), or bot (the greedy bot plays that turn).")
    var absent: String?
    @Option(help: "Your display name (default: the word for instructor in the interface's language).") var name: String?
    @Flag(help: "Line mode for screen readers and scripts.") var plain = false
    @Option(help: "The interface's language: ko or en (default: from LC_ALL, LC_MESSAGES or LANG).") var lang: String?

    func parsedPhases() throws -> [String: Int] {
        guard let phases, !phases.isEmpty else { return [:] }
        var out: [String: Int] = [:]
        for part in phases.split(separator: ",") {
            let kv = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let seconds = Int(kv[1]), seconds > 0 else {
                throw ValidationError("--phases is PHASE=SECONDS,…, got \"\(part)\"")
            }
            out[kv[0]] = seconds
        }
        return out
    }

    /// `--bot TEAM=POLICY`, each: team id → policy.
    func parsedBots() throws -> [String: String] {
        var out: [String: String] = [:]
        for item in bot {
            let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty else { throw ValidationError("--bot is TEAM=POLICY, got \"\(item)\"") }
            guard Command.botPolicies.contains(kv[1].lowercased()) else {
                throw ValidationError("--bot \(item): the policies are \(Command.botPolicies.joined(separator: ", "))")
            }
            out[kv[0]] = kv[1].lowercased()
        }
        return out
    }

    var resolvedKey: String? {
        key ?? ProcessInfo.processInfo.environment["ARMISTICE_INSTRUCTOR_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        _ = try parsedPhases()
        try Prompt.checkLanguage(lang)
        _ = try parsedBots()
        if let absent, !["nothing", "hold", "bot"].contains(absent) { throw ValidationError("--absent is nothing, hold or bot") }
        if room != nil, !bot.isEmpty || absent != nil {
            throw ValidationError("--bot and --absent apply to a new room; in a running room use the command bot TEAM POLICY|off")
        }
        if let turns, !(1...100).contains(turns) { throw ValidationError("--turns must be between 1 and 100") }
        if let room, ServerAddress.normalizeCode(room).count != 6 { throw ValidationError("a room code has 6 characters") }
    }

    func run() async throws {
        let url = ServerAddress.url(host)
        let store = SeatStore.standard()
        let name = self.name ?? Catalog(language: Prompt.language(lang)).text("terminal.instructor.default_name")
        var token: String?
        let request: SeatRequest?
        if let room {
            let code = ServerAddress.normalizeCode(room)
            token = store.find(url: url, room: code, role: "instructor")?.token
            request = resolvedKey.map { .join(code: code, name: name, team: nil, role: "instructor", key: $0) }
            if token == nil && request == nil { throw ValidationError("no stored seat for \(code): give --key") }
        } else {
            guard let key = resolvedKey else { throw ValidationError("give --key (or set ARMISTICE_INSTRUCTOR_KEY)") }
            request = .create(key: key, ruleset: ruleset, seed: seed, turns: turns, phases: try parsedPhases(), name: name, variant: variant,
                              bots: try parsedBots(), absent: absent, language: Prompt.language(lang).rawValue)
        }
        let options = ClientOptions(url: url, token: token, seatRequest: request, name: name,
                                    plain: plain, color: Prompt.colorAllowed, store: store, language: Prompt.language(lang))
        // A refusal that ended the client (a wrong key, a room that is gone) is a failure for a script.
        if await TerminalClient.run(options) == .refused { throw ExitCode.failure }
    }
}
