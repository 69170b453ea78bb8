/// What agreed deals commit a team to. At adjudication the engine adds these orders and consent decisions to the
/// team's draft by itself (docs/protocol.md, "Playing"): the client shows them as locked lines of the draft, counts
/// their cost in the budget, and refuses to draft the same action again (it would come back "duplicate").
public struct Committed: Sendable, Equatable {
    public var deal: Int
    public var commitment: CommitmentInfo
    public var cost: Int
}

extension ClientState {
    /// The commitments of agreed deals for a team, by deal number.
    public func commitments(of team: String?) -> [Committed] {
        guard let team else { return [] }
        return view.deals.filter { $0.status == "agreed" }.sorted { $0.id < $1.id }.flatMap { d in
            d.commitments.filter { $0.team == team }.map { c in
                Committed(deal: d.id, commitment: c, cost: c.action.map { view.actionCost($0, team: team) } ?? 0)
            }
        }
    }

    /// What the team's agreed deals cost it this turn.
    public func committedCost(of team: String?) -> Int { commitments(of: team).reduce(0) { $0 + $1.cost } }

    /// The number of the agreed deal that already orders this action for my team, if any.
    public func promisedDeal(_ action: String) -> Int? {
        commitments(of: myTeam).first { $0.commitment.action == action }?.deal
    }

    /// One commitment in words, with team and action names and the parameters' names.
    public func commitmentText(_ c: CommitmentInfo) -> String {
        let team = TerminalText.sanitize(view.teamName(c.team))
        if let action = c.action {
            let params = c.params.sorted { $0.key < $1.key }.map { "\($0.key.replacingUnderscores): \(RecordWords.paramName($0.value, in: view))" }
            return "\(team) will \(RecordWords.actionName(action, in: view))" + (params.isEmpty ? "" : " (" + params.joined(separator: ", ") + ")")
        }
        let decision = c.decision == "block" ? "block" : "approve"
        return "\(team) will \(decision) \(RecordWords.actionName(c.consent ?? "?", in: view))"
    }

    /// What a deal will do, said on its card so nobody is surprised at adjudication.
    public func dealEffect(_ d: DealInfo) -> String {
        let mine = myTeam.map { me in d.commitments.filter { $0.team == me && $0.action != nil } } ?? []
        let cost = mine.reduce(0) { $0 + view.actionCost($1.action ?? "", team: $1.team) }
        let ours = mine.isEmpty ? "" : mine.count == 1
            ? " Yours goes into your orders by itself (cost \(cost), counted in your budget): do not draft it."
            : " Yours go into your orders by themselves (cost \(cost), counted in your budget): do not draft them."
        switch d.status {
        case "open": return "If all accept this turn, each commitment is carried out with that team's orders." + ours
        case "agreed": return "Agreed: carried out with this turn's orders at adjudication." + ours
        case "carried_out": return "Carried out at the adjudication of turn \(d.turn): see Results."
        case "expired": return "Expired: not every party accepted in time."
        case "rejected": return "Rejected: nothing happens."
        case "withdrawn": return "Withdrawn: nothing happens."
        default: return ""
        }
    }
}
