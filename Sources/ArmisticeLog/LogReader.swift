import ArmisticeEngine
import ArmisticeErrors
import Foundation

/// Reads the records of a match log's bytes, line by line, and never stops at a damaged line: it is reported and
/// skipped. The one reader of log lines: `MatchLog` (replay and report) builds on it, and the server restores and
/// archives rooms from its `strictRecords()`.
public struct LogReader: Sendable {
    /// A record and the 1-based line it came from.
    public struct Entry: Sendable {
        public var line: Int
        public var record: LogRecord
    }

    /// Every record that could be read, in file order (the header included, when it could be read).
    public private(set) var entries: [Entry] = []
    /// What was wrong with the lines that could not be read, and with the last line.
    public private(set) var issues: [LogIssue] = []
    /// Lines in the file (a torn tail included).
    public private(set) var lineCount = 0
    /// Bytes of the file before its tail: the whole file but an unended last line and, when the last ended line
    /// is not a record, that line too. Where a writer continues after a crash cut a line off.
    public private(set) var wholeBytes = 0
    /// The text of line 1 (empty when the file is).
    public private(set) var firstLine: ArraySlice<UInt8> = []
    /// Whether the last line has no end of line.
    public private(set) var unendedTail = false
    /// The number of the last ended line, if it is not a record (a crash may have written it whole but garbled).
    private var damagedLastEndedLine: Int?
    /// Hash lines whose `lines_hash` was compared with the lines before them, and hash lines without one (a log
    /// written before the field, or a hand-made one): a replay proves every line only when the second is 0.
    public private(set) var linesHashesChecked = 0
    public private(set) var hashLinesWithoutLinesHash = 0
    /// The line of the last hash line whose `lines_hash` matched (0 when none): the lines up to it are proved.
    public private(set) var linesProvedThrough = 0
    /// The first hash line whose `lines_hash` differs from the lines before it, as an issue (also in `issues`).
    public private(set) var linesDiffer: LogIssue?
    /// The running hash of the lines read, and its value before the last line when that line was hashed: a server
    /// continues a room's log from the first without a tail that `restorable()` leaves out.
    private var linesHash = LinesHash()
    private var linesHashBeforeLastLine: (line: Int, hash: LinesHash)?

    /// Reads every line. Lines holding only spaces, tabs or carriage returns are skipped.
    public init(bytes: [UInt8]) {
        let decoder = JSONDecoder()
        var lastEnded: (number: Int, start: Int, damaged: Bool)?
        bytes.withUnsafeBufferPointer { buffer in
            entries.reserveCapacity(Self.lineCount(buffer))
            var start = 0
            var number = 0
            while start < buffer.count {
                number += 1
                var end = start
                if let newline = memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start) {
                    end = buffer.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = buffer.count
                }
                let ended = end < buffer.count
                let range = start..<end
                if number == 1 { firstLine = bytes[range] }
                var damaged = false
                if !Self.isBlank(buffer, range) {
                    // Every line but a hash line counts in the lines' hash: a damaged one too, as its bytes.
                    var isHashLine = false
                    defer {
                        if !isHashLine {
                            if end + 1 >= buffer.count { linesHashBeforeLastLine = (number, linesHash) }
                            linesHash.add(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[range])))
                        }
                    }
                    do {
                        let record = try Self.decode(buffer, range, decoder)
                        if !ended {
                            issues.append(LogIssue(.missingNewline, line: number, key: "log.issue.missing_newline"))
                        }
                        if record.kind == .hash {
                            isHashLine = true
                            if linesDiffer == nil, let issue = checkLinesHash(record, line: number) {
                                linesDiffer = issue
                                issues.append(issue)
                            }
                        }
                        entries.append(Entry(line: number, record: record))
                    } catch {
                        damaged = true
                        if !ended {
                            issues.append(LogIssue(.tornTail, line: number, key: "log.issue.torn_tail", ["bytes": .text(String(range.count))]))
                        } else {
                            issues.append(LogIssue(.damagedLine, line: number, key: "log.issue.damaged_line", ["why": .phrase(Self.explain(error, line: bytes[range]))]))
                        }
                    }
                }
                if ended {
                    lastEnded = (number, start, damaged)
                    wholeBytes = end + 1
                } else {
                    unendedTail = true
                }
                start = end + 1
            }
            lineCount = number
        }
        if let lastEnded, lastEnded.damaged, !unendedTail {
            damagedLastEndedLine = lastEnded.number
            wholeBytes = lastEnded.start
        }
    }

    /// The records a server continues a room from: every record of an ended line, up to a tail a crash may have
    /// left (an unended last line, whole or not, and a last ended line that is not a record). Throws when an
    /// earlier line is damaged, or the first record is not the match header.
    public func restorable() throws(LogError) -> Restorable {
        if let bad = issues.first(where: { $0.code == .damagedLine && $0.line != damagedLastEndedLine }) {
            // A room is not restored without it, so the line is not "skipped" here (a replay skips it).
            throw LogError(.damagedLine, key: "log.error.damaged_line", ["line": .text(String(bad.line)), "why": bad.detail?.arguments["why"] ?? .text("")])
        }
        var records = entries.map(\.record)
        if unendedTail, entries.last?.line == lineCount { records.removeLast() }
        guard let first = records.first, first.kind == .match else { throw LogError(.noHeader, key: "log.error.first_not_header") }
        var tail: String?
        if unendedTail { tail = "the last line (line \(lineCount)) has no end; a crash cut it off" }
        if let n = damagedLastEndedLine { tail = "the last line (line \(n)) is not a whole record" }
        // The lines' hash without the tail left out (only ever the last line).
        let left = unendedTail ? lineCount : damagedLastEndedLine
        let hash = left != nil && left == linesHashBeforeLastLine?.line ? linesHashBeforeLastLine!.hash : linesHash
        return Restorable(records: records, tornTail: tail, wholeBytes: wholeBytes, linesHash: hash, linesDiffer: linesDiffer)
    }

    /// A hash line's `lines_hash` against the lines read before it: an issue when they differ. Called until the first
    /// difference only: every later one differs too, the hash being a running one.
    private mutating func checkLinesHash(_ record: LogRecord, line: Int) -> LogIssue? {
        guard let logged = record.linesHash else {
            hashLinesWithoutLinesHash += 1
            return nil
        }
        linesHashesChecked += 1
        let actual = linesHash.hex
        if logged == actual {
            linesProvedThrough = line
            return nil
        }
        return LogIssue(.hashMismatch, line: line, turn: record.turn, key: "log.issue.lines_differ",
                        ["from": .text(String(linesProvedThrough + 1)), "to": .text(String(line - 1)), "logged": .text(logged), "actual": .text(actual)],
                        expected: logged, actual: actual)
    }

    /// How a damaged line's issue ends in English (`log.issue.damaged_line`): a replay or a report goes on without it.
    public static let skipped = "; the line is skipped"

    /// Hands over the entries, leaving none: a reader passed on is not copied record by record.
    mutating func takeEntries() -> [Entry] {
        defer { entries = [] }
        return entries
    }

    /// Lines in a buffer (an unended last one included), counted with `memchr`.
    static func lineCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        var start = 0
        while start < buffer.count, let newline = memchr(base + start, 0x0A, buffer.count - start) {
            count += 1
            start = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return start < buffer.count ? count + 1 : count
    }

    static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where buffer[i] != 0x20 && buffer[i] != 0x0D && buffer[i] != 0x09 { return false }
        return true
    }

    /// One record: the direct scanner for the lines the server writes most, else the fast reader when the line has the
    /// documented shape, else `JSONDecoder` (which decides the rest and explains errors).
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ decoder: JSONDecoder) throws -> LogRecord {
        let line = UnsafeBufferPointer(rebasing: buffer[range])
        // The server writes UTF-8 only: a line that is not was damaged or edited, whatever the JSON around it reads as.
        if let bad = RulesetLoader.firstInvalidUTF8(line) { throw NotUTF8(column: bad.column) }
        if let scanned = LogRecord.scan(line) { return scanned }
        if let fast = JSON.parse(line).flatMap(LogRecord.fast) { return fast }
        return try decoder.decode(LogRecord.self, from: Data(line))
    }

    /// A line with bytes that are not UTF-8; `column` counts characters from 1, as far as they could be read.
    struct NotUTF8: Error {
        var column: Int
    }

    /// A decoding error in a few words, in JSON's terms (never a Swift type's name): which field, and what was wrong,
    /// as a catalog sentence (`log.why.*`). `line` is the line's text: a line the decoder calls corrupt may be valid
    /// JSON holding a number out of range.
    static func explain(_ error: any Error, line: ArraySlice<UInt8> = []) -> ErrorDetail {
        if let error = error as? NotUTF8 { return ErrorDetail("log.why.not_utf8", ["column": .text(String(error.column))]) }
        guard let error = error as? DecodingError else { return ErrorDetail("log.why.other", ["what": .text("\(error)")]) }
        func path(_ keys: [any CodingKey]) -> ErrorArgument {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return .phrase(p.isEmpty ? nil : ErrorDetail("log.why.at", ["path": .text(p)]))
        }
        switch error {
        case .dataCorrupted(let c):
            if c.codingPath.isEmpty { return explainValidJSON(line) ?? ErrorDetail("log.why.not_json") }
            return ErrorDetail("log.why.corrupted", ["what": .text(c.debugDescription), "at": path(c.codingPath)])
        case .keyNotFound(let key, let c): return ErrorDetail("log.why.no_field", ["field": .text(key.stringValue), "at": path(c.codingPath)])
        case .typeMismatch(let type, let c):
            // `type` is what was expected: at the top, a record (an object); say what the line holds instead.
            return c.codingPath.isEmpty ? explainValidJSON(line) ?? ErrorDetail("log.why.not_object")
                : ErrorDetail("log.why.expected", ["type": .phrase(jsonName(type)), "at": path(c.codingPath)])
        case .valueNotFound(let type, let c): return ErrorDetail("log.why.missing", ["type": .phrase(jsonName(type)), "at": path(c.codingPath)])
        @unknown default: return ErrorDetail("log.why.other", ["what": .text("\(error)")])
        }
    }

    /// What a Swift type the decoder expected is called in JSON.
    static func jsonName(_ type: Any.Type) -> ErrorDetail {
        switch type {
        case is [String: Any].Type: return ErrorDetail("log.json.object")
        case is [Any].Type: return ErrorDetail("log.json.array")
        case is String.Type: return ErrorDetail("log.json.string")
        case is Bool.Type: return ErrorDetail("log.json.bool")
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type: return ErrorDetail("log.json.whole_number")
        case is Double.Type, is Float.Type: return ErrorDetail("log.json.number")
        default:
            let name = "\(type)"
            if name.hasPrefix("Dictionary<") { return ErrorDetail("log.json.object") }
            if name.hasPrefix("Array<") { return ErrorDetail("log.json.array") }
            return ErrorDetail("log.json.other")
        }
    }

    /// Why valid JSON is not a record, when it is valid JSON: not an object, or a whole-number field out of range.
    static func explainValidJSON(_ line: ArraySlice<UInt8>) -> ErrorDetail? {
        guard !line.isEmpty, let value = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) else { return nil }
        guard let object = value as? [String: Any] else {
            return ErrorDetail(value is [Any] ? "log.why.array" : "log.why.single_value")
        }
        for key in ["seq", "t", "turn", "format"] {
            // A whole number too large for 64 bits is read as a floating-point one.
            if let number = object[key] as? NSNumber, !(object[key] is Bool), Int64(exactly: number.doubleValue) == nil {
                return ErrorDetail("log.why.out_of_range", ["field": .text(key)])
            }
        }
        return nil
    }
}
