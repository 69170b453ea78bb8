import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// The verdict lines of `armistice simulate`: what a designer should look at, said in the report, not left to the
/// reader of its tables.
@Suite struct SimulationVerdictTests {
    /// `never` cannot happen (t stops at 10); `usual` ends nearly every game, and its claims are false; `calm` is an
    /// objective no game meets.
    static let text = """
        format: 1
        id: verdict
        title: Verdict
        version: "1"
        calendar: {turns: 2}
        teams:
          - {id: a, name: A, colour: "#112233", budget: 3}
        tracks:
          - {id: t, name: T, min: 0, max: 10, start: 5}
        actions:
          - {id: push, team: a, name: Push, cost: 1, effects: ["t += 1"]}
        objectives:
          - {id: calm, team: a, text: Calm, if: "t <= 0", points: 2}
          - {id: debt, team: a, text: Debt, score: "0 - t"}
        outcomes:
          - {id: never, name: Never, if: "t >= 10 and t <= 0"}
          - {id: usual, name: Usual, if: "t >= 0", claims: "t < 0"}
          - {id: other, name: Other, if: "true"}
        """

    func report() throws -> SimulationReport {
        Simulation(engine: Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "verdict.yaml"))).run(games: 50, seed: 1, bots: [.greedy])
    }

    @Test func theReportNamesWhatToLookAt() throws {
        let r = try report()
        #expect(r.outcomesNeverReached == ["never", "other"])
        #expect(r.outcomesAboveRuleOfThumb == ["usual"])
        #expect(r.claimsBelowTarget == ["usual"])
        #expect(r.objectivesNeverMet == ["calm"], "a score objective has no hit rate and is not listed")
    }

    @Test func aNegativeScoreIsMeasuredFromTheLeastTheTeamCouldScore() throws {
        let s = try #require(try report().scores.first)
        // debt is 0 - t: between -10 and -5 in these games; calm never holds.
        #expect(s.maximum == 2)
        #expect(s.minimum == s.min, "the worst debt seen, the only negative part")
        #expect(s.minimum < 0)
        #expect(s.shareOfMaximum >= 0 && s.shareOfMaximum <= 1)
        #expect(abs(s.shareOfMaximum - (s.mean - Double(s.minimum)) / Double(s.maximum - s.minimum)) < 1e-9)
    }
}
