import ArmisticeErrors

extension Engine {
    /// An order checked against the ruleset: the action's index and its parameters as integers.
    public struct ResolvedOrder: Sendable, Hashable {
        public var action: Int
        public var params: [Int]
    }

    /// Checks an order's action and parameters for a team, without looking at budget or preconditions.
    public func resolve(_ order: Order, team t: Int) throws(EngineError) -> ResolvedOrder {
        guard let a = knownAction(order.action, to: t) else { throw unknownAction(order.action, team: t) }
        let action = ruleset.actions[a]
        guard action.teams.contains(t) else {
            throw refusal(.notYourAction, "error.not_your_action.team", ["action": .action(action.id), "team": .team(ruleset.teams[t].id)])
        }
        for key in order.params.keys where !action.parameters.contains(where: { $0.id == key }) {
            throw refusal(.badParameter, "error.bad_parameter.unknown", ["action": .action(action.id), "parameter": .text(key)])
        }
        var values: [Int] = []
        for p in action.parameters {
            guard let given = order.params[p.id] else {
                throw refusal(.badParameter, "error.bad_parameter.missing", ["action": .action(action.id), "parameter": .parameter(action: action.id, id: p.id)])
            }
            switch (p.kind, given) {
            case (.number, .number(let n)):
                guard (p.min...p.max).contains(n) else {
                    throw refusal(.badParameter, "error.bad_parameter.range", ["action": .action(action.id), "parameter": .parameter(action: action.id, id: p.id),
                                                                                "min": .number(p.min), "max": .number(p.max), "value": .number(n)])
                }
                values.append(n)
            case (.team, .id(let id)):
                guard let i = teamIndex[id], p.choices.contains(i) else {
                    throw refusal(.badParameter, "error.bad_parameter.choice", ["action": .action(action.id), "parameter": .parameter(action: action.id, id: p.id),
                                                                                 "choices": .list(p.choices.map { .choice(.team(ruleset.teams[$0].id)) })])
                }
                values.append(i)
            case (.project, .id(let id)):
                guard let i = ruleset.projects.firstIndex(where: { $0.id == id }), p.choices.contains(i) else {
                    throw refusal(.badParameter, "error.bad_parameter.choice", ["action": .action(action.id), "parameter": .parameter(action: action.id, id: p.id),
                                                                                 "choices": .list(p.choices.map { .choice(.target(ruleset.projects[$0].id)) })])
                }
                values.append(i)
            default:
                let arguments: [String: ErrorArgument] = ["action": .action(action.id), "parameter": .parameter(action: action.id, id: p.id)]
                switch p.kind {
                case .number: throw refusal(.badParameter, "error.bad_parameter.not_number", arguments)
                case .team: throw refusal(.badParameter, "error.bad_parameter.not_team", arguments)
                case .project: throw refusal(.badParameter, "error.bad_parameter.not_project", arguments)
                }
            }
        }
        return ResolvedOrder(action: a, params: values)
    }

    /// The index of action `id` as team `t` may know it: every action of its own, and other teams' actions unless they
    /// are covert. Another team's covert action is answered as an id that does not exist, so that no request (an order,
    /// a consent, a deal's step) tells a team that it exists, nor its name.
    public func knownAction(_ id: String, to t: Int) -> Int? {
        guard let a = actionIndex[id] else { return nil }
        let action = ruleset.actions[a]
        if action.covert, !action.teams.contains(t), action.consent?.from.contains(t) != true { return nil }
        return a
    }

    /// The refusal of an action id that team `t` does not know, with the closest of its own actions' ids.
    public func unknownAction(_ id: String, team t: Int) -> EngineError {
        refusal(.unknownAction, "error.unknown_action.unknown",
                ["action": .text(id), "suggestion": .didYouMean(Suggest.closest(to: id, in: ruleset.actions.filter { $0.teams.contains(t) }.map(\.id)))])
    }

    /// Checks a whole draft: every order valid, no repeated non-repeatable action, within this turn's budget.
    func validate(_ orders: TeamOrders, team t: Int, state: GameState) throws(EngineError) {
        guard orders.orders.count <= Self.maxOrdersPerTurn else { throw refusal(.tooLong, "error.too_long.orders", ["limit": .number(Self.maxOrdersPerTurn)]) }
        var seen = Set<Int>()
        var cost = 0
        for order in orders.orders {
            let resolved = try resolve(order, team: t)
            let action = ruleset.actions[resolved.action]
            if !action.repeatable, !seen.insert(resolved.action).inserted {
                throw refusal(.duplicateAction, "error.duplicate_action.once", ["action": .action(action.id)])
            }
            cost += action.cost
        }
        if cost > state.budgets[t] {
            throw refusal(.overBudget, "error.over_budget.orders", ["cost": .number(cost), "team": .team(ruleset.teams[t].id), "budget": .number(state.budgets[t])])
        }
        for (actionID, _) in orders.consents {
            guard let a = knownAction(actionID, to: t) else { throw unknownAction(actionID, team: t) }
            guard let consent = ruleset.actions[a].consent, consent.from.contains(t) else {
                throw refusal(.badConsent, "error.bad_consent.no_say", ["team": .team(ruleset.teams[t].id), "action": .action(actionID)])
            }
        }
    }

    // MARK: - Deals

    func proposeDeal(team: String, commitments: [Commitment], note: String, _ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        let t = try self.team(team)
        guard state.phase == .negotiation || state.phase == .orders else {
            throw refusal(.wrongPhase, "error.wrong_phase.propose_deal", ["phase": .phase(state.phase.rawValue)])
        }
        guard !commitments.isEmpty, commitments.count <= 8 else { throw refusal(.badDeal, "error.bad_deal.size", ["max": .number(8)]) }
        guard note.count <= 500 else { throw refusal(.tooLong, "error.too_long.deal_note", ["limit": .number(500)]) }
        guard state.deals.count < 1000 else { throw refusal(.badDeal, "error.bad_deal.too_many") }
        var parties = [ruleset.teams[t].id]
        for c in commitments {
            guard let p = teamIndex[c.team] else {
                throw refusal(.unknownTeam, "error.unknown_team.in_deal", ["team": .text(c.team)])
            }
            if let action = c.action {
                guard c.consent == nil else { throw refusal(.badDeal, "error.bad_deal.both") }
                _ = try resolve(Order(action: action, params: c.params ?? [:]), team: p)
            } else if let consent = c.consent, c.decision != nil {
                guard let a = actionIndex[consent], ruleset.actions[a].consent?.from.contains(p) == true else {
                    throw refusal(.badConsent, "error.bad_consent.deal_no_say", ["team": .team(ruleset.teams[p].id), "action": .action(consent)])
                }
            } else {
                throw refusal(.badDeal, "error.bad_deal.empty_step")
            }
            if !parties.contains(c.team) { parties.append(c.team) }
        }
        guard parties.count >= 2 else { throw refusal(.badDeal, "error.bad_deal.one_party") }
        let deal = Deal(id: state.deals.count + 1, turn: state.turn, proposer: ruleset.teams[t].id, parties: parties,
                        commitments: commitments, accepted: [ruleset.teams[t].id], status: .open, note: note)
        state.deals.append(deal)
        records.append(dealRecord(deal, state.turn))
    }

    func openDeal(_ id: Int, _ state: GameState) throws(EngineError) -> Int {
        guard id >= 1, id <= state.deals.count else {
            throw state.deals.isEmpty ? refusal(.unknownDeal, "error.unknown_deal.none", ["deal": .number(id)])
                : refusal(.unknownDeal, "error.unknown_deal.number", ["deal": .number(id), "count": .number(state.deals.count)])
        }
        let arguments: [String: ErrorArgument] = ["deal": .number(id)]
        switch state.deals[id - 1].status {
        case .open: break
        case .agreed: throw refusal(.dealClosed, "error.deal_closed.agreed", arguments)
        case .rejected: throw refusal(.dealClosed, "error.deal_closed.rejected", arguments)
        case .withdrawn: throw refusal(.dealClosed, "error.deal_closed.withdrawn", arguments)
        case .expired: throw refusal(.dealClosed, "error.deal_closed.expired", arguments)
        case .carriedOut: throw refusal(.dealClosed, "error.deal_closed.carried_out", arguments)
        }
        return id - 1
    }

    func respondToDeal(team: String, id: Int, accept: Bool, _ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        let t = try self.team(team)
        let i = try openDeal(id, state)
        let teamID = ruleset.teams[t].id
        guard state.deals[i].parties.contains(teamID) else { throw refusal(.notAParty, "error.not_a_party.deal", ["team": .team(ruleset.teams[t].id), "deal": .number(id)]) }
        guard state.phase == .negotiation || state.phase == .orders else {
            throw refusal(.wrongPhase, "error.wrong_phase.answer_deal", ["phase": .phase(state.phase.rawValue)])
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
