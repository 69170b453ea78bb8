import Foundation
import Yams

extension RulesetBuilder {
    static let defaultPhases: [Phase: Int] = [.briefing: 120, .negotiation: 600, .orders: 300, .adjudication: 10, .results: 180]

    func calendar(_ node: Node) -> Ruleset.Calendar? {
        guard let e = reader.mapping(node, "calendar", allowed: ["turns", "turn_length", "start", "months_per_turn",
                                                                   "random_events_per_turn", "random_event_chance"],
                                     required: ["turns"]) else { return nil }
        guard let turns = reader.integer(e["turns"]?.value, "calendar turns", in: 1...Ruleset.maxTurns) else { return nil }
        let start = reader.text(e["start"]?.value, "the calendar's start") ?? ""   // free text such as "Season 1" is shown
        let months = reader.integer(e["months_per_turn"]?.value, "months_per_turn", in: 1...120)
        if months != nil, start.wholeMatch(of: /\d{4}-\d{2}/) == nil, let node = e["start"]?.value ?? e["months_per_turn"]?.value {
            reader.error("bad_date", node, "with months_per_turn, start must be a year and month such as \"2019-01\"")
        }
        return Ruleset.Calendar(turns: turns, turnLength: reader.text(e["turn_length"]?.value, "the calendar's turn_length") ?? "",
                                start: start, monthsPerTurn: months,
                                randomEventsPerTurn: reader.integer(e["random_events_per_turn"]?.value, "random_events_per_turn", in: 0...5) ?? 1,
                                randomEventChance: reader.integer(e["random_event_chance"]?.value, "random_event_chance", in: 0...100) ?? 100)
    }

    func phases(_ node: Node) -> [Phase: Int] {
        var result = Self.defaultPhases
        let names = Phase.turnPhases.map(\.rawValue)
        guard let e = reader.mapping(node, "phases", allowed: names) else { return result }
        for (key, entry) in e {
            if let seconds = duration(entry.value, "the duration of \(key)") { result[Phase(rawValue: key)!] = seconds }
        }
        return result
    }

    func duration(_ node: Node, _ what: String) -> Int? {
        guard let text = reader.string(node, what)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var seconds: Int?
        if let n = Int(text) { seconds = n }
        else if let unit = text.last, let factor = units[unit], let n = Int(text.dropLast()) {
            let (product, overflow) = n.multipliedReportingOverflow(by: factor)
            seconds = overflow ? Int.max : product
        }
        if let seconds, seconds > 86_400 {
            reader.error("bad_duration", node, "\(what) is \(text), but must be at most 24h", hint: "a phase lasts at most 24h (86400 seconds)")
            return nil
        }
        guard let seconds, seconds >= 0 else {
            reader.error("bad_duration", node, "\(what) \"\(text)\" is not a duration", hint: "write for example 90s, 10m or 1h (at most 24h)")
            return nil
        }
        return seconds
    }

    func team(_ node: Node) -> Ruleset.Team? {
        guard let e = reader.mapping(node, "a team", allowed: ["id", "name", "colour", "color", "brief", "roles", "budget"],
                                     required: ["id", "name", "budget"]),
              let id = reader.string(e["id"]?.value, "team id") else { return nil }
        let colourNode = e["colour"]?.value ?? e["color"]?.value
        let colour = reader.string(colourNode, "colour") ?? "#777777"
        if let colourNode, colour.wholeMatch(of: /#[0-9a-fA-F]{6}/) == nil {
            if colour.isEmpty {
                // The likely cause: `colour: #28b463`, whose # starts a comment. Quote what the line has after it.
                let line = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(reader.location(colourNode).line - 1).first
                let written = line.flatMap { $0.firstMatch(of: /#[0-9a-fA-F]{6}/) }.map { String($0.output) } ?? "#1f77b4"
                reader.error("bad_colour", colourNode, "colour is empty: in YAML an unquoted # starts a comment",
                             hint: "quote it: colour: \"\(written)\"")
            } else {
                reader.error("bad_colour", colourNode, "colour \"\(colour)\" is not a colour", hint: "write it as \"#rrggbb\", for example colour: \"#1f77b4\"")
            }
        }
        var budget: Expr?
        if let budgetNode = e["budget"]?.value {
            if let n = budgetNode.scalar.flatMap({ Int($0.string) }) {
                if (0...1000).contains(n) { budget = .constant(n) } else {
                    reader.error("out_of_range", budgetNode, "the budget of team \(id) is \(n), but must be between 0 and 1000")
                }
            } else {
                budget = compile(budgetNode, "the budget of \(id)", scope: scope) { (c, t) throws(ExpressionError) in try c.number(t) }
                if let budget { warnDivisionByZero(budget.node, budgetNode, "the budget of \(id)") }
            }
        }
        guard let budget else { return nil }
        return Ruleset.Team(id: id, name: reader.text(e["name"]?.value, "the name of team \(id)") ?? id, colour: colour.lowercased(),
                            brief: reader.text(e["brief"]?.value, "the brief of team \(id)") ?? "",
                            roles: reader.stringList(e["roles"]?.value, "roles")?.map(\.0) ?? [], budget: budget,
                            budgetText: e["budget"]?.value.scalar.flatMap { Int($0.string) == nil ? $0.string : nil })
    }

    func track(_ node: Node) -> Ruleset.Track? {
        guard let e = reader.mapping(node, "a track", allowed: ["id", "name", "description", "min", "max", "start", "visible", "levels"],
                                     required: ["id", "name", "min", "max", "start"]),
              let id = reader.string(e["id"]?.value, "track id"),
              let low = reader.integer(e["min"]?.value, "min of \(id)", in: -1_000_000...1_000_000),
              let high = reader.integer(e["max"]?.value, "max of \(id)", in: -1_000_000...1_000_000) else { return nil }
        guard low < high else {
            reader.error("bad_range", e["max"]!.value, "track \"\(id)\" has max \(high) not above min \(low)", hint: "max must be greater than min")
            return nil
        }
        guard let start = reader.integer(e["start"]?.value, "start of \(id)", in: low...high) else { return nil }
        var levels: [Int: String] = [:]
        if let levelNode = e["levels"]?.value {
            if case .mapping(let map) = levelNode {
                for (k, v) in map {
                    guard let level = reader.integer(k, "a level of \(id)", in: low...high), let name = reader.text(v, "level \(level) of track \(id)") else { continue }
                    levels[level] = name
                }
            } else {
                reader.error("wrong_type", levelNode, "levels must map values to names", hint: "write lines such as \"0: Calm\"")
            }
        }
        return Ruleset.Track(id: id, name: reader.text(e["name"]?.value, "the name of track \(id)") ?? id,
                             description: reader.text(e["description"]?.value, "the description of track \(id)") ?? "",
                             min: low, max: high, start: start, visibility: visibility(e["visible"]?.value, "track \(id)"), levels: levels)
    }

    func flag(_ node: Node) -> Ruleset.Flag? {
        guard let e = reader.mapping(node, "a flag", allowed: ["id", "name", "description", "start", "visible"], required: ["id", "name"]),
              let id = reader.string(e["id"]?.value, "flag id") else { return nil }
        return Ruleset.Flag(id: id, name: reader.text(e["name"]?.value, "the name of flag \(id)") ?? id,
                            start: reader.boolean(e["start"]?.value, "start of \(id)") ?? false,
                            visibility: visibility(e["visible"]?.value, "flag \(id)"))
    }

    func project(_ node: Node) -> Ruleset.Project? {
        guard let e = reader.mapping(node, "a project", allowed: ["id", "name", "description", "statuses", "start", "visible"],
                                     required: ["id", "name", "statuses"]),
              let id = reader.string(e["id"]?.value, "project id"),
              let statusList = reader.textList(e["statuses"]?.value, "the statuses of project \(id)", each: "a status of project \(id)") else { return nil }
        let statuses = statusList.map(\.0)
        guard (2...10).contains(statuses.count), Set(statuses).count == statuses.count else {
            reader.error("bad_statuses", e["statuses"]!.value, "project \"\(id)\" needs 2 to 10 different statuses, in order")
            return nil
        }
        var start = 0
        if let startNode = e["start"]?.value, let name = reader.string(startNode, "start of \(id)") {
            if let i = statuses.firstIndex(of: name) { start = i } else {
                reader.error("unknown_status", startNode, "project \"\(id)\" has no status \"\(name)\"",
                             hint: Suggest.didYouMean(name, in: statuses) ?? "its statuses are \(statuses.joined(separator: ", "))")
            }
        }
        return Ruleset.Project(id: id, name: reader.text(e["name"]?.value, "the name of project \(id)") ?? id, statuses: statuses, start: start,
                               visibility: visibility(e["visible"]?.value, "project \(id)"))
    }

    func action(_ node: Node) -> Ruleset.Action? {
        guard let e = reader.mapping(node, "an action", allowed: ["id", "team", "name", "description", "cost", "covert", "repeatable", "params",
                                                                    "requires", "guard", "consent", "chance", "effects", "failure_effects", "news",
                                                                    "failure_news", "intel", "failure_intel", "bots_skip"],
                                     required: ["id", "team", "name", "cost"]),
              let id = reader.string(e["id"]?.value, "action id") else { return nil }
        let what = "action \(id)"
        let teams = (reader.stringList(e["team"]?.value, "the team of \(what)") ?? []).compactMap { teamIndex($0.0, $0.1, in: "the team of \(what)") }
        let cost = reader.integer(e["cost"]?.value, "the cost of \(what)", in: 0...1000) ?? 0
        var local = scope
        var parameters: [Ruleset.Parameter] = []
        if let paramsNode = e["params"]?.value, let items = reader.sequence(paramsNode, "the params of \(what)") {
            if items.count > 3 {
                reader.error("too_many_params", paramsNode, "\(what) has \(items.count) params, but may have at most 3",
                             hint: "remove one (a number parameter can often become a fixed value), or split the action into two actions")
            }
            for item in items.prefix(3) {
                guard let p = reader.mapping(item, "a parameter of \(what)", allowed: ["id", "type", "of", "min", "max", "label"], required: ["id", "type"]),
                      let pid = reader.string(p["id"]?.value, "parameter id"), let typeText = reader.string(p["type"]?.value, "parameter type") else { continue }
                guard RulesetLoader.isValidID(pid) else {
                    reader.error("bad_id", p["id"]!.value, "parameter id \"\(pid)\" of \(what) is not a valid id",
                                 hint: "use lowercase letters, digits and \"_\", starting with a letter (for example \"\(Self.suggestedID(pid))\")"); continue
                }
                guard local.parameters[pid] == nil else {
                    reader.error("bad_id", p["id"]!.value, "\(what) has two parameters with id \"\(pid)\"", hint: "give each parameter its own id"); continue
                }
                guard let kind = Ruleset.Parameter.Kind(rawValue: typeText) else {
                    reader.error("unknown_type", p["type"]!.value, "unknown parameter type \"\(typeText)\"", hint: "use project, team or number")
                    local.brokenParameters.insert(pid); continue
                }
                var choices: [Int] = []
                var listed = 0   // names under of: (or the default), each either a choice or an error already reported
                var low = 0, high = 0
                switch kind {
                case .team:
                    let names = reader.stringList(p["of"]?.value, "choices") ?? teamIDs.map { ($0, item) }
                    listed = names.count
                    choices = names.compactMap { teamIndex($0.0, $0.1, in: "the choices of parameter \(pid) of \(what)") }
                case .project:
                    let all = scope.projects.sorted { $0.value < $1.value }.map { ($0.key, item) }
                    let names = reader.stringList(p["of"]?.value, "choices") ?? all
                    listed = names.count
                    choices = names.compactMap { name, n in
                        if let i = scope.projects[name] { return i }
                        reader.error("unknown_project", n, "unknown project \"\(name)\"", hint: Suggest.didYouMean(name, in: scope.projects.keys))
                        return nil
                    }
                case .number:
                    low = reader.integer(p["min"]?.value, "the min of parameter \(pid) of \(what)", in: -1000...1000) ?? 1
                    high = reader.integer(p["max"]?.value, "the max of parameter \(pid) of \(what)", in: -1000...1000) ?? low
                    if high < low { reader.error("bad_range", item, "parameter \(pid) of \(what) has max \(high) below min \(low)", hint: "max must be at least min") }
                }
                if kind != .number, choices.isEmpty, listed == 0, !(kind == .team && teamIDs.isEmpty) {
                    reader.error("no_choices", item, "parameter \(pid) of \(what) has no choices", hint: "list them under of, or declare some \(kind.rawValue)s")
                }
                local.parameters[pid] = (parameters.count, kind == .number ? .number : (kind == .team ? .team : .project))
                parameters.append(Ruleset.Parameter(id: pid, kind: kind, choices: choices, min: low, max: high,
                                                    label: reader.text(p["label"]?.value, "the label of parameter \(pid) of \(what)")))
            }
        }
        let requirements = self.requirements(e["requires"]?.value, "requirement", of: what, scope: local)
        let guards = self.requirements(e["guard"]?.value, "guard", of: what, scope: local)
        var consent: Ruleset.Consent?
        if let cNode = e["consent"]?.value, let c = reader.mapping(cNode, "the consent of \(what)", allowed: ["from", "rule"], required: ["from"]) {
            let named = reader.stringList(c["from"]?.value, "consent from") ?? []
            let from = named.compactMap { teamIndex($0.0, $0.1, in: "the consent of \(what)") }
            if named.isEmpty, let fromNode = c["from"]?.value {
                reader.warning("empty_consent", at: reader.location(fromNode), "the consent of \(what) is from no team, so it is never asked",
                               hint: "name the teams whose consent it needs, or remove consent")
            }
            var rule = Ruleset.Consent.Rule.veto
            if let ruleNode = c["rule"]?.value, let text = reader.string(ruleNode, "consent rule") {
                if let r = Ruleset.Consent.Rule(rawValue: text) { rule = r } else {
                    reader.error("unknown_rule", ruleNode, "unknown consent rule \"\(text)\"", hint: "use veto or all")
                }
            }
            if from.contains(where: teams.contains) {
                reader.error("self_consent", cNode, "a team cannot need its own consent for \(what)")
            }
            consent = Ruleset.Consent(from: from, rule: rule)
        }
        var chance: Int?
        var modifiers: [Ruleset.Modifier] = []
        if let chanceNode = e["chance"]?.value {
            if case .scalar = chanceNode { chance = reader.integer(chanceNode, "the chance of \(what)", in: 0...100) }
            else if let c = reader.mapping(chanceNode, "the chance of \(what)", allowed: ["base", "modifiers"], required: ["base"]) {
                chance = reader.integer(c["base"]?.value, "the base chance of \(what)", in: 0...100)
                if let mNode = c["modifiers"]?.value, let items = reader.sequence(mNode, "modifiers") {
                    for item in items {
                        guard let m = reader.mapping(item, "a modifier of \(what)", allowed: ["if", "add", "reason"], required: ["if", "add"]),
                              let cond = condition(m["if"]?.value, "a modifier of \(what)", scope: local),
                              let add = reader.integer(m["add"]?.value, "the add of a modifier of \(what)", in: -100...100) else { continue }
                        modifiers.append(Ruleset.Modifier(condition: cond, add: add,
                                                          reason: reader.text(m["reason"]?.value, "the reason of a modifier of \(what)") ?? (m["if"]?.value.scalar?.string ?? "")))
                    }
                }
            }
        }
        let news = reader.text(e["news"]?.value, "the news of \(what)")
        let failureNews = reader.text(e["failure_news"]?.value, "the failure_news of \(what)")
        for key in ["news", "failure_news"] {
            for (t, n) in reader.textForms(e[key]?.value) { checkTemplate(t, n, "the \(key) of \(what)", parameters: local.parameters, broken: local.brokenParameters) }
            warnDroppedPlaceholders(e[key]?.value, "the \(key) of \(what)")
        }
        return Ruleset.Action(id: id, teams: teams, name: reader.text(e["name"]?.value, "the name of \(what)") ?? id,
                              description: reader.text(e["description"]?.value, "the description of \(what)") ?? "", cost: cost,
                              covert: reader.boolean(e["covert"]?.value, "covert") ?? false,
                              repeatable: reader.boolean(e["repeatable"]?.value, "repeatable") ?? false,
                              parameters: parameters, requirements: requirements, guards: guards, consent: consent, chance: chance, modifiers: modifiers,
                              effects: e["effects"].map { statements($0.value, "the effects of \(what)", scope: local, depth: 0) } ?? [],
                              failureEffects: e["failure_effects"].map { statements($0.value, "the failure effects of \(what)", scope: local, depth: 0) } ?? [],
                              news: news, failureNews: failureNews,
                              intel: messages(e["intel"]?.value, "the intel of \(what)", parameters: local.parameters, broken: local.brokenParameters),
                              failureIntel: messages(e["failure_intel"]?.value, "the failure intel of \(what)", parameters: local.parameters, broken: local.brokenParameters),
                              botsSkip: reader.string(e["bots_skip"]?.value, "bots_skip"))
    }

    /// A list of `{if, reason}` conditions: an action's `requires` or its `guard`.
    func requirements(_ node: Node?, _ kind: String, of what: String, scope local: Scope) -> [Ruleset.Requirement] {
        guard let node, let items = reader.sequence(node, "the \(kind)s of \(what)") else { return [] }
        var result: [Ruleset.Requirement] = []
        for item in items {
            guard let r = reader.mapping(item, "a \(kind) of \(what)", allowed: ["if", "reason"], required: ["if", "reason"]),
                  let cond = condition(r["if"]?.value, "a \(kind) of \(what)", scope: local) else { continue }
            result.append(Ruleset.Requirement(condition: cond, text: r["if"]?.value.scalar?.string ?? "",
                                              reason: reader.text(r["reason"]?.value, "the reason of a \(kind) of \(what)") ?? ""))
        }
        return result
    }

    func event(_ node: Node) -> Ruleset.Event? {
        guard let e = reader.mapping(node, "an event", allowed: ["id", "name", "turn", "trigger", "weight", "if", "repeat", "effects", "news", "intel"],
                                     required: ["id", "name"]),
              let id = reader.string(e["id"]?.value, "event id") else { return nil }
        let what = "event \(id)"
        let kinds = ["turn", "trigger", "weight"].filter { e[$0] != nil }
        guard kinds.count == 1 else {
            reader.error("event_kind", node, "\(what) needs exactly one of turn, trigger or weight",
                         hint: kinds.isEmpty ? "add turn: N (scripted), trigger: CONDITION or weight: N (random)" : "keep only one of \(kinds.joined(separator: ", "))")
            return nil
        }
        let kind: Ruleset.Event.Kind
        if let turnNode = e["turn"]?.value {
            var list: [Int] = []
            if case .sequence(let seq) = turnNode { list = seq.compactMap { reader.integer($0, "a turn of \(what)", in: 1...turns) } }
            else if let t = reader.integer(turnNode, "the turn of \(what)", in: 1...turns) { list = [t] }
            kind = .scripted(turns: list)
        } else if let triggerNode = e["trigger"]?.value {
            guard let cond = condition(triggerNode, "the trigger of \(what)", scope: scope) else { return nil }
            kind = .triggered(cond)
        } else {
            guard let weight = reader.integer(e["weight"]?.value, "the weight of \(what)", in: 1...1000) else { return nil }
            kind = .random(weight: weight)
        }
        var repeats = reader.boolean(e["repeat"]?.value, "repeat") ?? false
        if case .scripted = kind {
            // Only `repeat: true` (what a designer writes meaning "again"): a base's `repeat: false` that a variant's
            // `turn:` makes scripted says nothing the event does not do.
            if repeats, let repeatNode = e["repeat"]?.value {
                reader.warning("repeat_ignored", at: reader.location(repeatNode), "repeat: true has no effect on scripted \(what): it happens on every turn it lists",
                               hint: "remove repeat, or list the turns under turn: [1, 3]")
            }
            repeats = true
        }
        for (t, n) in reader.textForms(e["news"]?.value) { checkTemplate(t, n, "the news of \(what)", parameters: nil) }
        return Ruleset.Event(id: id, name: reader.text(e["name"]?.value, "the name of \(what)") ?? id, kind: kind,
                             condition: condition(e["if"]?.value, "the condition of \(what)", scope: scope), repeats: repeats,
                             effects: e["effects"].map { statements($0.value, "the effects of \(what)", scope: scope, depth: 0) } ?? [],
                             news: reader.text(e["news"]?.value, "the news of \(what)"),
                             intel: messages(e["intel"]?.value, "the intel of \(what)", parameters: nil),
                             triggerText: e["trigger"]?.value.scalar?.string, conditionText: e["if"]?.value.scalar?.string)
    }

    func objective(_ node: Node) -> Ruleset.Objective? {
        guard let e = reader.mapping(node, "an objective", allowed: ["id", "team", "text", "if", "points", "score"], required: ["id", "team", "text"]),
              let id = reader.string(e["id"]?.value, "objective id"), let teamNode = e["team"]?.value,
              let teamText = reader.string(teamNode, "objective team") else { return nil }
        var team: Int?
        if teamText != "all" {
            guard let t = teamIndex(teamText, teamNode, in: "the team of objective \(id)") else { return nil }
            team = t
        }
        let scoring: Ruleset.Objective.Scoring
        if let scoreNode = e["score"]?.value {
            guard e["if"] == nil, e["points"] == nil else {
                reader.error("objective_kind", node, "objective \(id) has both score and if/points", hint: "keep one way of scoring"); return nil
            }
            guard let expr = compile(scoreNode, "the score of objective \(id)", scope: scope, { (c, t) throws(ExpressionError) in try c.number(t) }) else { return nil }
            warnDivisionByZero(expr.node, scoreNode, "the score of objective \(id)")
            scoring = .score(expr)
        } else {
            guard e["if"] != nil, e["points"] != nil else {
                reader.error("objective_kind", node, "objective \(id) needs if and points, or score"); return nil
            }
            guard let cond = condition(e["if"]?.value, "objective \(id)", scope: scope),
                  let points = reader.integer(e["points"]?.value, "the points of objective \(id)", in: -100...100) else { return nil }
            scoring = .condition(cond, points: points)
        }
        return Ruleset.Objective(id: id, team: team, text: reader.text(e["text"]?.value, "the text of objective \(id)") ?? id, scoring: scoring,
                                 scoringText: (e["score"] ?? e["if"])?.value.scalar?.string ?? "")
    }

    func outcome(_ node: Node) -> Ruleset.Outcome? {
        guard let e = reader.mapping(node, "an outcome", allowed: ["id", "name", "text", "if", "immediate", "claims"], required: ["id", "name", "if"]),
              let id = reader.string(e["id"]?.value, "outcome id"),
              let cond = condition(e["if"]?.value, "outcome \(id)", scope: scope) else { return nil }
        return Ruleset.Outcome(id: id, name: reader.text(e["name"]?.value, "the name of outcome \(id)") ?? id, text: reader.text(e["text"]?.value, "the text of outcome \(id)") ?? "",
                               condition: cond, immediate: reader.boolean(e["immediate"]?.value, "immediate") ?? false,
                               claims: condition(e["claims"]?.value, "the claims of outcome \(id)", scope: scope),
                               conditionText: e["if"]?.value.scalar?.string ?? "", claimsText: e["claims"]?.value.scalar?.string)
    }
}
