import ArgumentParser
import ArmisticeLoad
import ArmisticeServer
import ArmisticeTransport
import Dispatch
import Foundation
import Logging

/// `armistice serve`: runs the room server until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the room server: WebSocket protocol armistice.v2, the browser client and /healthz, /metrics on one port.",
        subcommands: [ServeBenchCommand.self])

    @Option(help: "The address to listen on.") var host = "0.0.0.0"
    @Option(help: "The port (0 picks a free one; the bound port is printed as \"listening on port N\").") var port = 8080
    @Option(help: "The data folder: match logs and the generated instructor key.") var data = "./data"
    @Option(help: "The folder of scenario files (YAML).") var rulesets = "./rulesets"
    @Option(help: "The browser client's static files.") var web = "./clients/web"
    @Option(help: "The instructor key, at least 16 characters (default: $ARMISTICE_INSTRUCTOR_KEY, else generated once and kept in the data folder).")
    var instructorKey: String?
    @Option(help: "A PEM certificate, to serve https/wss (with --tls-key).") var tlsCert: String?
    @Option(help: "The PEM private key of --tls-cert.") var tlsKey: String?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Delete finished matches (logs and reports) whose match ended more than this many days ago; 0 keeps them forever. Checked at start and hourly.")
    var retentionDays = 365
    @Option(help: "Rooms threads: rooms are spread over them, each with its own batch, journal and group commit (default: the number of cores).")
    var threads: Int?
    @Option(help: "Connections one address may hold at once (a school behind one address shares it); 0: no limit, as behind a proxy on another host. Loopback is not counted.")
    var maxConnectionsPerAddress = 1_024
    @OptionGroup(title: "Cluster") var cluster: ServeClusterOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give both --tls-cert and --tls-key, or neither") }
        guard (1...256).contains(threads ?? 1) else { throw ValidationError("--threads must be between 1 and 256") }
        guard maxConnectionsPerAddress >= 0 else { throw ValidationError("--max-connections-per-address must be 0 (no limit) or more") }
        guard retentionDays >= 0 else { throw ValidationError("--retention-days must be 0 (keep forever) or more") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \"\(logLevel)\"") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: data, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--data \(data) is a file: give a folder for the match logs (it is made if it does not exist)")
        }
        if let key = instructorKey, key.count < InstructorKeyFile.minimumLength {
            throw ValidationError("--instructor-key must be at least \(InstructorKeyFile.minimumLength) characters: a shorter key can be guessed (leave it out and the server makes a strong one)")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "armistice.server")
        FileLimit.raiseToHardLimit()   // each connection is a file descriptor; the transport logs what the limit allows
        let key: String
        if let given = instructorKey ?? ProcessInfo.processInfo.environment["ARMISTICE_INSTRUCTOR_KEY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard given.count >= InstructorKeyFile.minimumLength else {
                throw ValidationError("the instructor key from ARMISTICE_INSTRUCTOR_KEY has \(given.count) characters; it must have at least \(InstructorKeyFile.minimumLength), since a shorter key can be guessed (unset it and the server makes a strong one)")
            }
            key = given
        } else {
            let (saved, created) = try InstructorKeyFile.loadOrCreate(dataDirectory: data)
            key = saved
            if created {
                FileHandle.standardOutput.write(Data("instructor key: \(saved)  (saved in \(InstructorKeyFile.path(dataDirectory: data)); shown only this once)\n".utf8))
            } else {
                logger.info("instructor key read from the data folder", metadata: ["file": "\(InstructorKeyFile.path(dataDirectory: data))"])
            }
        }
        var configuration = RoomServer.Configuration(instructorKey: key)
        configuration.host = host
        configuration.port = port
        configuration.dataDirectory = data
        configuration.rulesetsDirectory = rulesets
        configuration.webRoot = FileManager.default.fileExists(atPath: web) ? web : nil
        configuration.tlsCertificatePath = tlsCert
        configuration.tlsPrivateKeyPath = tlsKey
        configuration.retentionDays = retentionDays
        if let threads { configuration.threads = threads }
        configuration.maxConnectionsPerAddress = maxConnectionsPerAddress
        configuration.reportRenderer = ServerReports.renderer(rulesets: rulesets)
        let link = try await cluster.link(logger: logger)
        configuration.cluster = link
        let server = try RoomServer(configuration: configuration, logger: logger)
        for failure in server.rulesetFailures { logger.warning("ruleset not loaded", metadata: ["problem": "\(failure)"]) }
        if server.rulesetIDs.isEmpty {
            logger.error("no scenarios: no room can be created until one loads; give --rulesets the folder of scenario files (the repository's rulesets/) or fix the errors above",
                         metadata: ["rulesets": "\(rulesets)"])
        }
        if configuration.webRoot == nil {
            logger.warning("no browser client: the web pages will answer 404; give --web the folder of the browser client (the repository's clients/web/)",
                           metadata: ["web": "\(web)"])
        }
        let r = server.recovery
        for (code, torn) in r.tornTails.sorted(by: { $0.key < $1.key }) {
            logger.warning("match log had a torn last line; recovered up to the last whole record", metadata: ["room": "\(code)", "detail": "\(torn)"])
        }
        for (code, problem) in r.failed.sorted(by: { $0.key < $1.key }) {
            logger.error("match log could not be recovered", metadata: ["room": "\(code)", "problem": "\(problem)"])
        }
        if !r.resumed.isEmpty { logger.notice("rooms recovered from their logs", metadata: ["rooms": "\(r.resumed.joined(separator: ","))"]) }
        let signals = ServeSignals([SIGTERM, SIGINT])
        let bound = try server.start()
        FileHandle.standardOutput.write(Data("listening on port \(bound)\n".utf8))
        logger.notice("serving", metadata: ["host": "\(host)", "port": "\(bound)", "tls": "\(tlsCert != nil)", "data": "\(data)", "threads": "\(server.threads)",
                                            "node": "\(cluster.node ?? "-")"])
        let signal = await signals.wait()
        logger.notice("shutting down", metadata: ["signal": "\(signal)"])
        server.shutdown()
        if let link {
            link.shutdown()
            let s = link.statistics
            logger.notice("cluster shipping", metadata: ["lines": "\(s.lines)", "batches": "\(s.batches)", "seconds": "\(s.seconds)",
                                                         "max_lag_s": "\(s.maxLagSeconds)", "unshipped": "\(s.pendingLines)", "failures": "\(s.failures)"])
        }
        logger.notice("stopped")
    }
}

/// The write end of the pipe the signal handler writes to (set once, before any handler is installed).
nonisolated(unsafe) private var serveSignalPipe: Int32 = -1

/// The first of some signals, instead of their default action: a plain handler writes the signal's number to a pipe
/// (write is async-signal-safe) and a thread reads it. Installed before the server says it is listening, and in
/// effect at once (a Dispatch signal source registers later, on its own queue, and a signal sent meanwhile was lost:
/// `kill` right after "listening on port" left the server running).
final class ServeSignals: Sendable {
    private let readEnd: Int32

    init(_ signals: [Int32]) {
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0, "no pipe for the signal handler")
        readEnd = fds[0]
        serveSignalPipe = fds[1]
        for number in signals {
            signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(serveSignalPipe, &byte, 1)
            }
        }
    }

    /// The first signal that came (at once, if one came already).
    func wait() async -> Int32 {
        let fd = readEnd
        return await withCheckedContinuation { (c: CheckedContinuation<Int32, Never>) in
            let thread = Thread {
                var byte: UInt8 = 0
                while read(fd, &byte, 1) != 1 {}
                c.resume(returning: Int32(byte))
            }
            thread.name = "arm-signals"
            thread.start()
        }
    }
}

