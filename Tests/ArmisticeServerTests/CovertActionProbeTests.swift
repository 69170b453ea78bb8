import Foundation
import Testing
@testable import ArmisticeServer

/// Another team's covert action is unknown to a team (outside tester qa6, W3): an order, a consent decision or a
/// deal's step naming it is answered exactly as an id that does not exist, so no request tells a team that it exists,
/// nor its name. The acting team itself still orders it.
@Suite struct CovertActionProbeTests {
    static func reply(_ replies: [[String: Any]]) -> (code: String?, message: String) {
        let error = replies.last { $0["type"] as? String == "error" }
        return (error?["code"] as? String, error?["message"] as? String ?? "")
    }

    @Test func anotherTeamsCovertActionIsAnsweredAsAnUnknownId() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        let rok = c.member("rok").client
        let smuggle = try #require(c.h.room.engine.ruleset.actions.first { $0.id == "smuggle" })
        #expect(smuggle.covert && smuggle.teams == [c.h.room.engine.ruleset.teamIndex("dprk")!])

        let order = Self.reply(c.h.send(rok, ["type": "set_orders", "orders": [["action": "smuggle"]]]))
        let made = Self.reply(c.h.send(rok, ["type": "set_orders", "orders": [["action": "smuggla"]]]))
        #expect(order.code == "unknown_action" && made.code == "unknown_action")
        #expect(!order.message.contains(smuggle.name), "the name stays hidden: \(order.message)")

        let consent = Self.reply(c.h.send(rok, ["type": "set_orders", "orders": [[String: Any]](), "consents": ["smuggle": "block"]]))
        #expect(consent.code == "unknown_action" && !consent.message.contains(smuggle.name))

        let deals = c.h.room.state.deals.count
        let deal = Self.reply(c.h.send(rok, ["type": "propose_deal", "commitments": [["team": "dprk", "action": "smuggle"], ["team": "rok", "action": "fund_aid", "params": ["amount": 1]]]]))
        #expect(deal.code == "unknown_action" && !deal.message.contains(smuggle.name))
        #expect(c.h.room.state.deals.count == deals, "no deal naming it reaches anyone's view")

        // Another team's action that is not covert is still refused as not theirs, by name.
        #expect(Self.reply(c.h.send(c.member("dprk").client, ["type": "set_orders", "orders": [["action": "press_seoul"]]])).code == "not_your_action")
        // The DPRK orders its own covert action as before.
        #expect(Self.reply(c.h.send(c.member("dprk").client, ["type": "set_orders", "orders": [["action": "smuggle"]]])).code == nil)
    }
}
