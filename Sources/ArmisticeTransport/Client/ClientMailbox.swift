import Synchronization

/// Events for one client connection, delivered by the service thread and awaited by one consumer.
final class ClientMailbox: Sendable {
    private struct State {
        var events = RingQueue<ClientEvent>()
        var finished = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<ClientEvent?, Never>)?
        var lastWaiterID: UInt64 = 0
        var cancelledWaiters: Set<UInt64> = []
    }

    private let state = Mutex(State())

    /// Adds an event; `finish` marks the end of the stream (after this event).
    func deliver(_ event: ClientEvent, finish: Bool = false) {
        let waiter = state.withLock { s -> CheckedContinuation<ClientEvent?, Never>? in
            guard !s.finished else { return nil }
            if finish { s.finished = true }
            if let waiter = s.waiter {
                s.waiter = nil
                return waiter.continuation
            }
            s.events.append(event)
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// Ends the stream without an event (if not already ended).
    func finish() {
        let waiter = state.withLock { s -> CheckedContinuation<ClientEvent?, Never>? in
            s.finished = true
            defer { s.waiter = nil }
            return s.events.isEmpty ? s.waiter?.continuation : nil
        }
        waiter?.resume(returning: nil)
    }

    /// The next event, or nil when the stream has ended or the calling task is cancelled.
    /// One consumer at a time.
    func next() async -> ClientEvent? {
        let id = state.withLock { s -> UInt64 in
            s.lastWaiterID += 1
            return s.lastWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ClientEvent?, Never>) in
                let immediate = state.withLock { s -> ClientEvent?? in
                    if let event = s.events.popFirst() { return .some(event) }
                    if s.finished || s.cancelledWaiters.remove(id) != nil { return .some(nil) }
                    precondition(s.waiter == nil, "ClientConnection supports one reader at a time")
                    s.waiter = (id, continuation)
                    return .none
                }
                if case .some(let event) = immediate { continuation.resume(returning: event) }
            }
        } onCancel: {
            let waiter = state.withLock { s -> CheckedContinuation<ClientEvent?, Never>? in
                if let waiter = s.waiter, waiter.id == id {
                    s.waiter = nil
                    return waiter.continuation
                }
                s.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.resume(returning: nil)
        }
    }
}
