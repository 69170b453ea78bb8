import ArmisticeEngine
import Crypto

/// The running SHA-256 of a log's lines that are not hash lines, each as its bytes followed by a line end: what a hash
/// line's `lines_hash` holds for the lines before it (docs/match-log.md, "`hash`: the state hash"). The state hashes
/// prove the inputs that counted; this proves every other line too (chat, names, times, a draft the team replaced
/// before it counted), byte for byte. The server keeps one per room and writes it on each hash line; the reader keeps
/// one per file and compares.
///
/// `@unchecked Sendable`: a value whose storage (swift-crypto's hash context) is copied on write, as an `Array`'s is.
public struct LinesHash: @unchecked Sendable {
    private var hasher = SHA256()

    public init() {}

    /// Adds a line (its bytes without the line end; a carriage return before the line end is not part of the line,
    /// so a log saved with Windows line ends reads the same).
    public mutating func add(_ line: UnsafeRawBufferPointer) {
        var count = line.count
        if count > 0, line[count - 1] == 0x0D { count -= 1 }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: line[0..<count]))
        withUnsafeBytes(of: UInt8(0x0A)) { hasher.update(bufferPointer: $0) }
    }

    /// Adds a line given as text.
    public mutating func add(_ line: String) {
        var line = line
        line.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// The SHA-256 of the lines so far, in lowercase hex (more lines can still be added).
    public var hex: String { hexString(hasher.finalize()) }

    /// A record's line as a log writes it, kept in step: a hash line gets the hash of the lines before it
    /// (`lines_hash`); any other line is added. A record that cannot be encoded changes nothing.
    public mutating func line(for record: LogRecord, encode: (LogRecord) throws -> String) rethrows -> String {
        guard record.kind != .hash else {
            var record = record
            record.linesHash = hex
            return try encode(record)
        }
        let line = try encode(record)
        add(line)
        return line
    }
}
