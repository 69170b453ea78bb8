import Synchronization

/// Events for one client connection, delivered by the service thread and awaited by one consumer, or handed to a
/// handler on the service thread itself (`handle`).
final class ClientMailbox: Sendable {
    /// Called on the service thread for each event, in order.
    typealias Handler = @Sendable (ClientEvent) -> Void

    private struct State {
        var events = RingQueue<ClientEvent>()
        var finished = false
        var handler: Handler?
        var waiter: (id: UInt64, continuation: CheckedContinuation<ClientEvent?, Never>)?
        var lastWaiterID: UInt64 = 0
        var cancelledWaiters: Set<UInt64> = []
    }

    private let state = Mutex(State())

    /// Adds an event; `finish` marks the end of the stream (after this event).
    func deliver(_ event: ClientEvent, finish: Bool = false) {
        enum Recipient { case none, waiter(CheckedContinuation<ClientEvent?, Never>), handler(Handler) }
        let recipient = state.withLock { s -> Recipient in
            guard !s.finished else { return .none }
            if finish { s.finished = true }
            if let handler = s.handler { return .handler(handler) }
            if let waiter = s.waiter {
                s.waiter = nil
                return .waiter(waiter.continuation)
            }
            s.events.append(event)
            return .none
        }
        switch recipient {
        case .none: break
        case .waiter(let continuation): continuation.resume(returning: event)
        case .handler(let handler): handler(event)
        }
    }

    /// From now on, hands every event to `handler` instead of queueing it: first the events already queued (here,
    /// under the lock, so that the service thread's next event waits for them), then each new one on the service
    /// thread. Not while a reader is waiting in `next()`, and only once.
    func handle(_ handler: @escaping Handler) {
        state.withLock { s in
            precondition(s.waiter == nil && s.handler == nil, "ClientConnection has a reader already")
            while let event = s.events.popFirst() { handler(event) }
            s.handler = handler
        }
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
