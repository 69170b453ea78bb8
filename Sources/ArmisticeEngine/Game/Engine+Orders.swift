extension Engine {
    /// An order checked against the ruleset: the action's index and its parameters as integers.
    public struct ResolvedOrder: Sendable, Hashable {
        public var action: Int
        public var params: [Int]
    }

    /// Checks an order's action and parameters for a team, without looking at budget or preconditions.
    public func resolve(_ order: Order, team t: Int) throws(EngineError) -> ResolvedOrder {
        guard let a = actionIndex[order.action] else {
            throw EngineError(.unknownAction, "unknown action \"\(order.action)\""
                              + (Suggest.didYouMean(order.action, in: ruleset.actions.filter { $0.teams.contains(t) }.map(\.id)).map { "; \($0)" } ?? ""))
        }
        let action = ruleset.actions[a]
        guard action.teams.contains(t) else {
            throw EngineError(.notYourAction, "\"\(action.name)\" is not an action of \(ruleset.teams[t].name)")
        }
        for key in order.params.keys where !action.parameters.contains(where: { $0.id == key }) {
            throw EngineError(.badParameter, "\"\(action.name)\" has no parameter \"\(key)\"")
        }
        var values: [Int] = []
        for p in action.parameters {
            guard let given = order.params[p.id] else {
                throw EngineError(.badParameter, "\"\(action.name)\" needs the parameter \"\(p.id)\"")
            }
            switch (p.kind, given) {
            case (.number, .number(let n)):
                guard (p.min...p.max).contains(n) else {
                    throw EngineError(.badParameter, "\"\(p.id)\" must be between \(p.min) and \(p.max), not \(n)")
                }
                values.append(n)
            case (.team, .id(let id)):
                guard let i = teamIndex[id], p.choices.contains(i) else {
                    throw EngineError(.badParameter, "\"\(p.id)\" must be one of \(p.choices.map { ruleset.teams[$0].id }.joined(separator: ", "))")
                }
                values.append(i)
            case (.project, .id(let id)):
                guard let i = ruleset.projects.firstIndex(where: { $0.id == id }), p.choices.contains(i) else {
                    throw EngineError(.badParameter, "\"\(p.id)\" must be one of \(p.choices.map { ruleset.projects[$0].id }.joined(separator: ", "))")
                }
                values.append(i)
            default:
                throw EngineError(.badParameter, "\"\(p.id)\" must be \(p.kind == .number ? "a number" : "the id of a \(p.kind.rawValue)")")
            }
        }
        return ResolvedOrder(action: a, params: values)
    }

    /// Checks a whole draft: every order valid, no repeated non-repeatable action, within this turn's budget.
    func validate(_ orders: TeamOrders, team t: Int, state: GameState) throws(EngineError) {
        guard orders.orders.count <= Self.maxOrdersPerTurn else { throw EngineError(.tooLong, "at most \(Self.maxOrdersPerTurn) orders a turn") }
        var seen = Set<Int>()
        var cost = 0
        for order in orders.orders {
            let resolved = try resolve(order, team: t)
            let action = ruleset.actions[resolved.action]
            if !action.repeatable, !seen.insert(resolved.action).inserted {
                throw EngineError(.duplicateAction, "\"\(action.name)\" can be ordered only once a turn")
            }
            cost += action.cost
        }
        if cost > state.budgets[t] {
            throw EngineError(.overBudget, "these orders cost \(cost) but \(ruleset.teams[t].name) has \(state.budgets[t]) this turn; drop an order")
        }
        for (actionID, _) in orders.consents {
            guard let a = actionIndex[actionID], let consent = ruleset.actions[a].consent, consent.from.contains(t) else {
                throw EngineError(.badConsent, "\(ruleset.teams[t].name) has no say on \"\(actionID)\"")
            }
        }
    }

    // MARK: - Deals

    func proposeDeal(team: String, commitments: [Commitment], note: String, _ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        let t = try self.team(team)
        guard state.phase == .negotiation || state.phase == .orders else {
            throw EngineError(.wrongPhase, "deals are proposed in the negotiation and orders phases (now: \(state.phase.rawValue))")
        }
        guard !commitments.isEmpty, commitments.count <= 8 else { throw EngineError(.badDeal, "a deal holds 1 to 8 commitments") }
        guard note.count <= 500 else { throw EngineError(.tooLong, "a deal's note is limited to 500 characters") }
        guard state.deals.count < 1000 else { throw EngineError(.badDeal, "this match has too many deals") }
        var parties = [ruleset.teams[t].id]
        for c in commitments {
            guard let p = teamIndex[c.team] else {
                throw EngineError(.unknownTeam, "the deal names \"\(c.team)\", which is not a team in this match")
            }
            if let action = c.action {
                guard c.consent == nil else { throw EngineError(.badDeal, "a commitment is either an action or a consent, not both") }
                _ = try resolve(Order(action: action, params: c.params ?? [:]), team: p)
            } else if let consent = c.consent, c.decision != nil {
                guard let a = actionIndex[consent], ruleset.actions[a].consent?.from.contains(p) == true else {
                    throw EngineError(.badConsent, "\(ruleset.teams[p].name) has no say on \"\(consent)\"")
                }
            } else {
                throw EngineError(.badDeal, "each commitment needs an action, or a consent and a decision")
            }
            if !parties.contains(c.team) { parties.append(c.team) }
        }
        guard parties.count >= 2 else { throw EngineError(.badDeal, "a deal needs at least one other team") }
        let deal = Deal(id: state.deals.count + 1, turn: state.turn, proposer: ruleset.teams[t].id, parties: parties,
                        commitments: commitments, accepted: [ruleset.teams[t].id], status: .open, note: note)
        state.deals.append(deal)
        records.append(dealRecord(deal, state.turn))
    }

    func openDeal(_ id: Int, _ state: GameState) throws(EngineError) -> Int {
        guard id >= 1, id <= state.deals.count else { throw EngineError(.unknownDeal, "there is no deal \(id); the deals in your view have the numbers 1 to \(state.deals.count)") }
        guard state.deals[id - 1].status == .open else {
            throw EngineError(.dealClosed, "deal \(id) is \(state.deals[id - 1].status.rawValue), no longer open")
        }
        return id - 1
    }

    func respondToDeal(team: String, id: Int, accept: Bool, _ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        let t = try self.team(team)
        let i = try openDeal(id, state)
        let teamID = ruleset.teams[t].id
        guard state.deals[i].parties.contains(teamID) else { throw EngineError(.notAParty, "\(ruleset.teams[t].name) is not a party to deal \(id)") }
        guard state.phase == .negotiation || state.phase == .orders else {
            throw EngineError(.wrongPhase, "deals are answered in the negotiation and orders phases")
        }
        if accept {
            // Accepting again (the proposer, or a party that has accepted) changes nothing and records nothing.
            guard !state.deals[i].accepted.contains(teamID) else { return }
            state.deals[i].accepted.append(teamID)
            if state.deals[i].parties.allSatisfy(state.deals[i].accepted.contains) { state.deals[i].status = .agreed }
        } else {
            state.deals[i].status = .rejected
        }
        var r = dealRecord(state.deals[i], state.turn)
        r.team = teamID
        records.append(r)
    }

    func dealRecord(_ deal: Deal, _ turn: Int) -> Record {
        var r = Record(kind: .deal, turn: turn, visibleTo: deal.parties)
        r.deal = deal.id
        r.result = deal.status.rawValue
        r.team = deal.proposer
        r.text = deal.note
        return r
    }
}
