import ArmisticeCase
import ArmisticeEngine
import ArmisticeLog
@testable import ArmisticeReplay
import Foundation
import Testing

@Suite struct CasePackageTests {
    static func ruleset(_ name: String) throws -> Ruleset {
        try RulesetLoader.load(text: Fixtures.rulesetText(name), file: "rulesets/\(name).yaml")
    }

    static func caseText(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: Fixtures.repoRoot + "/rulesets/\(name).case/case.yaml")!, as: UTF8.self)
    }

    @Test(arguments: ["koreanization", "tutorial"])
    func theShippedPackagesCheckAgainstTheirScenarios(name: String) throws {
        let ruleset = try Self.ruleset(name)
        #expect(CasePackage.path(besideRuleset: "rulesets/\(name).yaml") == "rulesets/\(name).case/case.yaml")
        #expect(CasePackage.find(ruleset: ruleset.id, in: Fixtures.repoRoot + "/rulesets") == Fixtures.repoRoot + "/rulesets/\(name).case/case.yaml")
        let package = try CasePackage.load(text: Self.caseText(name), file: "case.yaml", for: ruleset)
        // A brief for every role of every team.
        for team in ruleset.teams {
            #expect(Set(package.roles(of: team.id).map(\.role)) == Set(team.roles), "\(team.id)")
        }
        #expect(!package.learningObjectives.isEmpty && !package.glossary.isEmpty && !package.sources.isEmpty && !package.debriefQuestions.isEmpty)
        #expect(!package.memo.prompt.isEmpty)
    }

    @Test func koreanizationHasTheAcronymsTheTimelinesAndItsLabels() throws {
        let package = try CasePackage.load(text: Self.caseText("koreanization"), file: "case.yaml", for: try Self.ruleset("koreanization"))
        let terms = Set(package.glossary.map(\.term))
        for acronym in ["CMA", "JSA", "1718 Committee", "CVID", "FAO", "WFP", "UNICEF", "WHO", "IAEA", "IAN No. 7", "DMZ", "UNC", "UNSC", "DPRK", "ROK", "ICBM", "CBM"] {
            #expect(terms.contains(acronym), "\(acronym) is not in the glossary")
        }
        #expect(package.timeline.first?.date.hasPrefix("2016") == true && package.timeline.allSatisfy { $0.basis == .history })
        #expect(package.whatHappenedNext.allSatisfy { $0.basis == .afterEssay && ($0.date.hasPrefix("2019") || $0.date.hasPrefix("2020")) })
        #expect(package.whatHappenedNext.contains { $0.text.contains("blows up the inter-Korean liaison office") && $0.date == "2020-06-16" })
        let html = package.html(ruleset: try Self.ruleset("koreanization"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.components(separatedBy: "<article class=\"card role page\"").count - 1 == 12)
        #expect(html.contains("<span class=\"basis after_essay\">after the essay</span>"))
        #expect(html.contains("@page"))
    }

    /// The line and column of the first occurrence of `needle` in `text` (1-based).
    static func place(of needle: String, in text: String) -> (Int, Int) {
        let before = text[..<text.range(of: needle)!.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (line, column)
    }

    @Test func problemsAreReportedWithTheirPlace() throws {
        var text = Self.caseText("koreanization")
        text = text.replacingOccurrences(of: "  - team: un\n    role: wfp_director", with: "  - team: unn\n    role: wfp_director")
        text = text.replacingOccurrences(of: "ids: [cma_measures, dprk_cma_step, rok_cma_step]", with: "ids: [cma_measure, dprk_cma_step, rok_cma_step]")
        text = text.replacingOccurrences(of: "see: [\"DMZ\", \"JSA\", \"CBM\"]", with: "see: [\"DMZ\", \"JSA\", \"CBMs\"]")
        text = text.replacingOccurrences(of: "\nmemo:\n", with: "\nmemos:\n")
        text = text.replacingOccurrences(of: "{date: \"2016-01-06\", basis: history,", with: "{date: \"2016-01-06\", basis: legend,")
        let ruleset = try Self.ruleset("koreanization")
        let error = try #require(throws: RulesetLoadError.self) { try CasePackage.load(text: text, file: "k.case.yaml", for: ruleset) }
        let byCode = Dictionary(grouping: error.diagnostics, by: \.code)
        func at(_ code: String, _ needle: String) {
            let (line, column) = Self.place(of: needle, in: text)
            #expect(byCode[code]?.contains { $0.line == line && $0.column == column } == true, "\(code) not at \(line):\(column): \(byCode[code] ?? [])")
        }
        at("unknown_team", "unn\n")
        at("unknown_id", "cma_measure,")
        at("unknown_term", "\"CBMs\"")
        at("unknown_key", "memos:")
        at("unknown_basis", "legend")
        #expect(byCode["missing_section"]?.contains { $0.message.contains("\"memo\"") } == true)
        #expect(byCode["missing_brief"]?.contains { $0.message == "team un's role wfp_director has no brief" } == true)
        #expect(error.diagnostics.allSatisfy { $0.file == "k.case.yaml" && $0.description.hasPrefix("k.case.yaml:\($0.line):\($0.column): error: ") })

        let wrong = try #require(throws: RulesetLoadError.self) {
            try CasePackage.load(text: Self.caseText("tutorial"), file: "t.yaml", for: ruleset)
        }
        #expect(wrong.diagnostics.contains { $0.code == "wrong_ruleset" })
    }

    @Test func theReportShowsThePackage() throws {
        let replay = try StoryMatches.tutorial()
        let package = try StoryMatches.casePackage("tutorial", for: replay)
        let html = AfterActionReport(replay: replay, chat: false, views: false, casePackage: package).html()
        #expect(html.contains("<section id=\"case-objectives\">") && html.contains("tragedy of the commons"))
        #expect(html.contains("<section id=\"case-memo\">") && html.contains("<section id=\"case-glossary\""))
        #expect(html.contains("<span class=\"basis invented\">invented for the game</span>"))
        #expect(!html.contains("<section id=\"case-next\""))   // the tutorial has none: the section is optional
        // JSON carries it for the browser.
        let back = try AfterActionReport.decode(json: Array(try AfterActionReport(replay: replay, chat: false, views: false, casePackage: package).json().utf8))
        #expect(back.casePackage == package && back.story?.turningPoints.isEmpty == false)
    }
}

@Suite struct ComparisonTests {
    @Test func twoMatchesOfOneScenarioSideBySide() throws {
        let a = AfterActionReport(replay: try StoryMatches.koreanization(seed: 5), chat: false, views: false)
        let b = AfterActionReport(replay: Replay(log: try MatchLog(bytes: Array(try Fixtures.simulatedLog(seed: 8).text.utf8))), chat: false, views: false)
        let comparison = try Comparison([.init(name: "Room A", report: a), .init(name: "Room B", report: b)])
        let html = comparison.html()
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("Room A") && html.contains("Room B"))
        let publicTracks = a.tracks.filter(\.public).count
        #expect(html.components(separatedBy: "<polyline").count - 1 == 2 * publicTracks)
        #expect(html.contains("stroke-dasharray"))
        for r in [a, b] { #expect(html.contains(HTMLText.escape(r.outcome!.name))) }
        #expect(html.contains("<section id=\"choices\""))
        #expect(html.contains("stopped ROK&#39;s “Ask the 1718 Committee for (or to renew) a six-month exemption”"))   // room A's key choice in turn 1
        let dir = Fixtures.outputDirectory
        try Data(html.utf8).write(to: URL(fileURLWithPath: dir + "/compare.html"))
    }

    @Test func matchesOfDifferentScenariosAreRefused() throws {
        let a = AfterActionReport(replay: try StoryMatches.koreanization(), chat: false, views: false)
        let t = AfterActionReport(replay: try StoryMatches.tutorial(), chat: false, views: false)
        #expect(throws: ReplayError.self) { try Comparison([.init(name: "a", report: a), .init(name: "t", report: t)]) }
        #expect(throws: ReplayError.self) { try Comparison([.init(name: "a", report: a)]) }
    }
}

typealias HTMLText = ArmisticeCase.HTML
