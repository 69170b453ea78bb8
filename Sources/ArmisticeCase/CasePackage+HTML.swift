import ArmisticeLocale
import ArmisticeEngine

extension CasePackage {
    /// The whole package as a printable page: the overview, the learning objectives, one sheet per role, the glossary,
    /// the timeline, the sources and the memo prompt; "what happened next" on its own sheet, to hand out after play.
    public func html(ruleset: Ruleset, language: Language = .en) -> String {
        // The package and the scenario's names in the page's language (English where a text has no translation).
        let package = localized(to: language.rawValue)
        let ruleset = language == .en ? ruleset : ruleset.localized(to: language.rawValue)
        let c = Catalog(language: language)
        let e = HTML.escape
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <title>\(e(c.text("case.page.title", ["title": package.title])))</title>
        <style>\(Self.pageCSS)\(Self.sectionCSS)\(HTML.basisCSS)\(HTML.printCSS)</style>
        </head><body>
        <header><h1>\(e(package.title))</h1><p class="meta">\(e(c.text("case.page.meta", ["scenario": ruleset.title, "id": ruleset.id, "version": ruleset.version])))</p></header>
        \(package.sections(Scenario(ruleset), parts: Part.allCases, language: language))
        <footer>\(e(c.text("case.page.footer", ["id": ruleset.id]))) \(Basis.allCases.map { Self.badge($0, language: language) }.joined(separator: " "))</footer>
        </body></html>

        """
    }

    /// The parts of a package a page may show.
    public enum Part: String, CaseIterable, Sendable {
        case overview, objectives, roles, glossary, timeline, sources, memo, next
    }

    /// What the pages need of the scenario: its summary and its teams' names and briefs.
    public struct Scenario: Sendable {
        public var summary: String
        public var teams: [(id: String, name: String, brief: String)]
        public init(summary: String, teams: [(id: String, name: String, brief: String)]) {
            self.summary = summary
            self.teams = teams
        }
        public init(_ ruleset: Ruleset) {
            self.init(summary: ruleset.summary, teams: ruleset.teams.map { ($0.id, $0.name, $0.brief) })
        }
    }

    /// The chosen parts as HTML sections (for the report, which shows some of them after the match), with the
    /// headings in `language` (the case's own texts are as the file has them).
    public func sections(_ scenario: Scenario, parts: [Part], language: Language = .en) -> String {
        let e = HTML.escape
        let c = Catalog(language: language)
        let teamName = Dictionary(scenario.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var h = ""
        for part in parts {
            switch part {
            case .overview:
                h += "<section id=\"case-overview\"><h2>\(c.text("case.heading.case"))</h2><p>\(e(scenario.summary))</p>"
                if let note { h += "<p class=\"note\">\(e(note))</p>" }
                h += "</section>\n"
            case .objectives:
                h += "<section id=\"case-objectives\"><h2>\(c.text("case.heading.objectives"))</h2><ol>" + learningObjectives.map { "<li>\(e($0))</li>" }.joined() + "</ol></section>\n"
            case .roles:
                h += "<section id=\"case-roles\"><h2 class=\"noprint\">\(c.text("case.heading.roles"))</h2>"
                for role in roles {
                    h += "<article class=\"card role page\" id=\"role-\(e(role.team))-\(e(role.role))\"><p class=\"meta\">\(e(teamName[role.team] ?? role.team)) · \(c.text("case.role_brief"))</p>"
                    h += "<h3>\(e(role.title))\(role.basis.map { " " + Self.badge($0, language: language) } ?? "")</h3><p>\(e(role.brief))</p>"
                    if !role.priorities.isEmpty { h += "<h4>\(c.text("case.heading.priorities"))</h4><ul>" + role.priorities.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
                    if !role.questions.isEmpty { h += "<h4>\(c.text("case.heading.ask_yourself"))</h4><ul>" + role.questions.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
                    if let team = scenario.teams.first(where: { $0.id == role.team }), !team.brief.isEmpty {
                        h += "<h4>\(c.text("case.heading.team_brief"))</h4><p class=\"teambrief\">\(e(team.brief))</p>"
                    }
                    h += "</article>"
                }
                h += "</section>\n"
            case .glossary:
                h += "<section id=\"case-glossary\" class=\"page\"><h2>\(c.text("case.heading.glossary"))</h2><dl class=\"glossary\">"
                for t in glossary.sorted(by: { $0.term.lowercased() < $1.term.lowercased() }) {
                    h += "<div class=\"term\" id=\"term-\(e(Self.anchor(t.term)))\"><dt>\(e(t.term))\(t.expansion.map { " <span class=\"expansion\">(\(e($0)))</span>" } ?? "")</dt><dd>\(e(t.meaning))"
                    if !t.see.isEmpty { h += " <span class=\"see\">" + c.text("case.see") + " " + t.see.map { "<a href=\"#term-\(e(Self.anchor($0)))\">\(e($0))</a>" }.joined(separator: ", ") + ".</span>" }
                    h += "</dd></div>"
                }
                h += "</dl></section>\n"
            case .timeline:
                guard !timeline.isEmpty else { continue }
                h += "<section id=\"case-timeline\"><h2>\(c.text("case.heading.timeline"))</h2>\(Self.datedList(timeline, language: language))</section>\n"
            case .sources:
                h += "<section id=\"case-sources\"><h2>\(c.text("case.heading.sources"))</h2><ul class=\"sources\">" + sources.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>\n"
            case .memo:
                h += "<section id=\"case-memo\"><h2>\(c.text("case.heading.memo"))</h2><p>\(e(memo.prompt))</p>"
                let details = [memo.length.map { c.text("case.memo.length", ["length": e($0)]) }, memo.audience.map { c.text("case.memo.audience", ["audience": e($0)]) }].compactMap { $0 }
                if !details.isEmpty { h += "<p class=\"note\">\(details.joined(separator: " · "))</p>" }
                h += "</section>\n"
            case .next:
                guard !whatHappenedNext.isEmpty else { continue }
                h += "<section id=\"case-next\" class=\"page\"><h2>\(c.text("case.heading.next"))</h2><p class=\"note\">\(c.text("case.next_note"))</p>\(Self.datedList(whatHappenedNext, language: language))</section>\n"
            }
        }
        return h
    }

    static func datedList(_ list: [Dated], language: Language) -> String {
        "<ul class=\"dated\">" + list.map { "<li><span class=\"date\">\(HTML.escape($0.date))</span> \(HTML.escape($0.text)) \(badge($0.basis, language: language))</li>" }.joined() + "</ul>"
    }

    /// The label printed beside a text: where it comes from, in the page's language.
    static func badge(_ basis: Basis, language: Language) -> String {
        let key = switch basis {
        case .history: "case.basis.history"
        case .afterEssay: "case.basis.after_essay"
        case .invented: "case.basis.invented"
        }
        return "<span class=\"basis \(basis.rawValue)\">\(HTML.escape(Catalog(language: language).text(key)))</span>"
    }

    static func anchor(_ term: String) -> String {
        String(term.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static let pageCSS = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;margin:0 auto;max-width:1000px;padding:16px 24px;background:#fff}
    h1{margin:0 0 4px;font-size:26px}h2{border-bottom:2px solid #e3e6ea;padding-bottom:4px;margin-top:28px}
    .meta,.note{color:#5b6470;font-size:13px}
    """

    /// The styles of the case's sections; the report includes them too.
    public static let sectionCSS = """
    h4{margin:12px 0 4px}.see,.expansion{color:#5b6470;font-size:13px}
    article.role{border:1px solid #e3e6ea;border-radius:6px;padding:10px 16px;margin:12px 0}.teambrief{font-size:13px;color:#333}
    dl.glossary{display:grid;grid-template-columns:1fr 1fr;gap:4px 24px}dl.glossary dt{font-weight:700}dl.glossary dd{margin:0 0 6px}
    ul.dated{list-style:none;padding-left:0}ul.dated li{padding:3px 0;border-bottom:1px dotted #e3e6ea}.date{display:inline-block;min-width:98px;font-weight:600;font-variant-numeric:tabular-nums}
    footer{margin-top:32px;color:#8a93a0;font-size:12px}
    @media print{article.role{border:none;padding:0;margin:0}dl.glossary{grid-template-columns:1fr 1fr;font-size:9.5pt}}
    """
}
