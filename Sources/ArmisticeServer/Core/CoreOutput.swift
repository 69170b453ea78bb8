import ArmisticeWire
/// What the core decided while handling events: log lines to make durable first, then messages and closes.
/// The shell writes and fsyncs `logLines` before it sends anything, so nothing is acknowledged before it is on disk.
public struct CoreOutput: Sendable {
    /// One text message for several connections (encoded once, shared).
    public struct Delivery: Sendable {
        /// The message as it goes on the wire: UTF-8 JSON.
        public var bytes: [UInt8]
        public var to: [ClientID]
        /// A snapshot offered to a slow reader: the shell reports whether it was queued.
        public var isResync: Bool
        /// The message as a `String` (for tests and tools; the server sends `bytes`).
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }
    public enum CloseKind: Sendable, Hashable {
        case normal, goingAway, policyViolation, internalError
    }
    public struct Close: Sendable, Hashable {
        public var client: ClientID
        public var kind: CloseKind
        public var reason: String
    }
    /// A line for a room's match log, written before anything in the same output is sent.
    public struct LogAppend: Sendable, Hashable {
        public var room: String
        public var line: String
    }

    public var logLines: [LogAppend] = []
    public var deliveries: [Delivery] = []
    public var closes: [Close] = []
    /// Errors sent, by code (for metrics).
    public var errors: [ErrorCode] = []
    /// Adjudications run, in seconds each (for metrics).
    public var adjudications: [Double] = []
    /// Rooms one of whose records could not be encoded: the shell treats them as rooms whose log cannot be written
    /// (nothing of theirs in this output is sent).
    public var unloggable: [String: String] = [:]
    /// What went wrong inside the core that no client caused (for the server's log).
    public var problems: [String] = []

    public init() {}

    mutating func send(_ bytes: [UInt8], to ids: [ClientID], resync: Bool = false) {
        guard !ids.isEmpty else { return }
        deliveries.append(Delivery(bytes: bytes, to: ids, isResync: resync))
    }

    public var isEmpty: Bool { logLines.isEmpty && deliveries.isEmpty && closes.isEmpty }
}
