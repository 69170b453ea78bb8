/// Effects and conditions in words, with the scenario's names: what an event will do, for the instructor to read
/// before firing it.
extension Engine {
    /// One line per effect, such as "Military tension +2" or "Kaesong Industrial Complex → operating".
    public func describe(_ statements: [Statement]) -> [String] {
        statements.map(describe)
    }

    public func describe(_ statement: Statement) -> String {
        switch statement {
        case .assign(let target, let op, let value):
            return describe(target, op, value.node)
        case .reveal(let track, let team):
            return say("preview.reveal", "\(ruleset.tracks[track].name) revealed to \(teamName(team))", ["track": ruleset.tracks[track].name, "team": teamName(team)])
        case .conditional(let condition, let then, let otherwise):
            let c = describe(condition.node), a = describe(then).joined(separator: "; ")
            let text = say("preview.if", "if \(c): \(a)", ["condition": c, "then": a])
            guard !otherwise.isEmpty else { return text }
            let b = describe(otherwise).joined(separator: "; ")
            return say("preview.otherwise", "\(text); otherwise: \(b)", ["text": text, "else": b])
        }
    }

    private func describe(_ target: AssignmentTarget, _ op: Statement.AssignmentOperator, _ value: ExprNode) -> String {
        switch target {
        case .track(let i):
            let name = ruleset.tracks[i].name
            if case .constant(let n) = value {
                switch op {
                case .set: return say("preview.set", "\(name) set to \(n)", ["name": name, "value": String(n)])
                case .add: return "\(name) \(n >= 0 ? "+" : "−")\(abs(n))"
                case .subtract: return "\(name) \(n >= 0 ? "−" : "+")\(abs(n))"
                }
            }
            switch op {
            case .set: return say("preview.set", "\(name) set to \(describe(value))", ["name": name, "value": describe(value)])
            case .add: return "\(name) + \(describe(value))"
            case .subtract: return "\(name) − \(describe(value))"
            }
        case .flag(let i):
            let name = ruleset.flags[i].name
            if op == .set, case .constant(let n) = value {
                return n != 0 ? say("preview.flag_yes", "\(name): yes", ["name": name]) : say("preview.flag_no", "\(name): no", ["name": name])
            }
            return "\(name): \(describe(value))"
        case .project(let i):
            return describeProject(ruleset.projects[i], op, value)
        case .projectParameter:
            let chosen = say("preview.chosen_project", "the chosen project", [:])
            return op == .set ? say("preview.set", "\(chosen) set to \(describe(value))", ["name": chosen, "value": describe(value)])
                : "\(chosen) \(op.rawValue) \(describe(value))"
        }
    }

    private func describeProject(_ project: Ruleset.Project, _ op: Statement.AssignmentOperator, _ value: ExprNode) -> String {
        guard case .constant(let n) = value else { return "\(project.name) \(op.rawValue) \(describe(value))" }
        switch op {
        case .set: return "\(project.name) → \(status(project, n))"
        case .add: return n == 1 ? say("preview.forward_one", "\(project.name) one stage forward", ["name": project.name])
            : say("preview.forward", "\(project.name) \(n) stages forward", ["name": project.name, "count": String(n)])
        case .subtract: return n == 1 ? say("preview.back_one", "\(project.name) one stage back", ["name": project.name])
            : say("preview.back", "\(project.name) \(n) stages back", ["name": project.name, "count": String(n)])
        }
    }

    private func status(_ project: Ruleset.Project, _ index: Int) -> String {
        project.statuses.indices.contains(index) ? project.statuses[index].replacingOccurrences(of: "_", with: " ") : String(index)
    }

    private func teamName(_ team: TeamReference) -> String {
        switch team {
        case .team(let t): ruleset.teams[t].name
        case .parameter: say("preview.chosen_team", "the chosen team", [:])
        }
    }

    /// A condition or number in words: "Military tension ≥ 7 and not A nuclear test has taken place".
    public func describe(_ expr: ExprNode) -> String {
        switch expr {
        case .constant(let n): return String(n)
        case .track(let i): return ruleset.tracks[i].name
        case .flag(let i): return ruleset.flags[i].name
        case .project(let i): return ruleset.projects[i].name
        case .parameter, .projectParameter: return say("preview.chosen_value", "the chosen value", [:])
        case .turn: return say("preview.turn", "the turn", [:])
        case .turns: return say("preview.turns", "the number of turns", [:])
        case .negate(let e): return "−\(operand(e))"
        case .not(let e): return say("preview.not", "not \(operand(e))", ["a": operand(e)])
        case .absolute(let e): return "|\(describe(e))|"
        case .arithmetic(let op, let a, let b): return "\(operand(a)) \(op.rawValue) \(operand(b))"
        case .compare(let op, let a, let b):
            if case .project(let i) = a, case .constant(let n) = b {
                let name = ruleset.projects[i].name, stage = status(ruleset.projects[i], n)
                return say(Self.words[op]!.key, "\(name) \(Self.words[op]!.english) \(stage)", ["name": name, "status": stage])
            }
            return "\(operand(a)) \(Self.symbols[op]!) \(operand(b))"
        case .and(let a, let b): return say("preview.and", "\(operand(a)) and \(operand(b))", ["a": operand(a), "b": operand(b)])
        case .or(let a, let b): return say("preview.or", "\(operand(a)) or \(operand(b))", ["a": operand(a), "b": operand(b)])
        case .minimum(let a, let b): return say("preview.lower", "the lower of \(describe(a)) and \(describe(b))", ["a": describe(a), "b": describe(b)])
        case .maximum(let a, let b): return say("preview.higher", "the higher of \(describe(a)) and \(describe(b))", ["a": describe(a), "b": describe(b)])
        case .clamp(let x, let lo, let hi):
            return say("preview.clamp", "\(describe(x)) kept between \(describe(lo)) and \(describe(hi))", ["x": describe(x), "low": describe(lo), "high": describe(hi)])
        case .revealed(let track, let team):
            return say("preview.revealed", "\(ruleset.tracks[track].name) is revealed to \(teamName(team))", ["track": ruleset.tracks[track].name, "team": teamName(team)])
        }
    }

    private func operand(_ e: ExprNode) -> String {
        switch e {
        case .and, .or, .arithmetic: "(\(describe(e)))"
        default: describe(e)
        }
    }

    private static let symbols: [Expr.ComparisonOperator: String] = [.equal: "=", .notEqual: "≠", .less: "<", .lessOrEqual: "≤", .greater: ">", .greaterOrEqual: "≥"]
    /// A project compared with a status, by operator: the phrase's key and its English verb.
    private static let words: [Expr.ComparisonOperator: (key: String, english: String)] = [
        .equal: ("preview.status_is", "is"), .notEqual: ("preview.status_is_not", "is not"), .less: ("preview.status_before", "is before"),
        .lessOrEqual: ("preview.status_at_most", "is at most"), .greater: ("preview.status_past", "is past"),
        .greaterOrEqual: ("preview.status_at_least", "is at least"),
    ]

    /// One of the preview's phrases: the English written here, or the phrase catalog's with `args` filled in.
    private func say(_ key: String, _ english: String, _ args: [String: String]) -> String {
        phrases?.text(key, args) ?? english
    }

    /// What an event will do, for the instructor's `events` list.
    func eventPreview(_ event: Ruleset.Event) -> (condition: String?, effects: [String]) {
        var conditions: [String] = []
        if case .triggered(let when) = event.kind { conditions.append(describe(when.node)) }
        if let c = event.condition { conditions.append(describe(c.node)) }
        return (conditions.isEmpty ? nil : conditions.joined(separator: "; "), describe(event.effects))
    }
}
