import Foundation

/// Reads a match log: every whole record, and whether the file ended in a torn line (a crash mid-write).
public struct MatchLogReader: Sendable {
    public var records: [LogRecord] = []
    /// Bytes of the file that hold whole records (a torn tail starts here).
    public var validBytes = 0
    /// What was wrong with the tail, if anything: it is ignored.
    public var tornTail: String?

    public init(bytes: [UInt8]) throws(MatchLogError) {
        let decoder = JSONDecoder()
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                tornTail = "the last line (\(bytes.count - start) bytes) has no end; a crash cut it off"
                break
            }
            lineNumber += 1
            let line = bytes[start..<end]
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                do {
                    records.append(try decoder.decode(LogRecord.self, from: Data(line)))
                } catch {
                    if end + 1 >= bytes.count {
                        tornTail = "the last line (line \(lineNumber)) is not a whole record"
                        break
                    }
                    throw MatchLogError("line \(lineNumber) is not a log record: \(error)")
                }
            }
            start = end + 1
            validBytes = start
        }
        guard let first = records.first, first.kind == .match else { throw MatchLogError("the first record is not the match header") }
    }
}

/// A match log that cannot be used.
public struct MatchLogError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
