import ArmisticeEngine

/// Takes another bot's orders but gives the same answer to every consent question: "what if the US always blocks".
public struct ConsentPolicyBot: Bot {
    var inner: GreedyBot
    let decision: ConsentDecision

    public init(inner: GreedyBot, decision: ConsentDecision) {
        self.inner = inner
        self.decision = decision
    }

    public mutating func orders(engine: Engine, state: GameState, team: Int) -> TeamOrders {
        var orders = inner.orders(engine: engine, state: state, team: team)
        orders.consents = [:]
        for question in engine.consentQuestions(team: team, in: state) { orders.consents[question.action] = decision }
        return orders
    }
}
