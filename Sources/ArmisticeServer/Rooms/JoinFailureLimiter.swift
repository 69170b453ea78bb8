import Synchronization

/// Per remote address: how many wrong join codes, bad seat tokens and unknown room lookups it may still make.
/// Shared by the room executor (join and resume over the WebSocket) and the HTTP handler (`GET /api/rooms/CODE`),
/// so one budget covers both ways of probing for codes. Thread-safe.
public final class JoinFailureLimiter: Sendable {
    public let capacity: Int
    public let perSecond: Double
    private let buckets = Mutex<[String: TokenBucket]>([:])

    public init(capacity: Int, perSecond: Double) {
        self.capacity = capacity
        self.perSecond = perSecond
    }

    /// Whether this address may try again now (it has not used up its failures). Takes nothing.
    public func allows(_ address: String, now: Int64) -> Bool {
        buckets.withLock { buckets in
            guard var bucket = buckets[address] else { return true }
            let ok = bucket.peek(now: now)
            buckets[address] = bucket
            return ok
        }
    }

    /// Counts one failure against this address.
    public func recordFailure(_ address: String, now: Int64) {
        buckets.withLock { buckets in
            var bucket = buckets[address] ?? TokenBucket(capacity: capacity, perSecond: perSecond, now: now)
            _ = bucket.take(now: now)
            buckets[address] = bucket
        }
    }

    /// Forgets addresses whose budget is whole again, once there are many.
    public func prune(now: Int64, above count: Int = 10_000) {
        buckets.withLock { buckets in
            if buckets.count > count { buckets = buckets.filter { var b = $0.value; return !b.isFull(now: now) } }
        }
    }

    var count: Int { buckets.withLock { $0.count } }
}
