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
                    .map { "\($0.value == .block ? "block" : "approve") “\(text.action($0.key))”" }
                let revisions = steps(of: turn).filter { if case .setOrders(let id, _) = $0.input { id == team.id } else { false } }.count
                let deals = end(of: turn).deals.filter { $0.turn == turn && $0.parties.contains(team.id) }.map { d in
                    (d.proposer == team.id ? "Proposed deal \(d.id)" : "Deal \(d.id) from \(short(d.proposer))")
                        + ": \(describe(d)): \(d.status.rawValue.replacingOccurrences(of: "_", with: " "))"
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
                                             why: values(in: expr.node, at: final) + "; worth \(score) point\(score == 1 ? "" : "s")")
            }
        }
    }

    /// "met from turn 3 on", "met in turns 2–4, lost in turn 5", "never met".
    func when(_ history: [Bool]) -> String {
        guard let last = history.last else { return "not yet played" }
        let metTurns = history.indices.filter { history[$0] }.map { $0 + 1 }
        if metTurns.isEmpty { return "never met at the end of a turn" }
        if last {
            var first = history.count
            while first > 1, history[first - 2] { first -= 1 }
            return first == 1 ? "met at the end of every turn" : "met from turn \(first) on"
        }
        let lost = (history.lastIndex(of: true) ?? 0) + 2
        return "met at the end of turn\(metTurns.count == 1 ? "" : "s") \(metTurns.map(String.init).joined(separator: ", ")), lost in turn \(lost)"
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
        let parts = tracks.map { "\(ruleset.tracks[$0].name) ended at \(state.tracks[$0])" }
            + flags.map { "\(ruleset.flags[$0].name): \(state.flags[$0] ? "yes" : "no")" }
            + projects.map { "\(ruleset.projects[$0].name): \(ruleset.projects[$0].statuses[state.projects[$0]].replacingOccurrences(of: "_", with: " "))" }
        return parts.isEmpty ? "depends on nothing that changes" : parts.joined(separator: ", ")
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
            return "\(trackName(p.track)) \(b > a ? "rose" : b < a ? "fell" : "stayed") \(a == b ? "at \(a)" : "from \(a) to \(b)")"
        }
        for p in points.filter({ $0.kind == "blocked" }).prefix(3) {
            let records = records(of: p.turn).map(\.record).filter { $0.kind == .order && $0.result == "refused" && replay.steps[p.step].records.contains($0) }
            guard let r = records.first else { continue }
            let blocker = (r.reason ?? "").replacingOccurrences(of: "blocked by ", with: "").replacingOccurrences(of: "not approved by ", with: "")
            let verb = (r.reason ?? "").hasPrefix("blocked") ? "blocked" : "did not approve"
            ask("\(blocker) \(verb) \(possessive(r.team)) “\(text.action(r.action))” in turn \(p.turn)" + (p.track != nil ? " and \(moved(p)): was it worth it?" : ": what did each side gain by it?"), p)
        }
        for p in points.filter({ $0.kind == "deal" }).prefix(2) {
            ask("\(p.title.replacingOccurrences(of: "Turn \(p.turn): d", with: "D")) in turn \(p.turn), and \(moved(p)). What did each side give up, and would you make the same deal again?", p)
        }
        for p in points.filter({ $0.kind == "swing" }).prefix(2) {
            ask("Why did \(trackName(p.track)) \((p.to ?? 0) > (p.from ?? 0) ? "rise" : "fall") from \(p.from ?? 0) to \(p.to ?? 0) in turn \(p.turn)? \(p.text) Who wanted that, and who could have stopped it?", p)
        }
        for p in points.filter({ $0.kind == "near_miss" }).prefix(2) {
            ask("\(p.text) Who pulled back in turn \(p.turn), and what made them?", p)
        }
        if let p = points.first(where: { $0.kind == "decided" || $0.kind == "ending" }), let o = replay.finalState.outcome {
            let name = ruleset.outcomes[o].name
            if p.kind == "ending" {
                ask("The match ended in turn \(p.turn): \(name). Which earlier choice made it unavoidable, and who could have changed it?", p)
            } else if p.turn == 1 {
                ask("Nothing the teams did moved the match off \(name), the ending it had from the first turn. What would it have taken, and from whom?", p)
            } else if p.turn < turnCount {
                ask("The ending (\(name)) was settled by the end of turn \(p.turn), with \(turnCount - p.turn) turn\(turnCount - p.turn == 1 ? "" : "s") still to play. What could a team have done before then to change it?", p)
            } else {
                ask("The ending (\(name)) stayed open until the last turn. Which choice in turn \(p.turn) decided it?", p)
            }
        }
        // The team whose orders went wrong most often (two at least).
        var worst: (team: String, failed: Int, all: Int)?
        for t in teams {
            let results: [String] = t.turns.flatMap(\.happened)
            let failed = results.filter { !$0.hasSuffix(": done") }.count
            guard failed >= 2 else { continue }
            if let w = worst, failed * w.all <= w.failed * results.count { continue }
            worst = (t.team, failed, results.count)
        }
        if let worst {
            ask("\(worst.failed) of \(possessive(worst.team)) \(worst.all) orders failed, were blocked or could not be taken. What did it misjudge about the other teams?")
        }
        let shared = Set(ruleset.objectives.filter { $0.team == nil }.map(\.id))
        for t in teams {
            guard let missed = t.objectives.filter({ $0.met == false && !shared.contains($0.id) }).max(by: { $0.points < $1.points }) else { continue }
            ask("\(short(t.team)) missed “\(missed.text)” (\(missed.why)). What would it have taken, and from whom?")
        }
        return out
    }
}
