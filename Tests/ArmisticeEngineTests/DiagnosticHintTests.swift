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
        #expect(missing.map(\.message) == ["an event needs \"name\": the base file has no event openin (did you mean opening?), so the variant adds it as a new event"])
        #expect(missing.first?.hint == "an unknown id adds a new item, which needs all its fields; to change a base item, use its id")
        #expect(missing.first?.line == line(of: "{id: openin, turn: 2}", in: text))
        #expect(problems(VariantTests.text, file: "v.yaml", variant: "hawkish").map(\.description)
                == ["v.yaml (variant hawkish): error: no variant \"hawkish\"; the variants are class-50, no-levels"])
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
