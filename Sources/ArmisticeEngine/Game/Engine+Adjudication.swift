import Foundation
extension Engine {
    private struct Pending {
        var team: Int
        var order: Order
        var resolved: ResolvedOrder
        var success: Bool
        /// Where its order record is, so a guard that fails at effect time can mark it lapsed.
        var record: Int
    }

    /// Resolves every team's orders together. See docs/rulesets.md, "How a turn is resolved", for the order.
    func adjudicate(_ state: inout GameState, _ records: inout [Record]) {
        let start = state   // preconditions, consents and chances all read the state as adjudication began
        var consents = state.drafts.map(\.consents)
        var ordersByTeam: [[Order]] = Array(repeating: [], count: ruleset.teams.count)
        for i in state.deals.indices {
            switch state.deals[i].status {
            case .agreed:
                for c in state.deals[i].commitments {
                    guard let t = teamIndex[c.team] else { continue }
                    if let action = c.action { ordersByTeam[t].append(Order(action: action, params: c.params ?? [:])) }
                    if let consent = c.consent, let decision = c.decision { consents[t][consent] = decision }
                }
                state.deals[i].status = .carriedOut
                records.append(dealRecord(state.deals[i], state.turn))
            case .open:
                state.deals[i].status = .expired
                records.append(dealRecord(state.deals[i], state.turn))
            default: break
            }
        }
        var pending: [Pending] = []
        for t in ruleset.teams.indices {
            var spent = 0
            var seen = Set<Int>()
            for order in ordersByTeam[t] + state.drafts[t].orders {
                var r = Record(kind: .order, turn: state.turn)
                r.team = ruleset.teams[t].id
                r.action = order.action
                r.params = order.params.isEmpty ? nil : order.params
                guard let resolved = try? resolve(order, team: t) else {
                    r.result = "invalid"
                    r.visibleTo = [ruleset.teams[t].id]
                    records.append(r)
                    continue
                }
                let action = ruleset.actions[resolved.action]
                if action.covert { r.visibleTo = [ruleset.teams[t].id] }
                if !action.repeatable, !seen.insert(resolved.action).inserted {
                    r.result = "duplicate"
                    r.reason = "ordered more than once this turn"
                    records.append(r)
                    continue
                }
                if spent + action.cost > start.budgets[t] {
                    r.result = "over_budget"
                    r.reason = "costs \(action.cost), only \(start.budgets[t] - spent) left"
                    records.append(r)
                    continue
                }
                if let failed = action.requirements.first(where: { !holds($0.condition, in: start, params: resolved.params) }) {
                    r.result = "precondition_failed"
                    r.reason = failed.reason
                    records.append(r)
                    continue
                }
                spent += action.cost
                if let consent = action.consent {
                    let refusers = consent.from.filter { c in
                        let decision = consents[c][action.id]
                        return consent.rule == .veto ? decision == .block : decision != .approve
                    }
                    if !refusers.isEmpty {
                        r.result = "refused"
                        r.reason = (consent.rule == .veto ? "blocked by " : "not approved by ")
                            + refusers.map { ruleset.teams[$0].name }.joined(separator: ", ")
                        records.append(r)
                        pending.append(Pending(team: t, order: order, resolved: resolved, success: false, record: records.count - 1))
                        continue
                    }
                }
                var success = true
                if let base = action.chance {
                    var chance = base
                    var applied: [Record.Modifier] = []
                    for m in action.modifiers where holds(m.condition, in: start, params: resolved.params) {
                        chance += m.add
                        applied.append(Record.Modifier(reason: m.reason, add: m.add))
                    }
                    chance = max(0, min(100, chance))
                    let roll = state.random.roll(100)
                    success = roll <= chance
                    r.chance = chance
                    r.roll = roll
                    r.modifiers = applied.isEmpty ? nil : applied
                }
                r.result = success ? "success" : "failure"
                records.append(r)
                pending.append(Pending(team: t, order: order, resolved: resolved, success: success, record: records.count - 1))
            }
        }
        for var p in pending {
            let action = ruleset.actions[p.resolved.action]
            let cause = actionCauses[p.resolved.action]
            // Guards read the state as resolved so far: orders earlier in this loop have already applied their effects.
            if p.success, let failed = action.guards.first(where: { !holds($0.condition, in: state, params: p.resolved.params) }) {
                p.success = false
                records[p.record].result = "lapsed"
                records[p.record].reason = failed.reason
            }
            execute(p.success ? action.effects : action.failureEffects, on: &state, params: p.resolved.params, cause: cause, into: &records)
            if let news = p.success ? action.news : action.failureNews {
                var n = Record(kind: .news, turn: state.turn, visibleTo: action.covert ? [ruleset.teams[p.team].id] : nil)
                n.text = fill(news, team: p.team, order: p.order, resolved: p.resolved)
                n.team = ruleset.teams[p.team].id
                n.action = action.id
                records.append(n)
            }
            // An intel message goes to the teams it names, a covert action's too: the scenario chose to tell them (the
            // other side's spies notice). What `covert` hides is the order, its dice and its news.
            for message in p.success ? action.intel : action.failureIntel {
                let audience = teamList(message.to.mask) ?? ruleset.teams.map(\.id)
                guard !audience.isEmpty else { continue }
                var n = Record(kind: .intel, turn: state.turn, visibleTo: audience)
                n.text = fill(message.text, team: p.team, order: p.order, resolved: p.resolved)
                n.action = action.id
                records.append(n)
            }
        }
        execute(ruleset.upkeep, on: &state, params: [], cause: "upkeep", into: &records)
        if let i = ruleset.outcomes.firstIndex(where: { $0.immediate && holds($0.condition, in: state) }) {
            conclude(i, &state, &records, reason: ruleset.outcomes[i].name)
        } else if state.turn >= ruleset.calendar.turns {
            finish(&state, &records, reason: "the last turn was played")
        }
        var h = Record(kind: .hash, turn: state.turn, visibleTo: [])
        h.hash = stateHash(state)
        records.append(h)
    }

    /// Names the ending from the ordered outcomes and scores the objectives.
    func finish(_ state: inout GameState, _ records: inout [Record], reason: String) {
        let i = ruleset.outcomes.firstIndex { holds($0.condition, in: state) } ?? (ruleset.outcomes.count - 1)
        conclude(i, &state, &records, reason: reason)
    }

    func conclude(_ i: Int, _ state: inout GameState, _ records: inout [Record], reason: String) {
        state.outcome = i
        state.endReason = reason
        let scores = score(state)
        state.scores = scores
        var r = Record(kind: .outcome, turn: state.turn)
        r.outcome = ruleset.outcomes[i].id
        r.text = ruleset.outcomes[i].name
        r.reason = reason
        r.scores = Dictionary(uniqueKeysWithValues: ruleset.teams.indices.map { (ruleset.teams[$0].id, scores[$0]) })
        records.append(r)
    }

    /// Each team's score: its objectives plus the shared ones, on the state as it stands.
    public func score(_ state: GameState) -> [Int] {
        var scores = Array(repeating: 0, count: ruleset.teams.count)
        for objective in ruleset.objectives {
            let points: Int
            switch objective.scoring {
            case .condition(let cond, let p): points = holds(cond, in: state) ? p : 0
            case .score(let expr): points = evaluate(expr, in: state)
            }
            if let t = objective.team { scores[t] += points } else { for t in scores.indices { scores[t] += points } }
        }
        return scores
    }

    /// Fills `{team}` and `{param}` placeholders with readable names.
    func fill(_ template: String, team: Int, order: Order, resolved: ResolvedOrder) -> String {
        let utf8 = template.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return template }
        let action = ruleset.actions[resolved.action]
        var out = ""
        out.reserveCapacity(utf8.count + 32)
        var rest = Substring(template)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")), let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
            out += rest[..<open]
            let key = rest[rest.index(after: open)..<close]
            if key == "team" {
                out += ruleset.teams[team].name
            } else if let k = action.parameters.firstIndex(where: { $0.id == key }), k < resolved.params.count {
                let value = resolved.params[k]
                switch action.parameters[k].kind {
                case .number: out += String(value)
                case .team: out += ruleset.teams[value].name
                case .project: out += ruleset.projects[value].name
                }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
