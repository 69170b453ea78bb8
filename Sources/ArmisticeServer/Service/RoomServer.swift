import ArmisticeEngine
import ArmisticeTransport
import Foundation
import Logging
import Synchronization
import ArmisticeWire

/// The room server: the transport, the rooms threads (`RoomShards`), the match logs and the HTTP endpoints, started
/// and stopped together. Rooms left unfinished by an earlier run are rebuilt from their logs before it listens.
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
        /// Sockets one peer address may hold at once (0: no limit; see `WebSocketServer.Configuration`).
        public var maxConnectionsPerAddress = 1_024
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
        /// Rooms threads (shards), each with its own rooms, batch, journal and group commit (at least 1).
        public var threads = ProcessInfo.processInfo.activeProcessorCount

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
    /// The scenarios this server can open (their ids).
    public let rulesetIDs: [String]
    public let metrics = ServerMetrics()
    /// The folder of the match logs.
    public let logDirectory: String
    private let rooms: RoomShards
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
        rulesetIDs = catalog.summaries.map(\.id)
        let map = ShardMap(count: configuration.threads)
        let accounts = TeacherAccounts(dataDirectory: configuration.dataDirectory, logger: logger)
        // A damaged accounts file is not "no teachers": every teacher would be refused (and charged a wrong key).
        try accounts.check()
        // A key that looks like a session would never be compared (sessions are looked up, not compared).
        guard !SignInSessions.isSession(configuration.instructorKey) else {
            throw AccountError("the instructor key must not start with \"\(SignInSessions.prefix)\": that is how sign-in sessions begin, and they are never compared with the key")
        }
        // One store per shard (its own journal); the first one opened replays every shard's journal left by a crash,
        // whatever number of shards wrote them.
        let stores = try (0..<map.count).map { k in
            try MatchStore(dataDirectory: configuration.dataDirectory, shard: k, logger: logger, faults: configuration.storageFaults)
        }
        let store = stores[0]
        logDirectory = store.directory
        Self.report(store.journalRecovery, logger: logger)
        self.accounts = accounts
        let limits = configuration.limits
        // One budget per address across the shards: a school behind one address gets one allowance, not one per thread.
        let joinFailures = JoinFailureLimiter(capacity: limits.joinFailureBurst, perSecond: limits.joinFailuresPerSecond)
        let keyFailures = JoinFailureLimiter(capacity: limits.keyFailureBurst, perSecond: limits.keyFailuresPerSecond)
        // One table of sign-in sessions for the rooms threads and the HTTP thread (a session works everywhere a key does).
        let sessions = SignInSessions()
        let directory = RoomDirectory()
        let roomCount = RoomCount()
        let codes = store.codes()
        let cores = (0..<map.count).map { k in
            let core = ServerCore(instructorKey: configuration.instructorKey, catalog: catalog, limits: limits,
                                  joinFailures: joinFailures, keyFailures: keyFailures)
            core.accounts = accounts
            core.sessions = sessions
            core.codePrefix = configuration.cluster?.codePrefix ?? ""
            core.shard = (k, map)
            core.roomCount = roomCount
            core.reserve(codes: codes)
            return core
        }
        var recovery = Recovery()
        recovery.journal = store.journalRecovery
        let now = RoomExecutor.now()
        // Each room is rebuilt on the shard its code maps to with this run's number of shards. A match that ended
        // longer ago than a finished room lingers is not replayed (its code is reserved above; the archive reads its
        // log when a teacher asks): a year of finished logs costs a start almost nothing.
        let started = Date()
        var lastProgress = started
        var notReplayed = 0
        logger.notice("reading match logs", metadata: ["logs": "\(codes.count)"])
        for (n, code) in codes.enumerated() {
            let k = map.shard(of: code)
            let (core, store) = (cores[k], stores[k])
            if Date().timeIntervalSince(lastProgress) >= 5 {
                lastProgress = Date()
                logger.notice("reading match logs", metadata: ["done": "\(n)", "logs": "\(codes.count)"])
            }
            guard MisnamedLog.isCode(code) else {
                // Nothing lists or loads it (a room code is 6 letters and digits of the code alphabet): say so.
                recovery.failed[code] = "\(store.path(code)): \(code) is not a room code (6 of \(String(Secrets.codeAlphabet))), so this log is "
                    + "neither loaded nor listed. Rename it to the code its first line names (\"room\") and restart"
                continue
            }
            if let ended = store.finalHashTime(code), now - ended > limits.finishedRoomLingerMs {
                recovery.finished.append(code)
                notReplayed += 1
                continue
            }
            do {
                let reader = try store.load(code)
                if let torn = reader.tornTail {
                    recovery.tornTails[code] = torn + (store.cutTails[code].map { "; the cut bytes are kept in \($0)" } ?? "")
                }
                var out = CoreOutput()
                if try core.restore(reader, now: now, into: &out) != nil {
                    recovery.resumed.append(code)
                } else {
                    recovery.finished.append(code)
                }
                let failed = store.append(out.logLines)
                if let reason = failed[code] { throw MatchLogError(reason) }
            } catch {
                core.evict(code)
                recovery.failed[code] = "\(MatchLogError.notRestored(error, path: store.path(code)))"
            }
        }
        logger.notice("match logs read", metadata: [
            "logs": "\(codes.count)", "resumed": "\(recovery.resumed.count)", "finished": "\(recovery.finished.count)",
            "finished_not_replayed": "\(notReplayed)", "not_restored": "\(recovery.failed.count)",
            "seconds": "\(String(format: "%.1f", Date().timeIntervalSince(started)))"])
        if let cluster = configuration.cluster { Self.letGoOfMovedRooms(cores: cores, store: store, cluster: cluster, recovery: &recovery, logger: logger) }
        self.recovery = recovery
        var executors: [RoomExecutor] = []
        for k in 0..<map.count {
            let executor = RoomExecutor(core: cores[k], store: stores[k], metrics: metrics, directory: directory, logger: logger, shard: k)
            executor.cluster = configuration.cluster
            executors.append(executor)
        }
        rooms = RoomShards(executors: executors, directory: directory)
        let archive = ArchiveContext(instructorKey: configuration.instructorKey, accounts: accounts,
                                     archive: MatchArchive(directory: store.directory,
                                                           titles: Dictionary(catalog.summaries.map { ($0.id, $0.title) }) { a, _ in a },
                                                           localizedTitles: Dictionary(catalog.summaries.map { s in (s.id, (s.localized ?? [:]).mapValues(\.title)) }) { a, _ in a },
                                                           shares: RoomShares(dataDirectory: configuration.dataDirectory)),
                                     reports: configuration.reportRenderer.map { ArchiveReports(dataDirectory: configuration.dataDirectory, renderer: $0) },
                                     rooms: rooms, sessions: sessions)
        archive.archive.warm()   // the first list a teacher asks for then reads nothing on the HTTP thread
        retention = configuration.retentionDays > 0
            ? RetentionService(days: configuration.retentionDays, every: configuration.retentionCheckSeconds, context: archive, logger: logger)
            : nil
        bridge = TransportBridge(rooms: rooms, metrics: metrics, logDirectory: store.directory, instructorKey: configuration.instructorKey,
                                 rulesets: catalog.summaries, joinFailures: joinFailures, keyFailures: keyFailures,
                                 limits: configuration.limits, archive: archive)
        var t = WebSocketServer.Configuration(host: configuration.host, port: configuration.port, staticRoot: configuration.webRoot)
        t.protocolNames = ProtocolVersion.supported
        t.maxMessageBytes = configuration.limits.maxMessageBytes
        t.maxQueuedFrames = configuration.maxQueuedFrames
        t.tlsCertificatePath = configuration.tlsCertificatePath
        t.tlsPrivateKeyPath = configuration.tlsPrivateKeyPath
        // Each room keeps its match log open: connections leave room for every room the server may hold.
        t.reservedFileDescriptors = configuration.limits.maxRooms + 128
        t.maxConnectionsPerAddress = configuration.maxConnectionsPerAddress
        transport = WebSocketServer(configuration: t, delegate: bridge, logger: logger)
        for executor in executors { executor.transport = transport }
        bridge.transport.withLock { $0 = transport }
    }

    /// Starts the rooms threads and listens; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        rooms.start()
        retention?.start()
        return try transport.start()
    }

    /// Finishes queued work and pending log writes, then closes every connection with a reason and stops listening.
    public func shutdown() {
        retention?.stop()
        rooms.stop()
        transport.shutdown()
        bridge.transport.withLock { $0 = nil }
    }

    public var port: Int { transport.port }

    /// Where a room's match log is.
    public func logPath(_ code: String) -> String { logDirectory + "/\(code).jsonl" }

    /// Whether a room's match has ended (false for a code it does not hold).
    public func isFinished(_ code: String) -> Bool { rooms.directory[code]?.phase == Phase.ended.rawValue }

    /// The rooms threads this server runs.
    public var threads: Int { rooms.count }

    private static func report(_ journal: JournalRecovery, logger: Logger) {
        guard !journal.isEmpty else { return }
        let repaired = journal.repaired.keys.sorted().map { "\($0):\(journal.repaired[$0]!)" }.joined(separator: ",")
        logger.notice("match logs checked against the journal", metadata: [
            "journals": "\(journal.journals.joined(separator: ","))", "entries": "\(journal.entries)",
            "repaired": "\(repaired.isEmpty ? "none" : repaired)", "torn": "\(journal.tornLines)"])
        for problem in journal.problems { logger.error("journal replay problem", metadata: ["problem": "\(problem)"]) }
    }
}

/// Hands transport events to the rooms threads (through `RoomShards`, which routes each connection) and answers HTTP
/// requests. Runs on the transport's service thread, where
/// each message is also charged and decoded (`InboundGate`), so the rooms thread only ever sees typed requests.
///
/// Safety rule for `@unchecked Sendable`: `gate` is touched only on the transport's service thread (every delegate
/// method runs there).
final class TransportBridge: WebSocketServerDelegate, @unchecked Sendable {
    let rooms: RoomShards
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

    init(rooms: RoomShards, metrics: ServerMetrics, logDirectory: String, instructorKey: String,
         rulesets: [RulesetSummary], joinFailures: JoinFailureLimiter, keyFailures: JoinFailureLimiter, limits: ServerLimits,
         archive: ArchiveContext? = nil) {
        self.rooms = rooms
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
        rooms.opened(id.rawValue, address: remoteAddress)
    }

    func connection(_ id: ConnectionID, receivedText text: String) {
        guard let inbound = gate.text(text, from: id.rawValue, now: RoomExecutor.now()) else { return }
        forward(id, inbound)
    }

    func connection(_ id: ConnectionID, rejected reason: InboundRejection) {
        let error = switch reason {
        case .binaryFrame: ServerError(.binaryFrame, key: "error.binary_frame.text")
        case .tooLarge(let bytes): ServerError(.tooLarge, key: "error.too_large.limit", ["bytes": .number(bytes), "limit": .number(limits.maxMessageBytes)])
        }
        guard let inbound = gate.rejected(error, from: id.rawValue, now: RoomExecutor.now()) else { return }
        forward(id, inbound)
    }

    func connectionClosed(_ id: ConnectionID) {
        gate.closed(id.rawValue)
        rooms.closed(id.rawValue)
    }

    /// Queues a decoded message for the rooms thread; when too many of this connection's (or everyone's) wait
    /// already, answers `server_busy` from here instead.
    private func forward(_ id: ConnectionID, _ inbound: Inbound) {
        if rooms.forward(id.rawValue, inbound, perConnection: limits.maxQueuedPerConnection, total: limits.maxQueued) { return }
        var requestID: JSONValue?
        if case .request(let parsed) = inbound { requestID = parsed.id }
        // Said in English: this thread does not know the connection's language (the rooms thread does).
        let busy = ServerError(.serverBusy, key: "error.server_busy.behind")
        let reply = MessageEncoder().encode(ServerMessage.Failure(id: requestID, code: busy.code.rawValue, message: busy.message))
        metrics.update { $0.errors[ErrorCode(.serverBusy), default: 0] += 1 }
        _ = transport.withLock { $0 }?.send(OutboundFrame(bytes: reply), to: id)
    }

    func handleHTTP(_ request: HTTPRequest) -> HTTPResponse? {
        HTTPRoutes(metrics: metrics, logDirectory: logDirectory, instructorKey: instructorKey,
                   transport: transport.withLock { $0?.statistics }, rulesets: rulesets, rooms: rooms.directory,
                   joinFailures: joinFailures, keyFailures: keyFailures, archive: archive).respond(to: request)
    }
}
