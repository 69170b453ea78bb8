import Foundation

/// The messages of one language, read from the JSON catalog embedded in the binary (`Resources/<lang>.json`).
/// Keys are flat (`error.wrong_phase`); a value is a text with `{name}` placeholders, or an object keyed by CLDR
/// plural category. A key missing in a language falls back to English, then to the key itself.
public struct Catalog: Sendable {
    public let language: Language
    /// The entries of this language only (no fallback).
    public let entries: [String: CatalogEntry]
    private let fallback: [String: CatalogEntry]

    /// The catalog of a language. Parsed once per process; cheap to call again.
    public init(language: Language) {
        self.language = language
        self.entries = CatalogStore.entries[language] ?? [:]
        self.fallback = language == .en ? [:] : (CatalogStore.entries[.en] ?? [:])
    }

    /// Builds a catalog from given entries (for tests and tools); English entries are the fallback.
    public init(language: Language, entries: [String: CatalogEntry], fallback: [String: CatalogEntry] = [:]) {
        self.language = language
        self.entries = entries
        self.fallback = fallback
    }

    /// Whether this language itself has the key (no fallback).
    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The message for `key` with its `{name}` placeholders filled from `args`. With `count`, the plural form for
    /// that number is chosen and `{count}` is the number formatted for the language.
    public func text(_ key: String, _ args: [String: String] = [:], count: Int? = nil) -> String {
        let found = entries[key].map { ($0, language) } ?? fallback[key].map { ($0, Language.en) }
        guard let (entry, entryLanguage) = found else { return key }
        var template: String
        switch entry {
        case .text(let t): template = t
        case .plural(let forms):
            let category = entryLanguage.pluralCategory(count ?? 0)
            template = forms[category] ?? forms[.other] ?? forms.values.first ?? key
        }
        var values = args
        if let count, values["count"] == nil { values["count"] = number(count) }
        guard !values.isEmpty, template.contains("{") else { return template }
        for (name, value) in values {
            template = template.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return template
    }

    /// A whole number as the language writes it (thousands separators and all).
    public func number(_ value: Int) -> String {
        value.formatted(.number.locale(language.locale))
    }

    /// A decimal number with at most `fractionDigits` digits after the point, as the language writes it.
    public func number(_ value: Double, fractionDigits: Int = 1) -> String {
        value.formatted(.number.precision(.fractionLength(0...fractionDigits)).locale(language.locale))
    }

    /// A date (and, if asked, a time) as the language writes it: `2 December 2026` or `2026년 12월 2일`.
    public func date(_ date: Date, time: Bool = false, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        var style = Date.FormatStyle(date: .long, time: time ? .shortened : .omitted, locale: language.locale, timeZone: timeZone)
        style.locale = language.locale
        return date.formatted(style)
    }

    /// A year and month (1-12) as the language writes it: `Jan 2019` or `2019년 1월`.
    public func month(year: Int, month: Int) -> String {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = 15
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return "\(year)-\(month)" }
        let style = Date.FormatStyle(date: .omitted, time: .omitted, locale: language.locale, calendar: calendar, timeZone: calendar.timeZone)
            .year().month(.abbreviated)
        return date.formatted(style)
    }
}
