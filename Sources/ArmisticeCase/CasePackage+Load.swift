import ArmisticeEngine
import Foundation
import Yams

extension CasePackage {
    /// The case file of a scenario file: `rulesets/koreanization.yaml` → `rulesets/koreanization.case/case.yaml`.
    /// (A folder, so the server, which loads every `.yaml` in `rulesets/` as a scenario, never mistakes it for one.)
    public static func path(besideRuleset path: String) -> String {
        var base = path
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) { base.removeLast(ext.count) }
        return base + ".case/case.yaml"
    }

    /// The case file for a scenario id in a folder of scenarios, found by the `ruleset:` line of each
    /// `*.case/case.yaml`; nil if none names it.
    public static func find(ruleset id: String, in directory: String) -> String? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in names where name.hasSuffix(".case") {
            let file = directory + "/" + name + "/case.yaml"
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "ruleset: \(id)" }) { return file }
        }
        return nil
    }

    /// Reads a case file and checks it against its scenario: missing sections, unknown keys, team, role, term and
    /// scenario ids that do not exist, roles without a brief. Every problem is reported at once, with its place.
    /// Every shown text is a string (English) or `{en: …, ko: …}` in the scenario's `languages`; a text missing in
    /// one of them is not fatal (English stands in) but is listed in `missingTranslations`, for `ruleset check`.
    public static func load(text: String, file: String, for ruleset: Ruleset) throws(RulesetLoadError) -> CasePackage {
        guard text.utf8.count <= 1 << 20 else {
            throw RulesetLoadError(diagnostics: [Diagnostic(code: "too_large", file: file, line: 1, column: 1, message: "a case file is limited to 1 MiB")])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw RulesetLoadError(diagnostics: [Diagnostic(code: "yaml", file: file, line: 1, column: 1, message: "YAML syntax: \(error)",
                                                            hint: "check the indentation and quoting")])
        }
        var reader = CaseReader(file: file, ruleset: ruleset)
        let package = root.flatMap { reader.package($0) }
        reader.problems += reader.shown.diagnostics
        guard root != nil, var package, reader.problems.isEmpty else {
            let problems = reader.problems.isEmpty ? [Diagnostic(code: "empty", file: file, line: 1, column: 1, message: "the case file is empty")] : reader.problems
            throw RulesetLoadError(diagnostics: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        package.languages = ruleset.languages
        // The English texts are trimmed as read (below), so their translations are too.
        for (language, table) in reader.shown.translations {
            var trimmed: [String: String] = [:]
            for (english, text) in table { trimmed[english.trimmingCharacters(in: .whitespacesAndNewlines)] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            package.translations[language] = trimmed
        }
        package.missingTranslations = reader.shown.missingTranslations.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return package
    }
}

/// Walks a case file's YAML tree, keeping the place of every problem.
struct CaseReader {
    let file: String
    let ruleset: Ruleset
    var problems: [Diagnostic] = []
    /// Reads the shown texts in the scenario's languages (the scenario loader's own reader).
    let shown: ShownTextReader

    init(file: String, ruleset: Ruleset) {
        self.file = file
        self.ruleset = ruleset
        shown = ShownTextReader(file: file, languages: ruleset.languages)
    }

    static let sections = ["format", "ruleset", "title", "note", "learning_objectives", "roles", "glossary", "timeline",
                           "what_happened_next", "sources", "memo", "debrief_questions"]
    static let required = ["format", "ruleset", "title", "learning_objectives", "roles", "glossary", "sources", "memo", "debrief_questions"]

    mutating func fail(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
        problems.append(Diagnostic(code: code, file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message, hint: hint))
    }

    /// A mapping's values by key; unknown keys and missing required ones are problems.
    mutating func keys(_ node: Node, _ what: String, known: [String], required: [String]) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            fail("wrong_type", node, "\(what) must be a mapping of \"key: value\" lines")
            return [:]
        }
        var found: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if !known.contains(name) {
                fail("unknown_key", key, "unknown key \"\(name)\" in \(what)", hint: "the keys are \(known.joined(separator: ", "))")
            } else {
                found[name] = value
            }
        }
        for name in required where found[name] == nil {
            fail("missing_section", node, "\(what) has no \"\(name)\"", hint: "add \"\(name):\" (docs/rulesets.md, \"The case package\")")
        }
        return found
    }

    /// A text a person reads: a string (English) or a map of the scenario's languages; returns the English.
    mutating func text(_ node: Node?, _ what: String) -> String {
        guard let node else { return "" }
        guard case .mapping = node else {
            guard case .scalar = node else { return word(node, what) }
            let english = word(node, what)
            if !english.isEmpty { _ = shown.text(node, what) }
            return english
        }
        guard let english = shown.text(node, what) else { return "" }
        let trimmed = english.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { fail("wrong_type", node, "\(what) must be text, and not empty") }
        return trimmed
    }

    /// A word that is not shown as it is (an id, a basis, a reference to a term): a plain string.
    mutating func word(_ node: Node?, _ what: String) -> String {
        guard let node else { return "" }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail("wrong_type", node, "\(what) must be text, and not empty")
            return ""
        }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func items(_ node: Node?, _ what: String, allowEmpty: Bool = false) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            fail("wrong_type", node, "\(what) must be a list (each item on its own line, starting with \"- \")")
            return []
        }
        if sequence.isEmpty && !allowEmpty { fail("empty_section", node, "\(what) is empty") }
        return Array(sequence)
    }

    mutating func texts(_ node: Node?, _ what: String, allowEmpty: Bool = false) -> [String] {
        items(node, what, allowEmpty: allowEmpty).map { text($0, "each item of \(what)") }
    }

    mutating func basis(_ node: Node?, _ what: String) -> CasePackage.Basis {
        let name = word(node, "\(what)'s basis")
        if let basis = CasePackage.Basis(rawValue: name) { return basis }
        if !name.isEmpty {
            fail("unknown_basis", node, "\"\(name)\" is not a basis", hint: "say \(CasePackage.Basis.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return .invented
    }

    mutating func package(_ root: Node) -> CasePackage? {
        let top = keys(root, "the case file", known: Self.sections, required: Self.required)
        if let format = top["format"], format.scalar?.string != String(CasePackage.format) {
            fail("unsupported_format", format, "case file format \(format.scalar?.string ?? "?") is not supported", hint: "write format: \(CasePackage.format)")
        }
        let id = word(top["ruleset"], "ruleset")
        if let node = top["ruleset"], !id.isEmpty, id != ruleset.id {
            fail("wrong_ruleset", node, "this case file is for the scenario \"\(id)\", but the scenario beside it is \"\(ruleset.id)\"")
        }
        var package = CasePackage(ruleset: ruleset.id, title: text(top["title"], "title"), note: top["note"].map { text($0, "note") },
                                  learningObjectives: texts(top["learning_objectives"], "learning_objectives"), roles: [], glossary: [],
                                  timeline: dated(top["timeline"], "timeline"), whatHappenedNext: dated(top["what_happened_next"], "what_happened_next"),
                                  sources: texts(top["sources"], "sources"), memo: CasePackage.Memo(prompt: ""),
                                  debriefQuestions: texts(top["debrief_questions"], "debrief_questions"))
        package.roles = roles(top["roles"])
        package.glossary = glossary(top["glossary"])
        if let memo = top["memo"] {
            let m = keys(memo, "memo", known: ["prompt", "length", "audience"], required: ["prompt"])
            package.memo = CasePackage.Memo(prompt: text(m["prompt"], "memo's prompt"), length: m["length"].map { text($0, "memo's length") },
                                            audience: m["audience"].map { text($0, "memo's audience") })
        }
        return package
    }

    mutating func roles(_ node: Node?) -> [CasePackage.Role] {
        var out: [CasePackage.Role] = []
        for item in items(node, "roles") {
            let r = keys(item, "a role", known: ["team", "role", "title", "brief", "priorities", "questions", "basis"], required: ["team", "role", "title", "brief"])
            let team = word(r["team"], "a role's team"), role = word(r["role"], "a role's role")
            if let t = ruleset.teams.first(where: { $0.id == team }) {
                if !t.roles.isEmpty, !role.isEmpty, !t.roles.contains(role) {
                    fail("unknown_role", r["role"], "team \(team) has no role \"\(role)\"", hint: "its roles are \(t.roles.joined(separator: ", "))")
                }
            } else if !team.isEmpty {
                let teams = ruleset.teams.map(\.id)
                fail("unknown_team", r["team"], "the scenario has no team \"\(team)\"",
                     hint: (Suggest.didYouMean(team, in: teams).map { $0 + " " } ?? "") + "its teams are \(teams.joined(separator: ", "))")
            }
            if out.contains(where: { $0.team == team && $0.role == role }) {
                fail("duplicate_role", item, "a second brief for \(team)'s role \(role)")
            }
            out.append(CasePackage.Role(team: team, role: role, title: text(r["title"], "a role's title"), brief: text(r["brief"], "a role's brief"),
                                        priorities: texts(r["priorities"], "a role's priorities"), questions: texts(r["questions"], "a role's questions"),
                                        basis: r["basis"].map { basis($0, "a role") }))
        }
        // Every role the scenario names needs its brief (a team without roles: one brief, any role id).
        for team in ruleset.teams {
            let needed = team.roles
            for role in needed where !out.contains(where: { $0.team == team.id && $0.role == role }) {
                fail("missing_brief", node, "team \(team.id)'s role \(role) has no brief", hint: "add a role with team: \(team.id) and role: \(role)")
            }
            if needed.isEmpty, !out.contains(where: { $0.team == team.id }) {
                fail("missing_brief", node, "team \(team.id) has no brief")
            }
        }
        return out
    }

    mutating func glossary(_ node: Node?) -> [CasePackage.Term] {
        var out: [CasePackage.Term] = []
        var seeNodes: [(String, Node)] = []
        let ids = Set(ruleset.tracks.map(\.id) + ruleset.flags.map(\.id) + ruleset.projects.map(\.id) + ruleset.actions.map(\.id) + ruleset.events.map(\.id))
        for item in items(node, "glossary") {
            let g = keys(item, "a glossary entry", known: ["term", "expansion", "meaning", "ids", "see"], required: ["term", "meaning"])
            let term = text(g["term"], "a glossary term")
            if out.contains(where: { $0.term == term }) { fail("duplicate_term", g["term"], "\"\(term)\" is in the glossary twice") }
            var refs: [String] = []
            for ref in items(g["ids"], "a glossary entry's ids") {
                let id = word(ref, "an id")
                if !id.isEmpty, !ids.contains(id) {
                    fail("unknown_id", ref, "the scenario has no track, flag, project, action or event \"\(id)\"", hint: Suggest.didYouMean(id, in: ids))
                }
                refs.append(id)
            }
            var see: [String] = []
            for ref in items(g["see"], "a glossary entry's see") {
                let other = word(ref, "a term")
                see.append(other)
                seeNodes.append((other, ref))
            }
            out.append(CasePackage.Term(term: term, expansion: g["expansion"].map { text($0, "an expansion") }, meaning: text(g["meaning"], "a meaning"),
                                        ids: refs, see: see))
        }
        for (other, ref) in seeNodes where !out.contains(where: { $0.term == other }) {
            fail("unknown_term", ref, "\"\(other)\" is not a term of this glossary")
        }
        return out
    }

    mutating func dated(_ node: Node?, _ what: String) -> [CasePackage.Dated] {
        items(node, what, allowEmpty: true).map { item in
            let d = keys(item, "an entry of \(what)", known: ["date", "text", "basis"], required: ["date", "text", "basis"])
            return CasePackage.Dated(date: text(d["date"], "a date"), text: text(d["text"], "an entry's text"), basis: basis(d["basis"], "an entry"))
        }
    }
}
