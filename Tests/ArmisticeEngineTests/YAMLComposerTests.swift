@testable import ArmisticeEngine
import Testing
import Yams

/// The ruleset loader's own composer builds the same tree as `Yams.compose`, and reports the same problems where
/// Yams did, with their positions.
@Suite struct YAMLComposerTests {
    /// Whether two trees are the same: values, tags, scalar styles and every position.
    func same(_ a: Node, _ b: Node) -> Bool {
        guard a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column, a.tag.description == b.tag.description else { return false }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return x.string == y.string && x.style == y.style
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    func composed(_ text: String) throws -> Node? {
        try YAMLComposer.compose(text, file: "t.yaml")
    }

    func problem(_ text: String) -> Diagnostic? {
        do {
            _ = try YAMLComposer.compose(text, file: "t.yaml")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test(arguments: ["koreanization", "tutorial"])
    func theShippedRulesetsComposeAsYamsComposesThem(name: String) throws {
        let text = try Fixtures.rulesetText(name)
        let ours = try #require(try composed(text))
        let yams = try #require(try Yams.compose(yaml: text))
        #expect(same(ours, yams))
        #expect(ours == yams)
    }

    @Test func anchorsQuotesTagsAndStylesComposeAsYamsComposesThem() throws {
        let text = """
        a: &x {k: 'quoted', n: 1, t: !!str 2, "q": "dq"}
        b: *x
        c: [*x, ~, null, yes, "two\nlines"]
        e: |
          literal
        f: >
          folded
        d: !custom [1, 2]
        ? [complex, key]
        : value
        """
        let ours = try #require(try composed(text))
        let yams = try #require(try Yams.compose(yaml: text))
        #expect(same(ours, yams))
        #expect(ours == yams)
        #expect(try composed("") == nil)
        #expect(try composed("# only a comment\n") == nil)
    }

    @Test func aDuplicateKeyIsReportedAtItsFirstPlace() {
        let found = problem("a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n")
        #expect(found?.code == "duplicate_key")
        #expect(found?.description == "t.yaml:3:3: error: keys appear twice: x; keep one of each")
        // Keys Yams tells apart by their resolved tags (an integer and a string) are not duplicates.
        #expect(problem("1: a\n'1': b\n") == nil)
        // In a long mapping too.
        let long = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n"
        #expect(problem(long)?.description == "t.yaml:8:1: error: keys appear twice: k7; keep one of each")
    }

    @Test func otherProblemsAreLocatedAsBefore() {
        #expect(problem("a: *nowhere\n")?.description
                == "t.yaml:1:4: error: YAML syntax: found undefined alias; check the indentation and quoting on this line and the one before")
        #expect(problem("a: 1\n---\nb: 2\n")?.description
                == "t.yaml:2:1: error: YAML syntax: but found another document (expected a single document in the stream); check the indentation and quoting on this line and the one before")
        #expect(problem("a: [1\n")?.code == "yaml")
        #expect(problem("a: b\n\u{07}\n")?.description.hasPrefix("t.yaml:2:1: error: YAML: control characters are not allowed") == true)
    }

    @Test func aTextOverTheBudgetIsReportedSoEvenAfterADuplicateKey() {
        let text = "a: 1\na: 2\nb: &b [1, 2, 3]\nc: [*b, *b, *b, *b, *b]\n"
        #expect(problem(text)?.code == "duplicate_key")
        do {
            _ = try YAMLComposer.compose(text, file: "t.yaml", budget: YAMLBudget(maxNodes: 20))
            Issue.record("a text over the budget was composed")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["yaml_too_large"])
        }
    }
}
