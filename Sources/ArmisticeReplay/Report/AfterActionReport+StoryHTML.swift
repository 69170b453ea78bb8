import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale

extension AfterActionReport {
    /// A moment of the match: a link into the replay viewer at that seq, as the instructor saw it, or its seq in words.
    static func moment(seq: Int, viewer: String?, _ t: Catalog = Catalog(language: .en)) -> String {
        guard let viewer else { return "<span class=\"moment\">\(t.text("report.moment", ["seq": String(seq)]))</span>" }
        let join = viewer.contains("?") ? "&" : "?"
        return "<a class=\"moment\" href=\"\(HTML.escape(viewer + join + "seq=\(seq)&as=instructor"))\">\(t.text("report.moment", ["seq": String(seq)]))<span class=\"hint\">\(t.text("report.open_in_viewer"))</span></a>"
    }

    func teamName(_ id: String) -> String { teams.first { $0.id == id }?.name ?? id }

    /// Turn by turn, the turning points, and each team's plan beside what happened.
    func storyHTML(_ story: Story, viewer: String?) -> String {
        let e = HTML.escape
        let c = Catalog(language: lang)
        var h = "<section id=\"story\"><h2>\(c.text("report.story"))</h2><ol class=\"turns\">"
        for t in story.turns {
            h += "<li class=\"turn-summary\"><strong>\(c.text("report.turn", ["turn": c.number(t.turn)])) · \(e(t.date))</strong> \(e(t.text)) \(Self.moment(seq: t.seq, viewer: viewer, c))</li>"
        }
        h += "</ol></section>\n<section id=\"turning-points\"><h2>\(c.text("report.toc.turning_points"))</h2>"
        if story.turningPoints.isEmpty { h += "<p class=\"note\">\(c.text("report.no_turning_points"))</p>" }
        h += "<ol class=\"points\">"
        for p in story.turningPoints {
            h += "<li class=\"point \(e(p.kind))\"><span class=\"kind\">\(e(Self.pointLabel(p.kind, c)))</span> <strong>\(e(p.title))</strong><br>\(e(p.text)) \(Self.moment(seq: p.seq, viewer: viewer, c))</li>"
        }
        h += "</ol></section>\n<section id=\"plans\"><h2>\(c.text("report.plans"))</h2>"
        h += "<p class=\"note\">\(c.text("report.plans_note"))</p>"
        for team in story.teams {
            let colour = teams.first { $0.id == team.team }.map { Self.safeColour($0.colour) } ?? "#888888"
            h += "<div class=\"plan\"><h3><span class=\"swatch\" style=\"background:\(e(colour))\"></span>\(e(teamName(team.team)))</h3>"
            h += "<table class=\"plan\"><thead><tr><th>\(c.text("report.plan.turn"))</th><th>\(c.text("report.plan.planned"))</th><th>\(c.text("report.plan.happened"))</th></tr></thead><tbody>"
            for t in team.turns {
                let planned = (t.planned.isEmpty ? [c.text("report.plan.nothing")] : t.planned).map(e).joined(separator: "; ")
                    + (t.revisions > 1 ? " <span class=\"note\">(\(c.text("report.plan.revisions", count: t.revisions)))</span>" : "")
                    + t.deals.map { "<br><span class=\"deal\">\(e($0))</span>" }.joined()
                let happened = (t.happened.isEmpty ? [c.text("report.plan.no_orders")] : t.happened).map(e).joined(separator: "<br>")
                    + (t.moved.isEmpty ? "" : "<br><span class=\"note\">\(c.text("report.plan.moved", ["tracks": e(t.moved.joined(separator: ", "))]))</span>")
                h += "<tr><td class=\"where\">\(t.turn)<br>\(e(t.date))</td><td>\(planned)</td><td>\(happened)</td></tr>"
            }
            h += "</tbody></table></div>"
        }
        return h + "</section>\n"
    }

    static func pointLabel(_ kind: String, _ c: Catalog = Catalog(language: .en)) -> String {
        switch kind {
        case "blocked": c.text("report.point.blocked")
        case "deal": c.text("report.point.deal")
        case "swing": c.text("report.point.swing")
        case "near_miss": c.text("report.point.near_miss")
        case "decided": c.text("report.point.decided")
        case "ending": c.text("report.point.ending")
        default: kind
        }
    }

    /// The debrief questions: this match's first, then the scenario's own.
    func questionsHTML(_ questions: [Story.Question], viewer: String?) -> String {
        let e = HTML.escape
        let c = Catalog(language: lang)
        var h = "<section id=\"questions\"><h2>\(c.text("report.questions"))</h2>"
        let fromMatch = questions.filter { $0.source == "match" }, fixed = questions.filter { $0.source != "match" }
        if !fromMatch.isEmpty {
            h += "<h3>\(c.text("report.questions.match"))</h3><ol class=\"questions\">" + fromMatch.map { q in
                "<li class=\"question\">\(e(q.text))\(q.seq.map { " " + Self.moment(seq: $0, viewer: viewer, c) } ?? "")</li>"
            }.joined() + "</ol>"
        }
        if !fixed.isEmpty {
            h += "<h3>\(c.text("report.questions.scenario"))</h3><ol class=\"questions\" start=\"\(fromMatch.count + 1)\">" + fixed.map { "<li class=\"question\">\(e($0.text))</li>" }.joined() + "</ol>"
        }
        return h + "</section>\n"
    }

    /// The timeline for people: a team's final draft of a turn only, no lock or phase steps, no repeated lines, no
    /// changes that changed nothing, and the upkeep's slow changes of tracks summed in one line per turn (a flag or
    /// project the upkeep changes keeps its own line, in its words: yes and no, not 1 and 0).
    func timelineHTML(viewpoint: String) -> String {
        let e = HTML.escape
        let c = Catalog(language: lang)
        var h = "<section id=\"timeline\"><h2>\(c.text("report.toc.timeline"))</h2><p class=\"note\">\(c.text("report.timeline_note"))</p>"
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
                defer {
                    // The instructor's seat and door changes after this step (a removal, a bot, joining closed).
                    for change in (seatChanges ?? []) where change.step == step.index {
                        items += "<li class=\"step seat\"><span class=\"where\">\(c.text("report.where", ["line": String(change.line), "seq": String(change.seq), "phase": e(RecordText.phaseName(Phase(rawValue: change.phase), c))]))</span> "
                            + "<span class=\"who\">\(e(change.who))</span>: \(e(change.text))</li>"
                    }
                }
                var records: [Entry] = []
                for r in step.records where r.seenBy.contains(viewpoint) && r.kind != "phase" && r.kind != "locked" {
                    if r.kind == "effect", let from = r.from, let to = r.to {
                        if from == to { continue }
                        if r.cause == "upkeep", let target = r.target, trackNames[target] != nil { upkeep.append((target, from, to)); continue }
                    }
                    if r.kind != "effect", !shown.insert(r.text).inserted { continue }
                    records.append(r)
                }
                let isDraft = step.type == "set_orders", isFinalDraft = isDraft && lastDraft[step.by] == step.index
                let showInput = step.seenBy.contains(viewpoint) && step.type != nil && step.type != "advance" && step.type != "lock_orders" && (!isDraft || isFinalDraft)
                guard showInput || !records.isEmpty || step.refused != nil else { continue }
                items += "<li class=\"step\"><span class=\"where\">\(c.text("report.where", ["line": String(step.line), "seq": String(step.seq), "phase": e(RecordText.phaseName(Phase(rawValue: step.phase), c))]))</span> "
                if showInput { items += "<span class=\"who\">\(e(step.who))</span>: \(e(isDraft ? (lang == .en ? step.text.replacingOccurrences(of: " drafts orders: ", with: "'s orders for the turn: ") : step.text) : step.text))" }
                else if step.type == "advance" { items += "<span class=\"who\">\(c.text("report.clock"))</span>: \(e(step.text))" }
                if let refused = step.refused { items += " <span class=\"unmet\">\(c.text("report.refused", ["error": e(refused)]))</span>" }
                if !records.isEmpty {
                    items += "<ul>" + records.map { "<li class=\"rec \(e($0.kind))\"><span class=\"kind\">\(e(Self.kindLabel($0.kind, c)))</span> \(e($0.text))</li>" }.joined() + "</ul>"
                }
                items += "</li>"
            }
            if !upkeep.isEmpty {
                var net: [(String, Int, Int)] = []
                for u in upkeep {
                    if let k = net.firstIndex(where: { $0.0 == u.target }) { net[k].2 = u.to } else { net.append((u.target, u.from, u.to)) }
                }
                let text = net.filter { $0.1 != $0.2 }.map { "\(trackNames[$0.0] ?? $0.0) \($0.1) → \($0.2)" }.joined(separator: ", ")
                if !text.isEmpty { items += "<li class=\"step upkeep\"><span class=\"who\">\(c.text("report.upkeep"))</span> \(c.text("report.upkeep_note")): \(e(text))</li>" }
            }
            guard !items.isEmpty else { continue }
            h += "<h3 class=\"turn\">\(turn == 0 ? c.text("report.before_first_turn") : c.text("report.turn", ["turn": c.number(turn)]))</h3><ol class=\"timeline\">\(items)</ol>"
        }
        return h + "</section>\n"
    }

    /// A timeline record's kind label (`order`, `deal`, `event`, `dice`, `effect`, …) in the report's language.
    static func kindLabel(_ kind: String, _ c: Catalog) -> String {
        switch kind {
        case "order": c.text("report.kind.order")
        case "deal": c.text("report.kind.deal")
        case "event": c.text("report.kind.event")
        case "dice": c.text("report.kind.dice")
        case "effect": c.text("report.kind.effect")
        case "news": c.text("report.kind.news")
        case "intel": c.text("report.kind.intel")
        case "instructor": c.text("report.kind.instructor")
        case "outcome": c.text("report.kind.outcome")
        default: kind
        }
    }
}
