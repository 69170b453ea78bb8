import ArgumentParser
import ArmisticeBots
import ArmisticeEngine
import ArmisticeLoad
import ArmisticeLocale
import ArmisticeServer
import ArmisticeTerminal
import ArmisticeTransport
import ArmisticeWire
import Foundation
import Logging

/// `armistice practice RULESET --team ID`: a whole match alone against bots, on this machine, in the terminal client,
/// with a report at the end. No instructor key, no server to start: one is run inside this process on a loopback
/// port, and the student sets the pace (locking in ends the negotiation; the bots lock as orders open).
struct PracticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Play a whole match alone against bots in the terminal, with a report at the end.",
        discussion: """
            RULESET is a scenario file (e.g. rulesets/koreanization.yaml). Every other team is played by a bot \
            (--policy, greedy by default; a team the scenario or its --variant pins in bots: plays that policy). Lock your orders when you are done with a turn: the negotiation ends, the \
            bots lock, the turn is adjudicated, and after a short results pause the next turn begins. The match log and \
            the report (HTML) are kept in --out. --watch lets a bot play your team too (a demonstration, or a check).
            """)

    @Argument(help: "The scenario file (YAML).") var ruleset: String
    @Option(help: "Your team's id.") var team: String
    @Option(help: "A variant of the scenario (see `armistice ruleset check`).") var variant: String?
    @Option(help: "The other teams' bot policy: \(BotKind.allCases.map(\.rawValue).joined(separator: ", ")) (default greedy). A team the file's or the variant's bots: pins plays its pinned policy.") var policy = "greedy"
    @Option(help: "Turns to play (the scenario's if absent).") var turns: Int?
    @Option(help: "Seconds of the briefing and results pauses between turns, 1 to 600.") var pause = 20
    @Option(help: "The match's seed (random if absent).") var seed: UInt64?
    @Option(help: "Your display name.") var name = "Student"
    @Option(help: "Folder for the match log and the report.") var out = "practice"
    @Flag(help: "Line mode for screen readers and scripts.") var plain = false
    @Option(help: "The interface's and the report's language: ko or en (default: from LC_ALL, LC_MESSAGES or LANG).") var lang: String?
    @Flag(help: "Watch: a greedy bot plays your team as well; the match runs by itself to the end.") var watch = false
    @Flag(help: "Play in a browser instead of the terminal: the address to open is printed.") var browser = false
    @Option(help: "The browser client's folder (with --browser).") var web = "./clients/web"
    @Option(help: "The port to serve on (with --browser; 0 picks a free one).") var port = 0

    func validate() throws {
        try Prompt.checkLanguage(lang)
        guard BotKind(rawValue: policy) != nil else {
            throw ValidationError("--policy must be one of \(BotKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (1...600).contains(pause) else { throw ValidationError("--pause must be between 1 and 600 seconds") }
        guard !(browser && watch) else { throw ValidationError("choose --browser or --watch, not both") }
        guard !browser || FileManager.default.fileExists(atPath: web + "/index.html") else {
            throw ValidationError("the browser client is not at \(web): give its folder with --web (clients/web in the source tree)")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let text = try RulesetFile.read(ruleset)
        let rules: Ruleset
        do { rules = try RulesetLoader.load(text: text, file: ruleset, variant: variant) } catch {
            for d in error.diagnostics { Console.error("\(d)") }
            throw ExitCode(1)
        }
        guard rules.teamIndex(team) != nil else {
            throw ValidationError("no team \"\(team)\" in \(ruleset); the teams are \(rules.teams.map(\.id).joined(separator: ", "))")
        }
        // The server: this scenario alone, its logs in --out, on a loopback port.
        let folder = (out as NSString).standardizingPath
        let scenarios = folder + "/scenario"
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: scenarios + "/" + (ruleset as NSString).lastPathComponent)
        try Data(text.utf8).write(to: URL(fileURLWithPath: scenarios + "/" + (ruleset as NSString).lastPathComponent))
        var logger = Logger(label: "armistice.practice")
        logger.logLevel = .critical
        var configuration = RoomServer.Configuration(instructorKey: Self.newKey())
        configuration.host = "127.0.0.1"
        configuration.port = browser ? port : 0
        configuration.dataDirectory = folder + "/data"
        configuration.rulesetsDirectory = scenarios
        configuration.webRoot = browser ? web : nil
        let server = try RoomServer(configuration: configuration, logger: logger)
        let port = try server.start()
        do {
            try await play(server: server, port: port, rules: rules, configuration: configuration, logger: logger, folder: folder)
        } catch {
            server.shutdown()
            throw error
        }
    }

    private func play(server: RoomServer, port: Int, rules: Ruleset, configuration: RoomServer.Configuration, logger: Logger,
                      folder: String) async throws {

        // The room: every other team (and, watching, this one) a bot; the student's locks set the pace.
        let pool = WebSocketClientPool(logger: logger)
        let url = "ws://127.0.0.1:\(port)/ws"
        let host = try await BenchClient.connect(pool, url: url, name: "practice")
        // The file's (or the variant's) `bots:` pins win over --policy, as in `simulate`: a note says which.
        let asked = rules.teams.map { $0.id == team ? BotKind.greedy : BotKind(rawValue: policy)! }
        let kinds = Simulation.bots(for: rules, kinds: asked)
        let seated = rules.teams.indices.filter { watch || rules.teams[$0].id != team }
        let bots = seated.map { #""\#(rules.teams[$0].id)":"\#(kinds[$0].rawValue)""# }
        let pinned = seated.filter { kinds[$0] != asked[$0] }.map { "\(rules.teams[$0].id)=\(kinds[$0].rawValue)" }
        if !pinned.isEmpty {
            Console.error("Note: the file's bots:\(variant.map { " (variant \($0))" } ?? "") pins \(pinned.joined(separator: ", ")).")
        }
        var phases = ["briefing": pause, "results": pause, "adjudication": 1, "negotiation": 3_600, "orders": 3_600]
        if watch { phases["negotiation"] = 1; phases["orders"] = 1 }
        let phaseJSON = phases.sorted { $0.key < $1.key }.map { #""\#($0.key)":\#($0.value)"# }.joined(separator: ",")
        var request = #"{"type":"create_room","key":"\#(configuration.instructorKey)","ruleset":"\#(rules.id)","practice":true,"#
            + #""bots":{\#(bots.joined(separator: ","))},"phases":{\#(phaseJSON)}"#
        if let variant { request += #","variant":"\#(variant)""# }
        if let turns { request += #","turns":\#(turns)"# }
        if let seed { request += #","seed":\#(seed)"# }
        if Prompt.language(lang) != .en { request += #","language":"\#(Prompt.language(lang).rawValue)""# }
        let created = try await host.request(request + "}")
        guard let code = JSONValue.parse(created)?["room"]?.string else {
            Console.error("the practice room could not be made: \(created.prefix(300))")
            throw ExitCode(1)
        }
        _ = try await host.request(#"{"type":"start"}"#)

        // What it prints is in the --lang language, the team by its name in that language (qa9 L1).
        let language = Prompt.language(lang)
        let say = Catalog(language: language)
        if watch || browser {
            if browser {
                let teamName = rules.localized(to: language.rawValue).teams[rules.teamIndex(team)!].name
                let line = say.text("practice.cli.open", ["port": String(port), "code": code, "team": teamName, "id": team])
                FileHandle.standardOutput.write(Data((Josa.resolvingParticles(line, in: language) + "\n").utf8))
            } else {
                Console.error(say.text("practice.cli.watching", ["code": code]))
            }
            while !server.isFinished(code) { try await Task.sleep(for: .milliseconds(200)) }
        } else {
            let request = SeatRequest.join(code: code, name: name, team: team, role: "player", key: nil)
            let store = SeatStore(path: folder + "/seats.json")
            await TerminalClient.run(ClientOptions(url: url, token: nil, seatRequest: request, name: name, plain: plain,
                                                   color: Prompt.colorAllowed, store: store, language: Prompt.language(lang)))
        }
        // The report, from the log as it stands (a match left early is reported up to where it stopped).
        let log = server.logPath(code)
        let report = folder + "/report-\(code).html"
        pool.shutdown()
        server.shutdown()
        let command = try ReportCommand.parse([log, "--out", report, "--as", watch ? "instructor" : team, "--lang", language.rawValue])
        try await command.run()
        Console.error(say.text("practice.cli.files", ["log": log, "report": report]))
    }

    static func newKey() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...15, using: &rng), radix: 16) }.joined()
    }
}
