import ArmisticeBots
import ArmisticeEngine
import ArmisticeLog
@testable import ArmisticeReplay
import Testing

/// A log of a variant's match names the variant in its settings, and the replay plays the same rules.
@Suite struct VariantReplayTests {
    @Test func aVariantLogReplaysWithTheVariantsRules() throws {
        var writer = try MatchLogWriter(rulesetText: Fixtures.rulesetText("koreanization"), settings: .init(seed: 3, variant: "class-50"))
        #expect(writer.engine.ruleset.variant == "class-50")
        #expect(writer.engine.ruleset.calendar.turns == 5)
        var bots = writer.engine.ruleset.teams.indices.map { BotKind.greedy.make(seed: 3 &+ UInt64($0)) }
        try writer.playWhole { engine, state, team in bots[team].orders(engine: engine, state: state, team: team) }
        #expect(writer.lines[0].contains("\"variant\":\"class-50\""))
        let log = try MatchLog(bytes: Array(writer.text.utf8))
        #expect(log.settings.variant == "class-50")
        #expect(log.ruleset.variant == "class-50")
        let replay = Replay(log: log)
        #expect(replay.finalHash == writer.engine.stateHash(writer.state))
    }
}
