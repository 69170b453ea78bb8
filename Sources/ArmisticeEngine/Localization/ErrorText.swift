import ArmisticeErrors
import ArmisticeLocale

/// Refusals in words: an `ErrorDetail` said in one language from the catalog (`error.<code>.<case>`), its names taken
/// from the scenario as that language reads it. The engine and the server say every refusal in English with it (the
/// error's `message`); the server says it again in each connection's language.
public struct ErrorText: Sendable {
    public let catalog: Catalog
    private let ruleset: Ruleset?

    /// `ruleset` as the reader reads it (`Ruleset.localized(to:)` for another language); without one, names are
    /// shown as their ids.
    public init(language: Language, ruleset: Ruleset? = nil) {
        catalog = Catalog(language: language)
        self.ruleset = ruleset
    }

    /// The sentence, its placeholders filled in one pass (a value that holds `{x}` is never filled again), Korean
    /// particles fitted to the words filled in.
    public func message(_ detail: ErrorDetail) -> String {
        let template = catalog.text(detail.key)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            out += rest[..<open]
            if let value = detail.arguments[name] { out += text(value) } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return Josa.resolvingParticles(out, in: catalog.language)
    }

    /// One argument in words.
    public func text(_ argument: ErrorArgument) -> String {
        switch argument {
        case .text(let text): return text
        case .number(let n): return catalog.number(n)
        case .team(let id): return ruleset?.teams.first { $0.id == id }?.name ?? id
        case .action(let id): return ruleset?.actions.first { $0.id == id }?.name ?? id
        case .parameter(let action, let id):
            let parameter = ruleset?.actions.first { $0.id == action }?.parameters.first { $0.id == id }
            guard let label = parameter?.label, !label.isEmpty, label != id else { return id }
            return "\(label) (\(id))"
        case .target(let id):
            return ruleset.flatMap { r in
                r.tracks.first { $0.id == id }?.name ?? r.flags.first { $0.id == id }?.name ?? r.projects.first { $0.id == id }?.name
            } ?? id
        case .phase(let id):
            let name = catalog.text("phase." + id)
            return name == "phase." + id ? id : name
        case .choice(let inner):
            let id = Self.id(of: inner)
            let name = text(inner)
            return name.lowercased() == id.lowercased() ? id : "\(id) (\(name))"
        case .list(let items): return items.map(text).joined(separator: ", ")
        case .phrase(let detail): return detail.map(message) ?? ""
        }
    }

    /// The id an argument names (its text, for one that names nothing).
    private static func id(of argument: ErrorArgument) -> String {
        switch argument {
        case .text(let id), .team(let id), .action(let id), .target(let id), .phase(let id): id
        case .parameter(_, let id): id
        case .number(let n): String(n)
        case .choice(let inner): id(of: inner)
        case .list, .phrase: ""
        }
    }
}

extension CodedError {
    /// A refusal said from the catalog: its message is `key` in English with `arguments` filled in (names from
    /// `ruleset`, the English one), and it keeps the key and arguments so that a reader of another language is told
    /// the same (`ErrorText`).
    public init(_ code: Code, key: String, _ arguments: [String: ErrorArgument] = [:], names ruleset: Ruleset? = nil) {
        let detail = ErrorDetail(key, arguments)
        self.init(code, ErrorText(language: .en, ruleset: ruleset).message(detail), detail: detail)
    }
}
