import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// Guards: requirements checked when an order's effects apply, against the state as resolved so far in the same turn.
@Suite struct GuardTests {
    /// Three orders on the same project, each gated by sanctions for the step it makes: Seoul's exemption request,
    /// Seoul going ahead alone, and a US-sponsored exemption. `gate` is `requires` (start of adjudication) or `guard`.
    static func stacked(gate: String) -> String {
        let condition = "{if: \"rail == 'blocked' or sanctions <= 50\", reason: \"sanctions too high for the next step\"}"
        return """
        format: 1
        id: stacked
        title: Stacked
        version: "1"
        calendar: {turns: 2}
        teams:
          - {id: rok, name: ROK, budget: 9}
          - {id: usa, name: USA, budget: 9}
        tracks:
          - {id: sanctions, name: Sanctions, min: 0, max: 100, start: 60}
          - {id: alliance, name: Alliance, min: 0, max: 100, start: 50}
        projects:
          - {id: rail, name: Rail, statuses: [blocked, surveyed, groundbreaking, construction, operating]}
        actions:
          - {id: request_exemption, team: rok, name: Request, cost: 1, \(gate): [\(condition)], effects: ["rail += 1"],
             failure_effects: ["alliance -= 1"], failure_news: "The request lapses."}
          - {id: proceed_alone, team: rok, name: Alone, cost: 1, \(gate): [\(condition)], effects: ["rail += 1", "alliance -= 5"]}
          - {id: sponsor_exemption, team: usa, name: Sponsor, cost: 1, \(gate): [\(condition)], effects: ["rail += 1"]}
        outcomes:
          - {id: end, name: End, if: "true"}
        """
    }

    static let stackedOrders: [(String, [Order])] = [
        ("rok", [Order(action: "request_exemption"), Order(action: "proceed_alone")]),
        ("usa", [Order(action: "sponsor_exemption")]),
    ]

    func adjudicate(_ text: String) throws -> (Engine, GameState, [Record]) {
        let engine = Engine(ruleset: try RulesetLoader.load(text: text, file: "stacked.yaml"))
        var state = engine.newGame(seed: 3)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)   // negotiation
        for (team, orders) in Self.stackedOrders { try engine.apply(.setOrders(team: team, orders: TeamOrders(orders: orders)), to: &state) }
        try engine.apply(.advance, to: &state)   // orders
        let records = try engine.apply(.advance, to: &state)   // adjudication
        return (engine, state, records)
    }

    @Test func stackedOrdersJumpAGateCheckedOnlyAtTheStart() throws {
        // The old semantics, unchanged: every `requires` reads the state as adjudication began, so all three pass.
        let (_, state, records) = try adjudicate(Self.stacked(gate: "requires"))
        #expect(state.projects[0] == 3)   // construction, with sanctions still at 60
        #expect(records.filter { $0.kind == .order }.map(\.result) == ["success", "success", "success"])
    }

    @Test func stackedOrdersCannotJumpAGuard() throws {
        let (_, state, records) = try adjudicate(Self.stacked(gate: "guard"))
        #expect(state.projects[0] == 1, "only the first order in resolution order may take the step the gate allows")
        let orders = records.filter { $0.kind == .order }
        #expect(orders.map(\.action) == ["request_exemption", "proceed_alone", "sponsor_exemption"], "teams in ruleset order, orders in team order")
        #expect(orders.map(\.result) == ["success", "lapsed", "lapsed"])
        #expect(orders[1].reason == "sanctions too high for the next step")
        // A lapsed order is a failure: its cost is paid and its failure effects apply, its success effects do not.
        #expect(state.tracks[1] == 50, "proceed_alone's alliance cost is a success effect, so it does not apply")
        #expect(!records.contains { $0.kind == .news && $0.text == "The request lapses." })
    }

    @Test func aLapsedOrderAppliesItsFailureEffects() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.stacked(gate: "guard"), file: "stacked.yaml"))
        var state = engine.newGame(seed: 3)
        try engine.apply(.start, to: &state)
        try engine.apply(.adjust(target: "rail", value: 1, reason: "test"), to: &state)
        try engine.apply(.advance, to: &state)
        try engine.apply(.setOrders(team: "rok", orders: TeamOrders(orders: [Order(action: "request_exemption")])), to: &state)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        #expect(records.first { $0.kind == .order }?.result == "lapsed")
        #expect(state.projects[0] == 1)
        #expect(state.tracks[1] == 49)
        #expect(records.contains { $0.kind == .news && $0.text == "The request lapses." })
    }

    @Test func aGuardSeesTheEffectsOfOrdersEarlierInTheTurn() throws {
        // Once sanctions fall to 50 within the turn, the next order's guard sees it and the step is allowed.
        let text = Self.stacked(gate: "guard").replacingOccurrences(of: "effects: [\"rail += 1\", \"alliance -= 5\"]",
                                                                     with: "effects: [\"rail += 1\", \"alliance -= 5\", \"sanctions -= 10\"]")
        let engine = Engine(ruleset: try RulesetLoader.load(text: text, file: "stacked.yaml"))
        var state = engine.newGame(seed: 3)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)
        try engine.apply(.setOrders(team: "rok", orders: TeamOrders(orders: [Order(action: "proceed_alone")])), to: &state)
        try engine.apply(.setOrders(team: "usa", orders: TeamOrders(orders: [Order(action: "sponsor_exemption")])), to: &state)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        #expect(records.filter { $0.kind == .order }.map(\.result) == ["success", "success"])
        #expect(state.projects[0] == 2)
    }

    @Test func guardedGamesAreDeterministic() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.stacked(gate: "guard"), file: "stacked.yaml"))
        func play(_ seed: UInt64) -> [String] {
            Simulation(engine: engine).play(seed: seed, bots: [.random, .random]).state.records.compactMap(\.hash)
        }
        let first = play(11)
        for _ in 0..<3 { #expect(play(11) == first) }
    }

    @Test func aGuardIsCheckedLikeARequirement() throws {
        let bad = Self.stacked(gate: "guard").replacingOccurrences(of: "rail == 'blocked'", with: "rail == 'built'")
        #expect { try RulesetLoader.load(text: bad, file: "stacked.yaml") } throws: { error in
            (error as? RulesetLoadError)?.diagnostics.contains { $0.message.contains("a guard of action request_exemption") } == true
        }
    }

    @Test func koreanizationStackedOrdersCannotJumpTheRailGate() throws {
        // v1's finding: the request, going ahead alone and a US-sponsored exemption on the same project each passed the
        // sanctions gate and could take the railway from groundbreaking to operating in turn 1. In v2 they are guards.
        let engine = Engine(ruleset: try Fixtures.scenario("koreanization"))
        let rail = try #require(engine.ruleset.projects.firstIndex { $0.id == "rail_road" })
        let sanctions = try #require(engine.ruleset.trackIndex("sanctions"))
        let project: [String: ParameterValue] = ["project": .id("rail_road")]
        var lapsed = 0
        for seed in UInt64(1)...40 {
            var state = engine.newGame(seed: seed)
            try engine.apply(.start, to: &state)
            try engine.apply(.advance, to: &state)
            try engine.apply(.setOrders(team: "rok", orders: TeamOrders(orders: [Order(action: "request_exemption", params: project),
                                                                                   Order(action: "proceed_alone", params: project)])), to: &state)
            try engine.apply(.setOrders(team: "usa", orders: TeamOrders(orders: [Order(action: "sponsor_exemption", params: project)],
                                                                        consents: ["request_exemption": .approve, "proceed_alone": .approve])), to: &state)
            try engine.apply(.setOrders(team: "un", orders: TeamOrders(consents: ["request_exemption": .approve, "sponsor_exemption": .approve])), to: &state)
            try engine.apply(.advance, to: &state)
            let records = try engine.apply(.advance, to: &state)
            #expect(state.tracks[sanctions] > 70)
            #expect(state.projects[rail] <= 3, "past construction with UN pressure above 70 (seed \(seed))")
            lapsed += records.filter { $0.kind == .order && $0.result == "lapsed" }.count
        }
        #expect(lapsed > 0, "some stacked orders met the guard")
    }
}
