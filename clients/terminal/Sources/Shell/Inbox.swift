import Foundation

/// What reaches the interface's loop from other threads: server messages, connection changes, typed lines.
public enum InboxItem: Sendable, Equatable {
    case server(String)
    case connection(ClientState.Connection)
    case line(String)
    case endOfInput
}

/// A queue between the network task (and the stdin reader) and the interface's thread, which alone owns
/// the `ClientState` and, in full-screen mode, ncurses. Safe by its lock.
public final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [InboxItem] = []

    public init() {}

    public func push(_ item: InboxItem) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// Everything queued, waiting up to `timeout` seconds when nothing is.
    public func drain(waiting timeout: Double = 0) -> [InboxItem] {
        condition.lock()
        defer { condition.unlock() }
        if items.isEmpty && timeout > 0 { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout)) }
        let out = items
        items.removeAll()
        return out
    }
}
