import Foundation

/// Writes a record as its log line: JSON with sorted keys and unescaped slashes, no line end (`LogLineWriter`: by
/// hand, the bytes Foundation's `JSONEncoder` wrote). The one writer of log lines: the server's rooms and
/// `MatchLogWriter` both write through it, so their lines are byte for byte alike.
public struct LogRecordEncoder {
    public init() {}

    /// The record's line. Throws only for a value JSON cannot hold (none today: a log record holds no fractions).
    public func encode(_ record: LogRecord) throws -> Data { Data(bytes(record)) }

    /// The record's line as text.
    public func line(_ record: LogRecord) throws -> String { String(decoding: bytes(record), as: UTF8.self) }

    /// The record's line as bytes.
    public func bytes(_ record: LogRecord) -> [UInt8] {
        var writer = LogLineWriter()
        writer.record(record)
        return writer.bytes
    }
}
