import Synchronization

/// Cross-thread send queues for every open connection of one lws context.
///
/// Any thread may enqueue; only the service thread dequeues. Enqueuing records the connection as
/// needing a writable callback and reports whether the service thread must be woken
/// (`lws_cancel_service`); wake-ups are coalesced until the service thread drains them.
final class OutboxTable: Sendable {
    private struct State {
        var outboxes: [UInt64: Outbox] = [:]
        var scheduled: [UInt64] = []
        var wakePending = false
        var acceptingSends = true
        /// Set by `closeAll`: the close every connection (including late arrivals) gets.
        var closing: (code: UInt16, reason: String)?
    }

    private let state = Mutex(State())
    /// Frames a connection may have queued before `send` answers `.queueFull`.
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Registers a new connection. If the table is closing, the connection gets `closeAll`'s request.
    /// Returns whether a wake-up is needed.
    func open(_ id: UInt64) -> Bool {
        state.withLock { s in
            var box = Outbox()
            box.closeRequest = s.closing
            s.outboxes[id] = box
            if s.closing != nil { return Self.schedule(id, in: &s) }
            return false
        }
    }

    /// Forgets a connection; returns how many frames were still queued.
    @discardableResult
    func remove(_ id: UInt64) -> Int {
        state.withLock { s in s.outboxes.removeValue(forKey: id)?.frames.count ?? 0 }
    }

    /// Queues one frame. Returns the result and whether a wake-up is needed.
    func enqueue(_ frame: OutboundFrame, to id: UInt64) -> (SendResult, wake: Bool) {
        state.withLock { s in
            guard s.acceptingSends, let queued = s.outboxes[id]?.frames.count,
                  s.outboxes[id]?.closeRequest == nil else { return (.closed, false) }
            guard queued < limit else { return (.queueFull, false) }
            s.outboxes[id]?.frames.append(frame)
            return (.queued, Self.schedule(id, in: &s))
        }
    }

    /// Queues one frame for many connections under a single lock acquisition (a room's update for its 50 members
    /// takes the lock once, not 50 times against the service thread). Returns what happened and whether to wake.
    func enqueue(_ frame: OutboundFrame, to ids: [ConnectionID]) -> (BatchSendResult, wake: Bool) {
        state.withLock { s in
            var result = BatchSendResult()
            guard s.acceptingSends else { return (result, false) }
            var wake = false
            for id in ids {
                // One lookup per connection; the outbox is changed in place.
                guard let i = s.outboxes.index(forKey: id.rawValue), s.outboxes.values[i].closeRequest == nil else { continue }
                if s.outboxes.values[i].frames.count >= limit {
                    result.full.append(id)
                    continue
                }
                s.outboxes.values[i].frames.append(frame)
                result.queued += 1
                if Self.schedule(at: i, in: &s) { wake = true }
            }
            return (result, wake)
        }
    }

    /// Asks for a close after the queued frames are flushed. Returns whether to wake.
    func requestClose(_ id: UInt64, code: UInt16, reason: String) -> Bool {
        state.withLock { s in
            guard s.outboxes[id] != nil, s.outboxes[id]?.closeRequest == nil else { return false }
            s.outboxes[id]?.closeRequest = (code, reason)
            return Self.schedule(id, in: &s)
        }
    }

    /// Stops accepting sends and asks every connection to close after flushing. Returns whether to wake.
    func closeAll(code: UInt16, reason: String) -> Bool {
        state.withLock { s in
            s.acceptingSends = false
            s.closing = (code, reason)
            var wake = false
            for id in Array(s.outboxes.keys) {
                guard s.outboxes[id]?.closeRequest == nil else { continue }
                s.outboxes[id]?.closeRequest = (code, reason)
                if Self.schedule(id, in: &s) { wake = true }
            }
            return wake
        }
    }

    /// Service thread: takes the connections that need a writable callback, each with whether a close for abuse (not
    /// 1000 or 1001) has been asked for it, and re-arms wake-ups.
    func takeScheduled() -> [(id: UInt64, closingForAbuse: Bool)] {
        state.withLock { s in
            s.wakePending = false
            let ids = s.scheduled
            s.scheduled.removeAll(keepingCapacity: true)
            var taken: [(id: UInt64, closingForAbuse: Bool)] = []
            taken.reserveCapacity(ids.count)
            for id in ids {
                s.outboxes[id]?.scheduled = false
                taken.append((id, s.outboxes[id]?.isClosingForAbuse ?? false))
            }
            return taken
        }
    }

    /// Service thread: under one lock, moves the queued frames that `budget` allows (at least one, if any) into `frames`
    /// (emptied first) and spends them from `budget`; says what to do with them. A close request comes only once every
    /// frame queued before it has been taken.
    func take(for id: UInt64, into frames: inout [OutboundFrame], budget: inout WriteBudget) -> OutboxAction {
        frames.removeAll(keepingCapacity: true)
        return state.withLock { s in s.outboxes[id]?.take(into: &frames, budget: &budget) ?? .idle }
    }

    /// Puts a connection in the list awaiting a writable request (once) and says whether the service thread must be
    /// woken (the first schedule since it last took the list).
    private static func schedule(_ id: UInt64, in s: inout State) -> Bool {
        guard let i = s.outboxes.index(forKey: id) else { return wake(&s) }
        return schedule(at: i, in: &s)
    }

    /// `schedule` for a connection already looked up.
    private static func schedule(at i: Dictionary<UInt64, Outbox>.Index, in s: inout State) -> Bool {
        if !s.outboxes.values[i].scheduled {
            s.outboxes.values[i].scheduled = true
            s.scheduled.append(s.outboxes.keys[i])
        }
        return wake(&s)
    }

    private static func wake(_ s: inout State) -> Bool {
        if s.wakePending { return false }
        s.wakePending = true
        return true
    }
}
