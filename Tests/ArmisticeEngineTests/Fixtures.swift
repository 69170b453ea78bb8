import ArmisticeEngine
import Foundation

/// Shared rulesets for the engine tests: a small inline one, and the scenario files of the repository.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func rulesetText(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("rulesets/\(name).yaml"), encoding: .utf8)
    }

    static func scenario(_ name: String) throws -> Ruleset {
        try RulesetLoader.load(text: try rulesetText(name), file: "rulesets/\(name).yaml")
    }

    /// A two-team ruleset that exercises every feature: a hidden track, a project, consent, dice, events, deals.
    static let small = """
    format: 1
    id: small
    title: Small
    version: "1"
    calendar: {turns: 3, turn_length: a month, start: "2030-01", months_per_turn: 1, random_events_per_turn: 1, random_event_chance: 50}
    teams:
      - {id: red, name: Red, colour: "#ff0000", budget: 5}
      - {id: blue, name: Blue, colour: "#0000ff", budget: "3 + trust / 50"}
    tracks:
      - {id: trust, name: Trust, min: 0, max: 100, start: 50}
      - {id: secret, name: Secret stockpile, min: 0, max: 10, start: 3, visible: [red]}
      - {id: tension, name: Tension, min: 0, max: 10, start: 5, levels: {0: Calm, 5: Tense, 10: War}}
    flags:
      - {id: broke_off, name: Talks broken off}
    projects:
      - {id: bridge, name: Bridge, statuses: [planned, building, open]}
    actions:
      - id: build
        team: red
        name: Build
        cost: 2
        params: [{id: project, type: project}]
        consent: {from: [blue], rule: veto}
        chance: {base: 50, modifiers: [{if: "trust >= 50", add: 20, reason: trust}]}
        effects: ["$project += 1", "trust += 5"]
        failure_effects: ["trust -= 2"]
        news: "{team} builds on the {project}."
      - id: stockpile
        team: red
        name: Stockpile
        cost: 1
        covert: true
        effects: ["secret += 2", "tension += 1"]
        intel: [{to: [red], text: "Our stockpile grows."}]
      - id: inspect
        team: blue
        name: Inspect
        cost: 2
        requires: [{if: "tension < 9", reason: "too tense"}]
        chance: 60
        effects: ["reveal(secret, blue)"]
      - id: pressure
        team: blue
        name: Pressure
        cost: 1
        repeatable: true
        params: [{id: amount, type: number, min: 1, max: 3}]
        effects: ["tension += $amount", {if: "tension >= 8", then: ["broke_off = true"]}]
    events:
      - {id: opening, name: Opening, turn: 1, effects: ["trust += 1"], news: "Talks open."}
      - {id: storm, name: Storm, weight: 1, repeat: true, effects: ["tension -= 1"]}
      - {id: crisis, name: Crisis, trigger: "tension >= 9", effects: ["trust -= 10"]}
    objectives:
      - {id: bridge_open, team: red, text: Bridge open, if: "bridge == 'open'", points: 3}
      - {id: calm, team: all, text: Calm, if: "tension <= 4", points: 1}
      - {id: trust_score, team: blue, text: Trust, score: "trust / 20"}
    outcomes:
      - {id: war, name: War, if: "tension >= 10", immediate: true}
      - {id: peace, name: Peace, if: "bridge == 'open' and tension < 5"}
      - {id: muddle, name: Muddle, if: "true"}
    """

    static func smallRuleset() throws -> Ruleset { try RulesetLoader.load(text: small, file: "small.yaml") }
}
