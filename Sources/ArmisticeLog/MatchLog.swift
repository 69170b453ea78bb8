import ArmisticeEngine
import Foundation

/// A match log read from its bytes for replay: the header checked and its ruleset loaded, every whole record after
/// it with its line number, and what was wrong with the lines that could not be read (`LogReader`).
public struct MatchLog: Sendable {
    public typealias Entry = LogReader.Entry

    /// The log format version this build reads (docs/match-log.md).
    public static let supportedFormat = LogRecord.format

    /// The `match` header (line 1).
    public let header: LogRecord
    /// The seed and settings of the header.
    public let settings: LogRecord.Settings
    /// The ruleset the match was played with: the log's own text, with its settings applied.
    public let ruleset: Ruleset
    /// Every record after the header, in file order.
    public internal(set) var entries: [Entry] = []
    /// What was wrong with the lines that could not be read, and the torn tail.
    public internal(set) var issues: [LogIssue] = []
    /// Lines in the file (the torn tail included).
    public internal(set) var lineCount = 0

    /// Reads a log. Throws only when nothing can be replayed: no header, another format version, a ruleset that does not load.
    /// The header's ruleset is loaded on a second thread while the other lines are read (each takes about as long).
    public init(bytes: [UInt8]) throws(LogError) {
        let work = RulesetPreload(bytes: bytes)
        try self.init(reader: work.read(), loaded: work.ruleset)
    }

    /// A log from its read lines.
    public init(reader: consuming LogReader) throws(LogError) {
        try self.init(reader: reader, loaded: nil)
    }

    /// A log from its read lines, and its header's ruleset if it was already loaded.
    init(reader: consuming LogReader, loaded: Result<Ruleset, LogError>?) throws(LogError) {
        guard reader.lineCount > 0 else { throw LogError(.empty, "the log is empty") }
        guard let first = reader.entries.first, first.line == 1 else {
            let why: String
            if reader.lineCount == 1, reader.unendedTail {
                throw LogError(.noHeader, "the log is cut off inside its first line, the match header (\(reader.firstLine.count) bytes, no end of line): "
                               + "nothing of the match was saved in it; if this is a copy, copy the whole file again")
            }
            do { _ = try JSONDecoder().decode(LogRecord.self, from: Data(reader.firstLine)); why = "not a log record" } catch { why = LogReader.explain(error, line: reader.firstLine) }
            throw LogError(.noHeader, "line 1 is not a match header: \(why)")
        }
        let headerRecord = first.record
        guard headerRecord.kind == .match else {
            throw LogError(.noHeader, "line 1 is a \"\(headerRecord.kind)\" record, not the match header: this is not the start of a match log")
        }
        guard let format = headerRecord.format else {
            throw LogError(.unsupportedFormat, "the match header names no format version; this armistice reads log format \(Self.supportedFormat)")
        }
        guard format == Self.supportedFormat else {
            throw LogError(.unsupportedFormat, "this log is format version \(format); this armistice reads log format \(Self.supportedFormat) only "
                           + "(docs/match-log.md). Replay it with the armistice release that wrote it.")
        }
        guard headerRecord.rulesetText != nil else {
            throw LogError(.noHeader, "the match header has no ruleset_text: the log does not carry its rules")
        }
        guard let settings = headerRecord.settings else {
            throw LogError(.noHeader, "the match header has no settings (seed, turns, phases)")
        }
        let loaded = try (loaded ?? Self.load(header: headerRecord)).get()
        header = headerRecord
        self.settings = settings
        ruleset = settings.apply(to: loaded)
        lineCount = reader.lineCount
        if let hash = headerRecord.rulesetHash, hash != loaded.sourceHash {
            issues.append(LogIssue(.rulesetHashMismatch, line: 1, "the header's ruleset_hash \(hash) is not the SHA-256 of its ruleset_text (\(loaded.sourceHash)): the rules were altered",
                                   expected: hash, actual: loaded.sourceHash))
        }
        issues += reader.issues.filter { $0.line != 1 }
        entries = reader.takeEntries()
        entries.removeFirst()
    }

    /// The ruleset a header carries, loaded as the room played it (its variant; the settings are applied later).
    static func load(header: LogRecord) -> Result<Ruleset, LogError> {
        guard let text = header.rulesetText else { return .failure(LogError(.noHeader, "the match header has no ruleset_text")) }
        do {
            return .success(try RulesetLoader.load(text: text, file: "\(header.room ?? "match") (ruleset in the log)", variant: header.settings?.variant))
        } catch {
            let first = error.diagnostics.first.map { "\($0)" } ?? "it does not load"
            return .failure(LogError(.rulesetInvalid, "the ruleset carried by the log does not load: \(first)"))
        }
    }

    /// Reads a log file.
    public init(path: String) throws(LogError) {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
            throw LogError(.unreadable, "\(path) is a folder: give a match log file (a server keeps them as DATA/matches/CODE.jsonl)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError(.unreadable, "cannot read \(path): no such file, or not readable")
        }
        try self.init(bytes: Array(data))
    }
}
