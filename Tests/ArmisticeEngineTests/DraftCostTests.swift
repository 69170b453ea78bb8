@testable import ArmisticeEngine
import Testing

/// The view's `spent` and the actions' "left" charge a draft as adjudication will: a drafted order that repeats an agreed
/// deal's step comes back "duplicate" and costs nothing (outside tester qa8 W1: "2 over budget" for a team that was not).
@Suite struct DraftCostTests {
    let engine: Engine

    init() throws { engine = Engine(ruleset: try Fixtures.smallRuleset()) }

    @Test func aDraftedOrderThatRepeatsAnAgreedStepIsNotChargedInTheView() throws {
        var state = engine.newGame(seed: 7)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)   // negotiation
        // Red (budget 5) drafts build (2) and stockpile (1), then a deal orders its build again.
        try engine.apply(.setOrders(team: "red", orders: TeamOrders(orders: [
            Order(action: "build", params: ["project": .id("bridge")]), Order(action: "stockpile")])), to: &state)
        try engine.apply(.proposeDeal(team: "red", commitments: [
            Commitment(team: "red", action: "build", params: ["project": .id("bridge")]),
            Commitment(team: "blue", action: "pressure", params: ["amount": .number(1)]),
        ], note: ""), to: &state)
        #expect(engine.view(of: state, for: .team(0)).spent?["red"] == 3, "an open deal promises nothing yet")
        try engine.apply(.respondToDeal(team: "blue", deal: 1, accept: true), to: &state)
        #expect(engine.view(of: state, for: .team(0)).spent?["red"] == 1, "the drafted build repeats the deal's")
        #expect(engine.view(of: state, for: .instructor).spent?["red"] == 1)
        // Adjudication agrees: the drafted build is a duplicate, the stockpile is paid.
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        let red = records.filter { $0.kind == .order && $0.team == "red" }
        #expect(red.map(\.result).contains("duplicate"))
        #expect(!red.contains { $0.result == "over_budget" })
    }
}
