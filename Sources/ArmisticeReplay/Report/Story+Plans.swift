import ArmisticeEngine

extension StoryReader {
    // MARK: - Each team's plan beside what happened

    /// The step that resolved a turn's orders (the first with order records or upkeep), if the turn got that far.
    func adjudication(of turn: Int) -> Replay.Step? {
        steps(of: turn).first { $0.records.contains { $0.kind == .order || ($0.kind == .effect && $0.reason == "upkeep") } }
    }

    func teamStories() -> [Story.TeamStory] {
        ruleset.teams.enumerated().map { t, team in
            let turns: [Story.PlanTurn] = turnCount < 1 ? [] : (1...turnCount).map { turn in
                let adj = adjudication(of: turn)
                let draft = (adj.map { replay.steps[$0.index - 1].state } ?? end(of: turn)).drafts[t]
                var planned = draft.orders.map { o in
                    text.action(o.action) + (o.params.isEmpty ? "" : " (" + o.params.keys.sorted().map { text.paramText(o.params[$0]!) }.joined(separator: ", ") + ")")
                }
                // Consent decisions that mattered: on actions someone ordered this turn.
                let ordered = Set(records(of: turn).compactMap { $0.record.kind == .order ? $0.record.action : nil })
                planned += draft.consents.sorted { $0.key < $1.key }.filter { ordered.contains($0.key) }
                    .map { say($0.value == .block ? "story.plan.block" : "story.plan.approve", ["action": text.action($0.key)]) }
                let revisions = steps(of: turn).filter { if case .setOrders(let id, _) = $0.input { id == team.id } else { false } }.count
                let deals = end(of: turn).deals.filter { $0.turn == turn && $0.parties.contains(team.id) }.map { d in
                    say(d.proposer == team.id ? "story.plan.deal_proposed" : "story.plan.deal_from",
                        ["deal": String(d.id), "proposer": short(d.proposer), "terms": describe(d), "status": dealStatus(d)])
                }
                let orders = records(of: turn).map(\.record).filter { $0.kind == .order && $0.team == team.id }
                let own = Set(orders.compactMap(\.action))
                var net: [Int: Int] = [:]
                for (_, r) in records(of: turn) {
                    guard let d = delta(r), let cause = r.reason, cause.hasPrefix("action:"), own.contains(String(cause.dropFirst(7))),
                          let i = ruleset.trackIndex(r.target ?? "") else { continue }
                    net[i, default: 0] += d
                }
                let moved = net.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\(ruleset.tracks[$0.key].name) \($0.value > 0 ? "+" : "")\($0.value)" }
                return Story.PlanTurn(turn: turn, date: date(turn), planned: planned, revisions: revisions, deals: deals,
                                      happened: orders.map(orderPhrase), moved: moved)
            }
            return Story.TeamStory(team: team.id, turns: turns, objectives: objectiveReviews(team: t))
        }
    }

    // MARK: - Objectives, and why

    func objectiveReviews(team t: Int) -> [Story.ObjectiveReview] {
        let final = replay.finalState
        let over = final.isOver
        return ruleset.objectives.filter { $0.team == nil || $0.team == t }.map { o in
            switch o.scoring {
            case .condition(let expr, let points):
                let met = engine.holds(expr, in: final)
                let history = turnCount < 1 ? [] : (1...turnCount).map { engine.holds(expr, in: end(of: $0)) }
                return Story.ObjectiveReview(id: o.id, text: o.text, points: points, met: over ? met : nil,
                                             why: values(in: expr.node, at: final) + "; " + when(history))
            case .score(let expr):
                let score = engine.evaluate(expr, in: final)
                return Story.ObjectiveReview(id: o.id, text: o.text, points: score, met: over ? score > 0 : nil,
                                             why: values(in: expr.node, at: final) + "; " + say("story.objective.worth", ["points": String(score)], count: score))
            }
        }
    }

    /// "met from turn 3 on", "met in turns 2–4, lost in turn 5", "never met".
    func when(_ history: [Bool]) -> String {
        guard let last = history.last else { return say("story.objective.not_played") }
        let metTurns = history.indices.filter { history[$0] }.map { $0 + 1 }
        if metTurns.isEmpty { return say("story.objective.never_met") }
        if last {
            var first = history.count
            while first > 1, history[first - 2] { first -= 1 }
            return first == 1 ? say("story.objective.always_met") : say("story.objective.met_from", ["turn": String(first)])
        }
        let lost = (history.lastIndex(of: true) ?? 0) + 2
        return say("story.objective.met_then_lost", ["turns": metTurns.map(String.init).joined(separator: ", "), "lost": String(lost)], count: metTurns.count)
    }

    /// The end values of what an expression reads: "UN sanctions pressure ended at 78".
    func values(in node: ExprNode, at state: GameState) -> String {
        var tracks: [Int] = [], flags: [Int] = [], projects: [Int] = []
        func walk(_ n: ExprNode) {
            switch n {
            case .track(let i): if !tracks.contains(i) { tracks.append(i) }
            case .flag(let i): if !flags.contains(i) { flags.append(i) }
            case .project(let i): if !projects.contains(i) { projects.append(i) }
            case .negate(let a), .not(let a), .absolute(let a): walk(a)
            case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b), .minimum(let a, let b), .maximum(let a, let b):
                walk(a); walk(b)
            case .clamp(let a, let b, let c): walk(a); walk(b); walk(c)
            case .revealed(let i, _): if !tracks.contains(i) { tracks.append(i) }
            default: break
            }
        }
        walk(node)
        let parts = tracks.map { say("story.objective.track_ended", ["track": ruleset.tracks[$0].name, "value": String(state.tracks[$0])]) }
            + flags.map { say("story.objective.flag", ["flag": ruleset.flags[$0].name, "value": say(state.flags[$0] ? "story.yes" : "story.no")]) }
            + projects.map { p in
                let status = ruleset.projects[p].statuses[state.projects[p]]
                return say("story.objective.project", ["project": ruleset.projects[p].name,
                                                 "status": translator?.translate(text: status) ?? status.replacingOccurrences(of: "_", with: " ")])
            }
        return parts.isEmpty ? say("story.objective.nothing") : parts.joined(separator: ", ")
    }

    // MARK: - Questions for the debrief

    func questions(points: [Story.TurningPoint], teams: [Story.TeamStory]) -> [Story.Question] {
        var out: [Story.Question] = []
        func ask(_ text: String, _ p: Story.TurningPoint? = nil) {
            out.append(Story.Question(text: text, source: "match", turn: p?.turn, step: p?.step, seq: p?.seq))
        }
        func trackName(_ id: String?) -> String { id.flatMap { ruleset.trackIndex($0) }.map { ruleset.tracks[$0].name } ?? "?" }
        func moved(_ p: Story.TurningPoint) -> String {
            guard let a = p.from, let b = p.to else { return "" }
            return say(b > a ? "story.q.rose" : b < a ? "story.q.fell" : "story.q.stayed", ["track": trackName(p.track), "from": String(a), "to": String(b)])
        }
        for p in points.filter({ $0.kind == "blocked" }).prefix(3) {
            let records = records(of: p.turn).map(\.record).filter { $0.kind == .order && $0.result == "refused" && replay.steps[p.step].records.contains($0) }
            guard let r = records.first else { continue }
            let blocked = (r.reason ?? "").hasPrefix("blocked")
            let key = p.track != nil ? (blocked ? "story.q.blocked_moved" : "story.q.not_approved_moved") : (blocked ? "story.q.blocked" : "story.q.not_approved")
            ask(say(key, ["blocker": blocker(r), "owner": possessive(r.team), "team": short(r.team), "action": text.action(r.action),
                          "turn": String(p.turn), "moved": moved(p)]), p)
        }
        for p in points.filter({ $0.kind == "deal" }).prefix(2) {
            // The deal of the point: of those carried out in its step, the one its title names.
            let step = replay.steps[p.step]
            let deals = step.records.filter { $0.kind == .deal && $0.result == "carried_out" }.compactMap { $0.deal.flatMap { step.state.deals[safe: $0 - 1] } }
            for deal in deals {
                let missed = stepsNotTaken(of: deal, in: step)
                var args = ["deal": String(deal.id), "proposer": short(deal.proposer), "turn": String(p.turn), "moved": moved(p),
                            "parties": deal.parties.filter { $0 != deal.proposer }.map(short).joined(separator: ", ")]
                guard say(dealPointKey(missed: missed, failed: deal.stepsFailed(in: step.records)), args) == p.title else { continue }
                // A deal carried out in part asks about the step that was not taken, never what it would have given.
                args["missed"] = missed.map(orderPhrase).joined(separator: "; ")
                ask(say(missed.isEmpty ? "story.q.deal" : "story.q.deal_partly", args), p)
                break
            }
        }
        for p in points.filter({ $0.kind == "swing" }).prefix(2) {
            ask(say((p.to ?? 0) > (p.from ?? 0) ? "story.q.rise" : "story.q.fall",
                    ["track": trackName(p.track), "from": String(p.from ?? 0), "to": String(p.to ?? 0), "turn": String(p.turn), "text": p.text]), p)
        }
        for p in points.filter({ $0.kind == "near_miss" }).prefix(2) {
            ask(say("story.q.near_miss", ["text": p.text, "turn": String(p.turn)]), p)
        }
        if let p = points.first(where: { $0.kind == "decided" || $0.kind == "ending" }), let o = replay.finalState.outcome {
            let name = ruleset.outcomes[o].name
            let args = ["turn": String(p.turn), "outcome": name]
            if p.kind == "ending" {
                ask(say("story.q.ending", args), p)
            } else if p.turn == 1 {
                ask(say("story.q.never_changed", args), p)
            } else if p.turn < turnCount {
                ask(say("story.q.settled", args, count: turnCount - p.turn), p)
            } else {
                ask(say("story.q.open_to_the_end", args), p)
            }
        }
        // The team whose orders went wrong most often (two at least).
        var worst: (team: String, failed: Int, all: Int)?
        for t in teams {
            let results = replay.steps.flatMap(\.records).filter { $0.kind == .order && $0.team == t.team }.map(\.result)
            let failed = results.filter { $0 != "success" }.count
            guard failed >= 2 else { continue }
            if let w = worst, failed * w.all <= w.failed * results.count { continue }
            worst = (t.team, failed, results.count)
        }
        if let worst {
            ask(say("story.q.worst", ["failed": String(worst.failed), "owner": possessive(worst.team), "team": short(worst.team)], count: worst.all))
        }
        let shared = Set(ruleset.objectives.filter { $0.team == nil }.map(\.id))
        for t in teams {
            guard let missed = t.objectives.filter({ $0.met == false && !shared.contains($0.id) }).max(by: { $0.points < $1.points }) else { continue }
            ask(say("story.q.missed", ["team": short(t.team), "objective": missed.text, "why": missed.why]))
        }
        return out
    }
}
