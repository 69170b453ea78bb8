import ArmisticeBots
@testable import ArmisticeEngine
import Testing

/// Variants: named overrides of a ruleset, chosen when a room is created.
@Suite struct VariantTests {
    static let text = Fixtures.small + """

    variants:
      - id: class-50
        name: Class length
        description: Two turns, the opening moved, no storms.
        override:
          calendar: {turns: 2, random_event_chance: 0}
          tracks:
            - {id: trust, start: 70}
          actions:
            - {id: build, cost: 3}
          events:
            - {id: opening, turn: 2}
            - {id: storm, remove: true}
          bots: {blue: block-all}
      - id: no-levels
        name: No level names
        override:
          tracks:
            - {id: tension, levels: ~}
    """

    @Test func theBaseIgnoresItsVariants() throws {
        let base = try RulesetLoader.load(text: Self.text, file: "v.yaml")
        #expect(base.variant == nil)
        #expect(base.variants.map(\.id) == ["class-50", "no-levels"])
        #expect(base.calendar.turns == 3)
        #expect(base.events.map(\.id) == ["opening", "storm", "crisis"])
        #expect(base.botPolicies.isEmpty)
    }

    @Test func aVariantOverridesItemsByID() throws {
        let v = try RulesetLoader.load(text: Self.text, file: "v.yaml", variant: "class-50")
        #expect(v.variant == "class-50")
        #expect(v.calendar.turns == 2)
        #expect(v.calendar.randomEventChance == 0)
        #expect(v.calendar.monthsPerTurn == 1, "keys the override does not name are kept")
        #expect(v.tracks[0].start == 70)
        #expect(v.tracks[0].max == 100)
        #expect(v.actions[0].cost == 3)
        #expect(v.actions[0].consent != nil)
        #expect(v.events.map(\.id) == ["opening", "crisis"])
        guard case .scripted(let turns) = v.events[0].kind else { Issue.record("opening is no longer scripted"); return }
        #expect(turns == [2])
        #expect(v.botPolicies == ["blue": "block-all"])
        #expect(v.sourceHash == (try RulesetLoader.load(text: Self.text, file: "v.yaml")).sourceHash, "the file is the same")
        let noLevels = try RulesetLoader.load(text: Self.text, file: "v.yaml", variant: "no-levels")
        #expect(noLevels.tracks[2].levels.isEmpty, "a key set to ~ is removed")
    }

    @Test func aVariantIsCheckedLikeAWholeFile() throws {
        let bad = Self.text.replacingOccurrences(of: "{id: build, cost: 3}", with: "{id: build, cost: 3, colour: red}")
        _ = try RulesetLoader.load(text: bad, file: "v.yaml")   // the base does not read overrides
        let line = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("colour: red") }! + 1
        #expect { try RulesetLoader.load(text: bad, file: "v.yaml", variant: "class-50") } throws: { error in
            let d = (error as? RulesetLoadError)?.diagnostics ?? []
            return d.contains { $0.code == "unknown_key" && $0.file == "v.yaml (variant class-50)" && $0.line == line }
        }
        #expect { try RulesetLoader.load(text: Self.text, file: "v.yaml", variant: "hawkish") } throws: { error in
            (error as? RulesetLoadError)?.diagnostics.first?.code == "unknown_variant"
        }
        let fixed = Self.text.replacingOccurrences(of: "calendar: {turns: 2, random_event_chance: 0}", with: "id: other")
        #expect { try RulesetLoader.load(text: fixed, file: "v.yaml", variant: "class-50") } throws: { error in
            (error as? RulesetLoadError)?.diagnostics.first?.code == "fixed_key"
        }
        let policy = Self.text.replacingOccurrences(of: "block-all", with: "block-most")
        #expect { try RulesetLoader.load(text: policy, file: "v.yaml", variant: "class-50") } throws: { error in
            (error as? RulesetLoadError)?.diagnostics.first?.code == "unknown_policy"
        }
    }

    @Test func aVariantGameHashesDifferentlyAndDeterministically() throws {
        let base = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "v.yaml"))
        let variant = Engine(ruleset: try RulesetLoader.load(text: Self.text, file: "v.yaml", variant: "no-levels"))
        let state = base.newGame(seed: 5)
        #expect(base.stateHash(state) != variant.stateHash(variant.newGame(seed: 5)), "the variant is part of the rules a hash names")
        let plain = Engine(ruleset: try Fixtures.smallRuleset())
        #expect(base.stateHash(state) != plain.stateHash(plain.newGame(seed: 5)), "another file text, another hash")
        let games = (0..<2).map { _ in Simulation(engine: variant).play(seed: 9, bots: [.greedy, .random]).finalHash }
        #expect(games[0] == games[1])
    }

    @Test func everyPolicyNameHasABot() {
        #expect(Set(Ruleset.botPolicyNames) == Set(BotKind.allCases.map(\.rawValue)))
    }

    @Test func everyVariantOfTheKoreanizationScenarioLoads() throws {
        let text = try Fixtures.rulesetText("koreanization")
        let base = try RulesetLoader.load(text: text, file: "koreanization.yaml")
        #expect(base.variants.map(\.id) == ["class-50", "hawkish-us", "essay-policy"])
        for variant in base.variants {
            let v = try RulesetLoader.load(text: text, file: "koreanization.yaml", variant: variant.id)
            #expect(v.outcomes.allSatisfy { $0.claims != nil }, "every ending states what it claims")
            for event in v.events { if case .scripted(let turns) = event.kind { #expect(turns.allSatisfy { $0 <= v.calendar.turns }) } }
        }
        let short = try RulesetLoader.load(text: text, file: "koreanization.yaml", variant: "class-50")
        #expect(short.calendar.turns == 5)
        #expect(try RulesetLoader.load(text: text, file: "koreanization.yaml", variant: "hawkish-us").botPolicies == ["usa": "block-all"])
    }
}
