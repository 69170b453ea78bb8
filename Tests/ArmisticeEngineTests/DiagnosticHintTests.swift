@testable import ArmisticeEngine
import Testing

/// Mistakes a designer makes, each reported where it is with a message that names the real cause (not a symptom of
/// it), and with no follow-on errors.
@Suite struct DiagnosticHintTests {
    let validation = ValidationTests()

    /// The problems of a text that must not load (none if it loads).
    func problems(_ text: String, file: String = "small.yaml", variant: String? = nil) -> [Diagnostic] {
        do {
            _ = try RulesetLoader.load(text: text, file: file, variant: variant)
            Issue.record("\(file) loaded")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func line(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    @Test func anUnquotedColourIsSaidToBeAComment() {
        let found = validation.diagnostics(validation.replacing("    name: Red\n", "    name: Red\n    colour: #28b463\n"))
        #expect(found.map(\.code) == ["bad_colour"])
        #expect(found.first?.line == 10)
        #expect(found.first?.message == "colour is empty: in YAML an unquoted # starts a comment")
        #expect(found.first?.hint == "quote it: colour: \"#28b463\"")
        let wrong = validation.diagnostics(validation.replacing("    name: Red\n", "    name: Red\n    colour: red\n"))
        #expect(wrong.first?.message == "colour \"red\" is not a colour")
    }

    @Test func aReversedComparisonSuggestsTheRightOne() {
        for (written, meant) in [("=>", ">="), ("=<", "<=")] {
            let found = validation.diagnostics(validation.replacing("if: \"true\"", "if: \"tension \(written) 6 or true\""))
            #expect(found.map(\.code) == ["syntax"])
            #expect(found.first?.message == "\"\(written)\" is not an operator in outcome any")
            #expect(found.first?.hint == "write \"\(meant)\"")
        }
        let assigns = validation.diagnostics(validation.replacing("if: \"true\"", "if: \"tension = 6 or true\""))
        #expect(assigns.first?.hint == "write \"==\"")
    }

    @Test func anUnquotedStatusIsSaidToNeedQuotes() throws {
        let text = Fixtures.small.replacingOccurrences(of: "if: \"bridge == 'open'\", points: 3", with: "if: \"bridge == open\", points: 3")
        #expect(text != Fixtures.small)
        let found = problems(text)
        #expect(found.map(\.code) == ["unknown_name"])
        #expect(found.first?.message == "unknown name \"open\" (a status of project bridge needs quotes) in objective bridge_open")
        #expect(found.first?.hint == "write it as a string: 'open'")
    }

    @Test func aListItemThatLostItsDashIsPointedAt() {
        let text = validation.replacing("  - id: talk\n", "\n    id: talk\n")
        let found = validation.diagnostics(text)
        #expect(found.map(\.code) == ["duplicate_key"])
        let d = found.first
        #expect(d?.line == line(of: "    id: talk", in: text), "at the item that lost its dash, not the one before")
        #expect(d?.message == "keys appear twice in one list item: cost, effects, id, name, team; the item starting here may have lost its \"- \"")
        // One repeated key in a mapping is still reported at its first place, as before.
        let once = validation.diagnostics(validation.replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk",
                                                               "    cost: 1\n    cost: 2\n    effects: [\"tension -= 1\"]\n  - id: talk"))
        #expect(once.first?.message == "keys appear twice: cost")
    }

    @Test func aMistypedVariantIDSaysItAddsANewItem() {
        let text = VariantTests.text.replacingOccurrences(of: "- {id: opening, turn: 2}", with: "- {id: openin, turn: 2}")
        let missing = problems(text, file: "v.yaml", variant: "class-50").filter { $0.code == "missing_key" }
        #expect(missing.map(\.message) == ["event openin needs \"name\": the base file has no event openin (did you mean opening?), so the variant adds it as a new event"])
        #expect(missing.first?.hint == "an unknown id adds a new item, which needs all its fields; to change a base item, use its id")
        #expect(missing.first?.line == line(of: "{id: openin, turn: 2}", in: text))
        #expect(problems(VariantTests.text, file: "v.yaml", variant: "hawkish").map(\.description)
                == ["v.yaml (variant hawkish): error: no variant \"hawkish\"; the variants are class-50, no-levels"])
    }

    @Test func aMistypedMergeIDIsOneErrorNamingEveryMissingKey() {
        let text = VariantTests.text.replacingOccurrences(of: "- {id: trust, start: 70}", with: "- {id: trus, start: 70}")
        let missing = problems(text, file: "v.yaml", variant: "class-50").filter { $0.code == "missing_key" }
        #expect(missing.map(\.message) == ["track trus needs \"name\", \"min\", \"max\": the base file has no track trus (did you mean trust?), so the variant adds it as a new track"])
    }

    @Test func aMistypedRemoveSuggestsTheNearestID() {
        let text = VariantTests.text.replacingOccurrences(of: "- {id: storm, remove: true}", with: "- {id: strom, remove: true}")
        let found = problems(text, file: "v.yaml", variant: "class-50")
        #expect(found.map(\.code) == ["unknown_id"])
        #expect(found.first?.message == "the variant removes \"strom\", which the base list does not have")
        #expect(found.first?.hint == "did you mean \"storm\"?")
    }

    @Test func aMissingKeyNamesTheItemByItsID() {
        let cost = validation.diagnostics(validation.replacing("    name: Calm\n    cost: 1\n", "    name: Calm\n"))
        #expect(cost.map(\.message) == ["action calm needs \"cost\""])
        let max = validation.diagnostics(validation.replacing("    max: 10\n", ""))
        #expect(max.map(\.message) == ["track tension needs \"max\""])
        // Without an id there is nothing to name it by.
        let noID = validation.diagnostics(validation.replacing("  - id: calm\n    team: red", "  - team: red"))
        #expect(noID.map(\.message).contains("an action needs \"id\""), "\(noID)")
    }

    @Test func aMisspeltTeamInRevealIsSaidToBeATeam() {
        let text = validation.replacing("    cost: 1\n    effects: [\"tension -= 1\"]\n  - id: talk", "    cost: 1\n    effects: [\"reveal(tension, RED)\"]\n  - id: talk")
        let found = validation.diagnostics(text)
        #expect(found.map(\.code) == ["unknown_team"])
        #expect(found.first?.message == "unknown team \"RED\" (the second argument of reveal is a team) in an effect in the effects of action calm")
        #expect(found.first?.hint == "did you mean \"red\"? the teams are red, blue")
        let far = validation.diagnostics(text.replacingOccurrences(of: "reveal(tension, RED)", with: "reveal(tension, usa)"))
        #expect(far.first?.hint == "the teams are red, blue")
    }

    @Test func rangeErrorsNameTheirItemAndReadAsOneSentence() {
        let base = Fixtures.small.replacingOccurrences(of: "chance: {base: 50,", with: "chance: {base: lots,")
        #expect(problems(base).map(\.description) == ["small.yaml:24:20: error: the base chance of action build must be a whole number from 0 to 100"])
        let points = Fixtures.small.replacingOccurrences(of: "if: \"bridge == 'open'\", points: 3", with: "if: \"bridge == 'open'\", points: 300")
        #expect(problems(points).map(\.message) == ["the points of objective bridge_open are 300, but must be between -100 and 100"])
    }

    @Test func aMisspeltOrWrongCaseLanguageSuggestsTheDeclaredOne() throws {
        let kr = validation.diagnostics("languages: [en, ko]\n" + validation.replacing("    name: Red\n", "    name: {en: Red, kr: 빨강}\n"))
        #expect(kr.map(\.code) == ["undeclared_language"])
        #expect(kr.first?.hint == "did you mean ko? the file's languages are en, ko")
        let upper = validation.diagnostics("languages: [en, ko]\n" + validation.replacing("    name: Red\n", "    name: {EN: Red, KO: 빨강}\n"))
        #expect(upper.map(\.hint) == ["English is the fallback: write en: \"…\" first", "did you mean en? the file's languages are en, ko", "did you mean ko? the file's languages are en, ko"])
        // A language the program cannot show is not offered as one to declare.
        let fr = validation.diagnostics(validation.replacing("    name: Red\n", "    name: {en: Red, fr: Rouge}\n"))
        #expect(fr.first?.hint == "the file's languages are en (the program shows only en, ko)")
        let listed = validation.diagnostics("languages: [en, kr]\n" + ValidationTests.base)
        #expect(listed.map(\.code) == ["unsupported_language"])
        #expect(listed.first?.hint == "did you mean ko?")
        #expect(validation.diagnostics("languages: [EN, ko]\n" + ValidationTests.base).first?.hint == "did you mean en? codes are lowercase")
        // A Korean text written as a plain string is read as English: the missing translation says so.
        let plain = try RulesetLoader.load(text: "languages: [en, ko]\n" + validation.replacing("    name: Red\n", "    name: 빨강\n"), file: "mini.yaml")
        let hint = plain.missingTranslations.first { $0.message.contains("빨강") }?.hint
        #expect(hint == "this text looks Korean, but a plain string is read as English: write it as {en: \"…\", ko: \"빨강\"}")
    }

    @Test func onlyLanguagesTheProgramShowsAreAccepted() throws {
        let found = validation.diagnostics("languages: [en, fr]\n" + ValidationTests.base)
        #expect(found.map(\.code) == ["unsupported_language"])
        #expect(found.first?.message == "the program cannot show \"fr\": it shows only en, ko")
        let korean = try RulesetLoader.load(text: "languages: [ko]\n" + ValidationTests.base, file: "mini.yaml")
        #expect(korean.languages == ["en", "ko"], "English is always one, listed or not")
    }

    @Test func aBadTurnCountIsReportedAlone() {
        let text = Fixtures.small.replacingOccurrences(of: "turns: 3,", with: "turns: 3.5,")
        #expect(problems(text).map(\.code) == ["wrong_type"], "no event-turn range errors against a made-up calendar")
    }

    @Test func aBadParameterTypeIsReportedAlone() {
        let text = Fixtures.small.replacingOccurrences(of: "params: [{id: project, type: project}]", with: "params: [{id: project, type: building}]")
        #expect(problems(text).map(\.code) == ["unknown_type"], "its $project and {project} are not reported as unknown too")
    }

    @Test func aProjectStatusWithoutATranslationReadsNaturally() {
        let text = Fixtures.small.replacingOccurrences(of: "format: 1\n", with: "format: 1\nlanguages: [en, ko]\n")
        let ruleset = try? RulesetLoader.load(text: text, file: "small.yaml")
        let status = ruleset?.missingTranslations.first { $0.message.contains("\"planned\"") }
        #expect(status?.message == "a status of project bridge has no ko text (\"planned\")")
    }
}
