import ArmisticeServer
import Foundation
import Logging
import Synchronization

/// Shipped mode: the lines the rooms thread committed locally, written to PostgreSQL in order by one thread, many
/// rooms at once. A room whose lines PostgreSQL cannot take now is retried (its later lines wait behind it); a room
/// another node took is reported as fenced, and its queued lines are dropped.
final class ShipQueue: Sendable {
    struct Batch: Sendable {
        var room: String
        var start: Int
        var lines: [String]
        var queuedAt: ContinuousClock.Instant
    }

    private struct State {
        var batches: [Batch] = []
        var fenced: [String: ClusterRefusal] = [:]
        var stopping = false
        var stats = ShipStatistics()
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let database: ClusterDatabase
    private let node: String
    private let logger: Logger

    init(database: ClusterDatabase, node: String, logger: Logger) {
        self.database = database
        self.node = node
        self.logger = logger
        let thread = Thread { [self] in run() }
        thread.name = "arm-ship"
        thread.start()
    }

    var statistics: ShipStatistics { state.withLock { $0.stats } }

    /// Queues batches (from the rooms thread) and returns the rooms found fenced since the last call.
    func enqueue(_ batches: [Batch]) -> [String: ClusterRefusal] {
        let fenced = state.withLock { s -> [String: ClusterRefusal] in
            s.batches.append(contentsOf: batches)
            s.stats.pendingLines += batches.reduce(0) { $0 + $1.lines.count }
            s.stats.maxPendingLines = max(s.stats.maxPendingLines, s.stats.pendingLines)
            defer { s.fenced = [:] }
            return s.fenced
        }
        if !batches.isEmpty { wake.signal() }
        return fenced
    }

    /// Whether a room has lines waiting (a takeover of a room of this node's must not overtake them).
    func hasPending(_ room: String) -> Bool { state.withLock { s in s.batches.contains { $0.room == room } } }

    /// Ships what is queued, then stops the thread; waits up to `timeout` seconds.
    func drain(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        while state.withLock({ !$0.batches.isEmpty }), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        state.withLock { $0.stopping = true }
        wake.signal()
    }

    private func run() {
        while true {
            _ = wake.wait(timeout: .now() + 0.2)
            let (batches, stop) = state.withLock { s -> ([Batch], Bool) in (s.batches, s.stopping) }
            if stop { return }
            guard !batches.isEmpty else { continue }
            // Consecutive lines of one room go as one statement; rooms go in parallel.
            var merged: [String: Batch] = [:]
            var order: [String] = []
            for b in batches {
                if var m = merged[b.room], m.start + m.lines.count == b.start {
                    m.lines += b.lines
                    merged[b.room] = m
                } else if merged[b.room] == nil {
                    merged[b.room] = b
                    order.append(b.room)
                }
            }
            let work = order.map { merged[$0]! }
            let node = node
            let started = ContinuousClock.now
            let results: [String: ClusterRefusal?] = (try? database.wait { client -> [String: ClusterRefusal?] in
                await ClusterStatements.append(work, node: node, client: client)
            }) ?? [:]
            let now = ContinuousClock.now
            let seconds = (now - started).inSeconds
            var retry = false
            state.withLock { s in
                var shipped = 0
                var lag = 0.0
                s.batches.removeAll { b in
                    guard let w = merged[b.room], b.start >= w.start, b.start < w.start + w.lines.count else { return false }
                    switch results[b.room] {
                    case .some(.none):
                        shipped += b.lines.count
                        lag = max(lag, (now - b.queuedAt).inSeconds)
                        return true
                    case .some(.some(let refusal)) where refusal.code == .fenced:
                        s.fenced[b.room] = refusal
                        s.stats.pendingLines -= b.lines.count
                        return true
                    default:
                        retry = true
                        return false
                    }
                }
                s.stats.pendingLines -= shipped
                s.stats.lines += shipped
                s.stats.batches += 1
                s.stats.seconds += seconds
                s.stats.maxLagSeconds = max(s.stats.maxLagSeconds, lag)
                if retry { s.stats.failures += 1 }
            }
            if retry {
                logger.warning("shipping to PostgreSQL failed; retrying", metadata: ["rooms": "\(results.filter { $0.value != nil }.keys.sorted().joined(separator: ","))"])
                Thread.sleep(forTimeInterval: 0.5)
            }
            if state.withLock({ !$0.batches.isEmpty }) { wake.signal() }
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
