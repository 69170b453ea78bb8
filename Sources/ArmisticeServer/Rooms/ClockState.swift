/// A room's phase clock. Times are milliseconds since 1970 (wall clock, so a restart can resume it).
public struct ClockState: Sendable, Hashable, Codable {
    /// When the current phase ends, while running.
    public var deadline: Int64?
    /// What was left when paused.
    public var remaining: Int64?
    public var paused: Bool

    public init(deadline: Int64? = nil, remaining: Int64? = nil, paused: Bool = false) {
        self.deadline = deadline
        self.remaining = remaining
        self.paused = paused
    }

    public static let stopped = ClockState()
}
