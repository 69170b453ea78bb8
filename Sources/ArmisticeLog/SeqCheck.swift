import ArmisticeErrors

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
            return LogIssue(.seqOutOfOrder, line: line, turn: turn, key: "log.issue.seq_back", ["seq": .text(String(r.seq)), "last": .text(String(last))])
        }
        if r.seq > last + 1 {
            let missing = r.seq - last - 1
            let which = missing == 1
                ? ErrorDetail("log.issue.seq_missing_one", ["seq": .text(String(last + 1))])
                : ErrorDetail("log.issue.seq_missing_many", ["from": .text(String(last + 1)), "to": .text(String(r.seq - 1)), "missing": .text(String(missing))])
            return LogIssue(.seqGap, line: line, turn: turn, key: "log.issue.seq_gap",
                            ["last": .text(String(last)), "seq": .text(String(r.seq)), "which": .phrase(which)])
        }
        return nil
    }
}
