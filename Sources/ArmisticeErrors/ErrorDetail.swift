/// What a refusal says, as words to look up rather than a sentence: a catalog key (`error.<code>.<case>`) and its
/// named arguments. A `CodedError`'s message is this said in English; a reader of another language is told the same
/// thing from the same key in their catalog, with the names in their language (`ErrorText` in ArmisticeEngine).
public struct ErrorDetail: Sendable, Hashable {
    /// The catalog key of the sentence, `error.<code>.<case>` (e.g. `error.bad_parameter.missing`).
    public var key: String
    /// The values of the sentence's `{name}` placeholders.
    public var arguments: [String: ErrorArgument]

    public init(_ key: String, _ arguments: [String: ErrorArgument] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}

/// One value of a refusal's sentence, said in the reader's language: a name is looked up by its id in the scenario
/// as the reader reads it (the id itself when it names nothing there), a number is written as the language writes it.
public indirect enum ErrorArgument: Sendable, Hashable {
    /// Shown as it is: something the request sent, a code, an id list a program must use.
    case text(String)
    /// A whole number, written as the reader's language writes it.
    case number(Int)
    /// A team, by its name.
    case team(String)
    /// An action, by its name.
    case action(String)
    /// A parameter of an action, by its label and id (`Quota level (quota)`), or its id when it has no label.
    case parameter(action: String, id: String)
    /// A track, flag or project, by its name.
    case target(String)
    /// A phase (`negotiation`), by the interface's name for it.
    case phase(String)
    /// A team, project or phase as a choice a program must name: its id, then its name when that is not the id.
    case choice(ErrorArgument)
    /// Several values, joined with commas.
    case list([ErrorArgument])
    /// A part of the sentence that is a sentence of its own (a "did you mean"), or nothing when nil.
    case phrase(ErrorDetail?)

    /// "; did you mean "x"?" when there is a suggestion, else nothing.
    public static func didYouMean(_ suggestion: String?) -> ErrorArgument {
        .phrase(suggestion.map { ErrorDetail("error.hint.did_you_mean", ["name": .text($0)]) })
    }
}
