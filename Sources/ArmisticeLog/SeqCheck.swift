/// Reads back the numbering of a log's records: the server gives every record after the header the next `seq` (one
/// per change, and so one per line; a hash line repeats its input's and is checked by `HashLineCheck`), so a number
/// that repeats or goes back means lines were duplicated or reordered, and a number skipped means a line was removed.
/// A crash can only cut lines off the end, never out of the middle. Fed every record but the header and hash lines,
/// in file order.
public struct SeqCheck: Sendable {
    /// The seq of the last record checked (the header's, to begin with).
    public private(set) var last: Int

    public init(header: Int = 0) {
        last = header
    }

    /// What is wrong with a record's seq, if anything.
    public mutating func record(_ r: LogRecord, line: Int, turn: Int?) -> LogIssue? {
        defer { last = max(last, r.seq) }
        if r.seq <= last {
            return LogIssue(.seqOutOfOrder, line: line, turn: turn,
                            "seq \(r.seq) does not follow seq \(last): records were reordered, repeated or altered")
        }
        if r.seq > last + 1 {
            let missing = r.seq - last - 1
            let which = missing == 1 ? "seq \(last + 1) is missing" : "seq \(last + 1)–\(r.seq - 1) (\(missing) records) are missing"
            return LogIssue(.seqGap, line: line, turn: turn,
                            "seq jumps from \(last) to \(r.seq): \(which); the server numbers every line, so a line was removed")
        }
        return nil
    }
}
