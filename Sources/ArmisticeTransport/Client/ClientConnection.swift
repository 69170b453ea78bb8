/// One WebSocket client connection from a `WebSocketClientPool`.
///
/// Read either `messages` or `receive`/`nextEvent` (they share one queue), from one task at a time; or hand every
/// event to a handler on the pool's service thread (`handleEvents`), with no task switch per message.
public final class ClientConnection: Sendable {
    /// This connection's id within its pool.
    public let id: ConnectionID
    /// Every event in order: text messages, then one `.closed`; the stream then ends.
    public let messages: AsyncStream<ClientEvent>
    let mailbox: ClientMailbox
    private let core: WebSocketClientCore
    /// Keeps the pool (whose deinit shuts the pool down) alive while this connection exists.
    private let pool: WebSocketClientPool

    init(id: UInt64, core: WebSocketClientCore, pool: WebSocketClientPool) {
        self.id = ConnectionID(rawValue: id)
        self.core = core
        self.pool = pool
        let mailbox = ClientMailbox()
        self.mailbox = mailbox
        messages = AsyncStream(unfolding: { await mailbox.next() })
    }

    /// From now on, calls `handler` with every event, in order, on the pool's service thread: first the events that
    /// arrived before this call (on the calling thread), then each as it arrives. `messages`, `receive` and
    /// `nextEvent` get nothing more. The handler runs while the service thread waits, so it must be quick and never
    /// block (resuming a continuation is fine); it may call `send` and `close`. Call it once, while no task is
    /// reading the connection.
    public func handleEvents(_ handler: @escaping @Sendable (ClientEvent) -> Void) {
        mailbox.handle(handler)
    }

    /// Queues a text message.
    @discardableResult
    public func send(_ text: String) -> SendResult {
        core.send(OutboundFrame(bytes: Array(text.utf8), binary: false), to: id.rawValue)
    }

    /// Queues a binary message (the server rejects these; useful for testing bad input).
    @discardableResult
    public func sendBinary(_ bytes: [UInt8]) -> SendResult {
        core.send(OutboundFrame(bytes: bytes, binary: true), to: id.rawValue)
    }

    /// Closes after the queued messages are sent.
    public func close(code: CloseCode = .normal, reason: String = "") {
        core.close(id.rawValue, code: code.rawValue, reason: reason)
    }

    /// The next event, or nil once the connection's stream has ended.
    /// Throws `TransportError` `.timeout` when nothing arrives in time.
    public func nextEvent(timeout: Duration = .seconds(5)) async throws -> ClientEvent? {
        enum Outcome: Sendable { case event(ClientEvent?), timedOut, timerCancelled }
        let mailbox = mailbox
        let outcome = await withTaskGroup(of: Outcome.self) { group -> Outcome in
            group.addTask { .event(await mailbox.next()) }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return .timerCancelled
                }
            }
            var result = await group.next() ?? .timedOut
            group.cancelAll()
            // An event that raced the timer must not be lost.
            while let other = await group.next() {
                if case .event(let event?) = other { result = .event(event) }
            }
            return result
        }
        switch outcome {
        case .event(let event): return event
        case .timedOut, .timerCancelled: throw TransportError(.timeout, "no message within \(timeout)")
        }
    }

    /// The next text message, or nil when the connection closed first.
    /// Throws `TransportError` `.timeout` when nothing arrives in time.
    public func receive(timeout: Duration = .seconds(5)) async throws -> String? {
        while let event = try await nextEvent(timeout: timeout) {
            if case .text(let text) = event { return text }
            return nil
        }
        return nil
    }
}
