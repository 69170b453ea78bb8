import Testing
@testable import ArmisticeTerminal

/// A deal card's effect line ("→ Agreed: … our steps cost 4 …") is the whole deal's: it starts at the steps' own
/// column, beside their "•", not indented under the last step's notes, where it read as that step's cost (outside
/// tester, qa4 #14: the US card printed its own cost note under the DPRK's step).
@Suite struct DealEffectColumnTests {
    @Test func theEffectLineStartsAtTheStepsColumn() {
        var s = ClassExperienceTests.agreed()
        s.focus(.deals)
        let lines = Renderer.paneText(.deals, s, width: 38, height: 20, focused: true, now: Fixtures.now).lines.map(\.text)
        let effect = try? #require(lines.firstIndex { $0.contains("→ ") })
        #expect(effect.map { lines[$0].hasPrefix(" → ") } == true, "\(lines)")
        if let bullet = lines.first(where: { $0.contains("• ") }) {
            #expect(bullet.firstIndex(of: "•").map { bullet.distance(from: bullet.startIndex, to: $0) } == 1, "\(lines)")
        }
    }
}
