import Foundation
import ArmisticeWire

/// What the rooms thread is handed for one inbound message: already charged, bounded and decoded elsewhere, so the
/// rooms thread never reads a stranger's bytes.
public enum Inbound: Sendable {
    /// A well-formed request.
    case request(ParsedRequest)
    /// A message that is not a request (answered with its error).
    case invalid(ParseFailure)
    /// The first message refused for coming too fast (answered once with `rate_limited`).
    case throttled
    /// Refused so often that the connection is closed (1008).
    case flooded
}

/// The door in front of the rooms thread, kept by the transport's thread: each connection pays from a token bucket
/// for the work its messages cause (one token a message, one more per started `bytesPerToken` beyond the first),
/// before anything is decoded; a message's shape is checked by a bounded scan; only then is it decoded, here, off
/// the rooms thread. Refusals past the first are dropped without work; a connection that keeps flooding is closed.
///
/// Pure logic with no I/O and no locks: one thread owns it (the transport's, in the server; the test harness).
public struct InboundGate {
    public let limits: ServerLimits
    public let shape: RequestShape
    private var connections: [ClientID: Budget] = [:]

    struct Budget {
        var bucket: TokenBucket
        var refused = 0
        var closing = false
    }

    public init(limits: ServerLimits) {
        self.limits = limits
        shape = RequestShape(maxDepth: limits.maxDepth, maxValues: limits.maxValues)
    }

    public mutating func opened(_ id: ClientID, now: Int64) {
        connections[id] = Budget(bucket: TokenBucket(capacity: limits.messageBurst, perSecond: limits.messagesPerSecond, now: now))
    }

    public mutating func closed(_ id: ClientID) { connections[id] = nil }

    /// What a text message becomes: nil when it is dropped (a repeated refusal, or a connection already closing).
    public mutating func text(_ text: String, from id: ClientID, now: Int64) -> Inbound? {
        if let refusal = charge(id, cost: cost(bytes: text.utf8.count), now: now) { return refusal }
        switch ClientRequest.parse(text, shape: shape) {
        case .success(let parsed): return .request(parsed)
        case .failure(let failure): return .invalid(failure)
        }
    }

    /// What a frame the transport refused (binary, too large) becomes; it is charged like a message.
    public mutating func rejected(_ error: ServerError, from id: ClientID, now: Int64) -> Inbound? {
        if let refusal = charge(id, cost: 1, now: now) { return refusal }
        return .invalid(ParseFailure(error, nil))
    }

    /// The tokens a message of this size costs.
    public func cost(bytes: Int) -> Int { 1 + max(0, bytes - 1) / limits.bytesPerToken }

    /// Nil when the connection may go on; otherwise what its refusal becomes (`.some(nil)`: dropped silently).
    private mutating func charge(_ id: ClientID, cost: Int, now: Int64) -> Inbound?? {
        guard var budget = connections[id], !budget.closing else { return .some(nil) }
        defer { connections[id] = budget }
        if budget.bucket.take(now: now, count: cost) {
            budget.refused = 0
            return nil
        }
        budget.refused += 1
        if budget.refused >= limits.floodCloseAfter {
            budget.closing = true
            return .some(.flooded)
        }
        return .some(budget.refused == 1 ? .throttled : nil)
    }
}
