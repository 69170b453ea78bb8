import ArgumentParser
import ArmisticeLoad
import ArmisticeTransport
import Foundation

/// `armistice loadtest URL`: bots that play the way students do, against a running server, and the figures that
/// say how it held up. The runs behind docs/performance.md are in scripts/bench/.
struct LoadtestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest",
        abstract: "Load a running server with bots and report latency, throughput, errors, memory and CPU.",
        discussion: """
        Modes: chat (everyone chats in their room's all channel), moves (students change their team's draft; \
        each move is timed to the last teammate's and the instructor's update), turns (every student locks at once; \
        timed from the last lock to the last member seeing the results).
        --target lws-mirror drives libwebsockets-test-server's lws-mirror-protocol with the same chat load \
        (at most 3 rooms: the 4.1 test server keeps at most 3 mirror instances).
        Run each against a fresh server: rooms made by a run stay in its memory.
        """)

    @Argument(help: "The server's WebSocket URL, e.g. ws://127.0.0.1:8080/ws (for lws-mirror: ws://127.0.0.1:7681/).")
    var url: String

    @Option(help: "Rooms.") var rooms = 10
    @Option(help: "Connections per room, the instructor and observers included.") var clientsPerRoom = 10
    @Option(help: "Seconds to measure (after the warm-up).") var duration = 10.0
    @Option(help: "Seconds of load before measuring.") var warmup = 2.0
    @Option(name: .customLong("moves-per-second"), help: "Moves per second in all (in chat mode: chat messages per second).")
    var rate = 100.0
    @Option(help: "Extra chat messages per second in moves mode, timed like chat mode.") var chatPerSecond = 0.0
    @Option(help: "chat, moves or turns.") var mode: LoadConfig.Mode = .moves
    @Option(help: "armistice, or lws-mirror for libwebsockets' test server.") var target: LoadConfig.Target = .armistice
    @Option(help: "The server's instructor key (needed to create rooms).") var instructorKey: String?
    @Option(help: "Observers (a projector) per room.") var observers = 1
    @Option(help: "The ruleset the rooms play.") var ruleset = "koreanization"
    @Option(help: "The ruleset's file, for the bots' copy of the game (default rulesets/RULESET.yaml).") var rulesetFile: String?
    @Option(help: "Turns per match (1-100).") var turns = 100
    @Option(help: "WebSocket handshakes in flight at once.") var connectConcurrency = 200
    @Flag(help: "Halfway through, a second instructor who never reads joins room 1 (it gets every team's updates); room 1 gets --hot-moves-per-second and --hot-chat-per-second more.")
    var slowReader = false
    @Option(help: "Extra moves per second in room 1 with --slow-reader.") var hotMovesPerSecond = 40.0
    @Option(help: "Extra chat per second in room 1 with --slow-reader.") var hotChatPerSecond = 20.0
    @Option(help: "Filler characters in each chat message.") var chatBytes = 60
    @Option(help: "The server's process id, when it is not found by its port on this machine.") var serverPid: Int32?
    @Option(help: "The seed of room 1 (room N plays seed + N - 1).") var seed: UInt64 = 1
    @Option(help: "Turns mode: the shortest time between two lock-ins, in ms (the instructor's 4 skips must stay under the rate limit).")
    var minCycleMs = 250
    @Option(help: "Seconds to wait for any reply or delivery before counting it lost.") var timeout = 10.0
    @Flag(help: "Print the figures as JSON.") var json = false
    @Option(help: "Also write the figures as JSON to this file.") var jsonOut: String?

    func validate() throws {
        guard let components = URLComponents(string: url), components.scheme == "ws", components.host != nil else {
            throw ValidationError("URL must be ws://HOST:PORT/PATH (plain WebSocket)")
        }
        guard rooms >= 1, duration > 0, warmup >= 0, rate >= 0, timeout > 0 else {
            throw ValidationError("--rooms, --duration and --timeout must be positive; --warmup and --moves-per-second not negative")
        }
        switch target {
        case .armistice:
            guard instructorKey != nil else { throw ValidationError("--instructor-key is needed to create rooms") }
            guard clientsPerRoom >= 2 + observers else { throw ValidationError("--clients-per-room must leave room for the instructor, \(observers) observer(s) and a student") }
            guard clientsPerRoom <= 64 else { throw ValidationError("a room has at most 64 seats") }
            guard (1...100).contains(turns) else { throw ValidationError("--turns must be between 1 and 100") }
            let writers = Double(rooms * (clientsPerRoom - observers))
            if mode == .chat, rate / writers > 15 {
                throw ValidationError("\(rate) chat messages/s over \(Int(writers)) writers is over 15 a second each; the server allows 20 (burst 40)")
            }
        case .lwsMirror:
            guard mode == .chat else { throw ValidationError("--target lws-mirror supports --mode chat only") }
            guard rooms <= 3 else { throw ValidationError("libwebsockets-test-server 4.1 keeps at most 3 mirror instances (it closes connections to a fourth): use --rooms 3 or fewer") }
            guard chatBytes + 30 <= 4096 else { throw ValidationError("the test server's mirror reads 4096 bytes at a time: use --chat-bytes 4000 or fewer") }
            guard !slowReader else { throw ValidationError("--slow-reader needs --target armistice") }
        }
        if slowReader, mode != .moves {
            throw ValidationError("--slow-reader runs with --mode moves")
        }
        guard !slowReader || hotChatPerSecond <= Double(clientsPerRoom - observers) * 15 else {
            throw ValidationError("--hot-chat-per-second is over 15 a second per member of room 1")
        }
    }

    func run() async throws {
        let openFiles = FileLimit.raiseToHardLimit()
        let components = URLComponents(string: url)!
        let needed = rooms * clientsPerRoom + 64
        if openFiles >= 0, openFiles < needed {
            throw ValidationError("\(needed) connections need more open files than this process may have (\(openFiles)); raise the hard limit (ulimit -Hn)")
        }
        let config = LoadConfig(
            url: url, host: components.host!, port: components.port ?? 80, mode: mode, target: target, rooms: rooms,
            clientsPerRoom: clientsPerRoom, observers: target == .armistice ? observers : 0, duration: duration, warmup: warmup,
            rate: rate, chatRate: chatPerSecond, instructorKey: instructorKey ?? "", ruleset: ruleset,
            rulesetFile: rulesetFile ?? "rulesets/\(ruleset).yaml", turns: turns, connectConcurrency: connectConcurrency,
            slowReader: slowReader, hotChatRate: slowReader ? hotChatPerSecond : 0, hotMoveRate: slowReader ? hotMovesPerSecond : 0, chatBytes: chatBytes, serverPID: serverPid,
            seed: seed, minCycleMs: minCycleMs, timeout: timeout)
        let run = LoadRun(config: config, ruleset: target == .armistice ? try RulesetFile.load(config.rulesetFile) : nil)
        defer { run.shutdown() }
        let report = try await run.execute()
        if let jsonOut { try Data((try report.json() + "\n").utf8).write(to: URL(fileURLWithPath: jsonOut)) }
        print(json ? try report.json() : report.text)
    }
}

extension LoadConfig.Mode: ExpressibleByArgument {}
extension LoadConfig.Target: ExpressibleByArgument {}
