import ArmisticeTestSupport
import Foundation
import Testing

/// What the scenario tools print for a designer's slips (REPORT-designer #9, #10, #14, #15, #16, #17, #20):
/// each says what the matter is and what to type, and `ruleset show` and `simulate` print what can be copied and
/// counted. They run the built binary, as `ScenarioCommandTests` does.
@Suite(.enabled(if: BuiltCommand.available, "needs a built .build/debug/armistice"))
struct CommandMessageTests {
    /// A fresh folder holding `files` (name: text); returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-msg-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = (folder as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let scenario = FollowOnAndHintTests.base

    @Test func checkWithoutRulesetSaysWhatToType() async throws {
        let run = try await ScenarioCommandTests.run(["check", "x.yaml"])
        #expect(run.status == 64)
        #expect(run.err.contains("did you mean `armistice ruleset check x.yaml`?"), "\(run.err)")
        let help = try await ScenarioCommandTests.run(["--help"])
        #expect(!help.out.contains("Did you mean"), "the slips stay out of the help")
    }

    @Test func caseOnAScenarioWithoutOneSaysItHasNone() async throws {
        let folder = try Self.folder(["kessa.yaml": Self.scenario])
        let file = (folder as NSString).appendingPathComponent("kessa.yaml")
        let run = try await ScenarioCommandTests.run(["ruleset", "case", file])
        #expect(run.status == 1)
        #expect(run.err.contains("\(file) has no case package (\(folder)/kessa.case/case.yaml)"), "\(run.err)")
        #expect(run.err.contains("copy rulesets/tutorial.case/"))
        #expect(!run.err.contains("Scenarios live in"))
    }

    @Test func checkingACasePackageNamesItsScenario() async throws {
        let folder = try Self.folder(["kessa.yaml": Self.scenario,
                                      "kessa.case/case.yaml": "format: 1\nruleset: claims_base\ntitle: x\nlearning_objectives: [x]\n"])
        let run = try await ScenarioCommandTests.run(["ruleset", "check", "\(folder)/kessa.case/case.yaml"])
        #expect(run.status == 1)
        #expect(run.err.contains("this is a case package, not a scenario: check its scenario, \(folder)/kessa.yaml"), "\(run.err)")
        #expect(!run.err.contains("needs \"id\""))
    }

    @Test func aCasePackagesMisspeltIdGetsADidYouMean() async throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("rulesets")
        let scenario = try String(contentsOf: root.appendingPathComponent("tutorial.yaml"), encoding: .utf8)
        let package = try String(contentsOf: root.appendingPathComponent("tutorial.case/case.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "ids: [fish_stock, stock_survey]", with: "ids: [fish_stok, stock_survey]")
        let folder = try Self.folder(["tutorial.yaml": scenario, "tutorial.case/case.yaml": package])
        let run = try await ScenarioCommandTests.run(["ruleset", "check", "\(folder)/tutorial.yaml"])
        #expect(run.status == 1)
        #expect(run.err.contains("the scenario has no track, flag, project, action or event \"fish_stok\"; did you mean \"fish_stock\"?"), "\(run.err)")
    }

    @Test func aCasePackagesUntranslatedSourceIsOneItem() async throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("rulesets")
        let scenario = try String(contentsOf: root.appendingPathComponent("tutorial.yaml"), encoding: .utf8)
        let package = try String(contentsOf: root.appendingPathComponent("tutorial.case/case.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "sources:\n", with: "sources:\n  - \"Invented.\"\n")
        let folder = try Self.folder(["tutorial.yaml": scenario, "tutorial.case/case.yaml": package])
        let run = try await ScenarioCommandTests.run(["ruleset", "check", "\(folder)/tutorial.yaml"])
        #expect(run.status == 1)
        #expect(run.err.contains("error: an item of sources has no ko text (\"Invented.\")"), "\(run.err)")
    }

    @Test func showPrintsIdsAsWrittenAndObjectiveConditions() async throws {
        let folder = try Self.folder(["s.yaml": Self.scenario])
        let run = try await ScenarioCommandTests.run(["ruleset", "show", "\(folder)/s.yaml"])
        #expect(run.status == 0)
        #expect(run.out.contains("Calendar: 4 turns, starting 2019-01"), "\(run.out)")
        #expect(!run.out.contains("of one turn"))
        #expect(run.out.contains("  a  A  #112233  budget 2"))
        #expect(run.out.contains("consent of b (veto)"))
        #expect(run.out.contains("  o1  a  x  (3 points)\n      if p == 's2' and not f"))
        #expect(!run.out.contains("  A  A"), "no capitals")
    }

    @Test func simulateShowsADashWhereAShareHasNoDenominator() async throws {
        let folder = try Self.folder(["s.yaml": Self.scenario])
        let run = try await ScenarioCommandTests.run(["simulate", "\(folder)/s.yaml", "--games", "3", "--bots", "idle"])
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("| b |") && $0.hasSuffix("| – |") }, "team b can score nothing: \(run.out)")
        #expect(lines.contains { $0 == "| act | b | 0 | 0 | 0 | – |" }, "a consent never asked")
    }

    @Test func simulateWithAnUnknownVariantIsABadValue() async throws {
        let folder = try Self.folder(["s.yaml": Self.scenario])
        let run = try await ScenarioCommandTests.run(["simulate", "\(folder)/s.yaml", "--variant", "nope", "--games", "1"])
        #expect(run.status == 64)
        #expect(run.err.contains("--variant \"nope\": the scenario has no such variant; it has no variants"), "\(run.err)")
    }

    @Test func practicePauseHelpGivesItsRange() async throws {
        let help = try await ScenarioCommandTests.run(["practice", "--help"])
        #expect(help.out.contains("1 to 600"), "\(help.out)")
    }
}
