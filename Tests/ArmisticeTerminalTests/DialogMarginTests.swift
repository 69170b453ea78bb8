import ArmisticeWire
import Testing
@testable import ArmisticeTerminal

/// A dialog's box clears a margin around it at 80×24 (outside tester qa5, Wrong #7): no letter or border of the pane
/// beneath shows beside its edges (`M│`, `│─`, `US ┌─ Add …`).
@Suite struct DialogMarginTests {
    /// The rows of the box, and each row's two columns either side of it.
    static func margins(_ s: ClientState) -> [(row: String, left: String, right: String)] {
        let rows = Fixtures.screen(s).split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0)) }
        guard let top = rows.firstIndex(where: { $0.contains("┌") }), let bottom = rows.lastIndex(where: { $0.contains("└") }) else { return [] }
        let x = rows[top].firstIndex(of: "┌")!
        let end = rows[top].lastIndex(of: "┐")!
        return (top...bottom).map { i in
            let row = rows[i]
            let left = String(row[max(0, x - 2)..<x])
            let right = end + 1 < row.count ? String(row[(end + 1)..<min(row.count, end + 3)]) : ""
            return (String(row), left, right)
        }
    }

    static func expectClear(_ s: ClientState, _ what: String) {
        let rows = margins(s)
        #expect(!rows.isEmpty, "\(what): no box")
        for r in rows {
            #expect(r.left.allSatisfy { $0 == " " } && r.right.allSatisfy { $0 == " " }, "\(what): the pane shows beside the box: \(r.row)")
        }
    }

    @Test func theHelpTheParameterDialogAndAConfirmationClearTheirMargins() {
        var s = Fixtures.seated()
        _ = s.handle(key: .char("?"))
        Self.expectClear(s, "help")

        s = Fixtures.seated()
        s.focus(.actions)
        s.ui.cursors[.actions] = 3 // Propose a quota: it has parameters
        _ = s.handle(key: .enter)
        Self.expectClear(s, "parameters")

        s = Fixtures.seated()
        s.ui.modal = .confirm(prompt: s.lockPrompt, command: .lock)
        Self.expectClear(s, "lock")

        s = Fixtures.seated()
        s.ui.modal = .text(title: ":actions", lines: s.actionLines() + (1...30).map { "line \($0)" }, top: 0)
        Self.expectClear(s, ":actions")
    }

    /// The Results pane said "over budget: budget: costs 3, only 2 left" (Wrong #10): the verdict, then the reason once.
    @Test func anOrderOverBudgetSaysBudgetOnce() {
        let r = RecordInfo(JSONValue.parse(#"{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"over_budget","reason":"costs 3, only 2 left"}"#)!)
        #expect(TurnSummary.why(r) == "costs 3, only 2 left")
        #expect(TurnSummary.verdict("over_budget", s().t) + ": " + TurnSummary.why(r) == "over budget: costs 3, only 2 left")
    }

    func s() -> ClientState { Fixtures.seated() }

    /// The help box lists every pane's keys (Docs #3): the Deals pane's c and the Talk pane's PgUp PgDn.
    @Test func theHelpListsTheDealsFoldKeyAndTheTalkPanesOlderMessages() {
        let lines = Renderer.helpLines(Fixtures.seated())
        #expect(lines.contains { $0.hasPrefix("Deals") && $0.contains(" c ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Talk") && $0.contains("PgUp PgDn") }, "\(lines)")
    }
}
