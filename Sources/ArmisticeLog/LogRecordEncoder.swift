import Foundation

/// Writes a record as its log line: JSON with sorted keys and unescaped slashes, no line end. The one writer of
/// log lines: the server's rooms and `MatchLogWriter` both write through it, so their lines are byte for byte alike.
public struct LogRecordEncoder {
    private let encoder: JSONEncoder

    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// The record's line. Throws only for a value JSON cannot hold (a non-finite number).
    public func encode(_ record: LogRecord) throws -> Data { try encoder.encode(record) }

    /// The record's line as text.
    public func line(_ record: LogRecord) throws -> String { String(decoding: try encode(record), as: UTF8.self) }
}
