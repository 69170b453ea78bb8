import ArmisticeLocale

extension ErrorCode {
    /// The catalog key of this code's message: `error.<code>` (ErrorCodeTests checks that every code has one in every
    /// language, and that every `error.` key is a code).
    public var messageKey: String { "error." + rawValue }
}

extension ServerError {
    /// The error as a connection in `language` reads it: English keeps today's detailed message (bots and old
    /// clients see exactly what they saw); another language gets its catalog's message for the code.
    public func localized(_ language: Language) -> ServerError {
        guard language != .en else { return self }
        return ServerError(code, Catalog(language: language).text(code.messageKey))
    }
}
