import ArmisticeEngine
import ArmisticeErrors
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
    /// Whether every line up to the last hash line is proved byte for byte (`lines_hash`, `LinesHash`): true when every
    /// hash line carries it and each matched. False for a log written before the field, or with no hash line.
    public internal(set) var everyLineProved = false
    /// The last line proved so (0 when none): lines after it are covered by no hash.
    public internal(set) var linesProvedThrough = 0

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
        guard reader.lineCount > 0 else { throw LogError(.empty, key: "log.error.empty") }
        guard let first = reader.entries.first, first.line == 1 else {
            let why: ErrorDetail
            if reader.lineCount == 1, reader.unendedTail {
                throw LogError(.noHeader, key: "log.error.header_cut_off", ["bytes": .text(String(reader.firstLine.count))])
            }
            do {
                _ = try JSONDecoder().decode(LogRecord.self, from: Data(reader.firstLine))
                why = ErrorDetail("log.why.not_a_record")
            } catch { why = LogReader.explain(error, line: reader.firstLine) }
            throw LogError(.noHeader, key: "log.error.not_a_header", ["why": .phrase(why)])
        }
        let headerRecord = first.record
        guard headerRecord.kind == .match else {
            throw LogError(.noHeader, key: "log.error.header_kind", ["kind": .text("\(headerRecord.kind)")])
        }
        guard let format = headerRecord.format else {
            throw LogError(.unsupportedFormat, key: "log.error.no_format", ["format": .text(String(Self.supportedFormat))])
        }
        guard format == Self.supportedFormat else {
            throw LogError(.unsupportedFormat, key: "log.error.other_format", ["version": .text(String(format)), "format": .text(String(Self.supportedFormat))])
        }
        guard headerRecord.rulesetText != nil else {
            throw LogError(.noHeader, key: "log.error.no_ruleset_text")
        }
        guard let settings = headerRecord.settings else {
            throw LogError(.noHeader, key: "log.error.no_settings")
        }
        let loaded = try (loaded ?? Self.load(header: headerRecord)).get()
        header = headerRecord
        self.settings = settings
        ruleset = settings.apply(to: loaded)
        lineCount = reader.lineCount
        if let hash = headerRecord.rulesetHash, hash != loaded.sourceHash {
            issues.append(LogIssue(.rulesetHashMismatch, line: 1, key: "log.issue.ruleset_hash", ["logged": .text(hash), "actual": .text(loaded.sourceHash)],
                                   expected: hash, actual: loaded.sourceHash))
        }
        issues += reader.issues.filter { $0.line != 1 }
        everyLineProved = reader.linesHashesChecked > 0 && reader.hashLinesWithoutLinesHash == 0 && reader.linesDiffer == nil
        linesProvedThrough = reader.linesProvedThrough
        entries = reader.takeEntries()
        entries.removeFirst()
    }

    /// The ruleset a header carries, loaded as the room played it (its variant; the settings are applied later).
    static func load(header: LogRecord) -> Result<Ruleset, LogError> {
        guard let text = header.rulesetText else { return .failure(LogError(.noHeader, key: "log.error.no_ruleset_text_short")) }
        do {
            return .success(try RulesetLoader.load(text: text, file: "\(header.room ?? "match") (ruleset in the log)", variant: header.settings?.variant))
        } catch {
            let first: ErrorArgument = error.diagnostics.first.map { .text("\($0)") } ?? .phrase(ErrorDetail("log.why.does_not_load"))
            return .failure(LogError(.rulesetInvalid, key: "log.error.ruleset_invalid", ["reason": first]))
        }
    }

    /// Reads a log file.
    public init(path: String) throws(LogError) {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
            throw LogError(.unreadable, key: "log.error.folder", ["path": .text(path)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError(.unreadable, key: "log.error.unreadable", ["path": .text(path)])
        }
        try self.init(bytes: Array(data))
    }
}
