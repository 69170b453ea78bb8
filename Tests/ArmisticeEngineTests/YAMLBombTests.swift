@testable import ArmisticeEngine
import Foundation
import Testing

/// Hostile ruleset texts are refused quickly, with a position, instead of hanging whoever loads them.
@Suite struct YAMLBombTests {
    /// Nested anchors, each level nine aliases of the one before, the last used as a mapping key: `levels` of 9
    /// stand for 9^levels nodes in a few hundred bytes.
    static func bomb(levels: Int) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("? *a\(levels)")
        lines.append(": boom")
        return lines.joined(separator: "\n") + "\n"
    }

    func load(_ text: String) -> (diagnostics: [Diagnostic], seconds: Double) {
        let start = Date()
        do {
            _ = try RulesetLoader.load(text: text, file: "bomb.yaml")
            return ([], Date().timeIntervalSince(start))
        } catch {
            return (error.diagnostics, Date().timeIntervalSince(start))
        }
    }

    @Test func anAliasBombIsRefusedQuicklyWithItsPosition() {
        let text = Self.bomb(levels: 9)
        #expect(text.utf8.count < 600)
        let (found, seconds) = load(text)
        #expect(seconds < 1, "took \(seconds) s")
        let over = found.first { $0.code == "yaml_too_large" }
        #expect(over != nil, "\(found)")
        if let over {
            #expect(over.line > 1 && over.column > 1, "\(over)")
            #expect(over.description.hasPrefix("bomb.yaml:\(over.line):\(over.column): error: "))
        }
    }

    @Test func aFewAliasesStillLoad() {
        let text = ValidationTests.base.replacingOccurrences(of: "    budget: 3\n  - id: blue\n    name: Blue\n    budget: 3",
                                                              with: "    budget: &b 3\n  - id: blue\n    name: Blue\n    budget: *b")
        #expect(text != ValidationTests.base)
        #expect(load(text).diagnostics.isEmpty)
    }

    @Test func theBudgetCountsExpandedNodes() {
        #expect(YAMLBudget.check("a: &a [1, 2, 3]\nb: [*a, *a]\n", maxNodes: 20) == nil)
        let over = YAMLBudget.check("a: &a [1, 2, 3]\nb: [*a, *a, *a, *a, *a]\n", maxNodes: 20)
        #expect(over?.location == SourceLocation(line: 2, column: 17))
        #expect(over?.message.hasSuffix("once its aliases are expanded") == true)
        // A file that is simply large, with no alias, is not said to have any (outside tester qa6, D4).
        let large = YAMLBudget.check("a: [" + Array(repeating: "1", count: 30).joined(separator: ", ") + "]\n", maxNodes: 20)
        #expect(large?.message == "the file has more than 20 YAML nodes (values, lists and mappings)")
    }

    @Test func aControlCharacterIsLocated() {
        let text = ValidationTests.base.replacingOccurrences(of: "title: Mini", with: "title: Mi\u{07}ni")
        let found = load(text).diagnostics
        #expect(found.count == 1)
        #expect(found.first.map { SourceLocation(line: $0.line, column: $0.column) } == SourceLocation(line: 3, column: 10), "\(found)")
    }

    @Test func nonUTF8BytesAreLocated() {
        var bytes = Array("format: 1\nid: mini\ntitle: Mi".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("ni\n".utf8))
        #expect(RulesetLoader.firstInvalidUTF8(bytes) == SourceLocation(line: 3, column: 10))
        #expect(RulesetLoader.firstInvalidUTF8(Array("é\nok".utf8)) == nil)
    }
}
