@testable import ArmisticeEngine
import Testing

/// Every class of problem in a ruleset file is reported with its code, line and column, all at once.
@Suite struct ValidationTests {
    /// A valid base file; each test changes one line.
    static let base = """
    format: 1
    id: mini
    title: Mini
    version: "1"
    calendar:
      turns: 2
    teams:
      - id: red
        name: Red
        budget: 3
      - id: blue
        name: Blue
        budget: 3
    tracks:
      - id: tension
        name: Tension
        min: 0
        max: 10
        start: 5
    actions:
      - id: calm
        team: red
        name: Calm
        cost: 1
        effects: ["tension -= 1"]
      - id: talk
        team: blue
        name: Talk
        cost: 1
        effects: ["tension -= 1"]
    outcomes:
      - id: any
        name: Any
        if: "true"
    """

    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try RulesetLoader.load(text: text, file: "mini.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.base.contains(old), "fixture has no \(old)")
        return Self.base.replacingOccurrences(of: old, with: new)
    }

    @Test func theBaseFileLoads() throws {
        let ruleset = try RulesetLoader.load(text: Self.base, file: "mini.yaml")
        #expect(ruleset.teams.count == 2)
        #expect(ruleset.sourceHash.count == 64)
    }

    @Test(arguments: [
        // (old text, new text, code, line, column)
        ("effects: [\"tension -= 1\"]\n  - id: talk", "effects: [\"tenson -= 1\"]\n  - id: talk", "unknown_name", 25, 16),
        ("if: \"true\"", "if: \"tension\"", "type_mismatch", 34, 10),
        ("    budget: 3\n  - id: blue", "    budgt: 3\n  - id: blue", "unknown_key", 10, 5),
        ("format: 1", "format: 2", "unsupported_format", 1, 9),
        ("  - id: blue", "  - id: red", "duplicate_id", 11, 9),
        ("  - id: talk", "  - id: tension", "duplicate_id", 26, 9),
        ("  - id: calm", "  - id: Calm!", "bad_id", 21, 9),
        ("    start: 5", "    start: 50", "out_of_range", 19, 12),
        ("    max: 10", "    max: 0", "bad_range", 18, 10),
        ("    team: red", "    team: green", "unknown_team", 22, 11),
        ("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk", "    cost: lots\n    effects: [\"tension -= 1\"]\n  - id: talk", "wrong_type", 24, 11),
        ("    name: Any\n    if: \"true\"", "    name: Any\n    if: \"tension > 3\"", "no_final_outcome", 32, 5),
        ("  turns: 2", "  turns: 0", "out_of_range", 6, 10),
        ("title: Mini", "title: [Mini", "yaml", 4, 8),
        ("    team: red", "    team: turn", "reserved_id", 0, 0),
    ] as [(String, String, String, Int, Int)])
    func eachProblemIsLocated(old: String, new: String, code: String, line: Int, column: Int) {
        let found = diagnostics(replacing(old, new))
        let match = found.first { $0.code == code || (code == "reserved_id" && $0.code == "unknown_team") }
        #expect(match != nil, "expected \(code), got \(found)")
        if let match, line > 0 {
            #expect(match.line == line && match.column == column, "\(match)")
            #expect(match.description.hasPrefix("mini.yaml:\(line):\(column): error: "))
        }
    }

    @Test func unknownTrackSuggestsTheRightName() {
        let found = diagnostics(replacing("effects: [\"tension -= 1\"]\n  - id: talk", "effects: [\"tenson -= 1\"]\n  - id: talk"))
        #expect(found.map(\.description) == ["mini.yaml:25:16: error: unknown track, flag or project \"tenson\" in an effect in the effects of action calm; did you mean \"tension\"?"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        var text = replacing("format: 1", "format: 3")
        text = text.replacingOccurrences(of: "    start: 5", with: "    start: 99")
        text = text.replacingOccurrences(of: "    team: red", with: "    team: rd")
        text = text.replacingOccurrences(of: "effects: [\"tension -= 1\"]\n  - id: talk", with: "effects: [\"tension -= true\"]\n  - id: talk")
        let found = diagnostics(text)
        #expect(Set(found.map(\.code)) == ["unsupported_format", "out_of_range", "unknown_team", "type_mismatch", "team_without_actions"])
        #expect(found.map(\.line) == found.map(\.line).sorted())
        #expect(found.first { $0.code == "unknown_team" }?.hint == "did you mean \"red\"?")
    }

    @Test func missingKeysAndEmptyFilesAreReported() {
        #expect(diagnostics("").map(\.code) == ["empty"])
        #expect(diagnostics("- a\n- b").first?.code == "wrong_type")
        let found = diagnostics("format: 1\nid: x\n")
        #expect(found.filter { $0.code == "missing_key" }.count == 7)
    }

    @Test func eventsNeedExactlyOneKind() {
        let text = Self.base + "\nevents:\n  - id: both\n    name: Both\n    turn: 1\n    weight: 2\n"
        #expect(diagnostics(text).map(\.code) == ["event_kind"])
    }

    @Test func teamsWithoutActionsAndSelfConsentAreRejected() {
        var text = replacing("    team: blue\n", "    team: red\n")
        #expect(diagnostics(text).map(\.code) == ["team_without_actions"])
        text = replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk", "    cost: 1\n    consent: {from: [red]}\n    effects: [\"tension -= 1\"]\n  - id: talk")
        #expect(diagnostics(text).map(\.code) == ["self_consent"])
    }

    @Test func unknownPlaceholdersInNewsAreRejected() {
        let text = replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk", "    cost: 1\n    news: \"{tem} calms things\"\n    effects: [\"tension -= 1\"]\n  - id: talk")
        let found = diagnostics(text)
        #expect(found.map(\.code) == ["unknown_placeholder"])
        #expect(found.first?.hint == "did you mean \"team\"?")
    }

    @Test func hostileInputNeverCrashes() {
        let inputs = ["\u{0}", "{", "[[[[", "format: [1", String(repeating: "a: ", count: 1000), "&a [*a]", "!!binary xyz",
                      Self.base.replacingOccurrences(of: "\n", with: "\n\t")]
        for input in inputs { #expect(!diagnostics(input).isEmpty) }
    }

    @Test func bothScenariosLoadCleanly() throws {
        let korea = try Fixtures.scenario("koreanization")
        #expect(korea.teams.map(\.id) == ["dprk", "rok", "usa", "un"])
        #expect(korea.tracks.count >= 12)
        #expect(korea.events.count >= 10)
        for t in korea.teams.indices { #expect(korea.actions.filter { $0.teams.contains(t) }.count >= 6) }
        for t in korea.teams.indices { #expect(korea.objectives.contains { $0.team == t }) }
        #expect(korea.objectives.contains { $0.team == nil })
        #expect(korea.outcomes.contains { $0.id.contains("worst") })
        let tutorial = try Fixtures.scenario("tutorial")
        let koreaNames = Set(korea.teams.map(\.id) + korea.tracks.map(\.id) + korea.actions.map(\.id) + korea.events.map(\.id))
        let tutorialNames = Set(tutorial.teams.map(\.id) + tutorial.tracks.map(\.id) + tutorial.actions.map(\.id) + tutorial.events.map(\.id))
        #expect(koreaNames.isDisjoint(with: tutorialNames))
    }
}
