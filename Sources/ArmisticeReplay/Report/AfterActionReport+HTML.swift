import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import Foundation

extension AfterActionReport {
    /// A self-contained HTML page: inline CSS and inline SVG charts, no scripts and nothing loaded from elsewhere, so it
    /// can be mailed, printed or opened offline. `viewpoint` ("instructor", "observer" or a team id) leaves out what
    /// that viewpoint did not see: a handout for students is `observer`. The story (turning points, plans, questions)
    /// is the instructor's only. `viewer` is the replay viewer's address for this match
    /// (`replay.html?src=MATCH.replay.json`): each moment named links to it; without it moments are named by seq.
    /// A problem of the log in the report's language (English: its description word for word). The report keeps no
    /// ruleset, so a refused input's names in another language are the scenario's ids.
    func issueText(_ issue: LogIssue) -> String {
        lang == .en ? issue.description : issue.description(in: ErrorText(language: lang))
    }

    public func html(viewpoint: String = "instructor", viewer: String? = nil) -> String {
        func e(_ s: String) -> String { HTML.escape(s) }
        let teamName = Dictionary(teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let t = Catalog(language: lang), cat = t   // `cat` where a loop's `t` is a team or a track
        let seenAs = viewpoint == "instructor" ? "" : t.text("report.meta.seen_by", ["team": e(teamName[viewpoint] ?? viewpoint)])
        let meta = t.text("report.meta", ["room": match.room.map { t.text("report.meta.room", ["room": e($0)]) } ?? "", "ruleset": e(match.ruleset),
                                          "version": e(match.rulesetVersion), "seed": String(match.seed), "played": t.number(match.turnsPlayed),
                                          "turns": t.number(match.turns), "from": e(Self.date(match.started, t)), "to": e(Self.date(match.ended, t))]) + seenAs
        // A log with no state hash yet (cut before the first adjudication) contradicts nothing, but proves nothing either.
        let unchecked = match.verified && match.hashesChecked == 0
        let verified = unchecked ? t.text("report.verified_unchecked", ["inputs": t.number(match.inputs)])
            : match.verified ? t.text("report.verified", ["count": t.number(match.hashesMatched), "inputs": t.number(match.inputs)])
            : t.text("report.not_verified", ["issue": e(match.issues.first { $0.failsVerification }.map(issueText) ?? ""),
                                             "matched": t.number(match.hashesMatched), "checked": t.number(match.hashesChecked)])
        var h = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>\(t.text("report.title", ["title": e(match.title)]))</title>
        <style>\(Self.css)\(CasePackage.sectionCSS)\(HTML.basisCSS)\(HTML.printCSS)</style>
        </head><body>
        <header><h1>\(e(match.title))</h1>
        <p class="meta">\(meta)</p>
        <p class="verify \(unchecked ? "unchecked" : match.verified ? "ok" : "bad")">\(verified)</p><!--contents--></header>

        """
        // Outcome and scores
        h += "<section id=\"outcome\"><h2>\(t.text("report.outcome"))</h2>"
        if let o = outcome {
            h += "<p class=\"outcome\"><strong>\(e(o.name))</strong> — \(e(o.reason))</p><p>\(e(o.text))</p>"
        } else {
            h += "<p class=\"outcome\">\(t.text("report.not_ended", ["turn": t.number(match.turnsPlayed), "phase": e(RecordText.phaseName(Phase(rawValue: match.phase), t))]))</p>"
        }
        h += "<table class=\"scores\"><thead><tr><th>\(t.text("report.team"))</th><th>\(t.text("report.players"))</th><th class=\"num\">\(t.text("report.score"))</th></tr></thead><tbody>"
        for t in teams.sorted(by: { ($0.score ?? Int.min) > ($1.score ?? Int.min) }) {
            h += "<tr><td><span class=\"swatch\" style=\"background:\(e(Self.safeColour(t.colour)))\"></span>\(e(t.name))</td><td>\(e(t.players.joined(separator: ", ")))\(t.botTurns.map { " <span class=\"badge\">\(cat.text("report.bot_turns", ["turns": $0.map { cat.number($0) }.joined(separator: ", ")], count: $0.count))</span>" } ?? "")</td><td class=\"num\">\(t.score.map(String.init) ?? "–")</td></tr>"
        }
        h += "</tbody></table></section>\n"
        let story = viewpoint == "instructor" ? self.story : nil

        // Charts
        let shown = tracks.filter { $0.seenBy.contains(viewpoint) }
        let publicTracks = shown.filter(\.public), hidden = shown.filter { !$0.public }
        func charts(_ list: [Track], offset: Int) -> String {
            list.enumerated().map { k, t in
                let chart = SVGChart(title: t.name, series: [.init(values: t.values, colour: SVGChart.palette[(k + offset) % SVGChart.palette.count])],
                                     labels: turns.map(String.init), axis: cat.text("report.chart.axis"), min: t.min, max: t.max,
                                     levels: (t.levels ?? [:]).compactMap { key, v in Int(key).map { ($0, v) } }.sorted { $0.0 < $1.0 })
                return "<figure class=\"track\" id=\"track-\(e(t.id))\"><figcaption><strong>\(e(t.name))</strong> <span class=\"range\">\(cat.text("report.track_range", ["min": cat.number(t.min), "max": cat.number(t.max), "end": cat.number(t.values.last ?? 0)]))</span><br><span class=\"desc\">\(e(t.description))</span></figcaption>\(chart.render())</figure>"
            }.joined()
        }
        h += "<section id=\"tracks\"><h2>\(t.text("report.tracks"))</h2><div class=\"charts\">\(charts(publicTracks, offset: 0))</div>"
        if !hidden.isEmpty {
            h += "<h3>\(t.text("report.hidden_tracks"))</h3><p class=\"note\">\(t.text("report.hidden_note"))</p><div class=\"charts\">"
            h += hidden.enumerated().map { k, t in
                charts([t], offset: publicTracks.count + k).replacingOccurrences(of: "<br><span class=\"desc\">", with: "<br><span class=\"desc\">" + cat.text("report.seen_by", ["teams": e(t.seenBy.map { $0 == "instructor" ? cat.text("report.who.instructor") : teamName[$0] ?? $0 }.joined(separator: ", "))]) + " ")
            }.joined()
            h += "</div>"
        }
        h += "</section>\n"
        if let story { h += storyHTML(story, viewer: viewer) }

        // Objectives
        h += "<section id=\"objectives\"><h2>\(t.text("report.objectives"))</h2><div class=\"objectives\">"
        for team in teams where viewpoint == "instructor" || viewpoint == "observer" || viewpoint == team.id || outcome != nil {
            h += "<div class=\"team\"><h3><span class=\"swatch\" style=\"background:\(e(Self.safeColour(team.colour)))\"></span>\(e(team.name))</h3><ul>"
            let why = story?.teams.first { $0.team == team.id }.map { Dictionary($0.objectives.map { ($0.id, $0.why) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
            for o in team.objectives {
                let mark = o.met.map { $0 ? "<span class=\"met\">✓ \(t.text("report.met"))</span>" : "<span class=\"unmet\">✗ \(t.text("report.not_met"))</span>" } ?? "<span class=\"open\">\(t.text("report.open"))</span>"
                h += "<li>\(mark) \(e(o.text)) <span class=\"points\">(\(t.text("report.points", count: o.points)))</span>\(why[o.id].map { "<br><span class=\"why\">\(t.text("report.why", ["why": e($0)]))</span>" } ?? "")</li>"
            }
            h += "</ul></div>"
        }
        h += "</div></section>\n"
        if let story {
            h += questionsHTML(story.questions, viewer: viewer)
        } else if let fixed = casePackage?.debriefQuestions, !fixed.isEmpty {
            // A handout: the scenario's own questions only (the match's name covert orders and hidden tracks).
            h += questionsHTML(fixed.map { Story.Question(text: $0, source: "scenario") }, viewer: nil)
        }
        if let casePackage, viewpoint == "instructor" || viewpoint == "observer" {
            h += "<div id=\"case\"><p class=\"note noprint\">\(t.text("report.case_note", ["title": e(casePackage.title)]))</p>"
            h += casePackage.sections(.init(summary: match.summary, teams: teams.map { ($0.id, $0.name, "") }), parts: [.objectives, .next, .memo, .timeline, .glossary, .sources], language: lang) + "</div>\n"
        }

        h += timelineHTML(viewpoint: viewpoint)

        // Chat by channel
        if let chat {
            let visible = chat.filter { $0.seenBy.contains(viewpoint) }
            h += "<section id=\"chat\"><h2>\(t.text("report.chat"))</h2>"
            if visible.isEmpty { h += "<p class=\"note\">\(t.text("report.no_chat"))</p>" }
            var channels: [String] = []
            for m in visible where !channels.contains(m.channel) { channels.append(m.channel) }
            for c in channels {
                let messages = visible.filter { $0.channel == c }
                h += "<h3>\(e(messages[0].channelName))</h3><table class=\"chat\"><tbody>"
                for m in messages {
                    h += "<tr><td class=\"where\">\(t.text("report.turn_short", ["turn": t.number(m.turn)])) · \(e(Self.time(m.t)))</td><td class=\"who\">\(e(m.name))</td><td>\(e(m.text))</td></tr>"
                }
                h += "</tbody></table>"
            }
            h += "</section>\n"
        }

        // Verification
        // What was verified, in plain words: the log replays to the same state hashes, no record is missing, and what
        // the hashes do not cover; or, when it does not replay, that the report may not show the match as played.
        let checked = ["inputs": t.number(match.inputs), "matched": t.number(match.hashesMatched), "checked": t.number(match.hashesChecked),
                       "hash": "<code>\(e(match.finalHash))</code>", "ruleset": "<code>\(e(match.rulesetHash))</code>",
                       "seq": t.number(match.lastSeq ?? 0), "line": t.number(match.linesProvedThrough ?? 0)]
        let said = unchecked ? "report.verification_unchecked" : !match.verified ? "report.verification_failed"
            : match.linesProvedThrough != nil ? "report.verification_text_lines" : "report.verification_text"
        h += "<section id=\"verification\"><h2>\(t.text("report.verification"))</h2><p>\(t.text(said, checked))</p>"
        if !match.issues.isEmpty {
            h += "<ul class=\"issues\">" + match.issues.map { "<li class=\"\($0.failsVerification ? "unmet" : "note")\">\(e(issueText($0)))</li>" }.joined() + "</ul>"
        }
        h += "</section>\n<footer>\(t.text("report.footer"))</footer>\n</body></html>\n"
        // Contents: the sections this page has, for the screen.
        let sections = [("tracks", t.text("report.toc.tracks")), ("story", t.text("report.toc.turns")), ("turning-points", t.text("report.toc.turning_points")),
                        ("plans", t.text("report.toc.plans")), ("objectives", t.text("report.objectives")), ("questions", t.text("report.toc.questions")),
                        ("case", t.text("report.toc.case")), ("timeline", t.text("report.toc.timeline")), ("chat", t.text("report.chat")),
                        ("verification", t.text("report.verification"))]
        let toc = sections.filter { h.contains("id=\"\($0.0)\"") }.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ")
        return h.replacingOccurrences(of: "<!--contents-->", with: "<nav class=\"toc noprint\">\(toc)</nav>")
    }

    /// A CSS colour from the ruleset, or grey if it is anything but a plain hex colour.
    static func safeColour(_ c: String) -> String {
        let hex = c.hasPrefix("#") ? c.dropFirst() : Substring(c)
        return (hex.count == 3 || hex.count == 6) && hex.allSatisfy(\.isHexDigit) ? "#" + hex : "#888888"
    }

    /// A log time as the language writes a date and time (UTC): `2 December 2026 at 11:52`, `2026년 12월 2일 오전 11:52`.
    static func date(_ ms: Int64, _ t: Catalog) -> String {
        t.date(Date(timeIntervalSince1970: Double(ms) / 1000), time: true) + " UTC"
    }

    static func time(_ ms: Int64) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    static let css = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;margin:0 auto;max-width:1200px;padding:16px 24px;background:#fff}
    h1{margin:0 0 4px;font-size:26px}h2{border-bottom:2px solid #e3e6ea;padding-bottom:4px;margin-top:28px}h3{margin:18px 0 6px}
    .meta,.note,.range,.desc,.where,.points{color:#5b6470;font-size:13px}
    .verify{padding:6px 10px;border-radius:4px;display:inline-block}.verify.ok{background:#e6f4ea;color:#1e6b34}.verify.bad{background:#fde8e8;color:#9b1c1c}.verify.unchecked{background:#f1f1f1;color:#333}
    .outcome{font-size:18px}table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
    .num{text-align:right}.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(450px,1fr));gap:12px}figure.track{margin:0;padding:8px;border:1px solid #e3e6ea;border-radius:6px}
    .chart{width:100%;height:auto;display:block}
    .objectives{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}.objectives ul{padding-left:18px;margin:0}
    .met{color:#1e6b34;font-weight:600}.unmet{color:#9b1c1c;font-weight:600}.open{color:#5b6470}
    ol.timeline{list-style:none;padding-left:0}li.step{padding:4px 0;border-bottom:1px dotted #e3e6ea}li.step ul{margin:2px 0 2px 18px;padding:0;list-style:none}
    .kind{display:inline-block;min-width:74px;font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#5b6470}
    .rec.order .kind{color:#1f4e9c}.rec.event .kind,.rec.dice .kind{color:#8a4b00}.rec.deal .kind{color:#5b2d90}.rec.outcome{font-weight:600}
    .who{font-weight:600}td,li,p,dd,h3,figcaption{overflow-wrap:anywhere}table.chat{width:100%}table.chat td.where{white-space:nowrap;overflow-wrap:normal}code{font-size:12px;word-break:break-all}footer{margin-top:32px;color:#8a93a0;font-size:12px}
    ol.turns{padding-left:0;list-style:none}li.turn-summary{padding:5px 0;border-bottom:1px dotted #e3e6ea}
    ol.points{padding-left:0;list-style:none}.point{padding:6px 10px;margin:6px 0;border-left:4px solid #c9ced6;background:#f8f9fb}
    .point.blocked{border-color:#9b1c1c}.point.deal{border-color:#5b2d90}.point.swing{border-color:#1f4e9c}.point.near_miss{border-color:#d68910}.point.decided,.point.ending{border-color:#1e6b34}
    table.compare{width:100%;font-size:13px}table.compare th{white-space:nowrap}table.choices .point{padding:3px 6px;margin:3px 0}
    .moment{font-size:12px;white-space:nowrap}a.moment{color:#1f4e9c}span.moment{color:#5b6470}
    div.plan{margin:10px 0}table.plan{width:100%;font-size:13px}table.plan td:first-child{white-space:nowrap;width:70px}.deal{color:#5b2d90}
    .toc{display:inline-block;margin-left:14px;font-size:12px}.toc a{color:#1f4e9c}
    .why{color:#5b6470;font-size:12px}ol.questions li{margin:6px 0}li.upkeep{color:#5b6470;font-size:13px}
    @media print{
    .charts{grid-template-columns:1fr 1fr;gap:6pt}figure.track{padding:3pt;border-color:#bbb}.desc{display:none}
    .objectives{grid-template-columns:1fr 1fr}.verify{display:block}
    .point{background:none;border-left-width:3pt}.moment .hint{display:none}#case .page{break-before:auto}li.step{break-inside:auto}h3+p.note{break-after:avoid}a.moment::after{content:""}
    table.chat{font-size:9pt}li.step{font-size:9.5pt}
    }
    """
}
