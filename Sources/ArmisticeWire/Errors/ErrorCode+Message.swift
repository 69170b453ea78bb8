import ArmisticeEngine
import ArmisticeLocale

extension ErrorCode {
    /// The catalog key of this code's message: `error.<code>` (ErrorCodeTests checks that every code has one in every
    /// language, and that every `error.` key is a code's, or one of its cases `error.<code>.<case>`).
    public var messageKey: String { "error." + rawValue }
}

extension ServerError {
    /// The error as a connection in `language` reads it. English is the message as made (from the English catalog,
    /// or as written for the few errors that have no entry). Another language gets the same sentence from its own
    /// catalog (the error's `detail`), names taken from `ruleset` (the room's scenario as that language reads it;
    /// ids without one); an error without a detail gets the catalog's text for its code.
    public func localized(_ language: Language, names ruleset: Ruleset? = nil) -> ServerError {
        guard language != .en else { return self }
        guard let detail else { return ServerError(code, Catalog(language: language).text(code.messageKey)) }
        return ServerError(code, ErrorText(language: language, ruleset: ruleset).message(detail), detail: detail)
    }
}
