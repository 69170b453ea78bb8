import ArmisticeEngine
import Foundation
import Testing
@testable import ArmisticeServer

/// Two teammates editing the shared draft at the same moment (outside tester qa5, Wrong #1): each sends the whole
/// draft it made from what it saw; with `base`, the second one's request, made from a draft that is no longer the
/// team's, is refused `draft_changed` and the first one's order stays, instead of being silently replaced.
@Suite struct DraftBaseTests {
    @Test func aDraftMadeFromAStaleBaseIsRefusedAndTheTeammatesOrderStays() throws {
        let t = DraftAuthorTests.BotTable()
        let kim = t.h.join(t.code, name: "Kim", team: "dprk", address: "10.2.0.2")
        let empty: [String: Any] = ["orders": [[String: Any]](), "consents": [String: Any]()]
        let yongbyon: [String: Any] = ["action": "offer_yongbyon", "params": [String: Any]()]
        let declaration: [String: Any] = ["action": "submit_declaration", "params": [String: Any]()]
        #expect(t.h.room.engine.ruleset.actions.contains { $0.id == "submit_declaration" })

        // Ri adds the Yongbyon offer to the empty draft; Kim, who also saw it empty, adds the declaration.
        #expect(CoreHarness.errorCode(t.h.send(t.dprk.client, ["type": "set_orders", "orders": [yongbyon], "base": empty])) == nil)
        let refused = t.h.send(kim.client, ["type": "set_orders", "orders": [declaration], "base": empty])
        #expect(CoreHarness.errorCode(refused) == "draft_changed")
        #expect(t.h.room.state.drafts[t.h.room.engine.ruleset.teamIndex("dprk")!].orders.map(\.action) == ["offer_yongbyon"],
                "Ri's order is not replaced")
        // Kim's view already holds Ri's draft when the refusal comes: the update was sent before it.
        let kimsView = try #require((t.h.view(kim.client)?["orders"] as? [String: Any])?["dprk"] as? [String: Any])
        #expect((kimsView["orders"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["offer_yongbyon"])

        // Kim makes the change again on the draft as it is now: both orders are kept.
        let now: [String: Any] = ["orders": [yongbyon], "consents": [String: Any]()]
        #expect(CoreHarness.errorCode(t.h.send(kim.client, ["type": "set_orders", "orders": [yongbyon, declaration], "base": now])) == nil)
        #expect(t.h.room.state.drafts[t.h.room.engine.ruleset.teamIndex("dprk")!].orders.map(\.action) == ["offer_yongbyon", "submit_declaration"])

        // Without a base, set_orders replaces the draft as before.
        #expect(CoreHarness.errorCode(t.h.send(t.dprk.client, ["type": "set_orders", "orders": [declaration]])) == nil)
        #expect(t.h.room.state.drafts[t.h.room.engine.ruleset.teamIndex("dprk")!].orders.map(\.action) == ["submit_declaration"])
    }
}
