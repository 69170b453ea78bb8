import ArmisticeLocale
import Yams

/// Walks a composed YAML tree and builds each part of a `Ruleset`, reporting every problem through the reader.
final class RulesetBuilder {
    let reader: YAMLReader
    let text: String
    var scope = Scope()
    var teamIDs: [String] = []
    var turns = 1
    /// Each track's id and min..max, once the tracks are read (for the warnings about comparisons that never hold).
    var trackRanges: [(id: String, range: ClosedRange<Int>)] = []
    private var declared: [String: (kind: String, node: Node)] = [:]
    /// Ids refused when declared (reserved or invalid), whose error is reported: what follows from them is not.
    var rejectedIDs: Set<String> = []

    init(reader: YAMLReader, text: String) {
        self.reader = reader
        self.text = text
    }

    static let topKeys = ["format", "id", "title", "version", "summary", "sources", "calendar", "phases", "teams", "tracks",
                          "flags", "projects", "actions", "events", "upkeep", "objectives", "outcomes", "variants", "bots", "languages", "map"]

    func build(_ root: Node) -> Ruleset? {
        guard let top = reader.mapping(root, "the ruleset", allowed: Self.topKeys,
                                       required: ["format", "id", "title", "version", "calendar", "teams", "tracks", "actions", "outcomes"])
        else { return nil }
        if let node = top["format"]?.value, let format = reader.integer(node, "format"), format != RulesetLoader.supportedFormat {
            reader.error("unsupported_format", node, "format \(format) is not supported",
                         hint: "this version of armistice reads format \(RulesetLoader.supportedFormat)")
        }
        let id = top["id"].flatMap { entry in checkedID(entry.value, "the ruleset id") } ?? ""
        if let node = top["languages"]?.value { languages(node) }
        let title = reader.text(top["title"]?.value, "the title") ?? ""
        let version = reader.string(top["version"]?.value, "version") ?? ""
        let summary = reader.text(top["summary"]?.value, "the summary") ?? ""
        let sources = reader.stringList(top["sources"]?.value, "sources")?.map(\.0) ?? []
        let calendar = top["calendar"].flatMap { self.calendar($0.value) }
        let phases = top["phases"].map { self.phases($0.value) } ?? Self.defaultPhases

        // Pass 1: every declared name, so expressions anywhere can refer to anything.
        let teamNodes = top["teams"].flatMap { reader.sequence($0.value, "teams") } ?? []
        let trackNodes = top["tracks"].flatMap { reader.sequence($0.value, "tracks") } ?? []
        let flagNodes = top["flags"].flatMap { reader.sequence($0.value, "flags") } ?? []
        let projectNodes = top["projects"].flatMap { reader.sequence($0.value, "projects") } ?? []
        let actionNodes = top["actions"].flatMap { reader.sequence($0.value, "actions") } ?? []
        let eventNodes = top["events"].flatMap { reader.sequence($0.value, "events") } ?? []
        declareAll(teamNodes, kind: "a team") { self.teamIDs.append($0); self.scope.teams[$0] = self.teamIDs.count - 1 }
        if teamIDs.isEmpty, top["teams"] != nil { reader.error("no_teams", top["teams"]!.value, "a ruleset needs at least one team") }
        if teamIDs.count > RulesetLoader.maxTeams {
            reader.error("too_many_teams", top["teams"]!.value, "a ruleset may have at most \(RulesetLoader.maxTeams) teams")
        }
        var trackCount = 0, flagCount = 0, projectCount = 0
        declareAll(trackNodes, kind: "a track") { self.scope.tracks[$0] = trackCount; trackCount += 1 }
        declareAll(flagNodes, kind: "a flag") { self.scope.flags[$0] = flagCount; flagCount += 1 }
        declareAll(projectNodes, kind: "a project") { self.scope.projects[$0] = projectCount; projectCount += 1 }
        declareAll(actionNodes, kind: "an action") { self.scope.otherNames[$0] = "an action" }
        declareAll(eventNodes, kind: "an event") { self.scope.otherNames[$0] = "an event" }
        scope.projectStatuses = Array(repeating: [], count: projectCount)
        // Without a valid calendar (already reported), event turns are checked only against the format's limit.
        turns = calendar?.turns ?? Ruleset.maxTurns

        // Pass 2: the parts themselves.
        let projects = projectNodes.compactMap(project)
        for (i, p) in projects.enumerated() where i < scope.projectStatuses.count { scope.projectStatuses[i] = p.statuses }
        let teams = teamNodes.compactMap(team)
        let tracks = trackNodes.compactMap(track)
        if tracks.count == trackCount { trackRanges = tracks.map { ($0.id, $0.min...$0.max) } }
        let flags = flagNodes.compactMap(flag)
        let actions = actionNodes.compactMap(action)
        let events = eventNodes.compactMap(event)
        let upkeep = top["upkeep"].map { statements($0.value, "upkeep", scope: scope, depth: 0) } ?? []
        let objectives = top["objectives"].flatMap { reader.sequence($0.value, "objectives") }?.compactMap(objective) ?? []
        let outcomeNodes = top["outcomes"].flatMap { reader.sequence($0.value, "outcomes") } ?? []
        let outcomes = outcomeNodes.compactMap(outcome)
        warnUnreachableOutcomes(outcomes, outcomeNodes)
        // Every game needs an ending: some outcome must hold always. One that is not last is reported above, with
        // the outcomes after it (unreachable_outcome), rather than told to add what is already there.
        if !outcomes.isEmpty, !outcomes.contains(where: { $0.condition == .constant(1) }), let lastNode = outcomeNodes.last {
            reader.error("no_final_outcome", lastNode, "no outcome holds always, so a game could end with no ending",
                         hint: "add a final outcome with if: \"true\"")
        }
        if outcomes.isEmpty, let node = top["outcomes"]?.value, reader.diagnostics.isEmpty {
            reader.error("no_final_outcome", node, "a ruleset needs at least one outcome", hint: "add one with if: \"true\"")
        }
        if actions.isEmpty, let node = top["actions"]?.value, reader.diagnostics.isEmpty {
            reader.error("no_actions", node, "a ruleset needs at least one action")
        }
        for (i, team) in teams.enumerated() where !actions.contains(where: { $0.teams.contains(i) }) && !rejectedIDs.contains(team.id) {
            if let node = teamNodes.indices.contains(i) ? teamNodes[i] : nil {
                reader.error("team_without_actions", node, "team \"\(team.id)\" has no actions", hint: "give it at least one action")
            }
        }
        let variants = top["variants"].map { self.variants($0.value) } ?? []
        let bots = top["bots"].map { self.botPolicies($0.value) } ?? [:]
        let map = top["map"].flatMap { self.map($0.value, tracks: tracks, projects: projects) }
        guard reader.diagnostics.isEmpty, let calendar else { return nil }
        var ruleset = Ruleset(format: RulesetLoader.supportedFormat, id: id, title: title, version: version, summary: summary, sources: sources,
                       calendar: calendar, phaseDurations: phases, teams: teams, tracks: tracks, flags: flags, projects: projects,
                       actions: actions, events: events, upkeep: upkeep, objectives: objectives, outcomes: outcomes,
                       sourceHash: RulesetLoader.sha256Hex(text))
        ruleset.variants = variants
        ruleset.languages = reader.languages
        ruleset.translations = reader.translations
        ruleset.missingTranslations = reader.missingTranslations.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        ruleset.botPolicies = bots
        ruleset.map = map
        warnStartingBudgets(ruleset, teamNodes)
        ruleset.warnings = reader.warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return ruleset
    }

    /// The `variants` list: ids, names and descriptions. Each override is checked when that variant is loaded.
    private func variants(_ node: Node) -> [Ruleset.Variant] {
        var result: [Ruleset.Variant] = []
        for item in reader.sequence(node, "variants") ?? [] {
            guard let e = reader.mapping(item, "a variant", allowed: ["id", "name", "description", "override"], required: ["id", "name"]),
                  let idNode = e["id"]?.value, let id = reader.string(idNode, "variant id") else { continue }
            guard VariantOverlay.isValidID(id) else {
                reader.error("bad_id", idNode, "variant id \"\(id)\" is not a valid id", hint: "use lowercase letters, digits, \"_\" and \"-\", starting with a letter")
                continue
            }
            guard !result.contains(where: { $0.id == id }) else {
                reader.error("duplicate_id", idNode, "variant \"\(id)\" is declared twice"); continue
            }
            if let o = e["override"]?.value, case .mapping = o {} else if let o = e["override"]?.value {
                reader.error("wrong_type", o, "the override of variant \(id) must be a mapping of top-level keys")
            }
            result.append(Ruleset.Variant(id: id, name: reader.text(e["name"]?.value, "the name of variant \(id)") ?? id,
                                          description: reader.text(e["description"]?.value, "the description of variant \(id)") ?? ""))
        }
        return result
    }

    /// `languages`: the languages the file's texts are written in. English is always one (the fallback) and comes first.
    private func languages(_ node: Node) {
        var result = ["en"]
        for (code, item) in reader.stringList(node, "languages") ?? [] {
            guard code.wholeMatch(of: /[a-z]{2,3}/) != nil else {
                let supported = Language.allCases.map(\.rawValue)
                reader.error("bad_language", item, "\"\(code)\" is not a language code",
                             hint: YAMLReader.meantLanguage(code, among: supported).map { "did you mean \($0)? codes are lowercase" }
                                 ?? "use a two-letter code such as en or ko")
                continue
            }
            guard !result.contains(code) || code == "en" else {
                reader.error("duplicate_language", item, "language \"\(code)\" is listed twice"); continue
            }
            guard Language(rawValue: code) != nil else {
                let shown = Language.allCases.map(\.rawValue).joined(separator: ", ")
                let meant = YAMLReader.meantLanguage(code, among: Language.allCases.map(\.rawValue))
                reader.error("unsupported_language", item, "the program cannot show \"\(code)\": it shows only \(shown)",
                             hint: meant.map { "did you mean \($0)?" } ?? "a new language must first be added to the program (docs/rulesets.md, \"Adding a language\")"); continue
            }
            if code != "en" { result.append(code) }
        }
        reader.languages = result
    }

    /// `bots`: a pinned bot policy per team id.
    private func botPolicies(_ node: Node) -> [String: String] {
        guard case .mapping(let map) = node else {
            reader.error("wrong_type", node, "bots must map team ids to policies", hint: "write lines such as \"usa: block-all\""); return [:]
        }
        var result: [String: String] = [:]
        for (key, value) in map {
            guard let team = reader.string(key, "a team in bots"), teamIndex(team, key, in: "bots") != nil,
                  let policy = reader.string(value, "the bot policy of \(team)") else { continue }
            guard Ruleset.botPolicyNames.contains(policy) else {
                reader.error("unknown_policy", value, "unknown bot policy \"\(policy)\"",
                             hint: Suggest.didYouMean(policy, in: Ruleset.botPolicyNames) ?? "the policies are \(Ruleset.botPolicyNames.joined(separator: ", "))")
                continue
            }
            result[team] = policy
        }
        return result
    }

    // MARK: - Names

    private func checkedID(_ node: Node, _ what: String) -> String? {
        guard let id = reader.string(node, what) else { return nil }
        guard RulesetLoader.isValidID(id) else {
            reader.error("bad_id", node, "\(what) \"\(id)\" is not a valid id",
                         hint: "use lowercase letters, digits and \"_\", starting with a letter (for example \"\(Self.suggestedID(id))\")")
            return nil
        }
        if ["turn", "turns", "true", "false", "and", "or", "not", "all", "team", "min", "max", "abs", "clamp", "reveal", "revealed",
            "instructor", "observer"].contains(id) {
            reader.error("reserved_id", node, "\"\(id)\" is a reserved word and cannot be an id", hint: "choose another name")
            return nil
        }
        return id
    }

    static func suggestedID(_ text: String) -> String {
        let lowered = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        var result = String(lowered)
        if let first = result.first, !first.isLetter { result = "x_" + result }
        return result.isEmpty ? "name" : result
    }

    private func declareAll(_ nodes: [Node], kind: String, add: (String) -> Void) {
        for node in nodes {
            guard case .mapping(let map) = node else { continue }   // reported in pass 2
            // By text, as `YAMLReader.mapping` reads keys: Yams' `map["id"]` compares resolved tags (regular expressions).
            guard let idNode = map.first(where: { $0.key.scalar?.string == "id" })?.value else { continue }
            guard let id = checkedID(idNode, "the id of \(kind)") else {
                if let text = idNode.scalar?.string { rejectedIDs.insert(text) }
                continue
            }
            if let previous = declared[id] {
                let at = reader.location(previous.node)
                reader.error("duplicate_id", idNode, "\"\(id)\" is already declared as \(previous.kind) at line \(at.line)",
                             hint: "every id must be different, across teams, tracks, flags, projects, actions and events")
                continue
            }
            declared[id] = (kind, idNode)
            add(id)
        }
    }

    /// `place`: where the name stands (`the consent of action offer_treaty`), as the line alone does not say which item it is.
    func teamIndex(_ text: String, _ node: Node, in place: String) -> Int? {
        if let i = scope.teams[text] { return i }
        // No teams at all, or a team whose id was refused: that error is reported, and this one would follow from it.
        if teamIDs.isEmpty || rejectedIDs.contains(text) { return nil }
        reader.error("unknown_team", node, "unknown team \"\(text)\" in \(place)",
                     hint: Suggest.didYouMean(text, in: teamIDs) ?? "the teams are \(teamIDs.joined(separator: ", "))")
        return nil
    }

    func visibility(_ node: Node?, _ what: String, key: String = "visible") -> Ruleset.Visibility {
        guard let node else { return .everyone }
        if case .scalar(let s) = node, s.string == "all" { return .everyone }
        var mask: UInt32 = 0
        for (name, itemNode) in reader.stringList(node, "\(what) visible") ?? [] {
            if let i = teamIndex(name, itemNode, in: "\"\(key)\" of \(what)") { mask |= 1 << UInt32(i) }
        }
        return Ruleset.Visibility(mask: mask)
    }

    // MARK: - Expressions

    func compile<T>(_ node: Node, _ what: String, scope: Scope, _ body: (ExpressionCompiler, String) throws(ExpressionError) -> T) -> T? {
        guard let text = reader.string(node, what) else { return nil }
        do {
            return try body(ExpressionCompiler(scope: scope), text)
        } catch {
            guard error.code != ExpressionError.followOn.code else { return nil }
            reader.error(error.code, at: reader.location(of: node, offset: error.offset), "\(error.message) in \(what)", hint: error.hint)
            return nil
        }
    }

    func condition(_ node: Node?, _ what: String, scope: Scope) -> Expr? {
        guard let node else { return nil }
        let expr = compile(node, what, scope: scope) { (c, t) throws(ExpressionError) in try c.condition(t) }
        if let expr {
            warnImpossibleComparisons(expr.node, node, what)
            warnDivisionByZero(expr.node, node, what)
        }
        return expr
    }

    func statements(_ node: Node, _ what: String, scope: Scope, depth: Int) -> [Statement] {
        guard let items = reader.sequence(node, what) else { return [] }
        var result: [Statement] = []
        for item in items {
            if case .mapping = item {
                guard depth < 4 else {
                    reader.error("too_deep", item, "if/then blocks in \(what) nest more than 4 deep", hint: "flatten them with \"and\"")
                    continue
                }
                guard let entries = reader.mapping(item, "a conditional effect in \(what)", allowed: ["if", "then", "else"], required: ["if", "then"]),
                      let cond = condition(entries["if"]?.value, "the condition of an effect in \(what)", scope: scope),
                      let thenNode = entries["then"]?.value else { continue }
                let thenPart = statements(thenNode, what, scope: scope, depth: depth + 1)
                let elsePart = entries["else"].map { statements($0.value, what, scope: scope, depth: depth + 1) } ?? []
                result.append(.conditional(cond, then: thenPart, else: elsePart))
            } else if let statement = compile(item, "an effect in \(what)", scope: scope, { (c, t) throws(ExpressionError) in try c.statement(t) }) {
                if case .assign(_, _, let value) = statement { warnDivisionByZero(value.node, item, "an effect in \(what)") }
                warnNoChange(statement, item, "an effect in \(what)")
                result.append(statement)
            }
        }
        return result
    }

    /// `parameters` nil: an event's messages, which have no placeholders at all.
    func messages(_ node: Node?, _ what: String, parameters: [String: (index: Int, kind: Scope.ParameterKind)]?, broken: Set<String> = []) -> [Ruleset.Message] {
        guard let node, let items = reader.sequence(node, what) else { return [] }
        var result: [Ruleset.Message] = []
        for item in items {
            guard let entries = reader.mapping(item, "a message in \(what)", allowed: ["to", "text"], required: ["to", "text"]),
                  let text = reader.text(entries["text"]?.value, "the text of a message in \(what)"),
                  let toNode = entries["to"]?.value else { continue }
            result.append(Ruleset.Message(to: visibility(toNode, "a message in \(what)", key: "to"), text: text))
            for (t, n) in reader.textForms(entries["text"]?.value) { checkTemplate(t, n, "a message in \(what)", parameters: parameters, broken: broken) }
            if parameters != nil { warnDroppedPlaceholders(entries["text"]?.value, "the text of a message in \(what)") }
        }
        return result
    }

    /// A translation that leaves out a placeholder its English text has (`{amount}`): the students reading it never
    /// see what the others see. A warning, as a translation may word it another way on purpose.
    func warnDroppedPlaceholders(_ node: Node?, _ what: String) {
        guard case .mapping(let map)? = node,
              let english = map.first(where: { $0.key.scalar?.string == "en" })?.value.scalar?.string else { return }
        let wanted = Self.placeholders(in: english)
        guard !wanted.isEmpty else { return }
        for (key, value) in map {
            guard let language = key.scalar?.string, language != "en", reader.languages.contains(language),
                  let translated = value.scalar?.string, !translated.isEmpty else { continue }
            let have = Set(Self.placeholders(in: translated))
            let dropped = wanted.filter { !have.contains($0) }
            guard !dropped.isEmpty else { continue }
            let list = dropped.map { "{\($0)}" }.joined(separator: ", ")
            reader.warning("missing_placeholder", at: reader.location(value),
                           "the \(language) text of \(what) leaves out \(list), which the English text has, so \(language) readers never see \(dropped.count == 1 ? "that value" : "those values")",
                           hint: "put \(list) into the \(language) text too, where it reads naturally")
        }
    }

    /// The names between braces in a text, in order, once each.
    static func placeholders(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !result.contains(name) { result.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// `{team}` and `{param}` placeholders in an action's news and intel must name something the action has (a
    /// `broken` parameter's error is already reported). `parameters` nil: an event's news or intel, where nothing
    /// fills a placeholder (an event has no acting team and no parameters), so every one is a warning (an error would
    /// stop a match log that carries such a file from replaying).
    func checkTemplate(_ text: String, _ node: Node, _ what: String, parameters: [String: (index: Int, kind: Scope.ParameterKind)]?, broken: Set<String> = []) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard let parameters else {
                let instead = name == "team" ? "write the team's name itself" : "write the words themselves"
                reader.warning("placeholder_in_event", at: reader.location(node),
                             "{\(name)} in an event's text is never filled in: an event has no acting team and no parameters, so students would read \"{\(name)}\" as written",
                             hint: "placeholders work only in an action's news and intel; \(instead)")
                rest = rest[rest.index(after: close)...]
                continue
            }
            if name != "team", parameters[name] == nil, !broken.contains(name) {
                let known = ["team"] + parameters.keys.sorted()
                reader.error("unknown_placeholder", node, "unknown placeholder {\(name)} in \(what)",
                             hint: Suggest.didYouMean(name, in: known).map { "\($0)" } ?? "placeholders here are \(known.map { "{\($0)}" }.joined(separator: ", "))")
            }
            rest = rest[rest.index(after: close)...]
        }
    }
}
