/// The codes of one kind of `CodedError`: an enum of stable snake_case strings.
public protocol ErrorCodeSet: RawRepresentable, Sendable, Hashable where RawValue == String {
    /// Whether the error's `description` is its message alone (what a command prints) rather than `code: message`.
    static var describedByMessageAlone: Bool { get }
}

extension ErrorCodeSet {
    public static var describedByMessageAlone: Bool { false }
}
