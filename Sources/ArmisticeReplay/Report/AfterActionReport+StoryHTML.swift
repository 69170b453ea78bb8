import ArmisticeCase

extension AfterActionReport {
    /// A moment of the match: a link into the replay viewer at that seq, as the instructor saw it, or its seq in words.
    static func moment(seq: Int, viewer: String?) -> String {
        guard let viewer else { return "<span class=\"moment\">seq \(seq)</span>" }
        let join = viewer.contains("?") ? "&" : "?"
        return "<a class=\"moment\" href=\"\(HTML.escape(viewer + join + "seq=\(seq)&as=instructor"))\">seq \(seq)<span class=\"hint\">: open in the replay viewer</span></a>"
    }

    func teamName(_ id: String) -> String { teams.first { $0.id == id }?.name ?? id }

    /// Turn by turn, the turning points, and each team's plan beside what happened.
    func storyHTML(_ story: Story, viewer: String?) -> String {
        let e = HTML.escape
        var h = "<section id=\"story\"><h2>The match, turn by turn</h2><ol class=\"turns\">"
        for t in story.turns {
            h += "<li class=\"turn-summary\"><strong>Turn \(t.turn) · \(e(t.date))</strong> \(e(t.text)) \(Self.moment(seq: t.seq, viewer: viewer))</li>"
        }
        h += "</ol></section>\n<section id=\"turning-points\"><h2>Turning points</h2>"
        if story.turningPoints.isEmpty { h += "<p class=\"note\">No turn stood out: no blocked consent, no deal that moved a track, no large swing.</p>" }
        h += "<ol class=\"points\">"
        for p in story.turningPoints {
            h += "<li class=\"point \(e(p.kind))\"><span class=\"kind\">\(e(Self.pointLabel(p.kind)))</span> <strong>\(e(p.title))</strong><br>\(e(p.text)) \(Self.moment(seq: p.seq, viewer: viewer))</li>"
        }
        h += "</ol></section>\n<section id=\"plans\"><h2>Each team's plan, and what happened to it</h2>"
        h += "<p class=\"note\">Planned: the orders and consent decisions drafted when the turn was resolved (with how often the draft changed), and the deals. Happened: each order's result and the tracks the team's own actions moved.</p>"
        for team in story.teams {
            let colour = teams.first { $0.id == team.team }.map { Self.safeColour($0.colour) } ?? "#888888"
            h += "<div class=\"plan\"><h3><span class=\"swatch\" style=\"background:\(e(colour))\"></span>\(e(teamName(team.team)))</h3>"
            h += "<table class=\"plan\"><thead><tr><th>Turn</th><th>Planned</th><th>What happened</th></tr></thead><tbody>"
            for t in team.turns {
                let planned = (t.planned.isEmpty ? ["nothing"] : t.planned).map(e).joined(separator: "; ")
                    + (t.revisions > 1 ? " <span class=\"note\">(drafted \(t.revisions) times)</span>" : "")
                    + t.deals.map { "<br><span class=\"deal\">\(e($0))</span>" }.joined()
                let happened = (t.happened.isEmpty ? ["no orders"] : t.happened).map(e).joined(separator: "<br>")
                    + (t.moved.isEmpty ? "" : "<br><span class=\"note\">Moved: \(e(t.moved.joined(separator: ", ")))</span>")
                h += "<tr><td class=\"where\">\(t.turn)<br>\(e(t.date))</td><td>\(planned)</td><td>\(happened)</td></tr>"
            }
            h += "</tbody></table></div>"
        }
        return h + "</section>\n"
    }

    static func pointLabel(_ kind: String) -> String {
        switch kind {
        case "blocked": "blocked"
        case "deal": "deal"
        case "swing": "swing"
        case "near_miss": "near miss"
        case "decided": "decided"
        case "ending": "ending"
        default: kind
        }
    }

    /// The debrief questions: this match's first, then the scenario's own.
    func questionsHTML(_ questions: [Story.Question], viewer: String?) -> String {
        let e = HTML.escape
        var h = "<section id=\"questions\"><h2>Questions for the debrief</h2>"
        let fromMatch = questions.filter { $0.source == "match" }, fixed = questions.filter { $0.source != "match" }
        if !fromMatch.isEmpty {
            h += "<h3>From this match</h3><ol class=\"questions\">" + fromMatch.map { q in
                "<li class=\"question\">\(e(q.text))\(q.seq.map { " " + Self.moment(seq: $0, viewer: viewer) } ?? "")</li>"
            }.joined() + "</ol>"
        }
        if !fixed.isEmpty {
            h += "<h3>From the scenario</h3><ol class=\"questions\" start=\"\(fromMatch.count + 1)\">" + fixed.map { "<li class=\"question\">\(e($0.text))</li>" }.joined() + "</ol>"
        }
        return h + "</section>\n"
    }

    /// The timeline for people: a team's final draft of a turn only, no lock or phase steps, no repeated lines, no
    /// changes that changed nothing, and the upkeep's slow changes summed in one line per turn.
    func timelineHTML(viewpoint: String) -> String {
        let e = HTML.escape
        var h = "<section id=\"timeline\"><h2>Timeline</h2><p class=\"note\">Orders, deals, events and dice, with their reasons. Line numbers refer to the match log; a team's drafts are shown once, as they stood when the turn was resolved.</p>"
        let trackNames = Dictionary(tracks.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for turn in Set(steps.map(\.turn)).sorted() {
            let inTurn = steps.filter { $0.turn == turn }
            // The last draft of each team in the turn (earlier drafts were revised away).
            var lastDraft: [String: Int] = [:]
            for s in inTurn where s.type == "set_orders" { lastDraft[s.by] = s.index }
            var shown = Set<String>()
            var upkeep: [(target: String, from: Int, to: Int)] = []
            var items = ""
            for step in inTurn {
                var records: [Entry] = []
                for r in step.records where r.seenBy.contains(viewpoint) && r.kind != "phase" && r.kind != "locked" {
                    if r.kind == "effect", let from = r.from, let to = r.to {
                        if from == to { continue }
                        if r.cause == "upkeep", let target = r.target { upkeep.append((target, from, to)); continue }
                    }
                    if r.kind != "effect", !shown.insert(r.text).inserted { continue }
                    records.append(r)
                }
                let isDraft = step.type == "set_orders", isFinalDraft = isDraft && lastDraft[step.by] == step.index
                let showInput = step.seenBy.contains(viewpoint) && step.type != nil && step.type != "advance" && step.type != "lock_orders" && (!isDraft || isFinalDraft)
                guard showInput || !records.isEmpty || step.refused != nil else { continue }
                items += "<li class=\"step\"><span class=\"where\">line \(step.line) · seq \(step.seq) · \(e(step.phase))</span> "
                if showInput { items += "<span class=\"who\">\(e(step.who))</span>: \(e(isDraft ? step.text.replacingOccurrences(of: " drafts orders: ", with: "'s orders for the turn: ") : step.text))" }
                else if step.type == "advance" { items += "<span class=\"who\">The clock</span>: \(e(step.text))" }
                if let refused = step.refused { items += " <span class=\"unmet\">refused on replay: \(e(refused))</span>" }
                if !records.isEmpty {
                    items += "<ul>" + records.map { "<li class=\"rec \(e($0.kind))\"><span class=\"kind\">\(e($0.kind))</span> \(e($0.text))</li>" }.joined() + "</ul>"
                }
                items += "</li>"
            }
            if !upkeep.isEmpty {
                var net: [(String, Int, Int)] = []
                for u in upkeep {
                    if let k = net.firstIndex(where: { $0.0 == u.target }) { net[k].2 = u.to } else { net.append((u.target, u.from, u.to)) }
                }
                let text = net.filter { $0.1 != $0.2 }.map { "\(trackNames[$0.0] ?? $0.0) \($0.1) → \($0.2)" }.joined(separator: ", ")
                if !text.isEmpty { items += "<li class=\"step upkeep\"><span class=\"who\">Upkeep</span> (the scenario's slow dynamics, after the orders): \(e(text))</li>" }
            }
            guard !items.isEmpty else { continue }
            h += "<h3 class=\"turn\">\(turn == 0 ? "Before the first turn" : "Turn \(turn)")</h3><ol class=\"timeline\">\(items)</ol>"
        }
        return h + "</section>\n"
    }
}
