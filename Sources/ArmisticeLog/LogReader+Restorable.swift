extension LogReader {
    /// What a server restores a room from (`LogReader.restorable()`): the whole records, and the tail left out.
    public struct Restorable: Sendable {
        public var records: [LogRecord]
        /// What was wrong with the tail that was left out, if anything (a crash cut the last line off).
        public var tornTail: String?
        /// Bytes of the file before that tail: where appends continue once the tail is cut off.
        public var wholeBytes: Int
    }
}
