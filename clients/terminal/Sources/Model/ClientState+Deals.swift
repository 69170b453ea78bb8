import ArmisticeWire

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

    /// How far my team's draft and deals spend past its budget (0 when within it): the last orders past it come back
    /// `over_budget` at adjudication.
    public var overBudget: Int {
        guard let budget = myBudget else { return 0 }
        return max(0, mySpent + committedCost(of: myTeam) - budget)
    }

    /// What locking an over-budget draft will do, said before it is locked; nil within the budget.
    public var overBudgetWarning: String? {
        overBudget > 0 ? t.text("terminal.confirm.over_budget", ["over": t.number(overBudget)]) : nil
    }

    /// The number of the agreed deal that already orders this action for my team, if any.
    public func promisedDeal(_ action: String) -> Int? {
        commitments(of: myTeam).first { $0.commitment.action == action }?.deal
    }

    /// The decision my team will send on a consent question: the one an agreed deal promises (settled by that deal,
    /// as the browser shows it), else the draft's, else the view's, else `undecided`.
    public func consentDecision(_ action: String) -> (decision: String, deal: Int?) {
        if let promised = commitments(of: myTeam).first(where: { $0.commitment.consent == action }) {
            return (promised.commitment.decision ?? "approve", promised.deal)
        }
        return (myDraft.consents[action] ?? view.consents.first { $0.action == action }?.decision ?? "undecided", nil)
    }

    /// A consent decision in words, naming the deal that settles it when one does.
    public func consentDecisionText(_ action: String) -> String {
        let (decision, deal) = consentDecision(action)
        return deal.map { t.text("terminal.draft.decision_in_deal", ["decision": decisionName(decision), "deal": t.number($0)]) } ?? decisionName(decision)
    }

    /// An order's parameters in words, by their labels: `Project: Kaesong, How much: 3`.
    public func paramsText(_ params: [String: JSONValue], of action: String) -> String {
        let known = view.action(action)?.params ?? []
        return params.sorted { $0.key < $1.key }.map { key, value in
            let label = known.first { $0.id == key }.map { TerminalText.sanitize($0.label(among: known, t)) } ?? key.replacingUnderscores
            return "\(label): \(RecordWords.paramName(value, in: view))"
        }.joined(separator: ", ")
    }

    /// One commitment in words, with team and action names and the parameters' labels.
    public func commitmentText(_ c: CommitmentInfo) -> String {
        let team = TerminalText.sanitize(view.teamName(c.team))
        if let action = c.action {
            let params = paramsText(c.params, of: action)
            return t.text("terminal.commitment.action", ["team": team, "action": RecordWords.actionName(action, in: view)])
                + (params.isEmpty ? "" : " (" + params + ")")
        }
        let key = c.decision == "block" ? "terminal.commitment.block" : "terminal.commitment.approve"
        return t.text(key, ["team": team, "action": RecordWords.actionName(c.consent ?? "?", in: view)])
    }

    /// A deal's card: number, status, proposer, commitments, note, and whom it waits for.
    public func dealText(_ d: DealInfo) -> String {
        var text = t.text("terminal.deals.head", ["id": t.number(d.id), "status": dealStatusName(d.status), "team": TerminalText.sanitize(view.teamName(d.proposer))])
            + d.commitments.map(commitmentText).joined(separator: "; ")
        if !d.note.isEmpty { text += " “\(TerminalText.sanitize(d.note))”" }
        let waiting = d.parties.filter { !d.accepted.contains($0) }.map { TerminalText.sanitize(view.teamName($0)) }
        if d.status == "open", !waiting.isEmpty { text += t.text("terminal.deals.waiting", ["teams": waiting.joined(separator: ", ")]) }
        return text
    }

    /// What a deal will do, said on its card so nobody is surprised at adjudication.
    public func dealEffect(_ d: DealInfo) -> String {
        let mine = myTeam.map { me in d.commitments.filter { $0.team == me && $0.action != nil } } ?? []
        let cost = mine.reduce(0) { $0 + view.actionCost($1.action ?? "", team: $1.team) }
        let ours = mine.isEmpty ? "" : " " + t.text("terminal.deal.effect.yours", ["cost": t.number(cost)], count: mine.count)
        switch d.status {
        case "open": return t.text("terminal.deal.effect.open") + ours
        case "agreed": return t.text("terminal.deal.effect.agreed") + ours
        case "carried_out": return t.text("terminal.deal.effect.carried_out", ["turn": t.number(d.turn)])
        case "expired": return t.text("terminal.deal.effect.expired")
        case "rejected": return t.text("terminal.deal.effect.rejected")
        case "withdrawn": return t.text("terminal.deal.effect.withdrawn")
        default: return ""
        }
    }
}
