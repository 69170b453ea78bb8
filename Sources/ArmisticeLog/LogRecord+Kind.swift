extension LogRecord {
    /// A record's kind. Not a closed enum: a log written by a later version may hold kinds this one does not know,
    /// which a reader keeps (and replay reports and skips). Written as its string.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }

        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rawValue)
        }

        public var description: String { rawValue }

        /// The first line: the whole ruleset, its hash, the seed and the settings.
        public static let match: Kind = "match"
        /// An engine input that was accepted.
        public static let input: Kind = "input"
        /// The state hash after an adjudication (repeats the seq of the input that caused it; `HashLinePolicy`).
        public static let hash: Kind = "hash"
        /// A seat was taken: a student, an observer or an instructor joined.
        public static let join: Kind = "join"
        /// The instructor moved or removed a seat.
        public static let seat: Kind = "seat"
        /// A seat's connection came or went.
        public static let presence: Kind = "presence"
        /// A chat message.
        public static let chat: Kind = "chat"
        /// The phase clock was paused, resumed, extended or restarted.
        public static let clock: Kind = "clock"
        /// The instructor closed the room to new students or opened it again (`open`); not an engine input.
        public static let joining: Kind = "joining"
    }
}
