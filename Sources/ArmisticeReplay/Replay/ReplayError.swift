/// A replay or report asked for something the match does not have (a log that cannot be read is a `LogError`).
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        /// `--at` names a moment the match never reached.
        case noSuchMoment = "no_such_moment"
        /// `--as` names no team of the ruleset.
        case unknownViewer = "unknown_viewer"
        /// `report --compare` was given matches of different scenarios, or fewer than two.
        case notComparable = "not_comparable"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
