@testable import ArmisticeTransport
import Testing

/// libwebsockets' lines reach the log at most so many a second; the rest are counted and said once.
@Suite struct LineBudgetTests {
    @Test func aFloodIsCutToTheBudgetAndTheRestIsSaidOnceInTheNextSecond() {
        var budget = LineBudget(perSecond: 3)
        let first = (0..<1_000).map { _ in budget.admit(second: 7) }
        #expect(first.filter(\.allowed).count == 3)
        #expect(first.allSatisfy { $0.held == 0 })
        let next = budget.admit(second: 8)
        #expect(next.allowed && next.held == 997)
        #expect(budget.admit(second: 8).held == 0, "said once")
        #expect(budget.admit(second: 20) == (allowed: true, held: 0))
    }
}
