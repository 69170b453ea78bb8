extension LogRecord {
    /// The phase clock after a record. Milliseconds since 1970.
    public struct Clock: Sendable, Hashable, Codable {
        /// When the current phase ends, while running.
        public var deadline: Int64?
        /// What was left when paused.
        public var remaining: Int64?
        /// The server always writes it.
        public var paused: Bool?

        public init(deadline: Int64? = nil, remaining: Int64? = nil, paused: Bool? = nil) {
            self.deadline = deadline
            self.remaining = remaining
            self.paused = paused
        }
    }
}
