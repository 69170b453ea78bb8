/// Identifies one WebSocket connection for the lifetime of a server (never reused).
public struct ConnectionID: Hashable, Sendable, CustomStringConvertible {
    /// The numeric identifier, unique within one server or client pool.
    public let rawValue: UInt64

    /// Wraps a raw identifier (useful for tests and logs).
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public var description: String { "conn#\(rawValue)" }
}
