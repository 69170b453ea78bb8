@testable import ArmisticeEngine
import Testing

/// Once agreed deals cost more than a team's budget, an action's reason says by how much the team is over, not that
/// it has "-2 left" (outside tester, qa4 #4: '비용 1, 남은 예산 -2').
@Suite struct OverBudgetReasonTests {
    @Test func aTeamPastItsBudgetIsToldByHowMuch() throws {
        let engine = Engine(ruleset: try Fixtures.smallRuleset())
        var state = engine.newGame(seed: 7)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)   // negotiation
        #expect(state.budgets[1] == 4)
        let pressure = Order(action: "pressure", params: ["amount": .number(1)])
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(orders: Array(repeating: pressure, count: 4))), to: &state)
        try engine.apply(.proposeDeal(team: "red", commitments: [Commitment(team: "blue", action: "inspect")], note: ""), to: &state)
        try engine.apply(.respondToDeal(team: "blue", deal: 1, accept: true), to: &state)
        #expect(state.deals[0].status == .agreed)
        let view = engine.view(of: state, for: .team(1))
        let reason = try #require(view.actions?.first { $0.id == "pressure" }?.reason)
        #expect(reason == "costs 1, and your orders are already 2 over budget", "\(reason)")
    }
}
