import Foundation

/// A language a person can read Armistice in. English is the fallback for everything.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case ko

    /// The language a tag names: `ko`, `ko-KR`, `ko_KR.UTF-8`, `KO`… are Korean; anything unknown, empty or
    /// missing is English.
    public init(parsing tag: String?) {
        self = tag.flatMap(Language.init(tag:)) ?? .en
    }

    /// The language a tag names (`ko`, `ko-KR`, `ko_KR.UTF-8`, `KO`…), nil for one Armistice cannot show.
    public init?(tag: String) {
        let primary = tag.trimmingCharacters(in: .whitespaces)
            .prefix { $0 != "-" && $0 != "_" && $0 != "." && $0 != "@" }
            .lowercased()
        guard let language = Language(rawValue: primary) else { return nil }
        self = language
    }

    /// The language of a POSIX environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), English when none is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return Language(parsing: value) }
        }
        return .en
    }

    /// The Foundation locale used to format numbers and dates in this language.
    public var locale: Locale {
        switch self {
        case .en: return Locale(identifier: "en_GB")
        case .ko: return Locale(identifier: "ko_KR")
        }
    }

    /// The name of the language in itself, for a language chooser (한국어, English).
    public var nativeName: String {
        switch self {
        case .en: return "English"
        case .ko: return "한국어"
        }
    }

    /// The CLDR plural category of a whole number in this language: English has one and other, Korean only other.
    public func pluralCategory(_ count: Int) -> PluralCategory {
        switch self {
        case .en: return count == 1 ? .one : .other
        case .ko: return .other
        }
    }
}

/// The CLDR plural categories a catalog entry may be keyed by.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other
}
