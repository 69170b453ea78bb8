extension Engine {
    /// The match as one viewer may see it. Built only from what that viewer may know.
    public func view(of state: GameState, for viewer: Viewer) -> GameView {
        var parts = ViewParts()
        return view(of: state, for: viewer, sharing: &parts)
    }

    /// The match as one viewer may see it, reusing (and filling) `parts`: what several viewers' views of the same
    /// state have in common, so views of one state for several audiences compute each team's actions once.
    /// `parts` must come from views of this same state by this same engine.
    public func view(of state: GameState, for viewer: Viewer, sharing parts: inout ViewParts) -> GameView {
        let teamID: String?
        let mask: UInt32?   // nil: sees everything
        switch viewer {
        case .instructor: teamID = nil; mask = nil
        case .observer: teamID = nil; mask = 0
        case .team(let t): teamID = ruleset.teams[t].id; mask = 1 << UInt32(t)
        }
        func sees(_ visibility: UInt32) -> Bool { Self.sees(visibility, mask: mask) }
        func seesRecord(_ r: Record) -> Bool {
            guard mask != nil else { return true }
            guard let list = r.visibleTo else { return true }
            guard let teamID else { return false }
            return list.contains(teamID)
        }
        // By index, not by element: iterating the ruleset's teams would copy each whole team to read four fields.
        let teams = ruleset.teams.indices.map { i in
            let own = mask == nil || teamID == ruleset.teams[i].id
            return GameView.TeamInfo(fixed: own ? teamParts[i].own : teamParts[i].others, locked: state.locked[i], budget: own ? state.budgets[i] : nil)
        }
        var tracks: [GameView.TrackInfo] = []
        tracks.reserveCapacity(ruleset.tracks.count)
        for i in ruleset.tracks.indices where sees(state.trackVisibility[i]) {
            let hidden = mask == nil && state.trackVisibility[i] != .max
                ? ruleset.teams.indices.filter { state.trackVisibility[i] & (1 << UInt32($0)) == 0 }.map { ruleset.teams[$0].id } : nil
            tracks.append(GameView.TrackInfo(fixed: trackParts[i], value: state.tracks[i], level: trackLevels[i].first { $0.from <= state.tracks[i] }?.name,
                                             hiddenFrom: hidden?.isEmpty == true ? nil : hidden))
        }
        // By index, as the teams: enumerating would copy each whole flag and project.
        let flags = ruleset.flags.indices.filter { sees(ruleset.flags[$0].visibility.mask) }.map { i in
            GameView.FlagInfo(id: ruleset.flags[i].id, name: ruleset.flags[i].name, value: state.flags[i])
        }
        let projects = ruleset.projects.indices.filter { sees(ruleset.projects[$0].visibility.mask) }.map { i in
            GameView.ProjectInfo(id: ruleset.projects[i].id, name: ruleset.projects[i].name, status: ruleset.projects[i].statuses[state.projects[i]],
                                 index: state.projects[i], statuses: ruleset.projects[i].statuses)
        }
        if parts.date == nil { parts.date = date(ofTurn: max(1, state.turn)) }
        var view = GameView(viewer: teamID ?? (mask == nil ? "instructor" : "observer"), ruleset: ruleset.id, title: ruleset.title,
                            turn: state.turn, turns: ruleset.calendar.turns, date: parts.date!, phase: state.phase,
                            teams: teams, tracks: tracks, flags: flags, projects: projects, orders: nil, spent: nil, actions: nil,
                            consents: nil, catalog: nil, events: nil, deals: [], objectives: nil,
                            records: records(state.records.filter(seesRecord), as: viewer), outcome: nil)
        view.map = mapInfo(in: state, mask: mask)
        let visibleTeams: [Int]
        switch viewer {
        case .instructor: visibleTeams = Array(ruleset.teams.indices)
        case .observer: visibleTeams = []
        case .team(let t): visibleTeams = [t]
        }
        if !visibleTeams.isEmpty {
            view.orders = Dictionary(uniqueKeysWithValues: visibleTeams.map { (ruleset.teams[$0].id, state.drafts[$0]) })
            view.spent = Dictionary(uniqueKeysWithValues: visibleTeams.map { (ruleset.teams[$0].id, draftCost(team: $0, in: state)) })
            if parts.actions.isEmpty {
                parts.actions = Array(repeating: nil, count: ruleset.teams.count)
                parts.consents = Array(repeating: nil, count: ruleset.teams.count)
            }
            var actions: [GameView.ActionInfo] = []
            var consents: [GameView.ConsentInfo] = []
            for t in visibleTeams {
                if parts.actions[t] == nil { parts.actions[t] = availability(team: t, in: state) }
                if parts.consents[t] == nil { parts.consents[t] = consentQuestions(team: t, in: state) }
                // One team's lists are shared with `parts`, not copied element by element.
                if actions.isEmpty { actions = parts.actions[t]! } else { actions += parts.actions[t]! }
                if consents.isEmpty { consents = parts.consents[t]! } else { consents += parts.consents[t]! }
            }
            view.actions = actions
            view.consents = consents
            view.catalog = catalog
            view.deals = state.deals.filter { deal in visibleTeams.contains { deal.parties.contains(ruleset.teams[$0].id) } }
            if state.outcome != nil {
                view.objectives = ruleset.objectives.indices.filter { ruleset.objectives[$0].team.map(visibleTeams.contains) ?? true }
                    .map { objectiveInfo(ruleset.objectives[$0], state, reveal: true) }
            } else {
                // Until the match ends they say the same on every turn: every view shares the lists built once.
                view.objectives = mask == nil ? hiddenObjectives.all : hiddenObjectives.team[visibleTeams[0]]
            }
        }
        if case .instructor = viewer {
            // Until an event fires, every view shares the engine's list (and the diff compares it in O(1)).
            var events = eventViews
            for i in events.indices where events[i].fired != state.eventsFired[i] { events[i].fired = state.eventsFired[i] }
            view.events = events
        }
        if let i = state.outcome, let scores = state.scores {
            let outcome = ruleset.outcomes[i]
            view.outcome = GameView.OutcomeInfo(id: outcome.id, name: outcome.name, text: outcome.text, reason: state.endReason ?? "",
                                                scores: Dictionary(uniqueKeysWithValues: ruleset.teams.indices.map { (ruleset.teams[$0].id, scores[$0]) }),
                                                objectives: ruleset.objectives.map { objectiveInfo($0, state, reveal: true) })
        }
        return view
    }

    /// Whether a viewer may see what has `visibility` (a mask of teams, `.max`: everyone). `mask`: the viewer's
    /// team bit, 0 for the observer, nil for the instructor (who sees everything).
    /// A record as a viewer may read it. A change a covert action made is seen by whoever may see what it changed,
    /// but which action caused it is left out (`reason`) for anyone but the teams that may order that action and the
    /// instructor: other teams see the change "without learning why" (docs/rulesets.md, `covert`).
    public func record(_ r: Record, as viewer: Viewer) -> Record {
        guard hidesCause(of: r, from: viewer) else { return r }
        var seen = r
        seen.reason = nil
        return seen
    }

    /// Whether `record(_:as:)` leaves the record's cause out for this viewer.
    public func hidesCause(of r: Record, from viewer: Viewer) -> Bool {
        guard !covertCauses.isEmpty, let reason = r.reason, let teams = covertCauses[reason] else { return false }
        switch viewer {
        case .instructor: return false
        case .observer: return true
        case .team(let t): return teams & (1 << UInt32(t)) == 0
        }
    }

    /// Records as a viewer may read them (see `record(_:as:)`); the same array when no cause is left out.
    func records(_ list: [Record], as viewer: Viewer) -> [Record] {
        guard !covertCauses.isEmpty, list.contains(where: { hidesCause(of: $0, from: viewer) }) else { return list }
        return list.map { record($0, as: viewer) }
    }

    static func sees(_ visibility: UInt32, mask: UInt32?) -> Bool {
        guard let mask else { return true }
        return visibility == .max || (mask != 0 && visibility & mask != 0)
    }

    private func objectiveInfo(_ o: Ruleset.Objective, _ state: GameState, reveal: Bool) -> GameView.ObjectiveInfo {
        guard reveal else { return Self.hiddenObjectiveInfo(o, ruleset) }
        switch o.scoring {
        case .condition(let cond, let p): return Self.objectiveInfo(o, ruleset, points: p, met: holds(cond, in: state))
        case .score(let expr):
            let points = evaluate(expr, in: state)
            return Self.objectiveInfo(o, ruleset, points: points, met: points > 0)
        }
    }

    static func objectiveInfo(_ o: Ruleset.Objective, _ ruleset: Ruleset, points: Int, met: Bool?) -> GameView.ObjectiveInfo {
        GameView.ObjectiveInfo(id: o.id, team: o.team.map { ruleset.teams[$0].id } ?? "all", text: o.text, points: points, met: met)
    }

    /// An objective as views list it before the match ends: a condition's points, a score's 0, not yet met or not.
    static func hiddenObjectiveInfo(_ o: Ruleset.Objective, _ ruleset: Ruleset) -> GameView.ObjectiveInfo {
        switch o.scoring {
        case .condition(_, let p): objectiveInfo(o, ruleset, points: p, met: nil)
        case .score: objectiveInfo(o, ruleset, points: 0, met: nil)
        }
    }

    /// The objectives as views list them before the match ends, built once: the instructor's list (all of them) and
    /// each team's (its own and everyone's).
    static func hiddenObjectives(_ ruleset: Ruleset) -> (all: [GameView.ObjectiveInfo], team: [[GameView.ObjectiveInfo]]) {
        let all = ruleset.objectives.map { hiddenObjectiveInfo($0, ruleset) }
        let team = ruleset.teams.indices.map { t in
            ruleset.objectives.indices.filter { ruleset.objectives[$0].team.map { $0 == t } ?? true }.map { all[$0] }
        }
        return (all, team)
    }

    /// One of the engine's phrases in views: English as written here, or the phrase catalog's.
    func phrase(_ key: String, _ english: String) -> String {
        phrases?.text(key) ?? english
    }

    /// What a team's agreed deals order for it this turn: each action with the first deal that promises it, and
    /// what they cost together (commitments that are consents cost nothing).
    public func promisedActions(team t: Int, in state: GameState) -> (actions: [String: Int], cost: Int) {
        var actions: [String: Int] = [:]
        var cost = 0
        let teamID = ruleset.teams[t].id
        for deal in state.deals where deal.status == .agreed {
            for c in deal.commitments where c.team == teamID {
                guard let id = c.action, let a = actionIndex[id] else { continue }
                // A second step of a non-repeatable action comes back "duplicate" and is not charged.
                if actions[id] != nil, !ruleset.actions[a].repeatable { continue }
                cost += ruleset.actions[a].cost
                if actions[id] == nil { actions[id] = deal.id }
            }
        }
        return (actions, cost)
    }

    /// What adjudication charges for a team's draft, given what its agreed deals already order (`promised`): each
    /// order's cost, except an order of a non-repeatable action a deal (or an earlier line) already orders, which comes
    /// back "duplicate" and is charged nothing (Engine+Adjudication).
    public func cost(of orders: TeamOrders, team: Int, promised: [String: Int] = [:]) -> Int {
        var seen = Set(promised.keys)
        return orders.orders.reduce(0) { sum, order in
            guard let a = actionIndex[order.action] else { return sum }
            let action = ruleset.actions[a]
            if !action.repeatable, !seen.insert(order.action).inserted { return sum }
            return sum + action.cost
        }
    }

    /// What adjudication charges for a team's draft as things stand: its agreed deals' steps are ordered first.
    public func draftCost(team t: Int, in state: GameState) -> Int {
        cost(of: state.drafts[t], team: t, promised: promisedActions(team: t, in: state).actions)
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date a turn stands for: derived from the calendar when it gives a year and month.
    public func date(ofTurn turn: Int) -> String {
        let start = ruleset.calendar.start
        guard let months = ruleset.calendar.monthsPerTurn, start.count >= 7,
              let year = Int(start.prefix(4)), let month = Int(start.dropFirst(5).prefix(2)) else {
            if let phrases {
                return start.isEmpty ? phrases.text("view.date.turn", ["turn": String(turn)])
                    : phrases.text("view.date.start_turn", ["start": start, "turn": String(turn)])
            }
            return start.isEmpty ? "Turn \(turn)" : "\(start), turn \(turn)"
        }
        let total = year * 12 + (month - 1) + (turn - 1) * months
        if let phrases { return phrases.month(year: total / 12, month: total % 12 + 1) }
        return Self.monthNames[total % 12] + " " + String(total / 12)
    }

    /// For each action of a team: its cost, parameters, chance now, and whether it can be taken now, and if not, why.
    public func availability(team t: Int, in state: GameState) -> [GameView.ActionInfo] {
        let drafting = state.phase == .negotiation || state.phase == .orders
        // What is left and what is drafted matter only while this team may still draft.
        let open = drafting && !state.locked[t]
        // Agreed deals' actions are ordered at adjudication before the draft (docs/rulesets.md, "How a turn is
        // resolved"): they take their share of the budget, and a second order of one comes back "duplicate".
        let promised = open ? promisedActions(team: t, in: state) : (actions: [:], cost: 0)
        let left = open ? state.budgets[t] - cost(of: state.drafts[t], team: t, promised: promised.actions) - promised.cost : 0
        let drafted = open ? Set(state.drafts[t].orders.map(\.action)) : []
        var list: [GameView.ActionInfo] = []
        list.reserveCapacity(teamActions[t].count)
        // Why no action can be taken now, if that holds for all of them.
        let closed: (code: String, text: String)? = if state.phase == .ended { ("match_over", phrase("view.reason.match_over", "the match is over")) }
            else if !drafting { ("not_drafting", phrase("view.reason.not_drafting", "orders are given in the negotiation and orders phases")) }
            else if state.locked[t] { ("locked", phrase("view.reason.locked", "your orders are locked for this turn")) }
            else { nil }
        // By index, not by element, and each action lent from the buffer: iterating the ruleset's actions, or reading
        // one out of the array for each property, retains it each time.
        ruleset.actions.withUnsafeBufferPointer { actions in
            for (i, fixed) in teamActions[t] {
                actions.lend(i) { action in
                    var reason = closed
                    if reason == nil, !action.repeatable, let deal = promised.actions[action.id] {
                        reason = ("promised", phrases?.text("view.reason.promised", ["deal": String(deal)]) ?? "already promised in deal \(deal), which orders it this turn")
                    } else if reason == nil, !action.repeatable, drafted.contains(action.id) {
                        reason = ("already_ordered", phrase("view.reason.already_ordered", "already in your orders this turn"))
                    } else if reason == nil, action.cost > left {
                        let cost = action.cost
                        // Below 0 (agreed deals' steps already cost more than the budget), say by how much, not "-2 left".
                        reason = left < 0
                            ? ("cost", phrases?.text("view.reason.cost_over", ["cost": String(cost), "over": String(-left)])
                                ?? "costs \(cost), and your orders are already \(-left) over budget")
                            : ("cost", phrases?.text("view.reason.cost", ["cost": String(cost), "left": String(left)]) ?? "costs \(cost), you have \(left) left")
                    }
                    // A requirement the state fails is named even when another reason comes first (already drafted,
                    // promised, over budget, the team's orders locked): it would still stop the order, or an agreed
                    // deal's step, at adjudication. Not outside the drafting phases, when nothing is ordered.
                    var unmet: String?
                    if closed == nil || closed?.code == "locked", let failed = actionViews[i].checks.first(where: { !holds($0.condition, in: state) }) {
                        if reason == nil { reason = ("requirement", failed.reason) } else { unmet = failed.reason }
                    }
                    var chance: Int?
                    if let base = action.chance {
                        var c = base
                        for m in actionViews[i].modifiers where holds(m.condition, in: state) { c += m.add }
                        chance = max(0, min(100, c))
                    }
                    var info = GameView.ActionInfo(fixed: fixed, chance: chance, available: reason == nil, reason: reason?.text, reasonCode: reason?.code)
                    info.requirement = unmet
                    list.append(info)
                }
            }
        }
        return list
    }

    static func parameterInfo(_ action: Ruleset.Action, _ ruleset: Ruleset) -> [GameView.ParameterInfo] {
        action.parameters.map { p in
            switch p.kind {
            case .number: return GameView.ParameterInfo(id: p.id, type: "number", choices: nil, min: p.min, max: p.max, label: p.label)
            case .team: return GameView.ParameterInfo(id: p.id, type: "team", choices: p.choices.map { GameView.Choice(id: ruleset.teams[$0].id, name: ruleset.teams[$0].name) }, label: p.label)
            case .project: return GameView.ParameterInfo(id: p.id, type: "project", choices: p.choices.map { GameView.Choice(id: ruleset.projects[$0].id, name: ruleset.projects[$0].name) }, label: p.label)
            }
        }
    }

    /// The other teams' actions on which a team has a say this turn, with its current decision.
    public func consentQuestions(team t: Int, in state: GameState) -> [GameView.ConsentInfo] {
        // By index, as `availability`: iterating would copy each whole action.
        let actions = ruleset.actions
        return actions.indices.compactMap { i in
            guard let consent = actions[i].consent, consent.from.contains(t) else { return nil }
            return GameView.ConsentInfo(action: actions[i].id, name: actions[i].name, teams: actions[i].teams.map { ruleset.teams[$0].id },
                                        rule: consent.rule.rawValue, decision: state.drafts[t].consents[actions[i].id])
        }
    }

    func usesParameters(_ expr: Expr) -> Bool { Self.usesParameters(expr.node) }

    static func usesParameters(_ expr: ExprNode) -> Bool {
        expr.contains { node in
            switch node {
            case .parameter, .projectParameter, .revealed(_, .parameter): true
            default: false
            }
        }
    }
}
