import ArmisticeLocale

/// Turns the English texts records carry (copied from the ruleset when they happened, or the engine's own phrases)
/// into another language, for views only. Records in the state and the log are never changed.
public struct RecordTranslator: Sendable {
    /// English text of the file → its translation.
    let table: [String: String]
    /// Texts with `{placeholders}` (news and intel of actions): English, translated; matched against filled texts.
    let templates: [(english: [Piece], translated: String)]
    let phrases: Catalog

    enum Piece: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    public init(ruleset: Ruleset, language: Language) {
        let table = ruleset.translations[language.rawValue] ?? [:]
        self.table = table
        self.phrases = Catalog(language: language)
        var templates: [(english: [Piece], translated: String)] = []
        for action in ruleset.actions {
            let texts = [action.news, action.failureNews].compactMap { $0 } + (action.intel + action.failureIntel).map(\.text)
            for text in texts where text.contains("{") {
                guard let translated = table[text] else { continue }
                templates.append((Self.pieces(text), translated))
            }
        }
        self.templates = templates
    }

    /// A record as a reader of this language sees it.
    public func translate(_ record: Record) -> Record {
        var r = record
        if let text = r.text { r.text = translate(text: text) }
        if let reason = r.reason { r.reason = translate(reason: reason, kind: r.kind) }
        if let modifiers = r.modifiers { r.modifiers = modifiers.map { Record.Modifier(reason: translate(text: $0.reason), add: $0.add) } }
        return r
    }

    /// A text copied from the file (a name, news, intel), filled or not; a filled one in Korean with the particles
    /// written after its placeholders fitted to the names filled in (`{project}(으)로` reads 개성공단으로).
    public func translate(text: String) -> String {
        if let exact = table[text] { return exact }
        guard !templates.isEmpty else { return text }
        for (english, translated) in templates {
            guard let values = Self.match(english, text) else { continue }
            var out = translated
            for (name, value) in values { out = out.replacingOccurrences(of: "{\(name)}", with: table[value] ?? value) }
            // The scenario writes a particle after a placeholder with both forms (`{target}와(과)`): the value decides.
            return Josa.resolvingParticles(out, in: phrases.language)
        }
        return text
    }

    /// A record's reason: a text of the file, or one of the engine's phrases (see `Engine+Adjudication`).
    public func translate(reason: String, kind: Record.Kind) -> String {
        if let exact = table[reason] { return exact }
        switch reason {
        case "ordered more than once this turn": return phrases.text("record.reason.duplicate")
        case "the last turn was played": return phrases.text("record.reason.last_turn")
        case "ended by the instructor": return phrases.text("record.reason.ended_by_instructor")
        default: break
        }
        if kind == .order {
            for (prefix, key) in [("blocked by ", "record.reason.blocked"), ("not approved by ", "record.reason.not_approved")] where reason.hasPrefix(prefix) {
                let names = reason.dropFirst(prefix.count).components(separatedBy: ", ").map { table[$0] ?? $0 }
                return phrases.text(key, ["teams": names.joined(separator: ", ")])
            }
            if let m = reason.wholeMatch(of: /costs (\d+), only (-?\d+) left/) {
                return phrases.text("record.reason.over_budget", ["cost": String(m.1), "left": String(m.2)])
            }
        }
        return reason
    }

    static func pieces(_ template: String) -> [Piece] {
        var result: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { result.append(.literal(String(rest[..<open]))) }
            result.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        return result
    }

    /// The placeholder values that make `pieces` read `text`, or nil. A placeholder takes the shortest text that
    /// lets the next literal follow.
    static func match(_ pieces: [Piece], _ text: String) -> [String: String]? {
        var values: [String: String] = [:]
        var rest = Substring(text)
        var i = 0
        while i < pieces.count {
            switch pieces[i] {
            case .literal(let literal):
                guard rest.hasPrefix(literal) else { return nil }
                rest = rest.dropFirst(literal.count)
            case .placeholder(let name):
                if i + 1 < pieces.count, case .literal(let next) = pieces[i + 1] {
                    guard let found = rest.range(of: next) else { return nil }
                    values[name] = String(rest[..<found.lowerBound])
                    rest = rest[found.lowerBound...]
                } else {
                    values[name] = String(rest)
                    rest = rest[rest.endIndex...]
                }
            }
            i += 1
        }
        return rest.isEmpty ? values : nil
    }
}
