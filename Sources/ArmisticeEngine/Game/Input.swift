/// Everything that can change a game. Inputs are the only way state changes, so a log of them replays a match exactly.
public enum Input: Sendable, Hashable {
    /// Leave setup and begin the first turn's briefing.
    case start
    /// Move to the next phase (the clock ran out, every team locked in, or the instructor skipped).
    case advance
    /// Replace a team's draft orders.
    case setOrders(team: String, orders: TeamOrders)
    /// Lock a team's orders: they can no longer change this turn.
    case lockOrders(team: String)
    case proposeDeal(team: String, commitments: [Commitment], note: String)
    case respondToDeal(team: String, deal: Int, accept: Bool)
    case withdrawDeal(team: String, deal: Int)
    /// The instructor fires a scenario event now.
    case injectEvent(event: String)
    /// The instructor publishes a news item.
    case injectNews(text: String)
    /// The instructor sets a track, flag (0 or 1) or project (status index) to a value, saying why.
    case adjust(target: String, value: Int, reason: String)
    /// The instructor ends the match now; the ending is judged on the state as it stands.
    case end(reason: String)
}

extension Input: Codable {
    private enum CodingKeys: String, CodingKey { case type, team, orders, commitments, note, deal, accept, event, text, target, value, reason }

    public var type: String {
        switch self {
        case .start: "start"
        case .advance: "advance"
        case .setOrders: "set_orders"
        case .lockOrders: "lock_orders"
        case .proposeDeal: "propose_deal"
        case .respondToDeal: "respond_deal"
        case .withdrawDeal: "withdraw_deal"
        case .injectEvent: "inject_event"
        case .injectNews: "inject_news"
        case .adjust: "adjust"
        case .end: "end"
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "start": self = .start
        case "advance": self = .advance
        case "set_orders": self = .setOrders(team: try c.decode(String.self, forKey: .team), orders: try c.decode(TeamOrders.self, forKey: .orders))
        case "lock_orders": self = .lockOrders(team: try c.decode(String.self, forKey: .team))
        case "propose_deal":
            self = .proposeDeal(team: try c.decode(String.self, forKey: .team), commitments: try c.decode([Commitment].self, forKey: .commitments),
                                note: try c.decodeIfPresent(String.self, forKey: .note) ?? "")
        case "respond_deal":
            self = .respondToDeal(team: try c.decode(String.self, forKey: .team), deal: try c.decode(Int.self, forKey: .deal),
                                  accept: try c.decode(Bool.self, forKey: .accept))
        case "withdraw_deal": self = .withdrawDeal(team: try c.decode(String.self, forKey: .team), deal: try c.decode(Int.self, forKey: .deal))
        case "inject_event": self = .injectEvent(event: try c.decode(String.self, forKey: .event))
        case "inject_news": self = .injectNews(text: try c.decode(String.self, forKey: .text))
        case "adjust":
            self = .adjust(target: try c.decode(String.self, forKey: .target), value: try c.decode(Int.self, forKey: .value),
                           reason: try c.decode(String.self, forKey: .reason))
        case "end": self = .end(reason: try c.decodeIfPresent(String.self, forKey: .reason) ?? "")
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown input type \"\(type)\"")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .start, .advance: break
        case .setOrders(let team, let orders): try c.encode(team, forKey: .team); try c.encode(orders, forKey: .orders)
        case .lockOrders(let team): try c.encode(team, forKey: .team)
        case .proposeDeal(let team, let commitments, let note):
            try c.encode(team, forKey: .team); try c.encode(commitments, forKey: .commitments); try c.encode(note, forKey: .note)
        case .respondToDeal(let team, let deal, let accept):
            try c.encode(team, forKey: .team); try c.encode(deal, forKey: .deal); try c.encode(accept, forKey: .accept)
        case .withdrawDeal(let team, let deal): try c.encode(team, forKey: .team); try c.encode(deal, forKey: .deal)
        case .injectEvent(let event): try c.encode(event, forKey: .event)
        case .injectNews(let text): try c.encode(text, forKey: .text)
        case .adjust(let target, let value, let reason):
            try c.encode(target, forKey: .target); try c.encode(value, forKey: .value); try c.encode(reason, forKey: .reason)
        case .end(let reason): try c.encode(reason, forKey: .reason)
        }
    }
}
