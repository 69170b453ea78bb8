extension LogReader {
    /// What a server restores a room from (`LogReader.restorable()`): the whole records, and the tail left out.
    public struct Restorable: Sendable {
        public var records: [LogRecord]
        /// What was wrong with the tail that was left out, if anything (a crash cut the last line off).
        public var tornTail: String?
        /// Bytes of the file before that tail: where appends continue once the tail is cut off.
        public var wholeBytes: Int
        /// The lines' hash of the records kept (`LinesHash`): the room's next hash line continues it.
        public var linesHash: LinesHash
        /// The first hash line whose `lines_hash` differs from the lines before it: a replay would not verify the log.
        public var linesDiffer: LogIssue?
    }
}
