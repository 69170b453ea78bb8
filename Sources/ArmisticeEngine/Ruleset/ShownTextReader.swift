import Yams

/// Reads the texts a person reads from a YAML file that goes with a scenario (its case package) by the scenario's
/// own rules: a plain string is English, a map `{en: …, ko: …}` gives each language, and a declared language a text
/// lacks is a located `missing_translation` diagnostic. It is the scenario loader's reader, so both formats agree.
public final class ShownTextReader {
    private let reader: YAMLReader

    /// `languages` are the scenario's declared languages; English is always one, first.
    public init(file: String, languages: [String]) {
        reader = YAMLReader(file: file)
        reader.languages = ["en"] + languages.filter { $0 != "en" }
    }

    /// The English text of a node (nil, with a diagnostic, when it is neither a string nor a map of languages).
    public func text(_ node: Node?, _ what: String) -> String? { reader.text(node, what) }

    /// Problems that make the file wrong (a language it does not declare, a map without English, …).
    public var diagnostics: [Diagnostic] { reader.diagnostics }
    /// Per language other than English: each English text and its translation.
    public var translations: [String: [String: String]] { reader.translations }
    /// Texts that lack a declared language: English stands in, and `ruleset check` fails.
    public var missingTranslations: [Diagnostic] { reader.missingTranslations }
}
