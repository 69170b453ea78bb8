import ArmisticeBots
@testable import ArmisticeEngine
import Foundation
import Testing

/// Properties checked over thousands of random games of the real scenarios.
@Suite struct PropertyTests {
    /// No team's view ever holds a track it cannot see, another team's draft, or a record meant for others;
    /// the observer's view holds nothing private at all.
    @Test(arguments: ["koreanization", "tutorial"])
    func viewsNeverLeak(name: String) throws {
        let ruleset = try Fixtures.scenario(name)
        let engine = Engine(ruleset: ruleset)
        let simulation = Simulation(engine: engine)
        let encoder = JSONEncoder()
        for g in 0..<(name == "koreanization" ? 1500 : 1000) {
            let kinds: [BotKind] = ruleset.teams.indices.map { ($0 + g) % 2 == 0 ? .random : .greedy }
            var state = engine.newGame(seed: UInt64(g))
            var bots = kinds.enumerated().map { $1.make(seed: UInt64(g * 31 + $0)) }
            try engine.apply(.start, to: &state)
            while !state.isOver {
                if state.phase == .orders {
                    for t in ruleset.teams.indices {
                        try engine.apply(.setOrders(team: ruleset.teams[t].id, orders: bots[t].orders(engine: engine, state: state, team: t)), to: &state)
                    }
                    if g % 50 == 0 { try checkViews(engine, state, encoder) }   // drafts are present before adjudication
                }
                try engine.apply(.advance, to: &state)
                if g % 10 == 0 || state.isOver { try checkViews(engine, state, encoder) }
            }
        }
    }

    func checkViews(_ engine: Engine, _ state: GameState, _ encoder: JSONEncoder) throws {
        let ruleset = engine.ruleset
        for t in ruleset.teams.indices {
            let id = ruleset.teams[t].id
            let view = engine.view(of: state, for: .team(t))
            for track in view.tracks {
                let i = try #require(ruleset.trackIndex(track.id))
                #expect(state.trackVisibility[i] & (1 << UInt32(t)) != 0, "\(id) sees hidden track \(track.id)")
                #expect(track.hiddenFrom == nil)
            }
            #expect(Set(view.orders?.keys ?? [:].keys) == [id])
            #expect(view.records.allSatisfy { $0.isVisible(to: id) })
            #expect(!view.records.contains { $0.kind == .hash })
            #expect(view.deals.allSatisfy { $0.parties.contains(id) })
            #expect(view.actions?.allSatisfy { $0.team == id } == true)
            for other in ruleset.teams where other.id != id {
                #expect(view.teams.first { $0.id == other.id }?.brief == nil)
            }
            if t == 0, state.turn % 3 == 0 {
                // The encoded view never names a hidden track, even in passing.
                let json = String(decoding: try encoder.encode(view), as: UTF8.self)
                for (i, track) in ruleset.tracks.enumerated() where state.trackVisibility[i] & (1 << UInt32(t)) == 0 {
                    #expect(!json.contains("\"\(track.id)\""), "\(id)'s view mentions hidden track \(track.id)")
                }
            }
        }
        let observer = engine.view(of: state, for: .observer)
        #expect(observer.orders == nil && observer.actions == nil && observer.deals.isEmpty)
        #expect(observer.records.allSatisfy { $0.visibleTo == nil })
        #expect(observer.tracks.count == state.trackVisibility.filter { $0 == .max }.count)
    }

    @Test(arguments: ["koreanization", "tutorial"])
    func tracksStayWithinTheirRanges(name: String) throws {
        let ruleset = try Fixtures.scenario(name)
        let engine = Engine(ruleset: ruleset)
        for g in 0..<1000 {
            let game = Simulation(engine: engine).play(seed: UInt64(g), bots: ruleset.teams.map { _ in g % 2 == 0 ? .random : .greedy })
            for (i, track) in ruleset.tracks.enumerated() { #expect((track.min...track.max).contains(game.state.tracks[i])) }
            for (i, p) in ruleset.projects.enumerated() { #expect(p.statuses.indices.contains(game.state.projects[i])) }
            for record in game.state.records where record.kind == .effect {
                if let i = ruleset.trackIndex(record.target ?? ""), let to = record.to {
                    #expect((ruleset.tracks[i].min...ruleset.tracks[i].max).contains(to))
                }
            }
        }
    }

    @Test func everyKoreaOutcomeIsReachedInSimulation() throws {
        let ruleset = try Fixtures.scenario("koreanization")
        let engine = Engine(ruleset: ruleset)
        let simulation = Simulation(engine: engine)
        var reached = Set<Int>()
        let mixes: [[BotKind]] = [[.greedy, .greedy, .greedy, .greedy], [.random, .random, .random, .random],
                                  [.greedy, .random, .greedy, .random], [.random, .greedy, .random, .greedy]]
        for g in 0..<4000 where reached.count < ruleset.outcomes.count {
            reached.insert(simulation.play(seed: UInt64(g), bots: mixes[g % mixes.count]).outcome)
        }
        let missing = ruleset.outcomes.indices.filter { !reached.contains($0) }.map { ruleset.outcomes[$0].id }
        #expect(missing.isEmpty, "never reached: \(missing)")
    }
}
