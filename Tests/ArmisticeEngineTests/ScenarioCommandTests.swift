import ArmisticeTestSupport
import Foundation
import Testing

/// `armistice ruleset check` and `armistice simulate` as an instructor runs them: what they print and how they exit.
/// They run the built binary (`swift build --build-tests` builds it).
@Suite(.enabled(if: BuiltCommand.available, "needs a built .build/debug/armistice"))
struct ScenarioCommandTests {
    static let binary = BuiltCommand.binary

    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs the command and waits for it off the cooperative pool (`ChildProcess`).
    static func run(_ arguments: [String]) async throws -> Run {
        let finished = try await ChildProcess.run(binary, arguments)
        return Run(status: finished.status, out: finished.out, err: finished.err)
    }

    /// Writes `text` to a fresh file and returns its path.
    static func file(_ text: String, _ name: String = "scenario.yaml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Two teams; the file pins blue's bot to greedy.
    static let pinned = ValidationTests.base + "\nbots: {blue: greedy}\n"

    @Test func theFilesBotsNamesTheTeamsWhoseBotsChoiceItReplaces() async throws {
        let path = try Self.file(Self.pinned)
        let idle = try await Self.run(["simulate", path, "--games", "5", "--bots", "idle"])
        #expect(idle.status == 0)
        #expect(idle.err.contains("Note: the file's bots: wins over --bots for blue=greedy (not idle); to play your choice, add --policy blue=idle"))
        #expect(idle.out.contains("bots: red=idle blue=greedy"))
        // No note without --bots, or when --policy already decides, or when the choices agree.
        for arguments in [[String](), ["--bots", "idle", "--policy", "blue=idle"], ["--bots", "idle,greedy"]] {
            #expect(try await Self.run(["simulate", path, "--games", "5"] + arguments).err.isEmpty, "\(arguments)")
        }
    }

    @Test func badSimulateValuesAllExitWithTheUsageStatus() async throws {
        let path = try Self.file(ValidationTests.base)
        let negative = try await Self.run(["simulate", path, "--games", "-5"])
        let zero = try await Self.run(["simulate", path, "--games", "0"])
        #expect(negative.status == 64 && zero.status == 64)
        #expect(negative.err.contains("--games must be between 1 and 1000000"))
        #expect(!negative.err.contains("Missing value"))
        #expect(zero.err.contains("--games must be between 1 and 1000000"))
        #expect(try await Self.run(["simulate", path, "--bots", "greedy,greedy,greedy"]).status == 64, "a wrong number of bots")
        #expect(try await Self.run(["simulate", path, "--bots", "clever"]).status == 64, "an unknown bot")
        #expect(try await Self.run(["simulate", path, "--policy", "green=idle"]).status == 64, "an unknown team")
    }

    @Test func theHelpShowsTheDefaults() async throws {
        let help = try await Self.run(["simulate", "--help"]).out
        #expect(help.contains("default: 1)"), "the seed's default")
        #expect(help.contains("(default: 1000)"))
    }

    @Test func aVariantsErrorSaysTheVariantWasNotLoadedAndTheBaseIsOK() async throws {
        let text = ValidationTests.base + """

            variants:
              - id: short
                name: Short
                override:
                  calendar: {turns: 0}
            """
        let path = try Self.file(text)
        let check = try await Self.run(["ruleset", "check", path])
        #expect(check.status == 1)
        #expect(check.out.contains("\(path): ok"))
        #expect(check.err.contains("\(path) (variant short): 1 error; the variant was not loaded (the base rules are ok)"))
        #expect(!check.err.contains("nothing was loaded"))
    }

    @Test func showPrintsEachEventsTriggerAndCondition() async throws {
        let path = try Self.file(ValidationTests.base + """

            events:
              - {id: flare, name: Flare, trigger: "tension >= 8", repeat: true}
              - {id: storm, name: Storm, weight: 2, if: "turn >= 2"}
            """)
        let show = try await Self.run(["ruleset", "show", path])
        #expect(show.status == 0)
        #expect(show.out.contains("  flare  Flare  (triggered, repeats)\n      trigger tension >= 8\n"))
        #expect(show.out.contains("  storm  Storm  (random, weight 2)\n      if turn >= 2\n"))
    }

    @Test func checkingAFolderReportsTwoFilesWithOneID() async throws {
        let first = try Self.file(ValidationTests.base, "mini.yaml")
        let folder = (first as NSString).deletingLastPathComponent
        let copy = folder + "/mini_copy.yaml"
        try ValidationTests.base.write(toFile: copy, atomically: true, encoding: .utf8)
        let check = try await Self.run(["ruleset", "check", folder])
        #expect(check.status == 1)
        #expect(check.out.contains("\(first): ok") && check.out.contains("\(copy): ok"), "each file is checked")
        #expect(check.err.contains("\(copy): error: scenario id \"mini\" is also the id of \(first); a server reading both loads only the first by file name"))
        // Several files given by name: the same.
        #expect(try await Self.run(["ruleset", "check", first, copy]).status == 1)
        // One file: a warning naming the other in its folder, and the check passes.
        let one = try await Self.run(["ruleset", "check", copy])
        #expect(one.status == 0)
        #expect(one.err.contains("\(copy): warning: scenario id \"mini\" is also the id of \(first) in the same folder; a server reading that folder loads only \(first)"))
    }

    /// qa9 W6: a file that cannot load (here its variant cannot, which is enough; it sorts first) is skipped by a server,
    /// so the file kept is the first by name that loads; the check of one file and of the folder say so.
    @Test func checkingOneFileNamesTheFileAServerWouldKeepSkippingABrokenOne() async throws {
        let good = try Self.file(ValidationTests.base, "mini.yaml")
        let folder = (good as NSString).deletingLastPathComponent
        let broken = folder + "/a_broken.yaml"
        try (ValidationTests.base + "\nvariants:\n  - id: short\n    name: Short\n    override: {calendar: {turns: 0}}\n").write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(try await Self.run(["ruleset", "check", broken]).status == 1, "the copy really is broken")
        let one = try await Self.run(["ruleset", "check", good])
        #expect(one.status == 0)
        #expect(one.err.contains("\(good): warning: scenario id \"mini\" is also the id of \(broken) in the same folder; a server reading that folder "
                                 + "loads only \(good) (the first by file name that loads) and skips the other"), "\(one.err)")
        // The folder: the broken file is an error of its own, not a second copy the server keeps.
        let all = try await Self.run(["ruleset", "check", folder])
        #expect(!all.err.contains("is also the id of"), "\(all.err)")
    }

    @Test func showPrintsTheBudgetFormulaAndEachOutcomesConditionAndClaims() async throws {
        let path = try Self.file("languages: [en, ko]\n" + ValidationTests.base
            .replacingOccurrences(of: "    name: Blue\n    budget: 3", with: "    name: {en: Blue, ko: 파랑}\n    budget: \"2 + tension / 5\"")
            .replacingOccurrences(of: "    name: Red\n", with: "    name: {en: Red, ko: 빨강}\n")
            .replacingOccurrences(of: "    name: Tension\n", with: "    name: {en: Tension, ko: 긴장}\n")
            .replacingOccurrences(of: "    name: Calm\n", with: "    name: {en: Calm, ko: 진정}\n")
            .replacingOccurrences(of: "    name: Talk\n", with: "    name: {en: Talk, ko: 대화}\n")
            .replacingOccurrences(of: "  - id: any\n    name: Any\n    if: \"true\"",
                                  with: "  - id: calm_end\n    name: {en: Calm end, ko: 평온}\n    if: \"tension <= 2\"\n    claims: \"tension < 5\"\n  - id: any\n    name: {en: Any, ko: 기타}\n    if: \"true\""))
        let show = try await Self.run(["ruleset", "show", path])
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("  blue  Blue  #777777  budget 2 + tension / 5  (a formula, worked out each turn)"))
        #expect(show.out.contains("  red  Red  #777777  budget 3\n"))
        #expect(show.out.contains("  1. calm_end  Calm end\n      if tension <= 2\n      claims tension < 5\n  2. any  Any\n      if true"))
        let korean = try await Self.run(["ruleset", "show", path, "--lang", "ko"])
        #expect(korean.out.contains("  blue  파랑  #777777  budget 2 + tension / 5"))
        #expect(korean.out.contains("  1. calm_end  평온\n"))
        let french = try await Self.run(["ruleset", "show", path, "--lang", "fr"])
        #expect(french.status == 1)
        #expect(french.err.contains("is written in en, ko, not \"fr\"; give --lang en or --lang ko"))
    }

    @Test func simulateSaysWhenAMaximumIsTheBestSeen() async throws {
        let path = try Self.file(ValidationTests.base + "\nobjectives:\n  - {id: calm_score, team: red, text: Calm, score: \"10 - tension\"}\n")
        let sim = try await Self.run(["simulate", path, "--games", "20"])
        #expect(sim.status == 0)
        #expect(sim.out.contains("(*) The maximum includes the best value seen in these 20 games of the score objective calm_score, not a bound worked out from the rules"))
        #expect(try await Self.run(["simulate", try Self.file(ValidationTests.base), "--games", "5"]).out.contains("(*)") == false, "no note without a score objective")
    }

    @Test func warningsArePrintedAndTheCheckStillPasses() async throws {
        let path = try Self.file(ValidationTests.base.replacingOccurrences(of: "    name: Blue\n    budget: 3", with: "    name: Blue\n    budget: 0"))
        let check = try await Self.run(["ruleset", "check", path])
        #expect(check.status == 0)
        #expect(check.out.contains("\(path): ok (with 1 warning)"))
        #expect(check.err.contains("\(path):13:13: warning: team blue starts with a budget of 0"))
    }
}

/// Where the built command is.
enum BuiltCommand {
    static let binary = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/armistice").path
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary) }
}
