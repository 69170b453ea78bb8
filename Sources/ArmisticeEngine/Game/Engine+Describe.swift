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
            return "\(ruleset.tracks[track].name) revealed to \(teamName(team))"
        case .conditional(let condition, let then, let otherwise):
            var text = "if \(describe(condition.node)): \(describe(then).joined(separator: "; "))"
            if !otherwise.isEmpty { text += "; otherwise: \(describe(otherwise).joined(separator: "; "))" }
            return text
        }
    }

    private func describe(_ target: AssignmentTarget, _ op: Statement.AssignmentOperator, _ value: ExprNode) -> String {
        switch target {
        case .track(let i):
            let name = ruleset.tracks[i].name
            if case .constant(let n) = value {
                switch op {
                case .set: return "\(name) set to \(n)"
                case .add: return "\(name) \(n >= 0 ? "+" : "−")\(abs(n))"
                case .subtract: return "\(name) \(n >= 0 ? "−" : "+")\(abs(n))"
                }
            }
            switch op {
            case .set: return "\(name) set to \(describe(value))"
            case .add: return "\(name) + \(describe(value))"
            case .subtract: return "\(name) − \(describe(value))"
            }
        case .flag(let i):
            let name = ruleset.flags[i].name
            if op == .set, case .constant(let n) = value { return "\(name): \(n != 0 ? "yes" : "no")" }
            return "\(name): \(describe(value))"
        case .project(let i):
            return describeProject(ruleset.projects[i], op, value)
        case .projectParameter:
            return "the chosen project \(op == .set ? "set to" : op.rawValue) \(describe(value))"
        }
    }

    private func describeProject(_ project: Ruleset.Project, _ op: Statement.AssignmentOperator, _ value: ExprNode) -> String {
        guard case .constant(let n) = value else { return "\(project.name) \(op.rawValue) \(describe(value))" }
        switch op {
        case .set: return "\(project.name) → \(status(project, n))"
        case .add: return "\(project.name) \(n == 1 ? "one stage" : "\(n) stages") forward"
        case .subtract: return "\(project.name) \(n == 1 ? "one stage" : "\(n) stages") back"
        }
    }

    private func status(_ project: Ruleset.Project, _ index: Int) -> String {
        project.statuses.indices.contains(index) ? project.statuses[index].replacingOccurrences(of: "_", with: " ") : String(index)
    }

    private func teamName(_ team: TeamReference) -> String {
        switch team {
        case .team(let t): ruleset.teams[t].name
        case .parameter: "the chosen team"
        }
    }

    /// A condition or number in words: "Military tension ≥ 7 and not A nuclear test has taken place".
    public func describe(_ expr: ExprNode) -> String {
        switch expr {
        case .constant(let n): return String(n)
        case .track(let i): return ruleset.tracks[i].name
        case .flag(let i): return ruleset.flags[i].name
        case .project(let i): return ruleset.projects[i].name
        case .parameter, .projectParameter: return "the chosen value"
        case .turn: return "the turn"
        case .turns: return "the number of turns"
        case .negate(let e): return "−\(operand(e))"
        case .not(let e): return "not \(operand(e))"
        case .absolute(let e): return "|\(describe(e))|"
        case .arithmetic(let op, let a, let b): return "\(operand(a)) \(op.rawValue) \(operand(b))"
        case .compare(let op, let a, let b):
            if case .project(let i) = a, case .constant(let n) = b {
                return "\(ruleset.projects[i].name) \(Self.words[op]!) \(status(ruleset.projects[i], n))"
            }
            return "\(operand(a)) \(Self.symbols[op]!) \(operand(b))"
        case .and(let a, let b): return "\(operand(a)) and \(operand(b))"
        case .or(let a, let b): return "\(operand(a)) or \(operand(b))"
        case .minimum(let a, let b): return "the lower of \(describe(a)) and \(describe(b))"
        case .maximum(let a, let b): return "the higher of \(describe(a)) and \(describe(b))"
        case .clamp(let x, let lo, let hi): return "\(describe(x)) kept between \(describe(lo)) and \(describe(hi))"
        case .revealed(let track, let team): return "\(ruleset.tracks[track].name) is revealed to \(teamName(team))"
        }
    }

    private func operand(_ e: ExprNode) -> String {
        switch e {
        case .and, .or, .arithmetic: "(\(describe(e)))"
        default: describe(e)
        }
    }

    private static let symbols: [Expr.ComparisonOperator: String] = [.equal: "=", .notEqual: "≠", .less: "<", .lessOrEqual: "≤", .greater: ">", .greaterOrEqual: "≥"]
    private static let words: [Expr.ComparisonOperator: String] = [.equal: "is", .notEqual: "is not", .less: "is before", .lessOrEqual: "is at most",
                                                                   .greater: "is past", .greaterOrEqual: "is at least"]

    /// What an event will do, for the instructor's `events` list.
    func eventPreview(_ event: Ruleset.Event) -> (condition: String?, effects: [String]) {
        var conditions: [String] = []
        if case .triggered(let when) = event.kind { conditions.append(describe(when.node)) }
        if let c = event.condition { conditions.append(describe(c.node)) }
        return (conditions.isEmpty ? nil : conditions.joined(separator: "; "), describe(event.effects))
    }
}
