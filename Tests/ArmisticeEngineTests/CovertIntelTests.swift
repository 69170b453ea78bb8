@testable import ArmisticeEngine
import Testing

/// A covert action hides its order, its dice and its news from the other teams, but an `intel` message reaches the
/// teams it names (the scenario designer's "their gauges notice"), and the instructor sees it (outside designer's
/// report, #1: it went only to the acting team, and vanished when addressed to another team alone).
@Suite struct CovertIntelTests {
    static let text = """
    format: 1
    id: covert_intel
    version: "1"
    title: Covert intel
    calendar: {turns: 2, turn_length: a month, start: "2030-01", months_per_turn: 1}
    teams:
      - {id: a, name: A, colour: "#ff0000", budget: 3}
      - {id: b, name: B, colour: "#0000ff", budget: 3}
    tracks:
      - {id: level, name: Level, min: 0, max: 10, start: 5, visible: [a]}
    actions:
      - id: fill
        team: a
        name: Fill the reservoir
        cost: 1
        covert: true
        effects: ["level += 1"]
        news: "A fills its reservoir."
        intel:
          - {to: [b], text: "Our gauges show the river dropping."}
          - {to: [a, b], text: "Everyone on the river hears the pumps."}
      - id: wait
        team: b
        name: Wait
        cost: 0
        effects: []
    outcomes:
      - {id: done, name: Done, if: "true"}
    """

    @Test func aCovertActionsIntelReachesTheTeamsItNames() throws {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "covert_intel.yaml"))
        var state = engine.newGame(seed: 1)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)
        try engine.apply(.setOrders(team: "a", orders: TeamOrders(orders: [Order(action: "fill")])), to: &state)
        while state.phase != .results { try engine.apply(.advance, to: &state) }
        let intel = state.records.filter { $0.kind == .intel }
        #expect(intel.map(\.text) == ["Our gauges show the river dropping.", "Everyone on the river hears the pumps."])
        #expect(intel.map(\.visibleTo) == [["b"], ["a", "b"]])
        let seenByB = engine.masked(state, for: 1).records
        #expect(seenByB.filter { $0.kind == .intel }.count == 2)
        // The order and its news stay hidden from B.
        #expect(!seenByB.contains { $0.kind == .order && $0.action == "fill" })
        #expect(!seenByB.contains { $0.kind == .news && $0.action == "fill" })
        #expect(engine.masked(state, for: 0).records.contains { $0.kind == .news && $0.action == "fill" })
    }
}
