import Yams

extension YAMLReader {
    /// A text a person reads: a plain string (English), or a map of language codes to strings (`{en: …, ko: …}`).
    /// Returns the English text; records each translation and, for every language the file declares that the text
    /// lacks, a `missing_translation` diagnostic (reported by `ruleset check`, not fatal to loading).
    func text(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        switch node {
        case .scalar(let scalar):
            let english = scalar.string
            if needsTranslation(english) {
                for language in languages where language != "en" { missing(language, node, what, english) }
            }
            return english
        case .mapping(let map):
            var found: [String: (String, Node)] = [:]
            for (keyNode, value) in map {
                guard let language = keyNode.scalar?.string else { error("wrong_type", keyNode, "a language in \(what) must be a code such as en or ko"); continue }
                guard languages.contains(language) else {
                    error("undeclared_language", keyNode, "\(what) is written in \"\(language)\", which the file does not declare",
                          hint: "add it to the top-level list: languages: [\((languages + [language]).joined(separator: ", "))]")
                    continue
                }
                guard case .scalar(let scalar) = value else { error("wrong_type", value, "the \(language) text of \(what) must be text"); continue }
                found[language] = (scalar.string, value)
            }
            guard let (english, _) = found["en"] else {
                error("missing_key", node, "\(what) needs its English text (en)", hint: "English is the fallback: write en: \"…\" first")
                return nil
            }
            for language in languages where language != "en" {
                guard let (translated, valueNode) = found[language], !translated.isEmpty || english.isEmpty else {
                    if needsTranslation(english) { missing(language, node, what, english) }
                    continue
                }
                // Changed in place: a copy of the table taken out and put back copied it whole for every text.
                if let previous = translations[language]?[english], previous != translated {
                    error("conflicting_translation", valueNode, "\"\(english)\" is translated into \(language) twice, differently",
                          hint: "the same English text has one translation per language; keep one, or word the English differently")
                } else {
                    translations[language, default: [:]][english] = translated
                }
            }
            return english
        default:
            error("wrong_type", node, "\(what) must be text, or a map of languages to texts such as {en: …, ko: …}")
            return nil
        }
    }

    /// Every written form of a text node (the string, or each language's string), for checks such as placeholders.
    func textForms(_ node: Node?) -> [(String, Node)] {
        guard let node else { return [] }
        switch node {
        case .scalar(let s): return [(s.string, node)]
        case .mapping(let map): return map.compactMap { _, v in v.scalar.map { ($0.string, v) } }
        default: return []
        }
    }

    /// A list of texts (`statuses`), each a string or a map of languages, accepting one text as a list of one.
    /// `each` names one item in messages ("a status of project dam").
    func textList(_ node: Node?, _ what: String, each: String? = nil) -> [(String, Node)]? {
        guard let node else { return nil }
        if case .sequence(let items) = node {
            return items.compactMap { item in text(item, each ?? "each item of \(what)").map { ($0, item) } }
        }
        return text(node, what).map { [($0, node)] }
    }

    private func needsTranslation(_ text: String) -> Bool {
        text.contains { $0.isLetter }
    }

    private func missing(_ language: String, _ node: Node, _ what: String, _ english: String) {
        let at = location(node)
        let excerpt = english.count > 50 ? english.prefix(47) + "…" : Substring(english)
        missingTranslations.append(Diagnostic(code: "missing_translation", file: file, line: at.line, column: at.column,
                                              message: "\(what) has no \(language) text (\"\(excerpt)\")",
                                              hint: "write it as {en: …, \(language): …}"))
    }
}
