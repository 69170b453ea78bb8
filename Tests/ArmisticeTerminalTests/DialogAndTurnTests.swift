import ArmisticeLocale
import ArmisticeWire
import Foundation
import Testing
@testable import ArmisticeTerminal

/// The text dialog keeps `:help`'s columns when a line wraps and keeps its width as it scrolls; a new turn shows the
/// Draft from its budget line; another team's parameters are named by the scenario's labels.
@Suite struct DialogAndTurnTests {
    static func screen(_ s: ClientState) -> String { Renderer.render(s, width: 80, height: 24, now: Fixtures.now + 1_000).text }

    @Test func aWrappedHelpLineKeepsItsIndentAndItsDescriptionColumn() {
        for language in [Language.en, .ko] {
            var s = Fixtures.seated()
            s.language = language
            let help = Command.helpLines(s.t)
            let lines = Renderer.textDialogLines(help, s).map(\.text)
            #expect(lines.allSatisfy { TerminalText.width($0) <= 76 }, "\(lines)")
            // Every line of the help but its heading starts indented: no wrapped part lands at the left margin.
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(language): \(lines.joined(separator: "\n"))")
            // `say`'s description wraps under its own column, not under the command.
            let say = lines.firstIndex { $0.hasPrefix("  say ") }!
            let column = lines[say].range(of: "  ", options: .backwards, range: lines[say].index(lines[say].startIndex, offsetBy: 6)..<lines[say].endIndex)!.upperBound
            let columnWidth = TerminalText.width(String(lines[say][..<column]))
            if !lines[say + 1].trimmingSpaces.hasPrefix("deal") {
                #expect(lines[say + 1].prefix { $0 == " " }.count == columnWidth, "\(lines[say]) / \(lines[say + 1])")
            }
        }
    }

    @Test func aLongHelpLineWithoutColumnsWrapsUnderItsOwnIndent() {
        let s = Fixtures.seated()
        let line = "        adjust TARGET VALUE REASON | move SEAT TEAM|observer|player | kick SEAT | end [REASON] and more words"
        let lines = Renderer.textDialogLines([line], s).map(\.text)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("        adjust"))
        #expect(lines[1].hasPrefix("          ") && !lines[1].hasPrefix("           "), "\(lines)")
    }

    @Test func theTextDialogKeepsItsWidthAsItScrolls() {
        var s = Fixtures.seated()
        let text = [String(repeating: "wide ", count: 14)] + (1...40).map { "line \($0)" }
        s.ui.modal = .text(title: ":state", lines: text, top: 0)
        func frameWidth() -> Int {
            let rows = Self.screen(s).split(separator: "\n").map(String.init)
            let top = rows.first { $0.contains("┌") }!
            return TerminalText.width(top.trimmingSpaces)
        }
        let first = frameWidth()
        _ = s.handle(key: .end)
        #expect(frameWidth() == first)
    }

    @Test func aNewTurnShowsTheDraftAndDealsFromTheirTop() {
        var s = Fixtures.seated()
        s.ui.tops[.draft] = 3
        s.ui.cursors[.draft] = 2
        s.ui.tops[.deals] = 4
        let update = #"{"type":"update","seq":58,"prev":57,"changes":{"turn":2,"phase":"briefing"},"records":[]}"#
        _ = s.apply(message: update, now: Fixtures.now)
        #expect(s.view.turn == 2)
        #expect(s.ui.top(.draft) == 0 && s.ui.cursor(.draft) == 0 && s.ui.top(.deals) == 0)
    }

    @Test func anotherTeamsParameterIsNamedByItsLabelFromTheCatalog() {
        var s = Fixtures.seated()
        s.view.catalog = [CatalogEntry(JSONValue.parse("""
        {"id":"fund_aid","name":"Fund aid","teams":["tervane"],"cost":2,"params":[{"id":"amount","type":"number","min":1,"max":3,"label":"Package size"}]}
        """)!)]
        s.view.deals[0].commitments[0] = CommitmentInfo(JSONValue.parse(#"{"team":"tervane","action":"fund_aid","params":{"amount":2}}"#)!)
        #expect(s.commitmentText(s.view.deals[0].commitments[0]).hasSuffix("(Package size: 2)"), "\(s.commitmentText(s.view.deals[0].commitments[0]))")
    }

    @Test func aFooterMessageOfTheScreensFullWidthKeepsItsLastCharacter() {
        var s = Fixtures.seated()
        let message = "✗ " + String(repeating: "word ", count: 15) + "end"
        #expect(TerminalText.width(message) == 80)
        s.say(message, error: true)
        let rows = Self.screen(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A terminal cannot draw the last cell of its bottom line: the message wraps one column short of the width.
        let bottom = rows[23]
        #expect(TerminalText.width(bottom.replacingOccurrences(of: " +$", with: "", options: .regularExpression)) <= 79, "\(rows.suffix(2))")
        #expect(rows.suffix(2).joined(separator: " ").contains("word end"), "\(rows.suffix(2))")
    }
}
