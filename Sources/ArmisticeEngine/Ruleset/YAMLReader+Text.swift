import ArmisticeLocale
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
                          hint: Self.languageHint(language, declared: languages))
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

    /// What to write instead of an undeclared language code: the declared one it is a slip for (`kr`, `EN`), or, for
    /// a language the program shows, to declare it; never to declare one the program cannot show.
    static func languageHint(_ code: String, declared: [String]) -> String {
        if let meant = Self.meantLanguage(code, among: declared) { return "did you mean \(meant)? the file's languages are \(declared.joined(separator: ", "))" }
        if Language(rawValue: code) != nil { return "add it to the top-level list: languages: [\((declared + [code]).joined(separator: ", "))]" }
        let shown = Language.allCases.map(\.rawValue).joined(separator: ", ")
        return "the file's languages are \(declared.joined(separator: ", ")) (the program shows only \(shown))"
    }

    /// The code a slip stands for: another case (`EN`), a country code or a longer form (`kr`, `kor`, `eng`), or a
    /// near spelling, among `candidates`.
    static func meantLanguage(_ code: String, among candidates: [String]) -> String? {
        let lowered = code.lowercased()
        let aliases = ["kr": "ko", "kor": "ko", "korean": "ko", "eng": "en", "english": "en", "us": "en", "uk": "en", "gb": "en"]
        if candidates.contains(lowered), lowered != code { return lowered }
        if let alias = aliases[lowered], candidates.contains(alias) { return alias }
        if let tagged = Language(tag: lowered)?.rawValue, tagged != code, candidates.contains(tagged), lowered.count > 2 { return tagged }
        return nil
    }

    /// Text with Hangul and no Latin letters: a Korean text written where a plain string is read as English.
    static func looksKorean(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) || (0x3131...0x318E).contains($0.value) }
            && !text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
    }

    private func needsTranslation(_ text: String) -> Bool {
        text.contains { $0.isLetter }
    }

    /// "each item of sources" names a rule for every item; a problem is about one of them: "an item of sources".
    static func oneItem(_ what: String) -> String {
        what.hasPrefix("each item ") ? "an item " + what.dropFirst("each item ".count) : what
    }

    private func missing(_ language: String, _ node: Node, _ what: String, _ english: String) {
        let at = location(node)
        let excerpt = english.count > 50 ? english.prefix(47) + "…" : Substring(english)
        // A plain string is English: a Korean one written plainly reads as "no Korean text", which puzzles.
        let hint = language == "ko" && Self.looksKorean(english)
            ? "this text looks Korean, but a plain string is read as English: write it as {en: \"…\", ko: \"\(excerpt)\"}"
            : "write it as {en: …, \(language): …}"
        missingTranslations.append(Diagnostic(code: "missing_translation", file: file, line: at.line, column: at.column,
                                              message: "\(Self.oneItem(what)) has no \(language) text (\"\(excerpt)\")", hint: hint))
    }
}
