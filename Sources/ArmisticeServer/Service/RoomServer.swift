import ArmisticeEngine
import ArmisticeTransport
import Foundation
import Logging
import Synchronization
import ArmisticeWire

/// The room server: the transport, the rooms' executor, the match logs and the HTTP endpoints, started and
/// stopped together. Rooms left unfinished by an earlier run are rebuilt from their logs before it listens.
public final class RoomServer: Sendable {
    public struct Configuration: Sendable {
        public var host = "0.0.0.0"
        public var port = 8080
        public var dataDirectory = "./data"
        public var rulesetsDirectory = "./rulesets"
        public var webRoot: String? = "./clients/web"
        public var instructorKey: String
        public var tlsCertificatePath: String?
        public var tlsPrivateKeyPath: String?
        public var limits = ServerLimits()
        public var maxQueuedFrames = 512
        /// A test seam: makes the match store's writes fail as on a full disk.
        public var storageFaults: StorageFaults?
        /// Renders finished matches' reports for the teachers' archive (nil: the archive serves no reports).
        public var reportRenderer: ReportRenderer?
        /// Finished matches whose match ended more than this many days ago are deleted (0: kept forever).
        public var retentionDays = 365
        /// How often retention looks for old matches (it also looks at start).
        public var retentionCheckSeconds: Double = 3600
        /// Makes this server one node of a cluster (nil: a single node, as before).
        public var cluster: (any ClusterLink)?

        public init(instructorKey: String) { self.instructorKey = instructorKey }
    }

    /// What happened to each log found at start.
    public struct Recovery: Sendable {
        public var resumed: [String] = []
        public var finished: [String] = []
        /// Logs whose last line was cut off by a crash (the rest was used).
        public var tornTails: [String: String] = [:]
        /// Logs that could not be used at all.
        public var failed: [String: String] = [:]
        /// What replaying the write-ahead journal put back into the logs (after a crash).
        public var journal = JournalRecovery()
    }

    public let configuration: Configuration
    public let recovery: Recovery
    public let rulesetFailures: [String]
    public let metrics = ServerMetrics()
    /// The folder of the match logs.
    public let logDirectory: String
    private let executor: RoomExecutor
    private let bridge: TransportBridge
    private let transport: WebSocketServer
    private let logger: Logger
    private let retention: RetentionService?
    /// The teachers' accounts (`DATA/teachers.json`).
    public let accounts: TeacherAccounts

    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let (catalog, failures) = RulesetCatalog.load(directory: configuration.rulesetsDirectory)
        rulesetFailures = failures
        let store = try MatchStore(dataDirectory: configuration.dataDirectory, logger: logger, faults: configuration.storageFaults)
        logDirectory = store.directory
        Self.report(store.journalRecovery, logger: logger)
        let core = ServerCore(instructorKey: configuration.instructorKey, catalog: catalog, limits: configuration.limits)
        accounts = TeacherAccounts(dataDirectory: configuration.dataDirectory)
        core.accounts = accounts
        core.codePrefix = configuration.cluster?.codePrefix ?? ""
        let codes = store.codes()
        core.reserve(codes: codes)
        var recovery = Recovery()
        recovery.journal = store.journalRecovery
        let now = RoomExecutor.now()
        for code in codes {
            do {
                let reader = try store.load(code)
                if let torn = reader.tornTail { recovery.tornTails[code] = torn }
                var out = CoreOutput()
                if try core.restore(reader.records, now: now, into: &out) != nil {
                    recovery.resumed.append(code)
                } else {
                    recovery.finished.append(code)
                }
                let failed = store.append(out.logLines)
                if let reason = failed[code] { throw MatchLogError(reason) }
            } catch {
                core.evict(code)
                recovery.failed[code] = "\(error)"
            }
        }
        if let cluster = configuration.cluster { Self.letGoOfMovedRooms(core: core, store: store, cluster: cluster, recovery: &recovery, logger: logger) }
        self.recovery = recovery
        executor = RoomExecutor(core: core, store: store, metrics: metrics, directory: RoomDirectory(), logger: logger)
        executor.cluster = configuration.cluster
        let archive = ArchiveContext(instructorKey: configuration.instructorKey, accounts: accounts,
                                     archive: MatchArchive(directory: store.directory,
                                                           titles: Dictionary(catalog.summaries.map { ($0.id, $0.title) }) { a, _ in a },
                                                           shares: RoomShares(dataDirectory: configuration.dataDirectory)),
                                     reports: configuration.reportRenderer.map { ArchiveReports(dataDirectory: configuration.dataDirectory, renderer: $0) },
                                     executor: executor)
        retention = configuration.retentionDays > 0
            ? RetentionService(days: configuration.retentionDays, every: configuration.retentionCheckSeconds, context: archive, logger: logger)
            : nil
        bridge = TransportBridge(executor: executor, metrics: metrics, logDirectory: store.directory, instructorKey: configuration.instructorKey,
                                 rulesets: catalog.summaries, joinFailures: core.joinFailures, keyFailures: core.keyFailures,
                                 limits: configuration.limits, archive: archive)
        var t = WebSocketServer.Configuration(host: configuration.host, port: configuration.port, staticRoot: configuration.webRoot)
        t.protocolNames = ProtocolVersion.supported
        t.maxMessageBytes = configuration.limits.maxMessageBytes
        t.maxQueuedFrames = configuration.maxQueuedFrames
        t.tlsCertificatePath = configuration.tlsCertificatePath
        t.tlsPrivateKeyPath = configuration.tlsPrivateKeyPath
        transport = WebSocketServer(configuration: t, delegate: bridge, logger: logger)
        executor.transport = transport
        bridge.transport.withLock { $0 = transport }
    }

    /// Starts the rooms' thread and listens; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        executor.start()
        retention?.start()
        return try transport.start()
    }

    /// Finishes queued work and pending log writes, then closes every connection with a reason and stops listening.
    public func shutdown() {
        retention?.stop()
        executor.stop()
        transport.shutdown()
        bridge.transport.withLock { $0 = nil }
    }

    public var port: Int { transport.port }

    /// Where a room's match log is.
    public func logPath(_ code: String) -> String { logDirectory + "/\(code).jsonl" }

    /// Whether a room's match has ended (false for a code it does not hold).
    public func isFinished(_ code: String) -> Bool { executor.directory[code]?.phase == Phase.ended.rawValue }

    private static func report(_ journal: JournalRecovery, logger: Logger) {
        guard !journal.isEmpty else { return }
        let repaired = journal.repaired.keys.sorted().map { "\($0):\(journal.repaired[$0]!)" }.joined(separator: ",")
        logger.notice("match logs checked against the journal", metadata: [
            "journals": "\(journal.journals.joined(separator: ","))", "entries": "\(journal.entries)",
            "repaired": "\(repaired.isEmpty ? "none" : repaired)", "torn": "\(journal.tornLines)"])
        for problem in journal.problems { logger.error("journal replay problem", metadata: ["problem": "\(problem)"]) }
    }
}

/// Hands transport events to the executor and answers HTTP requests. Runs on the transport's service thread, where
/// each message is also charged and decoded (`InboundGate`), so the rooms thread only ever sees typed requests.
///
/// Safety rule for `@unchecked Sendable`: `gate` is touched only on the transport's service thread (every delegate
/// method runs there).
final class TransportBridge: WebSocketServerDelegate, @unchecked Sendable {
    let executor: RoomExecutor
    let metrics: ServerMetrics
    let logDirectory: String
    let instructorKey: String
    let rulesets: [RulesetSummary]
    let joinFailures: JoinFailureLimiter
    let keyFailures: JoinFailureLimiter
    let limits: ServerLimits
    let archive: ArchiveContext?
    let transport = Mutex<WebSocketServer?>(nil)
    private var gate: InboundGate

    init(executor: RoomExecutor, metrics: ServerMetrics, logDirectory: String, instructorKey: String,
         rulesets: [RulesetSummary], joinFailures: JoinFailureLimiter, keyFailures: JoinFailureLimiter, limits: ServerLimits,
         archive: ArchiveContext? = nil) {
        self.executor = executor
        self.metrics = metrics
        self.logDirectory = logDirectory
        self.instructorKey = instructorKey
        self.rulesets = rulesets
        self.joinFailures = joinFailures
        self.keyFailures = keyFailures
        self.limits = limits
        self.archive = archive
        gate = InboundGate(limits: limits)
    }

    func connectionOpened(_ id: ConnectionID, remoteAddress: String) {
        gate.opened(id.rawValue, now: RoomExecutor.now())
        executor.post(.opened(id.rawValue, remoteAddress))
    }

    func connection(_ id: ConnectionID, receivedText text: String) {
        guard let inbound = gate.text(text, from: id.rawValue, now: RoomExecutor.now()) else { return }
        forward(id, inbound)
    }

    func connection(_ id: ConnectionID, rejected reason: InboundRejection) {
        let error = reason == .binaryFrame
            ? ServerError(.binaryFrame, "binary messages are not accepted; send JSON text")
            : ServerError(.tooLarge, "\(reason.description); the limit is \(limits.maxMessageBytes) bytes")
        guard let inbound = gate.rejected(error, from: id.rawValue, now: RoomExecutor.now()) else { return }
        forward(id, inbound)
    }

    func connectionClosed(_ id: ConnectionID) {
        gate.closed(id.rawValue)
        executor.post(.closed(id.rawValue))
    }

    /// Queues a decoded message for the rooms thread; when too many of this connection's (or everyone's) wait
    /// already, answers `server_busy` from here instead.
    private func forward(_ id: ConnectionID, _ inbound: Inbound) {
        if executor.post(id.rawValue, inbound, perConnection: limits.maxQueuedPerConnection, total: limits.maxQueued) { return }
        var requestID: JSONValue?
        if case .request(let parsed) = inbound { requestID = parsed.id }
        let text = MessageEncoder().encode(ServerMessage.Failure(id: requestID, code: ErrorCode.serverBusy.rawValue,
                                                                 message: "the server is behind; nothing was done: send it again in a moment"))
        metrics.update { $0.errors[.serverBusy, default: 0] += 1 }
        _ = transport.withLock { $0 }?.send(OutboundFrame(text), to: id)
    }

    func handleHTTP(_ request: HTTPRequest) -> HTTPResponse? {
        HTTPRoutes(metrics: metrics, logDirectory: logDirectory, instructorKey: instructorKey,
                   transport: transport.withLock { $0?.statistics }, rulesets: rulesets, rooms: executor.directory,
                   joinFailures: joinFailures, keyFailures: keyFailures, archive: archive).respond(to: request)
    }
}
