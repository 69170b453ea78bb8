import ArmisticeLocale
import ArmisticeCase

/// Two or more matches of the same scenario side by side, the debrief when several rooms of one class played it:
/// their outcomes and scores, every public track over the turns (one line per match), and the key choices of each
/// turn (the turning points of every match).
public struct Comparison: Sendable {
    public struct Entry: Sendable {
        /// How the match is named on the page (its room code, or the log's file name).
        public var name: String
        public var report: AfterActionReport
        public init(name: String, report: AfterActionReport) {
            self.name = name
            self.report = report
        }
    }

    public let entries: [Entry]

    /// Refuses fewer than two matches, and matches of different scenarios (by the ruleset's id).
    public init(_ entries: [Entry]) throws(ReplayError) {
        guard entries.count >= 2 else { throw ReplayError(.notComparable, "a comparison needs two or more match logs") }
        let ids = Set(entries.map(\.report.match.ruleset))
        guard ids.count == 1 else {
            throw ReplayError(.notComparable, "these matches are of different scenarios (\(ids.sorted().joined(separator: ", "))); compare matches of one scenario")
        }
        self.entries = entries
    }

    /// Versions of the scenario that differ between the matches (they are still compared; the page says so).
    public var versions: [String] { Array(Set(entries.map(\.report.match.rulesetVersion))).sorted() }

    public func html() -> String {
        let e = HTML.escape
        let first = entries[0].report
        let colours = entries.indices.map { SVGChart.palette[$0 % SVGChart.palette.count] }
        let c = Catalog(language: first.lang)
        let differ = versions.count > 1 ? c.text("compare.versions_differ") : ""
        var h = """
        <!DOCTYPE html>
        <html lang="\(first.lang.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>\(c.text("compare.title", ["title": e(first.match.title)]))</title>
        <style>\(AfterActionReport.css)\(HTML.printCSS)</style>
        </head><body>
        <header><h1>\(e(first.match.title))</h1>
        <p class="meta">\(c.text("compare.meta", ["ruleset": e(first.match.ruleset), "versions": e(versions.joined(separator: ", "))], count: entries.count))\(differ)</p>
        </header>

        """
        // Outcomes and scores
        h += "<section id=\"outcomes\"><h2>\(c.text("compare.outcomes"))</h2><table class=\"compare\"><thead><tr><th></th>"
        h += entries.enumerated().map { k, m in "<th><span class=\"swatch\" style=\"background:\(colours[k])\"></span>\(e(m.name))</th>" }.joined() + "</tr></thead><tbody>"
        func row(_ title: String, _ cell: (AfterActionReport) -> String) {
            h += "<tr><th>\(e(title))</th>" + entries.map { "<td>\(cell($0.report))</td>" }.joined() + "</tr>"
        }
        row(c.text("compare.ending")) { r in r.outcome.map { "<strong>\(e($0.name))</strong><br><span class=\"note\">\(e($0.reason))</span>" } ?? c.text("compare.not_ended") }
        row(c.text("compare.turns_played")) { r in c.text("compare.of", ["played": c.number(r.match.turnsPlayed), "turns": c.number(r.match.turns)]) }
        row(c.text("compare.settled")) { r in r.story?.decidedTurn.map { c.text("compare.end_of_turn", ["turn": c.number($0)]) } ?? "–" }
        for team in first.teams {
            row(team.name) { r in
                let t = r.teams.first { $0.id == team.id }
                let met = t?.objectives.filter { $0.met == true }.count ?? 0
                return c.text("compare.score", ["score": t?.score.map { c.number($0) } ?? "–"]) + "<br><span class=\"note\">"
                    + c.text("compare.objectives_met", ["met": c.number(met), "count": c.number(t?.objectives.count ?? 0)]) + "</span>"
            }
        }
        row(c.text("compare.seed")) { r in "\(r.match.seed)" }
        row(c.text("compare.verified")) { r in r.match.verified ? "<span class=\"met\">\(c.text("terminal.summary.yes"))</span>" : "<span class=\"unmet\">\(c.text("terminal.summary.no"))</span>" }
        h += "</tbody></table></section>\n"

        // Tracks over time, one line per match
        h += "<section id=\"tracks\"><h2>\(c.text("report.tracks"))</h2><p class=\"note\">\(c.text("compare.one_line"))"
        h += entries.enumerated().map { k, m in "<span class=\"swatch\" style=\"background:\(colours[k])\"></span>\(e(m.name))\(k % 2 == 1 ? c.text("compare.dashed") : "")" }.joined(separator: " · ") + "</p><div class=\"charts\">"
        let longest = entries.map(\.report.turns).max { $0.count < $1.count } ?? []
        for track in first.tracks where track.public {
            let series = entries.enumerated().compactMap { k, m -> SVGChart.Series? in
                m.report.tracks.first { $0.id == track.id }.map { SVGChart.Series(values: $0.values, colour: colours[k], dashed: k % 2 == 1) }
            }
            let chart = SVGChart(title: track.name, series: series, labels: longest.map(String.init), axis: c.text("report.chart.axis"), min: track.min, max: track.max)
            h += "<figure class=\"track\" id=\"track-\(e(track.id))\"><figcaption><strong>\(e(track.name))</strong> <span class=\"range\">\(c.text("compare.range", ["min": String(track.min), "max": String(track.max), "ends": series.map { String($0.values.last ?? 0) }.joined(separator: " / ")]))</span></figcaption>\(chart.render())</figure>"
        }
        h += "</div></section>\n"

        // Key choices, turn by turn
        h += "<section id=\"choices\"><h2>\(c.text("compare.choices"))</h2><p class=\"note\">\(c.text("compare.choices_note"))</p>"
        h += "<table class=\"compare choices\"><thead><tr><th>\(c.text("report.plan.turn"))</th>" + entries.map { "<th>\(e($0.name))</th>" }.joined() + "</tr></thead><tbody>"
        let lastTurn = entries.map(\.report.match.turnsPlayed).max() ?? 0
        if lastTurn >= 1 {
            for turn in 1...lastTurn {
                let cells = entries.map { m in
                    (m.report.story?.turningPoints ?? []).filter { $0.turn == turn }.map { p in
                        "<div class=\"point \(e(p.kind))\"><span class=\"kind\">\(e(AfterActionReport.pointLabel(p.kind, c)))</span> \(e(p.title.replacingOccurrences(of: "Turn \(turn): ", with: "")))</div>"
                    }.joined()
                }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                h += "<tr><td class=\"where\">\(turn)</td>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
            }
        }
        h += "</tbody></table></section>\n"
        h += "<section id=\"questions\"><h2>\(c.text("compare.discuss"))</h2><ol class=\"questions\">"
        h += "<li class=\"question\">\(c.text("compare.q.paths"))</li>"
        let endings = Set(entries.compactMap { $0.report.outcome?.name })
        if endings.count > 1 {
            h += "<li class=\"question\">\(c.text("compare.q.endings", ["endings": e(endings.sorted().joined(separator: ", "))], count: endings.count))</li>"
        } else if let ending = endings.first {
            h += "<li class=\"question\">\(c.text("compare.q.same", ["ending": e(ending)]))</li>"
        }
        h += "</ol></section>\n<footer>\(c.text("compare.footer", count: entries.count))</footer>\n</body></html>\n"
        return h
    }
}
