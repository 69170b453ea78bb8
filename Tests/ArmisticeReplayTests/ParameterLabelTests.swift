import ArmisticeEngine
import ArmisticeLocale
import ArmisticeReplay
import Foundation
import Testing

/// An order parameter the scenario leaves unlabelled reads in the replay and the report as the players' screens
/// name it ("어느 팀"), never as its id ("target"): outside tester qa9 L2.
@Suite struct ParameterLabelTests {
    @Test func anUnlabelledTeamParameterReadsAsTheScreensDefaultLabel() throws {
        let text = Fixtures.rulesetText("koreanization").replacingOccurrences(of: "        label: {en: \"With whom\", ko: \"상대\"}\n", with: "")
        let ruleset = try RulesetLoader.load(text: text, file: "rulesets/koreanization.yaml")
        var order = Record(kind: .order, turn: 1)
        order.team = "dprk"
        order.action = "cut_contact"
        order.params = ["target": .id("rok")]
        order.result = "success"
        let ko = MatchText(ruleset: ruleset, language: .ko).records.line(order).text
        #expect(ko.contains("어느 팀") && !ko.contains("target"), "\(ko)")
        let en = MatchText(ruleset: ruleset, language: .en).records.line(order).text
        #expect(en.contains("Which team") && !en.contains("target"), "\(en)")
        // A scenario's own label still wins.
        let labelled = try RulesetLoader.load(text: Fixtures.rulesetText("koreanization"), file: "rulesets/koreanization.yaml")
        #expect(MatchText(ruleset: labelled, language: .en).records.line(order).text.contains("With whom"))
    }
}
