import ArmisticeEngine
import Foundation

/// A match log read from its bytes: the header, every whole record with its line number, and what was wrong with
/// the lines that could not be read. Reading never stops at a damaged line: it is reported and skipped.
public struct MatchLog: Sendable {
    /// A record and the 1-based line it came from.
    public struct Entry: Sendable {
        public var line: Int
        public var record: LogLine
    }

    /// The log format version this build reads (docs/match-log.md).
    public static let supportedFormat = 1

    /// The `match` header (line 1).
    public let header: LogLine
    /// The seed and settings of the header.
    public let settings: LogLine.Settings
    /// The ruleset the match was played with: the log's own text, with its settings applied.
    public let ruleset: Ruleset
    /// Every record after the header, in file order.
    public internal(set) var entries: [Entry] = []
    /// What was wrong with the lines that could not be read, and the torn tail.
    public internal(set) var issues: [LogIssue] = []
    /// Lines in the file (the torn tail included).
    public internal(set) var lineCount = 0

    /// Reads a log. Throws only when nothing can be replayed: no header, another format version, a ruleset that does not load.
    public init(bytes: [UInt8]) throws(ReplayError) {
        guard !bytes.isEmpty else { throw ReplayError(.empty, "the log is empty") }
        let decoder = JSONDecoder()
        var lines: [(number: Int, range: Range<Int>, terminated: Bool)] = []
        var start = 0
        var number = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                number += 1
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                lines.append((number, start..<end, end < buffer.count))
                start = end + 1
            }
        }
        lineCount = number
        guard let first = lines.first else { throw ReplayError(.empty, "the log is empty") }
        let headerRecord: LogLine
        do { headerRecord = try decoder.decode(LogLine.self, from: Data(bytes[first.range])) } catch {
            throw ReplayError(.noHeader, "line 1 is not a match header: \(Self.explain(error))")
        }
        guard headerRecord.kind == "match" else {
            throw ReplayError(.noHeader, "line 1 is a \"\(headerRecord.kind)\" record, not the match header: this is not the start of a match log")
        }
        guard let format = headerRecord.format else {
            throw ReplayError(.unsupportedFormat, "the match header names no format version; this armistice reads log format \(Self.supportedFormat)")
        }
        guard format == Self.supportedFormat else {
            throw ReplayError(.unsupportedFormat, "this log is format version \(format); this armistice reads log format \(Self.supportedFormat) only "
                              + "(docs/match-log.md). Replay it with the armistice release that wrote it.")
        }
        guard let text = headerRecord.rulesetText else {
            throw ReplayError(.noHeader, "the match header has no ruleset_text: the log does not carry its rules")
        }
        guard let settings = headerRecord.settings else {
            throw ReplayError(.noHeader, "the match header has no settings (seed, turns, phases)")
        }
        let loaded: Ruleset
        do { loaded = try RulesetLoader.load(text: text, file: "\(headerRecord.room ?? "match") (ruleset in the log)", variant: settings.variant) } catch {
            let first = error.diagnostics.first.map { "\($0)" } ?? "it does not load"
            throw ReplayError(.rulesetInvalid, "the ruleset carried by the log does not load: \(first)")
        }
        header = headerRecord
        self.settings = settings
        ruleset = settings.apply(to: loaded)
        if let hash = headerRecord.rulesetHash, hash != loaded.sourceHash {
            issues.append(LogIssue(.rulesetHashMismatch, line: 1, "the header's ruleset_hash \(hash) is not the SHA-256 of its ruleset_text (\(loaded.sourceHash)): the rules were altered",
                                   expected: hash, actual: loaded.sourceHash))
        }
        entries.reserveCapacity(lines.count)
        for (number, range, terminated) in lines.dropFirst() {
            if bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let record: LogLine
            do { record = try Self.decode(bytes, range, decoder) } catch {
                if !terminated {
                    issues.append(LogIssue(.tornTail, line: number, "the last line (\(range.count) bytes) is cut off, with no end of line: "
                                           + "a crash cut it off mid-write; it is left out and every line before it is replayed"))
                } else {
                    issues.append(LogIssue(.damagedLine, line: number, "not a log record (\(Self.explain(error))); the line is skipped"))
                }
                continue
            }
            if !terminated {
                issues.append(LogIssue(.missingNewline, line: number, "the last line has no end of line, but it is a whole record; it is used"))
            }
            entries.append(Entry(line: number, record: record))
        }
    }

    /// One record: the fast reader when the line has the documented shape, else `JSONDecoder` (which also explains errors).
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, _ decoder: JSONDecoder) throws -> LogLine {
        let fast: LogLine? = bytes.withUnsafeBufferPointer { buffer in
            JSON.parse(UnsafeBufferPointer(rebasing: buffer[range])).flatMap(LogLine.fast)
        }
        if let fast { return fast }
        return try decoder.decode(LogLine.self, from: Data(bytes[range]))
    }

    /// Reads a log file.
    public init(path: String) throws(ReplayError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReplayError(.unreadable, "cannot read \(path): no such file, or not readable")
        }
        try self.init(bytes: Array(data))
    }

    /// A decoding error in a few words: which field, and what was wrong.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "not valid JSON" : "\(c.debugDescription)\(path(c.codingPath))"
        case .keyNotFound(let key, let c): return "no \"\(key.stringValue)\"\(path(c.codingPath))"
        case .typeMismatch(let type, let c): return "expected \(type)\(path(c.codingPath))"
        case .valueNotFound(let type, let c): return "missing \(type)\(path(c.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}
