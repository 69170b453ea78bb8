import ArmisticeTransport
import ArmisticeWire
import Foundation
import Logging

/// One rooms thread (a shard): it owns the rooms `ShardMap` places on it and the connections routed to it (see
/// `RoomShards`). Transport events queue here; each batch is handled by the core, its log
/// records are written and made durable together (group commit: one journal fdatasync), and only then are its
/// messages sent.
///
/// Requests arrive decoded (see `InboundGate`); how many wait here is bounded per connection and in all.
///
/// Safety rule for `@unchecked Sendable`: `core`, `store` and `stopped` are touched only on the executor thread;
/// `queue`, `queuedInbound`, `stopping` and `finished` only under `condition`.
final class RoomExecutor: @unchecked Sendable {
    enum Event {
        case opened(ClientID, String)
        case inbound(ClientID, Inbound)
        case closed(ClientID)
        /// Work for the rooms thread from elsewhere (deleting a match): run in order with the batch's events.
        case task(@Sendable (RoomExecutor, Int64, inout CoreOutput) -> Void)
    }

    let core: ServerCore
    let store: MatchStore
    /// This thread's index among the server's rooms threads.
    let shard: Int
    private let metrics: ServerMetrics
    /// The rooms' public summaries for the HTTP handler, refreshed here after each batch.
    let directory: RoomDirectory
    let logger: Logger
    private let condition = NSCondition()
    private var queue: [Event] = []
    /// Requests queued, per connection and in all.
    private var queuedInbound: [ClientID: Int] = [:]
    private var queuedInboundTotal = 0
    private var stopping = false
    private var finished = false
    private var thread: Thread?
    weak var transport: WebSocketServer?
    /// Set when this server is a node of a cluster (see `RoomExecutor+Cluster`).
    var cluster: (any ClusterLink)?
    /// Events handled per batch at most, to bound the time before the first of them is answered.
    private let batchLimit = 512
    /// While rooms are suspended for storage, how often the store is probed to bring them back.
    private let storageRetryMs: Int64 = 2_000
    private var nextStorageRetry: Int64 = 0
    /// The running-rooms and online-seats gauges walk every seat of every room of the thread: after a batch, at most
    /// every `gaugeIntervalMs` (a busy thread ends hundreds of batches a second). Touched only on the rooms thread.
    private let gaugeIntervalMs: Int64 = 250
    private var nextGauges: Int64 = 0

    init(core: ServerCore, store: MatchStore, metrics: ServerMetrics, directory: RoomDirectory, logger: Logger, shard: Int = 0) {
        self.core = core
        self.store = store
        self.shard = shard
        self.metrics = metrics
        self.directory = directory
        self.logger = logger
    }

    /// Requests after which a connection may hold a seat: the transport then keeps it when its address is at the
    /// per-address limit (`WebSocketServer.keep`), so a seated student is never closed to make room.
    static let seatTaking: Set<String> = [ClientRequest.Join.type, ClientRequest.Resume.type, ClientRequest.CreateRoom.type]

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func start() {
        // The recovered rooms are in the directory before start() returns (and so before the transport serves HTTP):
        // a join form asking for a room's teams right after a restart finds it. The rooms thread does not exist yet,
        // so reading the core here races with nothing.
        directory.reload(from: core, shard: shard)
        let name = shard == 0 ? "arm-rooms" : "arm-rooms-\(shard)"
        let thread = Thread { [self] in ThreadName.setCurrent(name); run() }
        thread.name = "armistice-rooms-\(shard)"
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    func post(_ event: Event) {
        condition.lock()
        if !stopping {
            queue.append(event)
            condition.signal()
        }
        condition.unlock()
    }

    /// Queues a request unless its connection already has `perConnection` waiting, or `total` wait in all.
    /// Returns whether it was queued.
    func post(_ id: ClientID, _ inbound: Inbound, perConnection: Int, total: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return true }
        let mine = queuedInbound[id, default: 0]
        guard mine < perConnection, queuedInboundTotal < total else { return false }
        queuedInbound[id] = mine + 1
        queuedInboundTotal += 1
        queue.append(.inbound(id, inbound))
        condition.signal()
        return true
    }

    /// Handles what is queued, writes every pending record, then stops the thread. Waits for it.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        while !finished, thread != nil { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            let wake = Date(timeIntervalSince1970: Double(min(core.nextDeadline ?? .max, Self.now() + 100)) / 1000)
            while queue.isEmpty, !stopping, Date() < wake {
                if !condition.wait(until: wake) { break }
            }
            let take = min(queue.count, batchLimit)
            let batch = Array(queue.prefix(take))
            queue.removeFirst(take)
            for case .inbound(let id, _) in batch {
                queuedInboundTotal -= 1
                if let n = queuedInbound[id], n > 1 { queuedInbound[id] = n - 1 } else { queuedInbound[id] = nil }
            }
            let stop = stopping && queue.isEmpty
            condition.unlock()

            let now = Self.now()
            let t0 = DispatchTime.now().uptimeNanoseconds
            var out = CoreOutput()
            var messagesIn = 0
            var seated: [ClientID] = []
            core.beginBatch()
            let refused = takeOverUnknownRooms(batch, now: now, into: &out)
            for (index, event) in batch.enumerated() where !refused.contains(index) {
                switch event {
                case .opened(let id, let address): core.opened(id, address: address, now: now, into: &out)
                case .inbound(let id, let inbound):
                    messagesIn += 1
                    core.received(id, inbound, now: now, into: &out)
                    if case .request(let parsed) = inbound, Self.seatTaking.contains(parsed.type), core.clients[id]?.seat != nil { seated.append(id) }
                case .closed(let id): core.closed(id, now: now, into: &out)
                case .task(let work): work(self, now, &out)
                }
            }
            core.tick(now: now, into: &out)
            reopenSuspended(now: now, into: &out)
            core.endBatch(now: now, into: &out)
            let t1 = DispatchTime.now().uptimeNanoseconds
            commit(&out)
            shipToCluster(&out)
            // Before anything is sent: a client told of a new room can look it up at once.
            let touched = Set(out.logLines.map(\.room))
            if !touched.isEmpty || directory.count(shard: shard) != core.rooms.count { directory.refresh(from: core, touched: touched, shard: shard) }
            let t2 = DispatchTime.now().uptimeNanoseconds
            deliver(out, now: now, messagesIn: messagesIn)
            for id in seated { transport?.keep(ConnectionID(rawValue: id)) }
            let t3 = DispatchTime.now().uptimeNanoseconds
            if !batch.isEmpty {
                let shard = shard
                metrics.update { m in
                    m.batches.observe(Double(t3 - t0) / 1e9)
                    m.batchEvents += batch.count
                    m.handleSeconds += Double(t1 - t0) / 1e9
                    m.deliverSeconds += Double(t3 - t2) / 1e9
                    m.threads[shard, default: .init()].batchEvents += batch.count
                    m.threads[shard, default: .init()].handleSeconds += Double(t1 - t0) / 1e9
                }
            }
            if stop { break }
        }
        // Clean shutdown: sync the room files and delete the journal, so the next start has nothing to replay.
        store.checkpoint(wait: true)
        store.removeShardJournalDirectory()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Group commit: every record of the batch is written and journaled durably before any message of the batch goes out.
    /// A room whose log cannot be written is dropped from memory (its log on disk stays consistent), its
    /// connections are closed, so nothing unwritten is ever acknowledged, and it is suspended until
    /// `reopenSuspended` brings it back.
    private func commit(_ out: inout CoreOutput) {
        for problem in out.problems { logger.error("room problem", metadata: ["problem": "\(problem)"]) }
        guard !out.logLines.isEmpty || !out.unloggable.isEmpty else { return }
        let started = DispatchTime.now().uptimeNanoseconds
        // A room with a record that could not be encoded is handled as one whose log cannot be written.
        let failures = store.append(out.logLines.filter { out.unloggable[$0.room] == nil }).merging(out.unloggable) { $1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let lineCount = out.logLines.count
        let checkpoints = store.checkpoints
        let shard = shard
        metrics.update { $0.logCommits.observe(seconds); $0.logLines += lineCount; $0.threads[shard, default: .init()].logCheckpoints = checkpoints }
        for (code, reason) in failures {
            logger.critical("match log write failed; room suspended until it can be written", metadata: ["room": "\(code)", "error": "\(reason)"])
            store.close(code)
            core.suspendForStorage(code, hasLog: FileManager.default.fileExists(atPath: store.path(code)), into: &out)
        }
    }

    /// Every `storageRetryMs` while rooms are suspended: once the store can write, each comes back from its log
    /// (the records that writes are committed with the batch; if that fails, it is suspended again).
    private func reopenSuspended(now: Int64, into out: inout CoreOutput) {
        guard !core.suspendedRooms.isEmpty, now >= nextStorageRetry else { return }
        nextStorageRetry = now + storageRetryMs
        guard store.isWritable() else { return }
        for code in core.suspendedRooms.sorted() where store.syncLog(code) {
            do {
                try core.reopen(code, log: try store.load(code), now: now, into: &out)
                logger.notice("room reopened: its log can be written again", metadata: ["room": "\(code)"])
            } catch {
                logger.critical("a suspended room's log cannot be used; the room stays closed", metadata: ["room": "\(code)", "error": "\(error)"])
            }
        }
    }

    private func deliver(_ out: CoreOutput, now: Int64, messagesIn: Int) {
        var sent = 0
        var full: [ClientID] = []
        if let transport {
            for d in out.deliveries {
                let frame = OutboundFrame(bytes: d.bytes)
                guard d.isResync else {
                    // Every recipient in one step: a room's update for its members takes the send queues' lock once.
                    let result = transport.send(frame, to: d.to.map { ConnectionID(rawValue: $0) })
                    sent += result.queued
                    full += result.full.map(\.rawValue)
                    continue
                }
                for id in d.to {
                    switch transport.send(frame, to: ConnectionID(rawValue: id)) {
                    case .queued:
                        sent += 1
                        core.resyncQueued(id)
                    case .queueFull: full.append(id)
                    case .closed: break
                    }
                }
            }
            for c in out.closes {
                let code: CloseCode = switch c.kind {
                case .normal: .normal
                case .goingAway: .goingAway
                case .policyViolation: .policyViolation
                case .internalError: .internalError
                }
                transport.close(ConnectionID(rawValue: c.client), code: code, reason: c.reason)
            }
        }
        if !full.isEmpty {
            core.sendFailed(full, now: now)
            logger.info("slow reader: queue full, resync pending", metadata: ["connections": "\(full.count)"])
        }
        var seatGauges: (running: Int, online: Int)?
        if now >= nextGauges {
            nextGauges = now + gaugeIntervalMs
            var running = 0
            var online = 0
            for room in core.rooms.values {
                if room.state.phase != .setup && !room.isOver { running += 1 }
                for i in room.seats.indices where room.seats[i].connection != nil { online += 1 }
            }
            seatGauges = (running, online)
        }
        let rooms = core.rooms.count
        let slowDrops = out.closes.filter { $0.reason.hasPrefix("too slow") }.count
        let floods = out.closes.filter { $0.reason.hasPrefix("flood") }.count
        let shard = shard
        let connections = core.connectionCount
        metrics.update { [seatGauges] m in
            m.messagesIn += messagesIn
            m.messagesOut += sent
            m.framesOut += out.deliveries.count
            for e in out.errors { m.errors[e, default: 0] += 1 }
            for a in out.adjudications { m.adjudications.observe(a) }
            m.threads[shard, default: .init()].rooms = rooms
            m.threads[shard, default: .init()].connections = connections
            if let seatGauges {
                m.threads[shard, default: .init()].roomsRunning = seatGauges.running
                m.threads[shard, default: .init()].seatsOnline = seatGauges.online
            }
            m.slowReadersDropped += slowDrops
            m.floodsClosed += floods
        }
    }
}
