import Testing
@testable import ArmisticeServer

/// `GET /api/rulesets` gives each variant its own defaults, so a create-room form can show them once it is chosen.
@Suite struct VariantSummaryPhaseTests {
    @Test func aVariantListsItsOwnPhaseLengthsBesideTheScenarios() throws {
        let summary = try #require(CoreHarness.catalog.summaries.first { $0.id == "koreanization" })
        let class50 = try #require(summary.variants.first { $0.id == "class-50" })
        // koreanization.yaml's class-50: 1m/3m/2m/10s/1m and 5 turns; the scenario's own negotiation is 5m.
        #expect(class50.phases == ["briefing": 60, "negotiation": 180, "orders": 120, "adjudication": 10, "results": 60])
        #expect(class50.turns == 5)
        #expect(summary.phases["negotiation"] == 300)
        // A variant that leaves the phases alone lists the scenario's.
        for variant in summary.variants where variant.id != "class-50" {
            #expect(variant.phases == summary.phases, "\(variant.id)")
        }
    }
}
