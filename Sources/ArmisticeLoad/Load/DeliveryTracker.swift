#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Monotonic nanoseconds.
package enum Now {
    package static func ns() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}

/// Times messages from the moment one client sends them to the moment the last of their expected recipients
/// receives what they cause (a teammate's update, a chat event, a turn's results).
///
/// Each message in flight has a key the recipients can work out from what they receive; a key is in flight
/// at most once (a team has one move in flight, a chat message has its sender's counter).
package final class DeliveryTracker: Sendable {
    package struct Pending {
        package var sentNs: UInt64
        package var expected: Int
        package var seen = 0
        package var lastNs: UInt64 = 0
        /// Who caused it, to ignore a late receipt of an earlier message under the same key.
        package var by: Int
    }

    package struct Sample {
        package var atNs: UInt64
        package var ms: Double
    }

    private struct State {
        var pending: [UInt64: Pending] = [:]
        var samples: [Sample] = []
        var timedOut = 0
        var cancelled = 0
        var strays = 0
        var lastDoneNs: UInt64 = 0
    }

    private let state = Mutex(State())

    package init() { state.withLock { $0.samples.reserveCapacity(1 << 16) } }

    /// Starts timing `key`; false if it is already in flight.
    @discardableResult
    package func start(_ key: UInt64, by: Int, expected: Int, at ns: UInt64) -> Bool {
        state.withLock { s in
            guard s.pending[key] == nil else { return false }
            s.pending[key] = Pending(sentNs: ns, expected: expected, by: by)
            return true
        }
    }

    /// Moves the start time of `key` (the last of several senders, as in a lock-in).
    package func restamp(_ key: UInt64, at ns: UInt64) {
        state.withLock { s in s.pending[key]?.sentNs = ns }
    }

    package func isInFlight(_ key: UInt64) -> Bool { state.withLock { $0.pending[key] != nil } }

    package var inFlight: Int { state.withLock { $0.pending.count } }

    /// When the last completed message reached its last recipient.
    package var lastDoneNs: UInt64 { state.withLock { $0.lastDoneNs } }

    /// One recipient received what `key` caused. Returns the latency in ms when this was the last one expected.
    @discardableResult
    package func seen(_ key: UInt64, by: Int, at ns: UInt64) -> Double? {
        state.withLock { s -> Double? in
            guard var p = s.pending[key], p.by == by else {
                s.strays += 1
                return nil
            }
            p.seen += 1
            p.lastNs = max(p.lastNs, ns)
            guard p.seen >= p.expected else {
                s.pending[key] = p
                return nil
            }
            s.pending[key] = nil
            s.lastDoneNs = max(s.lastDoneNs, p.lastNs)
            let ms = Double(p.lastNs &- p.sentNs) / 1e6
            s.samples.append(Sample(atNs: p.sentNs, ms: ms))
            return ms
        }
    }

    /// The request behind `key` was refused: nothing will come.
    package func cancel(_ key: UInt64) {
        state.withLock { s in
            if s.pending.removeValue(forKey: key) != nil { s.cancelled += 1 }
        }
    }

    /// Gives up on messages sent before `ns`; returns how many.
    @discardableResult
    package func expire(sentBefore ns: UInt64) -> Int {
        state.withLock { s in
            let old = s.pending.filter { $0.value.sentNs < ns }
            for k in old.keys { s.pending[k] = nil }
            s.timedOut += old.count
            return old.count
        }
    }

    /// Forgets samples and counters (after a warm-up).
    package func reset() {
        state.withLock { s in
            s.samples.removeAll(keepingCapacity: true)
            s.timedOut = 0
            s.cancelled = 0
            s.strays = 0
        }
    }

    /// Latencies of messages sent in `[from, to)` (all when nil).
    package func summary(from: UInt64? = nil, to: UInt64? = nil) -> LatencySummary {
        let values = state.withLock { s in
            s.samples.filter { sample in sample.atNs >= (from ?? 0) && sample.atNs < (to ?? .max) }.map(\.ms)
        }
        return LatencySummary(values)
    }

    package var counts: (timedOut: Int, cancelled: Int, strays: Int) {
        state.withLock { ($0.timedOut, $0.cancelled, $0.strays) }
    }
}

/// Percentiles of a set of latencies, in milliseconds.
package struct LatencySummary: Codable, Sendable {
    package var count: Int
    package var p50: Double?
    package var p90: Double?
    package var p99: Double?
    package var p999: Double?
    package var max: Double?
    package var mean: Double?

    package init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else { return }
        let sorted = values.sorted()
        func at(_ p: Double) -> Double {
            // Nearest rank.
            let rank = Int((p * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
        }
        p50 = at(0.5)
        p90 = at(0.9)
        p99 = at(0.99)
        p999 = at(0.999)
        max = sorted.last
        mean = sorted.reduce(0, +) / Double(sorted.count)
    }

    package var text: String {
        guard count > 0, let p50, let p90, let p99, let p999, let max else { return "no samples" }
        func f(_ v: Double) -> String { String(format: v < 10 ? "%.2f" : "%.1f", v) }
        return "p50 \(f(p50))  p90 \(f(p90))  p99 \(f(p99))  p99.9 \(f(p999))  max \(f(max)) ms  (n=\(count))"
    }
}
