import ArmisticeLog

/// A room's log that cannot be written, restored or replayed by the server.
public struct MatchLogError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
    /// A log that cannot be read at all.
    public init(_ error: LogError) { description = error.message }
}
