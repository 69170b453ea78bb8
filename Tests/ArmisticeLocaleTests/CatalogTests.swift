import ArmisticeLocale
import Foundation
import Testing

/// The catalogs: every key in every language, every key used somewhere, placeholders that match.
@Suite struct CatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func catalogFile(_ language: Language) throws -> [String: CatalogEntry] {
        let url = root.appendingPathComponent("Sources/ArmisticeLocale/Resources/\(language.rawValue).json")
        return try Catalog.parse(json: Array(try Data(contentsOf: url)))
    }

    /// Every Swift source text that may use a key: the server, engine, report and CLI, and the terminal client.
    static func sourceText() throws -> String {
        var text = ""
        for folder in ["Sources", "clients/terminal/Sources"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "swift" {
                text += try String(contentsOf: url, encoding: .utf8)
            }
        }
        return text
    }

    static func placeholders(_ entry: CatalogEntry) -> Set<String> {
        let texts: [String]
        switch entry {
        case .text(let t): texts = [t]
        case .plural(let forms): texts = Array(forms.values)
        }
        var names = Set<String>()
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                names.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return names
    }

    @Test func everyLanguageHasEveryKey() throws {
        let en = try Self.catalogFile(.en)
        #expect(!en.isEmpty)
        for language in Language.allCases where language != .en {
            let other = try Self.catalogFile(language)
            let missing = Set(en.keys).subtracting(other.keys).sorted()
            let extra = Set(other.keys).subtracting(en.keys).sorted()
            #expect(missing.isEmpty, "\(language.rawValue).json lacks \(missing)")
            #expect(extra.isEmpty, "\(language.rawValue).json has keys en.json does not: \(extra)")
        }
    }

    @Test func everyKeyIsUsedInTheSources() throws {
        let sources = try Self.sourceText()
        // An error's message key is `error.<code>`, built from the code (ErrorCodeTests checks those keys); its cases
        // (`error.<code>.<case>`) are named where the refusal is made, like any other key.
        func isCodeText(_ key: String) -> Bool { key.hasPrefix("error.") && key.split(separator: ".").count == 2 }
        let unused = try Self.catalogFile(.en).keys.filter { !isCodeText($0) && !sources.contains("\"\($0)\"") }.sorted()
        #expect(unused.isEmpty, "keys no source names (as a \"literal\"): \(unused)")
    }

    @Test func everyKeyTheSourcesAskForIsInTheCatalog() throws {
        // A key asked for by its literal name (`.text("report.x"`, or `phrase("record.x"`, the same with Korean particles
        // fitted) and missing from the catalog would be shown as the key itself (a replay once said "report.text.locked").
        let sources = try Self.sourceText()
        let keys = Set(try Self.catalogFile(.en).keys)
        let pattern = try Regex(#"(?:\.text|phrase)\("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#)
        // A refusal's sentence (`ServerError(.badParameter, key: "error.bad_parameter.missing", …)`) is asked for by its literal too.
        let refusal = try Regex(#""(error\.[a-z_]+\.[a-z0-9_]+)""#)
        let asked = Set(sources.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
            .union(sources.matches(of: refusal).compactMap { $0.output[1].substring.map(String.init) })
        #expect(!asked.isEmpty)
        let missing = asked.subtracting(keys).sorted()
        #expect(missing.isEmpty, "keys the sources ask for that the catalog lacks: \(missing)")
    }

    @Test func translationsKeepThePlaceholders() throws {
        let en = try Self.catalogFile(.en)
        for language in Language.allCases where language != .en {
            for (key, entry) in try Self.catalogFile(language) {
                guard let english = en[key] else { continue }
                let names = Self.placeholders(entry).subtracting(["count"])
                let englishNames = Self.placeholders(english).subtracting(["count"])
                #expect(names == englishNames, "\(language.rawValue): \(key) has placeholders \(names.sorted()), English \(englishNames.sorted())")
            }
        }
    }

    @Test func koreanHasOnlyTheOtherPluralForm() throws {
        for (key, entry) in try Self.catalogFile(.ko) {
            if case .plural(let forms) = entry { #expect(Set(forms.keys) == [.other], "ko: \(key)") }
        }
        for (key, entry) in try Self.catalogFile(.en) {
            if case .plural(let forms) = entry { #expect(Set(forms.keys) == [.one, .other], "en: \(key)") }
        }
    }

    @Test func theEmbeddedCatalogsAreTheFiles() throws {
        for language in Language.allCases {
            #expect(Catalog(language: language).entries == (try Self.catalogFile(language)))
        }
    }

    @Test func languageTagsParse() {
        #expect(Language(parsing: "ko") == .ko)
        #expect(Language(parsing: "ko-KR") == .ko)
        #expect(Language(parsing: "ko_KR.UTF-8") == .ko)
        #expect(Language(parsing: "KO") == .ko)
        #expect(Language(parsing: "en_US.UTF-8") == .en)
        #expect(Language(parsing: "fr") == .en)
        #expect(Language(parsing: "") == .en)
        #expect(Language(parsing: "C") == .en)
        #expect(Language(parsing: nil) == .en)
        #expect(Language.fromEnvironment(["LANG": "ko_KR.UTF-8"]) == .ko)
        #expect(Language.fromEnvironment(["LANG": "ko_KR.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
    }

    @Test func placeholdersAndPluralsAreFilled() {
        let entries: [String: CatalogEntry] = [
            "greet": .text("Hello, {name}"),
            "teams": .plural([.one: "{count} team", .other: "{count} teams"]),
        ]
        let en = Catalog(language: .en, entries: entries)
        #expect(en.text("greet", ["name": "Kim"]) == "Hello, Kim")
        #expect(en.text("teams", count: 1) == "1 team")
        #expect(en.text("teams", count: 1200) == "1,200 teams")
        let ko = Catalog(language: .ko, entries: ["teams": .plural([.other: "{count}개 팀"])], fallback: entries)
        #expect(ko.text("teams", count: 1) == "1개 팀")
        #expect(ko.text("greet", ["name": "김"]) == "Hello, 김", "a missing key falls back to English")
        #expect(ko.text("nowhere") == "nowhere", "a key missing everywhere is itself")
    }

    @Test func errorMessagesComeInKorean() {
        let ko = Catalog(language: .ko)
        #expect(ko.text("error.wrong_phase").hasPrefix("지금 단계에서는 할 수 없습니다. "))
        #expect(Catalog(language: .en).text("error.wrong_phase") == "That cannot be done in this phase.")
    }

    @Test func numbersAndDatesFollowTheLanguage() {
        #expect(Catalog(language: .en).number(54700) == "54,700")
        #expect(Catalog(language: .ko).number(54700) == "54,700")
        let date = Date(timeIntervalSince1970: 1_545_782_400)   // 26 Dec 2018
        #expect(Catalog(language: .en).date(date) == "26 December 2018")
        #expect(Catalog(language: .ko).date(date) == "2018년 12월 26일")
        #expect(Catalog(language: .en).month(year: 2019, month: 1) == "Jan 2019")
        #expect(Catalog(language: .ko).month(year: 2019, month: 1) == "2019년 1월")
    }
}
