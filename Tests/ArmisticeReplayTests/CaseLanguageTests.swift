import ArmisticeCase
import ArmisticeEngine
import Foundation
import Testing

/// The case package in the scenario's languages: `{en: …, ko: …}` texts, missing translations with their place,
/// and the package in Korean.
@Suite struct CaseLanguageTests {
    static let small = """
        format: 1
        ruleset: coral_strait
        title: {en: "The Coral Strait", ko: "산호 해협"}
        learning_objectives:
          - en: "Explain the commons."
            ko: "공유지를 설명한다."
          - "Reflect on force."
        roles:
          - {team: marisol, role: president, title: {en: "The President", ko: "대통령"}, brief: {en: "You decide.", ko: "당신이 결정한다."}}
          - {team: marisol, role: fisheries_minister, title: {en: "Minister", ko: "장관"}, brief: {en: "Fleet.", ko: "선단."}}
          - {team: tervane, role: monarch, title: {en: "Monarch", ko: "군주"}, brief: {en: "Navy.", ko: "해군."}}
          - {team: tervane, role: admiral, title: {en: "Admiral", ko: "제독"}, brief: {en: "Frigates.", ko: "호위함."}}
          - {team: mediator, role: envoy, title: {en: "Envoy", ko: "특사"}, brief: {en: "Draft.", ko: "초안."}}
          - {team: mediator, role: chief_scientist, title: {en: "Scientist", ko: "수석 과학자"}, brief: {en: "Survey.", ko: "조사."}}
        glossary:
          - {term: {en: "Quota", ko: "쿼터"}, meaning: {en: "The most fish.", ko: "최대 어획량."}, see: ["Stock"]}
          - {term: {en: "Stock", ko: "자원량"}, meaning: {en: "The fish.", ko: "물고기."}}
        timeline:
          - {date: {en: "Season 1", ko: "1시즌"}, basis: invented, text: {en: "It starts.", ko: "시작한다."}}
        sources: [{en: "None.", ko: "없음."}]
        memo: {prompt: {en: "Advise.", ko: "조언하라."}, length: "one paragraph"}
        debrief_questions: [{en: "Why?", ko: "왜?"}]

        """

    static func ruleset(_ name: String) throws -> Ruleset {
        try RulesetLoader.load(text: Fixtures.rulesetText(name), file: "rulesets/\(name).yaml")
    }

    static func caseText(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: Fixtures.repoRoot + "/rulesets/\(name).case/case.yaml")!, as: UTF8.self)
    }

    @Test func textsAreReadInEachLanguageAndLocalizedWithEnglishAsFallback() throws {
        let package = try CasePackage.load(text: Self.small, file: "c.yaml", for: try Self.ruleset("tutorial"))
        #expect(package.languages == ["en", "ko"])
        #expect(package.title == "The Coral Strait" && package.learningObjectives == ["Explain the commons.", "Reflect on force."])
        let ko = package.localized(to: "ko")
        #expect(ko.title == "산호 해협")
        #expect(ko.learningObjectives == ["공유지를 설명한다.", "Reflect on force."])
        #expect(ko.roles.first?.title == "대통령" && ko.roles.first?.brief == "당신이 결정한다.")
        #expect(ko.glossary.map(\.term) == ["쿼터", "자원량"] && ko.glossary.first?.see == ["자원량"])
        #expect(ko.timeline.first?.date == "1시즌" && ko.sources == ["없음."] && ko.memo.prompt == "조언하라." && ko.debriefQuestions == ["왜?"])
        #expect(package.localized(to: "en") == package && package.localized(to: "fr") == package)
    }

    @Test func aMissingKoreanTextIsReportedWithItsPlaceButLoads() throws {
        let package = try CasePackage.load(text: Self.small, file: "c.yaml", for: try Self.ruleset("tutorial"))
        let lines = Self.small.split(separator: "\n", omittingEmptySubsequences: false)
        let objective = lines.firstIndex { $0.contains("\"Reflect on force.\"") }! + 1
        let length = lines.firstIndex { $0.contains("\"one paragraph\"") }! + 1
        #expect(package.missingTranslations.map(\.code) == ["missing_translation", "missing_translation"])
        #expect(package.missingTranslations.map(\.line) == [objective, length])
        #expect(package.missingTranslations[0].description.hasPrefix("c.yaml:\(objective):5: "))
        #expect(package.missingTranslations[0].message.contains("has no ko text"))
    }

    @Test func aLanguageTheScenarioDoesNotDeclareIsAnError() throws {
        let text = Self.small.replacingOccurrences(of: "ko: \"산호 해협\"", with: "fr: \"Le détroit\"")
        let error = try #require(throws: RulesetLoadError.self) {
            try CasePackage.load(text: text, file: "c.yaml", for: try Self.ruleset("tutorial"))
        }
        #expect(error.diagnostics.contains { $0.code == "undeclared_language" && $0.line == 3 })
    }

    @Test(arguments: ["koreanization", "tutorial"])
    func theShippedPackagesHaveEveryTextInKorean(name: String) throws {
        let package = try CasePackage.load(text: Self.caseText(name), file: "case.yaml", for: try Self.ruleset(name))
        #expect(package.missingTranslations.isEmpty, "\(package.missingTranslations.map(\.description))")
        let ko = package.localized(to: "ko")
        func hangul(_ s: String) -> Bool { s.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        var texts = [ko.title] + ko.learningObjectives + ko.sources + ko.debriefQuestions + [ko.memo.prompt]
        texts += ko.roles.flatMap { [$0.title, $0.brief] + $0.priorities + $0.questions }
        texts += ko.glossary.map(\.meaning) + (ko.timeline + ko.whatHappenedNext).map(\.text)
        for text in texts { #expect(hangul(text), "not in Korean: \(text)") }
    }
}
