import ArmisticeEngine
import Dispatch

/// Reads a log's lines and loads the ruleset its header carries at the same time, on two threads: loading the
/// ruleset (YAML) takes about as long as reading ten thousand lines. Each thread writes only its own slot, and
/// both are read only after `concurrentPerform` has joined them: that is why the box may be `@unchecked Sendable`.
final class RulesetPreload: @unchecked Sendable {
    private let bytes: [UInt8]
    private var reader: LogReader?
    /// The header's ruleset; nil when line 1 is not a header with a ruleset (`MatchLog` then says what is wrong).
    private(set) var ruleset: Result<Ruleset, LogError>?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads every line, loading the header's ruleset meanwhile.
    func read() -> LogReader {
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                reader = LogReader(bytes: bytes)
            } else if let header = header(), header.kind == .match, header.format == LogRecord.format, header.rulesetText != nil {
                ruleset = MatchLog.load(header: header)
            }
        }
        // Handed over, not shared: `MatchLog` takes its entries without copying them.
        let read = reader!
        reader = nil
        return read
    }

    /// Line 1, read on its own.
    private func header() -> LogRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            let end = buffer.firstIndex(of: 0x0A) ?? buffer.count
            return LogRecord.scan(UnsafeBufferPointer(rebasing: buffer[0..<end]))
        }
    }
}
