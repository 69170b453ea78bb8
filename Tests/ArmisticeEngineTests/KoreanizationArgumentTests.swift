import ArmisticeBots
import ArmisticeEngine
import ArmisticeTestSupport
import Testing

/// Koreanization plays the essay's argument (qa9 W1–W3): a US that lets Seoul's carve-outs through does better over
/// the match than one that blocks them, and the hawkish variant's US really blocks (it gives nothing of its own).
@Suite struct KoreanizationArgumentTests {
    static func report(_ variant: String) throws -> SimulationReport {
        let text = try Fixtures.rulesetText("koreanization")
        let ruleset = try RulesetLoader.load(text: text, file: "koreanization.yaml", variant: variant)
        let bots = Simulation.bots(for: ruleset, kinds: Array(repeating: .greedy, count: ruleset.teams.count))
        return Simulation(engine: Engine(ruleset: ruleset)).run(games: 150, seed: 1, bots: bots)
    }

    static func usShare(_ r: SimulationReport) -> Double { r.scores.first { $0.team == "usa" }!.shareOfMaximum }
    static func used(_ r: SimulationReport, _ action: String) -> Double { r.actions.first { $0.action == action }?.gamesUsed ?? 0 }
    static func share(_ r: SimulationReport, _ outcome: String) -> Double { r.outcomes.first { $0.id == outcome }?.share ?? 0 }

    @Test func aUSThatLetsTheCarveOutsThroughOutscoresOneThatBlocksThem() throws {
        let hawkish = try Self.report("hawkish-us"), essay = try Self.report("essay-policy")
        #expect(Self.usShare(essay) > Self.usShare(hawkish) + 0.05, "essay \(Self.usShare(essay)), hawkish \(Self.usShare(hawkish))")
        // Blocking meets the essay's predicted costs: more crises and ruptures, and more long-range tests.
        #expect(Self.share(hawkish, "crisis") > Self.share(essay, "crisis"))
        #expect(Self.share(hawkish, "alliance_rupture") > Self.share(essay, "alliance_rupture"))
        #expect(Self.used(hawkish, "long_range_test") > Self.used(essay, "long_range_test"))
    }

    @Test func theHawkishUSGivesNothingOfItsOwn() throws {
        let hawkish = try Self.report("hawkish-us")
        for action in ["sponsor_exemption", "end_of_war_declaration", "partial_relief"] {
            #expect(Self.used(hawkish, action) == 0, "\(action)")
        }
    }
}
