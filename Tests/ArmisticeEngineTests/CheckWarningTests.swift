@testable import ArmisticeEngine
import Testing

/// What `ruleset check` warns of: rules that load but can never happen. The file still loads; each warning is
/// located like an error.
@Suite struct CheckWarningTests {
    func replacing(_ old: String, _ new: String) -> String {
        precondition(ValidationTests.base.contains(old), "fixture has no \(old)")
        return ValidationTests.base.replacingOccurrences(of: old, with: new)
    }

    func warnings(_ text: String) throws -> [Diagnostic] {
        try RulesetLoader.load(text: text, file: "mini.yaml").warnings
    }

    /// Action calm's cost and effects, up to the next action (the fixture's two actions are otherwise written alike).
    static let calmAction = "    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk"
    static let finalOutcome = "  - id: any\n    name: Any\n    if: \"true\""
    static let calm = "  - id: calm\n    name: Calm\n    if: \"tension <= 3\"\n"
    static let calmer = "  - id: calmer\n    name: Calmer\n    if: \"tension <= 3 and tension >= 1\"\n"

    @Test func theBaseFileAndBothScenariosHaveNoWarnings() throws {
        #expect(try warnings(ValidationTests.base).isEmpty)
        for name in ["koreanization", "tutorial"] {
            let ruleset = try Fixtures.scenario(name)
            #expect(ruleset.warnings.isEmpty, "\(name): \(ruleset.warnings)")
            for variant in ruleset.variants {
                let v = try RulesetLoader.load(text: try Fixtures.rulesetText(name), file: name, variant: variant.id)
                #expect(v.warnings.isEmpty, "\(name) \(variant.id): \(v.warnings)")
            }
        }
    }

    @Test func aComparisonOutsideTheTracksRangeIsWarnedOfWhereItIsWritten() throws {
        // tension runs 0..10.
        let outcome = try warnings(replacing(Self.finalOutcome, "  - id: war\n    name: War\n    if: \"tension >= 11\"\n" + Self.finalOutcome))
        #expect(outcome.map(\.description) == [
            "mini.yaml:34:10: warning: tension >= 11 in outcome war can never hold: track tension runs from 0 to 10; "
            + "compare with a number inside that range, or widen the track's min or max",
        ])
        let requirement = try warnings(replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk",
                                                 "    cost: 1\n    requires: [{if: \"flag_x or 10 < tension\", reason: R}]\n    effects: [\"tension -= 1\"]\n  - id: talk")
            .replacingOccurrences(of: "tracks:", with: "flags:\n  - {id: flag_x, name: X}\ntracks:"))
        #expect(requirement.map(\.code) == ["never_holds"])
        #expect(requirement.first?.message.hasPrefix("10 < tension in a requirement of action calm can never hold") == true)
        #expect(requirement.first.map { "\($0.line):\($0.column)" } == "27:37", "at the track's name in the expression")
        let objective = try warnings(ValidationTests.base + "\nobjectives:\n  - {id: o, team: red, text: T, if: \"tension == -1\", points: 2}\n")
        #expect(objective.map(\.code) == ["never_holds"])
        // Inside the range, or at its edge, nothing is said.
        #expect(try warnings(replacing(Self.finalOutcome, "  - id: war\n    name: War\n    if: \"tension >= 10 or tension <= 0\"\n" + Self.finalOutcome)).isEmpty)
    }

    static func outcome(_ condition: String) -> String {
        "  - id: war\n    name: War\n    if: \"\(condition)\"\n" + finalOutcome
    }

    @Test func comparisonsJoinedByAndThatNoValueMeetsTogetherAreWarnedOf() throws {
        let found = try warnings(replacing(Self.finalOutcome, Self.outcome("tension >= 8 and tension <= 3")))
        #expect(found.map(\.description) == [
            "mini.yaml:34:10: warning: tension >= 8 and tension <= 3 in outcome war can never both hold: no value of tension is both at least 8 and at most 3; "
            + "one of the two is likely the wrong way round, or meant \"or\"",
        ])
        // Written the other way round, with the number first, or with == inside a longer chain.
        #expect(try warnings(replacing(Self.finalOutcome, Self.outcome("3 >= tension and turn >= 1 and tension == 5"))).first?.message
                == "3 >= tension and tension == 5 in outcome war can never both hold: no value of tension is both at most 3 and 5")
        #expect(try warnings(replacing(Self.finalOutcome, Self.outcome("tension >= 10 and tension <= 0"))).map(\.code) == ["never_holds"])
        // Only one warning when a part can never hold on its own.
        #expect(try warnings(replacing(Self.finalOutcome, Self.outcome("tension >= 11 and tension <= 3"))).map(\.message)
                == ["tension >= 11 in outcome war can never hold: track tension runs from 0 to 10"])
        // Ranges that meet, or comparisons joined by or, or !=, are fine.
        for fine in ["tension >= 3 and tension <= 3", "tension >= 8 or tension <= 3", "tension != 3 and tension == 4", "tension > 2 and tension < 4"] {
            #expect(try warnings(replacing(Self.finalOutcome, Self.outcome(fine))).isEmpty, "\(fine)")
        }
    }

    @Test func aProjectComparedWithAPositionItDoesNotHaveIsWarnedOf() throws {
        let text = Fixtures.small.replacingOccurrences(of: "if: \"bridge == 'open'\", points: 3", with: "if: \"bridge == 9\", points: 3")
        #expect(text != Fixtures.small)
        let found = try RulesetLoader.load(text: text, file: "small.yaml").warnings
        #expect(found.map(\.description) == [
            "small.yaml:54:58: warning: bridge == 9 in objective bridge_open can never hold: project bridge has 3 statuses, at positions 0 to 2; "
            + "compare with a status by name, such as bridge == 'open'",
        ])
        // Its last position, and a status by name, are fine; so is a position at or past the last one the other way.
        for fine in ["bridge == 2", "bridge >= 'open'", "bridge < 3"] {
            let t = Fixtures.small.replacingOccurrences(of: "if: \"bridge == 'open'\", points: 3", with: "if: \"\(fine)\", points: 3")
            #expect(try RulesetLoader.load(text: t, file: "small.yaml").warnings.isEmpty, "\(fine)")
        }
        let crossed = Fixtures.small.replacingOccurrences(of: "if: \"bridge == 'open'\", points: 3", with: "if: \"bridge >= 'open' and bridge < 'building'\", points: 3")
        #expect(try RulesetLoader.load(text: crossed, file: "small.yaml").warnings.map(\.code) == ["never_holds"])
    }

    // MARK: - Placeholders in translations

    @Test func aTranslationThatLeavesOutAPlaceholderIsWarnedOf() throws {
        let text = "languages: [en, ko]\n" + Fixtures.small
            .replacingOccurrences(of: "news: \"{team} builds on the {project}.\"", with: "news: {en: \"{team} builds on the {project}.\", ko: \"{team}이 짓는다.\"}")
        let ruleset = try RulesetLoader.load(text: text, file: "small.yaml")
        let found = ruleset.warnings.filter { $0.code == "missing_placeholder" }
        #expect(found.map(\.message) == ["the ko text of the news of action build leaves out {project}, which the English text has, so ko readers never see that value"])
        #expect(found.first?.hint == "put {project} into the ko text too, where it reads naturally")
        #expect(found.first?.line == 28)
        let kept = "languages: [en, ko]\n" + Fixtures.small
            .replacingOccurrences(of: "news: \"{team} builds on the {project}.\"", with: "news: {en: \"{team} builds on the {project}.\", ko: \"{project}: {team}\"}")
        #expect(try RulesetLoader.load(text: kept, file: "small.yaml").warnings.filter { $0.code == "missing_placeholder" }.isEmpty, "order may change")
    }

    @Test func anOutcomeAfterOneThatAlwaysHoldsOrThatItImpliesIsUnreachable() throws {
        let afterTrue = try warnings(replacing(Self.finalOutcome, Self.finalOutcome + "\n  - id: late\n    name: Late\n    if: \"true\""))
        #expect(afterTrue.map(\.code) == ["unreachable_outcome"])
        #expect(afterTrue.first?.message == "outcome late comes after any, whose condition is always true: it can never be reached, as the first outcome that holds names the ending")
        #expect(afterTrue.first?.hint == "move it above any")
        #expect(afterTrue.first?.line == 37)
        // An outcome that may not hold, after the catch-all: the same warning, not "add a final outcome with if: true".
        let after = ValidationTests().replacing(Self.finalOutcome, Self.finalOutcome + "\n  - id: after_all\n    name: After\n    if: \"tension >= 3\"")
        let late = try warnings(after)
        #expect(late.map(\.message) == ["outcome after_all comes after any, whose condition is always true: it can never be reached, as the first outcome that holds names the ending"])
        let implied = try warnings(replacing(Self.finalOutcome, Self.calm + Self.calmer + Self.finalOutcome))
        #expect(implied.map(\.code) == ["unreachable_outcome"])
        #expect(implied.first?.message.hasPrefix("outcome calmer can never be reached: whenever its condition holds, so does that of outcome calm") == true)
        // The other order is fine: the narrower ending first.
        #expect(try warnings(replacing(Self.finalOutcome, Self.calmer + Self.calm + Self.finalOutcome)).isEmpty)
        // An immediate outcome is checked during play among the immediate ones only, so a plain one does not hide it.
        #expect(try warnings(replacing(Self.finalOutcome, Self.calm + Self.calmer + "    immediate: true\n" + Self.finalOutcome)).isEmpty)
    }

    @Test func anImmediateOutcomeThatAlwaysHoldsEndsEveryGameAtOnce() throws {
        let found = try warnings(replacing(Self.finalOutcome, Self.finalOutcome + "\n    immediate: true"))
        #expect(found.map(\.code) == ["ends_at_once"])
        #expect(found.first?.description.hasPrefix("mini.yaml:34:9: warning: outcome any is immediate and always holds") == true)
    }

    @Test func aTeamThatCannotAffordAnythingAtTheStartIsWarnedOf() throws {
        let zero = try warnings(replacing("    name: Blue\n    budget: 3", "    name: Blue\n    budget: 0"))
        #expect(zero.map(\.description) == [
            "mini.yaml:13:13: warning: team blue starts with a budget of 0, less than its cheapest action (cost 1), so it cannot act on turn 1; "
            + "raise the budget, or give the team an action it can afford",
        ])
        let negative = try warnings(replacing("    name: Blue\n    budget: 3", "    name: Blue\n    budget: \"tension / 5 - 5\""))
        #expect(negative.first?.message == "team blue starts with a budget of -4 (its formula at the start), below 0, so it cannot act on turn 1")
        // A free action can be ordered with nothing left.
        #expect(try warnings(replacing("    name: Blue\n    budget: 3", "    name: Blue\n    budget: 0")
            .replacingOccurrences(of: "    name: Talk\n    cost: 1", with: "    name: Talk\n    cost: 0")).isEmpty)
    }

    @Test func warningsDoNotStopTheFileFromLoading() throws {
        let ruleset = try RulesetLoader.load(text: replacing(Self.finalOutcome, Self.finalOutcome + "\n  - id: late\n    name: Late\n    if: \"true\""),
                                             file: "mini.yaml")
        #expect(ruleset.outcomes.count == 2)
        #expect(ruleset.warnings.allSatisfy { $0.severity == .warning })
    }

    // MARK: - Placeholders in events

    @Test func aPlaceholderInAnEventsTextIsAWarningSayingWhatToWrite() throws {
        let event = "\nevents:\n  - id: notice\n    name: Notice\n    turn: 1\n    news: \"{team} hears that the notice expires.\"\n"
        let found = try RulesetLoader.load(text: ValidationTests.base + event, file: "mini.yaml").warnings
        #expect(found.map(\.code) == ["placeholder_in_event"])
        #expect(found.first?.description == "mini.yaml:39:11: warning: {team} in an event's text is never filled in: an event has no acting team "
                + "and no parameters, so students would read \"{team}\" as written; placeholders work only in an action's news and intel; "
                + "write the team's name itself")
        let intel = "\nevents:\n  - id: notice\n    name: Notice\n    turn: 1\n    intel: [{to: [red], text: \"Tension is {tension}\"}]\n"
        #expect(try RulesetLoader.load(text: ValidationTests.base + intel, file: "mini.yaml").warnings.map(\.code) == ["placeholder_in_event"])
    }

    @Test func anActionsTeamPlaceholderIsStillTheActingTeam() throws {
        let text = replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk",
                             "    cost: 1\n    news: \"{team} calms things\"\n    intel: [{to: [blue], text: \"{team} asks for calm\"}]\n    effects: [\"tension -= 1\"]\n  - id: talk")
        #expect(ValidationTests().diagnostics(text).isEmpty)
    }
}

/// `reveal` works on tracks only; on a flag or a project the error says so instead of suggesting the same name.
@Suite struct RevealOnlyTracksTests {
    @Test(arguments: [("f", "a flag"), ("p", "a project")])
    func revealingAFlagOrAProjectSaysWhatItIs(name: String, kind: String) {
        let text = ValidationTests.base
            .replacingOccurrences(of: "tracks:", with: "flags:\n  - {id: f, name: F, visible: [red]}\nprojects:\n  - {id: p, name: P, statuses: [a, b], visible: [red]}\ntracks:")
            .replacingOccurrences(of: "    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk",
                                  with: "    cost: 1\n    effects: [\"reveal(\(name), blue)\"]\n  - id: talk")
        let found = ValidationTests().diagnostics(text)
        #expect(found.map(\.code) == ["not_a_track"])
        #expect(found.first?.message.hasPrefix("\"\(name)\" is \(kind), not a track, in an effect in the effects of action calm") == true)
        #expect(found.first?.hint?.hasPrefix("reveal and revealed work only on tracks; a hidden flag or project cannot be revealed later") == true)
    }
}

/// One rule for yes/no settings: true/false, yes/no and on/off without quotes; in quotes, read the same with a warning.
@Suite struct BooleanWordsTests {
    func flagStart(_ written: String) -> (Bool?, [Diagnostic]) {
        let text = ValidationTests.base.replacingOccurrences(of: "tracks:", with: "flags:\n  - {id: f, name: F, start: \(written)}\ntracks:")
        do {
            let ruleset = try RulesetLoader.load(text: text, file: "mini.yaml")
            return (ruleset.flags.first?.start, ruleset.warnings)
        } catch { return (nil, error.diagnostics) }
    }

    @Test(arguments: [("true", true), ("yes", true), ("on", true), ("On", true), ("false", false), ("no", false), ("off", false), ("OFF", false)])
    func unquotedWordsAreBooleans(written: String, value: Bool) {
        #expect(flagStart(written).0 == value)
    }

    @Test(arguments: [("\"no\"", false), ("'yes'", true), ("\"true\"", true), ("\"off\"", false)])
    func quotedWordsAreReadWithAWarning(written: String, value: Bool) {
        let (read, found) = flagStart(written)
        #expect(read == value)
        #expect(found.map(\.code) == ["quoted_boolean"])
        #expect(found.first?.severity == .warning && found.first?.message.contains("in quotes") == true)
        #expect(found.first?.hint == "write \(value) without quotes")
    }

    @Test func anythingElseIsAnError() {
        #expect(flagStart("maybe").1.map(\.code) == ["wrong_type"])
    }
}

/// Numbers that load but cannot be what the author meant: a number in quotes, a division by a written 0 (always 0),
/// an effect that adds or subtracts 0 (changes nothing). Warnings, located where they are written; the file still
/// loads and plays as before.
@Suite struct WrittenNumberWarningTests {
    /// The base file with action calm's (the first action's) cost and effects written as given.
    func load(cost: String = "1", effects: String = "tension -= 1") throws -> Ruleset {
        try load(CheckWarningTests.calmAction, "    cost: \(cost)\n    effects: [\"\(effects)\"]\n  - id: talk")
    }

    func load(_ old: String, _ new: String) throws -> Ruleset {
        try RulesetLoader.load(text: CheckWarningTests().replacing(old, new), file: "mini.yaml")
    }

    @Test func aQuotedNumberIsReadAsTheNumberWithAWarning() throws {
        let ruleset = try load(cost: "\"2\"")
        #expect(ruleset.actions.first { $0.id == "calm" }?.cost == 2)
        #expect(ruleset.warnings.map(\.code) == ["quoted_number"])
        #expect(ruleset.warnings.first?.message.contains("in quotes, read as the number 2") == true)
        #expect(ruleset.warnings.first?.hint == "write 2 without quotes")
    }

    @Test func aDivisionByAWrittenZeroIsWarnedOf() throws {
        let effect = try load(effects: "tension -= tension / 0")
        #expect(effect.warnings.map(\.code) == ["divides_by_zero"])
        #expect(effect.warnings.first?.message == "an effect in the effects of action calm divides by 0, which always gives 0")
        let condition = try load(CheckWarningTests.finalOutcome, CheckWarningTests.outcome("tension % 0 == 0"))
        #expect(condition.warnings.map(\.code) == ["divides_by_zero"])
        // A division by a number that may be 0 when played is not a written 0.
        #expect(try load(effects: "tension -= 10 / tension").warnings.isEmpty)
    }

    @Test func anEffectThatAddsOrSubtractsZeroIsWarnedOf() throws {
        let minus = try load(effects: "tension -= 0")
        #expect(minus.warnings.map(\.description) == [
            "mini.yaml:25:15: warning: an effect in the effects of action calm subtracts 0, so it changes nothing; write the amount, or remove the line",
        ])
        #expect(try load(effects: "tension += 0").warnings.first?.message.contains("adds 0") == true)
        // Setting a track to 0 changes it.
        #expect(try load(effects: "tension = 0").warnings.isEmpty)
    }
}

/// A number a scenario cannot hold, and YAML nested past libyaml's limit, are said in the author's terms (outside
/// tester qa10, C3 and C4: `budget: 1e308` read "a name cannot start with a digit", `.nan` "unexpected character",
/// deep nesting named libyaml's C function).
@Suite struct NotAWholeNumberTests {
    /// An expression field (a team's budget may be one too, as the tester wrote it) holding `number`.
    func error(number: String) throws -> Diagnostic {
        let text = CheckWarningTests().replacing(CheckWarningTests.calmAction, "    cost: 1\n    effects: [\"tension -= \(number)\"]\n  - id: talk")
        let error = try #require(throws: RulesetLoadError.self) { try RulesetLoader.load(text: text, file: "mini.yaml") }
        return try #require(error.diagnostics.first)
    }

    @Test(arguments: ["1e308", "2E+5", "1.5"])
    func aFractionOrAnExponentIsNotAWholeNumber(_ cost: String) throws {
        let d = try error(number: cost)
        #expect(d.message.contains("numbers are whole numbers: no fractions or exponents"), "\(d)")
        #expect(d.hint?.hasPrefix("write a whole number within ±") == true, "\(d)")
    }

    @Test(arguments: [".nan", ".inf"])
    func yamlsNotANumberIsSaidSo(_ cost: String) throws {
        let d = try error(number: cost)
        #expect(d.message.contains("numbers are whole numbers (no fractions, .nan or .inf)"), "\(d)")
    }

    @Test func nestingPastTheLimitNamesTheLimitNotLibyaml() {
        let text = "id: deep\nx: " + String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100) + "\n"
        let found: [Diagnostic]
        do { _ = try RulesetLoader.load(text: text, file: "deep.yaml"); found = [] } catch { found = error.diagnostics }
        let d = found.first
        #expect(d?.message == "YAML: lists and maps are nested more than 1000 levels deep here", "\(found)")
        #expect(d.map { !$0.description.contains("yaml_set_max_nest_level") } == true)
    }
}
