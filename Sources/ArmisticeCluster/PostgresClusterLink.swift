import ArmisticeServer
import Foundation
import Logging
import Synchronization

/// One node's link to its cluster's PostgreSQL (see docs/scaling.md): it ships the node's match logs there (strict
/// or shipped), keeps the node's heartbeat, and hands over a dead node's rooms. The rooms thread calls `ship`,
/// `takeOver` and `stale`; the heartbeat and shipping run on their own threads.
public final class PostgresClusterLink: ClusterLink {
    /// What a node needs to join a cluster.
    public struct Configuration: Sendable {
        /// This node's name in the directory (unique in the cluster).
        public var node: String
        /// The start of every join code this node mints (its slice: one or two characters of the code alphabet).
        public var codePrefix: String
        /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
        public var databaseURL: String
        public var durability: DurabilityMode = .shipped
        /// A node not heard of for this long is taken for dead: another node may take its rooms over.
        public var deadAfterSeconds = 3.0
        /// How often this node says it is up (well under `deadAfterSeconds`).
        public var heartbeatSeconds = 0.5
        /// How long to wait for PostgreSQL at start.
        public var connectTimeoutSeconds = 30.0

        public init(node: String, codePrefix: String, databaseURL: String) {
            self.node = node
            self.codePrefix = codePrefix
            self.databaseURL = databaseURL
        }

        /// Checks the name and the prefix.
        public func validate() throws(ClusterError) {
            guard (1...32).contains(node.count), node.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw ClusterError(.badNodes, "a node name is 1 to 32 letters, digits, - or _, not \"\(node.prefix(40))\"")
            }
            guard (1...2).contains(codePrefix.count), codePrefix.allSatisfy(Secrets.codeAlphabet.contains) else {
                throw ClusterError(.badNodes, "a code prefix is one or two characters of \(String(Secrets.codeAlphabet)), not \"\(codePrefix.prefix(10))\"")
            }
        }
    }

    public let configuration: Configuration
    public var codePrefix: String { configuration.codePrefix }
    private let database: ClusterDatabase
    private let logger: Logger
    private let queue: ShipQueue?
    /// The rooms' shipping positions (written on the rooms thread, read by no other, kept in a Mutex for Sendable).
    private let rooms = Mutex(RoomsState())
    private let strictStats = Mutex(ShipStatistics())
    private let heartbeat: Task<Void, Never>

    private struct RoomsState {
        /// The next line number to ship, per room this node has shipped or taken over since it started.
        var next: [String: Int] = [:]
        /// Codes the shared store did not know, and when it was asked (asked again after `unknownTTL`).
        var unknown: [String: ContinuousClock.Instant] = [:]
    }
    private static let unknownTTL: Duration = .seconds(5)

    /// Connects, applies the migrations and starts the heartbeat. Throws if PostgreSQL cannot be used within
    /// `connectTimeoutSeconds`.
    public init(configuration: Configuration, logger: Logger) throws(ClusterError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        database = try ClusterDatabase(url: configuration.databaseURL, logger: logger)
        let applied = try database.migrate(timeout: configuration.connectTimeoutSeconds)
        if !applied.isEmpty { logger.notice("cluster schema migrated", metadata: ["versions": "\(applied.map(String.init).joined(separator: ","))"]) }
        queue = configuration.durability == .shipped ? ShipQueue(database: database, node: configuration.node, logger: logger) : nil
        let client = database.client
        let (node, prefix, every) = (configuration.node, configuration.codePrefix, configuration.heartbeatSeconds)
        try? database.wait { try await ClusterStatements.heartbeat(node: node, prefix: prefix, client: $0) }
        heartbeat = Task {
            while !Task.isCancelled {
                do { try await ClusterStatements.heartbeat(node: node, prefix: prefix, client: client) } catch {
                    logger.warning("cluster heartbeat failed", metadata: ["error": "\(String(reflecting: error).prefix(200))"])
                }
                try? await Task.sleep(for: .seconds(every))
            }
        }
    }

    /// What shipping has done so far.
    public var statistics: ShipStatistics { queue?.statistics ?? strictStats.withLock { $0 } }

    /// Ships what is queued (shipped mode, up to `timeout` seconds) and stops the heartbeat: at a clean shutdown,
    /// after the rooms thread stopped.
    public func shutdown(timeout: Double = 10) {
        queue?.drain(timeout: timeout)
        heartbeat.cancel()
    }

    public func ship(_ lines: [CoreOutput.LogAppend], local: MatchStore) -> [String: ClusterRefusal] {
        var byRoom: [String: [String]] = [:]
        var order: [String] = []
        for l in lines {
            if byRoom[l.room] == nil { order.append(l.room) }
            byRoom[l.room, default: []].append(l.line)
        }
        var refusals: [String: ClusterRefusal] = [:]
        var batches: [ShipQueue.Batch] = []
        let queuedAt = ContinuousClock.now
        for room in order {
            let fresh = byRoom[room]!
            do throws(ClusterRefusal) {
                let (start, catchUp) = try position(of: room, adding: fresh.count, local: local)
                batches.append(.init(room: room, start: start, lines: catchUp + fresh, queuedAt: queuedAt))
            } catch {
                refusals[room] = error
            }
        }
        if let queue {
            for b in batches { rooms.withLock { $0.next[b.room] = b.start + b.lines.count } }
            return queue.enqueue(batches).merging(refusals) { a, _ in a }
        }
        let node = configuration.node
        let started = ContinuousClock.now
        let results: [String: ClusterRefusal?]
        let work = batches
        do {
            results = try database.wait { client -> [String: ClusterRefusal?] in
                await ClusterStatements.append(work, node: node, client: client)
            }
        } catch {
            results = [:]
        }
        let seconds = (ContinuousClock.now - started).inSeconds
        for b in batches {
            if let outcome = results[b.room], outcome == nil {
                rooms.withLock { $0.next[b.room] = b.start + b.lines.count }
            } else {
                refusals[b.room] = results[b.room].flatMap { $0 } ?? ClusterRefusal(.unavailable, "PostgreSQL did not answer")
                rooms.withLock { $0.next[b.room] = nil }
            }
        }
        let shipped = batches.filter { refusals[$0.room] == nil }.reduce(0) { $0 + $1.lines.count }
        strictStats.withLock { s in
            s.batches += 1
            s.lines += shipped
            s.seconds += seconds
            s.maxLagSeconds = max(s.maxLagSeconds, seconds)
            if shipped < batches.reduce(0, { $0 + $1.lines.count }) { s.failures += 1 }
        }
        return refusals
    }

    /// Where a room's `adding` new lines start in its shared log, and the local lines the shared log lacks before
    /// them (after a restart, or after PostgreSQL was unreachable): they are shipped first.
    private func position(of room: String, adding: Int, local: MatchStore) throws(ClusterRefusal) -> (Int, [String]) {
        if let next = rooms.withLock({ $0.next[room] }) { return (next, []) }
        let localLines = local.lines(room)
        let before = localLines.count - adding
        guard before > 0 else { return (0, []) }
        let shared: Int
        do {
            shared = try database.wait { try await ClusterStatements.lineCount(room: room, client: $0) }
        } catch {
            throw ClusterRefusal(.unavailable, "PostgreSQL: \(String(reflecting: error).prefix(200))")
        }
        guard shared <= before else {
            throw ClusterRefusal(.fenced, "room \(room)'s shared log has \(shared) lines, more than this node's \(before): another node went on with it")
        }
        return (shared, Array(localLines[shared..<before]))
    }

    public func takeOver(_ code: String) throws(ClusterRefusal) -> [String]? {
        if let asked = rooms.withLock({ $0.unknown[code] }), ContinuousClock.now - asked < Self.unknownTTL { return nil }
        if queue?.hasPending(code) == true {
            throw ClusterRefusal(.unavailable, "room \(code) still has lines on their way to PostgreSQL")
        }
        let (me, prefix, deadAfter) = (configuration.node, configuration.codePrefix, configuration.deadAfterSeconds)
        let outcome: Result<[String]?, ClusterRefusal>
        do {
            outcome = try database.wait { client -> Result<[String]?, ClusterRefusal> in
                guard let entry = try await ClusterStatements.owner(of: code, client: client) else { return .success(nil) }
                if entry.node != me {
                    // The slice's own node takes its rooms back from a backup at once (HAProxy sends their clients
                    // here only when it is up); any other node only from a node not heard of for `deadAfter`.
                    let silent = entry.silentSeconds ?? .infinity
                    guard code.hasPrefix(prefix) || silent >= deadAfter else {
                        return .failure(ClusterRefusal(.ownerAlive, "room \(code) is held by node \(entry.node), last heard of \(String(format: "%.1f", silent)) s ago"))
                    }
                    guard try await ClusterStatements.claim(room: code, from: entry.node, for: me, client: client) else {
                        return .failure(ClusterRefusal(.ownerAlive, "room \(code) was just claimed by another node"))
                    }
                }
                return .success(try await ClusterStatements.lines(of: code, client: client))
            }
        } catch let refusal as ClusterRefusal {
            throw refusal
        } catch {
            throw ClusterRefusal(.unavailable, "PostgreSQL: \(String(reflecting: error).prefix(200))")
        }
        let lines = try outcome.get()
        rooms.withLock { r in
            if let lines {
                r.next[code] = lines.count
                r.unknown[code] = nil
            } else {
                r.unknown[code] = .now
            }
        }
        return lines
    }

    public func stale(_ local: [String: Int]) -> Set<String> {
        let node = configuration.node
        do {
            return try database.wait { try await ClusterStatements.stale(local, node: node, client: $0) }
        } catch {
            logger.error("cannot check the recovered rooms against the cluster; keeping them", metadata: ["error": "\(String(reflecting: error).prefix(200))"])
            return []
        }
    }
}
