/// An error with a stable code a caller can act on and a message a person can read: the one shape of the project's
/// errors. Each kind is this type over its own set of codes (`EngineError`, `TransportError`, `LogError`, …).
public struct CodedError<CodeSet: ErrorCodeSet>: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind's codes (`EngineError.Code` is `EngineErrorCode`).
    public typealias Code = CodeSet

    /// What went wrong, as a stable code.
    public var code: Code
    /// What went wrong, for a person.
    public var message: String
    /// What the message says as a catalog key and its arguments, so that it can be said in another language; nil for
    /// an error whose message has no entry in the catalogs.
    public var detail: ErrorDetail?

    public init(_ code: Code, _ message: String, detail: ErrorDetail? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// `code: message`, or the message alone for the sets whose messages are meant to be read bare.
    public var description: String { Code.describedByMessageAlone ? message : "\(code.rawValue): \(message)" }
}
