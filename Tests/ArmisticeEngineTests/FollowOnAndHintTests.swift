@testable import ArmisticeEngine
import Testing

/// The error messages an outside designer found wanting (REPORT-designer #8, #11, #12, #13): no follow-on error
/// after the real one and never an empty list, hints in the file's own names, and each message naming its item.
@Suite struct FollowOnAndHintTests {
    static let base = """
    format: 1
    id: claims_base
    title: "Claims test"
    version: 1.10
    calendar: {turns: 4, start: "2019-01", months_per_turn: 3}
    phases: {briefing: 86400, negotiation: 24h, orders: 1440m}
    teams:
      - {id: a, name: "A", colour: "#112233", budget: 2}
      - {id: b, name: "B", colour: "#445566", budget: 1}
    tracks:
      - {id: t, name: "T", min: 0, max: 10, start: 4}
    flags:
      - {id: f, name: "F"}
    projects:
      - {id: p, name: "P", statuses: [s0, s1, s2]}
    actions:
      - id: act
        team: [a]
        name: "Act"
        cost: 1
        params: [{id: who, type: team, of: [b]}, {id: n, type: number, min: 1, max: 3}]
        effects:
          - "t += $n"
          - if: "$who == b"
            then: ["f = true"]
        news: "{team} acts on {who} with {n}"
        consent: {from: [b]}
      - {id: wait, team: b, name: "Wait", cost: 0}
    objectives:
      - {id: o1, team: a, text: "x", if: "p == 's2' and not f", points: 3}
    outcomes:
      - {id: end, name: "End", if: "true"}

    """

    func replacing(_ old: String, _ new: String) -> String {
        let text = Self.base.replacingOccurrences(of: old, with: new)
        #expect(text != Self.base, "the fixture has \(old)")
        return text
    }

    func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try RulesetLoader.load(text: text, file: "claims.yaml")
            Issue.record("the file loaded")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func theFixtureLoads() throws {
        _ = try RulesetLoader.load(text: Self.base, file: "claims.yaml")
    }

    // MARK: - #11 follow-on errors

    @Test func aProjectWithOneStatusIsReportedOnceWithoutAnEmptyList() {
        let found = problems(replacing("statuses: [s0, s1, s2]", "statuses: [s0]"))
        #expect(found.map(\.code) == ["bad_statuses"])
        #expect(!found.contains { $0.description.hasSuffix("are ") })
    }

    @Test func aMissingTeamsSectionIsNotFollowedByAnUnknownTeamForEveryUse() {
        let found = problems(replacing("teams:\n", "teamz:\n"))
        #expect(found.count == 2, "the missing teams and the misspelt key only: \(found)")
        #expect(!found.contains { $0.code == "unknown_team" || $0.code == "no_choices" || $0.code == "unknown_name" })
        #expect(!found.contains { $0.description.hasSuffix("are ") })
    }

    @Test func aTeamWhoseIdIsRefusedIsNotAlsoSaidToHaveNoActions() {
        let found = problems(replacing("- {id: b, name: \"B\"", "- {id: all, name: \"B\""))
        #expect(found.contains { $0.code == "reserved_id" })
        #expect(!found.contains { $0.code == "team_without_actions" }, "\(found)")
    }

    @Test func aMisspeltMapTrackIsNotAlsoSaidToShowNothing() {
        let map = """
        map:
          box: [0, 0, 100, 100]
          places:
            - {id: delta, name: "Delta", at: [10, 10], track: tt, states: {0: "dry", 10: "wet"}}

        """
        let found = problems(Self.base + map)
        #expect(found.map(\.code) == ["unknown_track"])
        #expect(found.first?.hint == "did you mean \"t\"?")
    }

    // MARK: - #12 hints

    @Test func aStatusHintUsesTheFilesOwnProject() {
        let wrong = problems(replacing("\"t += $n\"", "\"t = 'high' + 1\""))
        #expect(wrong.first?.hint == "write for example p == 's2'")
        let right = problems(replacing("\"t += $n\"", "\"t = 's1' + 1\""))
        #expect(right.first?.hint == "write for example p == 's1'")
        #expect(!(wrong + right).contains { $0.hint?.contains("rail_road") == true })
    }

    @Test func anUnknownNameComparedWithATeamSuggestsATeam() {
        let found = problems(replacing("if: \"$who == b\"", "if: \"$who == bb\""))
        #expect(found.map(\.code) == ["unknown_team"])
        #expect(found.first?.hint == "did you mean \"b\"? the teams are a, b")
        let left = problems(replacing("if: \"$who == b\"", "if: \"nobody == $who\""))
        #expect(left.first?.message.hasPrefix("unknown team \"nobody\"") == true)
        #expect(left.first?.hint == "the teams are a, b")
    }

    @Test func aShortUnknownNameIsNotTakenForAOneLetterTeam() {
        let found = problems(replacing("if: \"$who == b\"", "if: \"$who == zz\""))
        #expect(found.first?.hint == "the teams are a, b", "zz is no misspelling of a")
    }

    @Test func aParameterWhoseOnlyChoiceIsUnknownIsNotAlsoSaidToHaveNoChoices() {
        let found = problems(replacing("{id: who, type: team, of: [b]}", "{id: who, type: team, of: [c]}"))
        #expect(found.map(\.code) == ["unknown_team"])
        #expect(found.first?.message == "unknown team \"c\" in the choices of parameter who of action act")
    }

    @Test func aListWithInSaysThereAreNoLists() {
        let found = problems(replacing("if: \"p == 's2' and not f\"", "if: \"p in ['s1', 's2']\""))
        #expect(found.map(\.code) == ["syntax"])
        #expect(found.first?.hint == "there are no lists and no \"in\": write p == 's1' or p == 's2'")
    }

    @Test func aBasicNotEqualSaysWriteBangEquals() {
        let found = problems(replacing("if: \"p == 's2' and not f\"", "if: \"t <> 3\""))
        #expect(found.first?.message == "\"<>\" is not an operator in objective o1")
        #expect(found.first?.hint == "write \"!=\"")
    }

    // MARK: - #8 durations

    @Test func aDurationOverTheLimitIsSaidToBeTooLong() {
        for (written, shown) in [("24h", "48h"), ("86400", "86401"), ("1440m", "99999999999999999h")] {
            let found = problems(replacing("\(written)", shown))
            #expect(found.map(\.code) == ["bad_duration"])
            #expect(found.first?.message.hasSuffix("is \(shown), but must be at most 24h") == true, "\(found)")
        }
        let notOne = problems(replacing("24h", "5 minutes"))
        #expect(notOne.first?.message == "the duration of negotiation \"5 minutes\" is not a duration")
    }

    // MARK: - #18 rules that load but do nothing

    func warnings(_ text: String) throws -> [Diagnostic] { try RulesetLoader.load(text: text, file: "claims.yaml").warnings }

    @Test func aConsentFromNoTeamIsWarnedOf() throws {
        let found = try warnings(replacing("consent: {from: [b]}", "consent: {from: []}"))
        #expect(found.map(\.code) == ["empty_consent"])
        #expect(found.first?.message == "the consent of action act is from no team, so it is never asked")
    }

    @Test func repeatOnAScriptedEventIsWarnedOf() throws {
        let found = try warnings(Self.base.replacingOccurrences(of: "objectives:\n", with: "events:\n  - {id: e1, name: \"E1\", turn: [1, 3], repeat: true}\nobjectives:\n"))
        #expect(found.map(\.code) == ["repeat_ignored"])
        #expect(found.first?.message == "repeat: true has no effect on scripted event e1: it happens on every turn it lists")
        let no = try warnings(Self.base.replacingOccurrences(of: "objectives:\n", with: "events:\n  - {id: e1, name: \"E1\", turn: 2, repeat: false}\nobjectives:\n"))
        #expect(no.isEmpty, "repeat: false says nothing a scripted event does not do (a variant's turn: can make a base event scripted)")
    }

    @Test func aComparisonOfTwoDifferentTeamsIsWarnedOf() throws {
        let found = try warnings(replacing("if: \"$who == b\"", "if: \"a == b\""))
        #expect(found.map(\.code) == ["never_holds"])
        #expect(found.first?.message.contains("two fixed values") == true)
        #expect(try warnings(replacing("if: \"$who == b\"", "if: \"a != b\"")).isEmpty, "always true is not warned of here")
    }

    // MARK: - #13 which item

    @Test func messagesNameTheirItem() {
        #expect(problems(replacing("consent: {from: [b]}", "consent: {from: [bb]}")).first?.message
                == "unknown team \"bb\" in the consent of action act")
        #expect(problems(replacing("with {n}", "with {m}")).first?.message == "unknown placeholder {m} in the news of action act")
        #expect(problems(replacing("budget: 1}", "budget: 1001}")).first?.message
                == "the budget of team b is 1001, but must be between 0 and 1000")
        #expect(problems(replacing("min: 1, max: 3", "min: 3, max: 1")).first?.message == "parameter n of action act has max 1 below min 3")
        let repeated = problems(replacing("{id: n, type: number", "{id: who, type: number"))
        #expect(repeated.first?.message == "action act has two parameters with id \"who\"")
        let many = problems(replacing("{id: n, type: number, min: 1, max: 3}]",
                                      "{id: n, type: number, min: 1, max: 3}, {id: x, type: number}, {id: y, type: number}]"))
        #expect(many.first?.message == "action act has 4 params, but may have at most 3")
        #expect(many.first?.hint?.isEmpty == false)
        #expect(problems(replacing("points: 3", "points: 300")).first?.message == "the points of objective o1 are 300, but must be between -100 and 100")
    }
}
