/// A token bucket on a millisecond clock: `capacity` tokens, refilled at `perSecond`.
public struct TokenBucket: Sendable, Hashable {
    public let capacity: Double
    public let perSecond: Double
    private(set) var tokens: Double
    private var updated: Int64

    public init(capacity: Int, perSecond: Double, now: Int64) {
        self.capacity = Double(capacity)
        self.perSecond = perSecond
        tokens = Double(capacity)
        updated = now
    }

    /// Takes `count` tokens if there are that many (none otherwise).
    public mutating func take(now: Int64, count: Int = 1) -> Bool {
        refill(now)
        guard tokens >= Double(count) else { return false }
        tokens -= Double(count)
        return true
    }

    /// Whether a token is available, without taking it.
    public mutating func peek(now: Int64) -> Bool {
        refill(now)
        return tokens >= 1
    }

    /// Whether the bucket is full again (nothing to remember).
    public mutating func isFull(now: Int64) -> Bool {
        refill(now)
        return tokens >= capacity
    }

    private mutating func refill(_ now: Int64) {
        if now > updated {
            tokens = min(capacity, tokens + Double(now - updated) / 1000 * perSecond)
            updated = now
        }
    }
}
