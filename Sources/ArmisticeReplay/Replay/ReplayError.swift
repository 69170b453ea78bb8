import ArmisticeErrors

/// A replay or report asked for something the match does not have (a log that cannot be read is a `LogError`).
public typealias ReplayError = CodedError<ReplayErrorCode>

/// The codes of `ReplayError`. Its description is the message alone.
public enum ReplayErrorCode: String, ErrorCodeSet, Codable {
    /// `--at` names a moment the match never reached.
    case noSuchMoment = "no_such_moment"
    /// `--as` names no team of the ruleset.
    case unknownViewer = "unknown_viewer"
    /// `report --compare` was given matches of different scenarios, or fewer than two.
    case notComparable = "not_comparable"

    public static var describedByMessageAlone: Bool { true }
}
