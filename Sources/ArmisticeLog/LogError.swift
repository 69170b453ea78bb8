import ArmisticeEngine
import ArmisticeErrors

/// A match log that cannot be read at all: nothing in it can be replayed or restored. Its message is English (the
/// server logs it so); its detail (`log.error.*`) says it in another language (`message(in:)`).
public typealias LogError = CodedError<LogErrorCode>

/// The codes of `LogError`, stable for a tool to act on. Its description is the message alone.
public enum LogErrorCode: String, ErrorCodeSet, Codable {
    /// The file cannot be read.
    case unreadable
    /// The file is empty.
    case empty
    /// The first line is not a `match` header (or is damaged, or lacks the ruleset or settings).
    case noHeader = "no_header"
    /// The log is of a format version this build does not read.
    case unsupportedFormat = "unsupported_format"
    /// The ruleset text carried by the log does not load.
    case rulesetInvalid = "ruleset_invalid"
    /// A line before the last is not a log record (strict reading, as the server's recovery does).
    case damagedLine = "damaged_line"

    public static var describedByMessageAlone: Bool { true }
}

extension CodedError where CodeSet == LogErrorCode {
    /// The message in the language of `words` (the English message for an error made without a detail).
    public func message(in words: ErrorText) -> String {
        detail.map(words.message) ?? message
    }
}
