import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// What `armistice simulate` reports: every number a designer balances with.
@Suite struct SimulationReportTests {
    static let text = Fixtures.small.replacingOccurrences(
        of: "  - {id: war, name: War, if: \"tension >= 10\", immediate: true}",
        with: "  - {id: war, name: War, if: \"tension >= 10\", immediate: true, claims: \"tension >= 10\"}")
        .replacingOccurrences(of: "  - {id: muddle, name: Muddle, if: \"true\"}",
                              with: "  - {id: muddle, name: Muddle, if: \"true\", claims: \"bridge != 'open'\"}")

    func report(_ bots: [BotKind], games: Int = 200) throws -> SimulationReport {
        let engine = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "small.yaml"))
        return Simulation(engine: engine).run(games: games, seed: 3, bots: bots)
    }

    @Test func theReportAddsUp() throws {
        let r = try report([.greedy, .greedy])
        #expect(r.outcomes.map(\.games).reduce(0, +) == 200)
        #expect(r.length.games.values.reduce(0, +) == 200)
        #expect(r.length.min >= 1 && r.length.max <= 3)
        #expect(r.scores.map(\.team) == ["red", "blue"])
        for s in r.scores {
            #expect(s.maximum > 0)
            #expect(abs(s.shareOfMaximum - s.mean / Double(s.maximum)) < 1e-9)
            #expect(s.spread >= 0 && Double(s.min) <= s.mean && s.mean <= Double(s.max))
        }
        #expect(r.scores[0].maximum == 4, "red: bridge open (3) plus the shared calm (1)")
        #expect(Set(r.actions.map { "\($0.team)/\($0.action)" }) == ["red/build", "red/stockpile", "blue/inspect", "blue/pressure"])
        let build = try #require(r.actions.first { $0.action == "build" })
        #expect(Double(build.results.values.reduce(0, +)) / 200 == build.perGame)
        let consent = try #require(r.consents.first { $0.action == "build" && $0.team == "blue" })
        #expect(consent.asked == consent.given + consent.refused)
        #expect(consent.asked == (build.results["success"] ?? 0) + (build.results["failure"] ?? 0) + (build.results["refused"] ?? 0))
        #expect(r.objectives.count == 3)
        #expect(r.objectives.first { $0.id == "trust_score" }?.meanScore != nil)
        #expect(r.objectives.first { $0.id == "calm" }?.hitShare != nil)
        let war = try #require(r.outcomes.first { $0.id == "war" })
        #expect(war.games == 0 ? war.claimsHold == nil : war.claimsHold == 1)
        #expect(r.outcomes.first { $0.id == "peace" }?.claimsHold == nil, "no claims declared")
    }

    @Test func aPinnedPolicyDecidesEveryConsent() throws {
        let blocked = try report([.greedy, .blockAll])
        let consent = try #require(blocked.consents.first { $0.action == "build" })
        #expect(consent.asked > 0)
        #expect(consent.given == 0)
        #expect(blocked.bots == ["red": "greedy", "blue": "block-all"])
        let approved = try report([.greedy, .approveAll])
        #expect(approved.consents.first { $0.action == "build" }?.givenShare == 1)
    }

    @Test func anIdleTeamOrdersNothingAndIsReportedAsNeverChoosing() throws {
        let r = try report([.idle, .greedy], games: 50)
        #expect(r.actions.filter { $0.team == "red" }.allSatisfy { $0.perGame == 0 })
        #expect(r.neverChosen.contains("red/build"))
    }

    @Test func theFileCanPinABotAndTheCommandLineWins() throws {
        let ruleset = try RulesetLoader.load(text: VariantTests.text, file: "v.yaml", variant: "class-50")
        #expect(Simulation.bots(for: ruleset, kinds: [.greedy, .greedy]) == [.greedy, .blockAll])
        #expect(Simulation.bots(for: ruleset, kinds: [.greedy, .greedy], pinned: ["blue": .random]) == [.greedy, .random])
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let a = try report([.greedy, .random], games: 50), b = try report([.greedy, .random], games: 50)
        #expect(a.outcomes.map(\.games) == b.outcomes.map(\.games))
        #expect(a.scores.map(\.mean) == b.scores.map(\.mean))
    }
}
