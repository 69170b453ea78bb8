/// Resolves names and checks types, turning parsed syntax into an `Expr` or a `Statement`.
struct ExpressionCompiler {
    let scope: Scope

    func condition(_ text: String) throws(ExpressionError) -> Expr {
        let syntax = try ExpressionParser.parseExpression(text)
        let (expr, type) = try compile(syntax)
        guard type == .boolean else {
            throw ExpressionError(code: "type_mismatch", message: "a condition must be true or false, but this is \(type)",
                                  offset: syntax.offset, hint: "compare it, for example \"... >= 5\"")
        }
        return Expr(expr)
    }

    func number(_ text: String) throws(ExpressionError) -> Expr {
        let syntax = try ExpressionParser.parseExpression(text)
        let (expr, type) = try compile(syntax)
        guard type.isNumeric else {
            throw ExpressionError(code: "type_mismatch", message: "expected a number, but this is \(type)", offset: syntax.offset)
        }
        return Expr(expr)
    }

    func statement(_ text: String) throws(ExpressionError) -> Statement {
        switch try ExpressionParser.parseStatement(text) {
        case .call(let name, let args, let offset):
            guard name == "reveal" else {
                throw ExpressionError(code: "unknown_function", message: "\"\(name)\" is not an effect", offset: offset,
                                      hint: "the only effect call is reveal(track, team)")
            }
            let (track, team) = try revealArguments(args, offset: offset)
            return .reveal(track: track, team: team)
        case .assign(let targetSyntax, let opText, let valueSyntax):
            let op = Statement.AssignmentOperator(rawValue: opText)!
            let target: AssignmentTarget
            let targetType: ValueType
            switch targetSyntax {
            case .name(let name, let offset):
                if let i = scope.tracks[name] { target = .track(i); targetType = .number }
                else if let i = scope.flags[name] { target = .flag(i); targetType = .boolean }
                else if let i = scope.projects[name] { target = .project(i); targetType = .status(project: i) }
                else { throw unknownName(name, offset: offset, assigning: true) }
            case .parameter(let name, let offset):
                guard let p = scope.parameters[name] else { throw unknownParameter(name, offset: offset) }
                guard p.kind == .project else {
                    throw ExpressionError(code: "not_assignable", message: "parameter \"$\(name)\" is not a project and cannot be changed",
                                          offset: offset, hint: "only tracks, flags and projects can be changed")
                }
                target = .projectParameter(p.index); targetType = .status(project: nil)
            default:
                throw ExpressionError(code: "not_assignable", message: "only a track, a flag or a project can be changed",
                                      offset: targetSyntax.offset, hint: "put the name of a track on the left of \(opText)")
            }
            let value: ExprNode
            if case .string(let status, let offset) = valueSyntax {
                guard op == .set else {
                    throw ExpressionError(code: "type_mismatch", message: "cannot add a status name", offset: offset,
                                          hint: "use \"=\" to set a status, or \"+= 1\" to move it one step")
                }
                value = .constant(try statusIndex(status, for: targetType, offset: offset))
            } else {
                let (expr, type) = try compile(valueSyntax)
                switch targetType {
                case .boolean:
                    guard op == .set else {
                        throw ExpressionError(code: "type_mismatch", message: "a flag can only be set with \"=\"",
                                              offset: targetSyntax.offset, hint: "write NAME = true or NAME = false")
                    }
                    guard type == .boolean else {
                        throw ExpressionError(code: "type_mismatch", message: "a flag takes true or false, not \(type)",
                                              offset: valueSyntax.offset)
                    }
                default:
                    guard type.isNumeric else {
                        throw ExpressionError(code: "type_mismatch", message: "expected a number here, but this is \(type)",
                                              offset: valueSyntax.offset)
                    }
                }
                value = expr
            }
            return .assign(target, op, Expr(value))
        }
    }

    private func revealArguments(_ args: [Syntax], offset: Int, callName: String = "reveal") throws(ExpressionError) -> (Int, TeamReference) {
        guard args.count == 2 else {
            throw ExpressionError(code: "arguments", message: "reveal takes two arguments, a track and a team", offset: offset)
        }
        guard case .name(let trackName, let trackOffset) = args[0] else {
            throw ExpressionError(code: "type_mismatch", message: "the first argument of reveal must be a track name", offset: args[0].offset)
        }
        guard let track = scope.tracks[trackName] else {
            // A flag or a project can be hidden (visible:) but not revealed: say so, rather than "did you mean" itself.
            let kind = scope.flags[trackName] != nil ? "a flag" : scope.projects[trackName] != nil ? "a project" : scope.teams[trackName] != nil ? "a team" : nil
            guard let kind else { throw unknownName(trackName, offset: trackOffset, assigning: false) }
            throw ExpressionError(code: "not_a_track", message: "\"\(trackName)\" is \(kind), not a track,", offset: trackOffset,
                                  hint: "reveal and revealed work only on tracks; "
                                      + (kind == "a team" ? "the first argument is the hidden track, the second the team"
                                         : "a hidden flag or project cannot be revealed later: use a hidden track instead (0 and 1 for a flag, one number per status for a project), or tell the team in an intel message"))
        }
        // A name that is nothing at all: it is meant as a team, so say so and name the teams (not "declare a track").
        if case .name(let teamName, let teamOffset) = args[1], scope.teams[teamName] == nil, scope.tracks[teamName] == nil,
           scope.flags[teamName] == nil, scope.projects[teamName] == nil, scope.otherNames[teamName] == nil, !["turn", "turns"].contains(teamName) {
            let teams = scope.teams.sorted { $0.value < $1.value }.map(\.key)
            guard !teams.isEmpty else { throw .followOn }   // the file has no teams, which is reported
            let guess = teams.first { $0.lowercased() == teamName.lowercased() } ?? Suggest.closest(to: teamName, in: teams)
            throw ExpressionError(code: "unknown_team", message: "unknown team \"\(teamName)\" (the second argument of \(callName) is a team)", offset: teamOffset,
                                  hint: (guess.map { "did you mean \"\($0)\"? " } ?? "") + "the teams are \(teams.joined(separator: ", "))")
        }
        let (teamExpr, type) = try compile(args[1])
        guard type == .team else {
            throw ExpressionError(code: "type_mismatch", message: "the second argument must be a team, but this is \(type)", offset: args[1].offset)
        }
        switch teamExpr {
        case .constant(let t): return (track, .team(t))
        case .parameter(let p): return (track, .parameter(p))
        default:
            throw ExpressionError(code: "type_mismatch", message: "the team must be a team name or a team parameter", offset: args[1].offset)
        }
    }

    private func statusIndex(_ status: String, for type: ValueType, offset: Int) throws(ExpressionError) -> Int {
        guard case .status(let project) = type else {
            throw ExpressionError(code: "type_mismatch", message: "'\(status)' is a status name, but this is not a project", offset: offset,
                                  hint: "text in quotes is only for project statuses")
        }
        guard let project else {
            throw ExpressionError(code: "type_mismatch", message: "a status name needs a known project", offset: offset,
                                  hint: "a project parameter can be compared with a status number (0 is the first status)")
        }
        let statuses = scope.projectStatuses[project]
        // No statuses: the project's own declaration failed, and that error is already reported.
        if statuses.isEmpty { throw .followOn }
        guard let index = statuses.firstIndex(of: status) else {
            let name = scope.projects.first { $0.value == project }?.key ?? "?"
            throw ExpressionError(code: "unknown_status", message: "project \"\(name)\" has no status '\(status)'", offset: offset,
                                  hint: Suggest.didYouMean(status, in: statuses) ?? "its statuses are \(statuses.joined(separator: ", "))")
        }
        return index
    }

    /// A comparison with a status, in this file's own names: a project that has the status, or any project.
    func statusExample(_ status: String) -> String {
        let projects = scope.projects.sorted { $0.value < $1.value }
        func statuses(_ i: Int) -> [String] { scope.projectStatuses.indices.contains(i) ? scope.projectStatuses[i] : [] }
        if let project = projects.first(where: { statuses($0.value).contains(status) }) { return "\(project.key) == '\(status)'" }
        // No project has this status: one that the file has, with one of its own statuses.
        if let project = projects.first(where: { !statuses($0.value).isEmpty }) { return "\(project.key) == '\(statuses(project.value).last!)'" }
        return "PROJECT == '\(status)'"
    }

    func unknownName(_ name: String, offset: Int, assigning: Bool) -> ExpressionError {
        // The file has no teams (their error is reported): a name that is no track, flag or project is likely a team.
        if scope.teams.isEmpty, !assigning, scope.otherNames[name] == nil { return .followOn }
        if let kind = scope.otherNames[name] {
            return ExpressionError(code: "not_a_value", message: "\"\(name)\" is \(kind), not a value", offset: offset,
                                   hint: "expressions use tracks, flags, projects, teams, turn and turns")
        }
        if assigning, scope.teams[name] != nil {
            return ExpressionError(code: "not_assignable", message: "\"\(name)\" is a team and cannot be changed", offset: offset)
        }
        if !assigning, let project = scope.projects.sorted(by: { $0.value < $1.value }).first(where: { scope.projectStatuses[$0.value].contains(name) }) {
            return ExpressionError(code: "unknown_name", message: "unknown name \"\(name)\" (a status of project \(project.key) needs quotes)",
                                   offset: offset, hint: "write it as a string: '\(name)'")
        }
        let candidates = assigning ? Array(scope.tracks.keys) + Array(scope.flags.keys) + Array(scope.projects.keys) : scope.allValueNames
        let what = assigning ? "track, flag or project" : "name"
        return ExpressionError(code: "unknown_name", message: "unknown \(what) \"\(name)\"", offset: offset,
                               hint: Suggest.didYouMean(name, in: candidates) ?? "declare it under tracks, flags or projects")
    }

    /// A name that is nothing at all, compared with a team (`$who == zz`): it is meant as a team, so the
    /// "did you mean" and the list are the teams, not every name of the file.
    private func unknownTeam(_ syntax: Syntax, comparedWith other: Syntax) -> ExpressionError? {
        guard case .name(let name, let offset) = syntax, scope.tracks[name] == nil, scope.flags[name] == nil, scope.projects[name] == nil,
              scope.teams[name] == nil, scope.otherNames[name] == nil, !["turn", "turns"].contains(name), !scope.teams.isEmpty,
              let otherType = try? compile(other).1, otherType == .team else { return nil }
        let teams = scope.teams.sorted { $0.value < $1.value }.map(\.key)
        // Not a one-letter team for a wholly different short name ("zz" is no misspelling of "a").
        let guess = teams.first { $0.lowercased() == name.lowercased() }
            ?? Suggest.closest(to: name, in: teams).flatMap { Suggest.editDistance(name, $0) < name.count ? $0 : nil }
        return ExpressionError(code: "unknown_team", message: "unknown team \"\(name)\" (the other side of the comparison is a team)", offset: offset,
                               hint: (guess.map { "did you mean \"\($0)\"? " } ?? "") + "the teams are \(teams.joined(separator: ", "))")
    }

    private func unknownParameter(_ name: String, offset: Int) -> ExpressionError {
        if scope.brokenParameters.contains(name) { return .followOn }
        let names = scope.parameters.keys.sorted()
        if names.isEmpty {
            return ExpressionError(code: "unknown_parameter", message: "unknown parameter \"$\(name)\"", offset: offset,
                                   hint: "parameters exist only inside an action that declares them under params")
        }
        return ExpressionError(code: "unknown_parameter", message: "unknown parameter \"$\(name)\"", offset: offset,
                               hint: Suggest.didYouMean(name, in: names) ?? "this action's parameters are \(names.map { "$" + $0 }.joined(separator: ", "))")
    }

    func compile(_ syntax: Syntax) throws(ExpressionError) -> (ExprNode, ValueType) {
        switch syntax {
        case .number(let n, _):
            return (.constant(n), .number)
        case .boolean(let b, _):
            return (.constant(b ? 1 : 0), .boolean)
        case .string(let s, let offset):
            throw ExpressionError(code: "type_mismatch", message: "'\(s)' can only be compared with a project", offset: offset,
                                  hint: "write for example \(statusExample(s))")
        case .name(let name, let offset):
            if let i = scope.tracks[name] { return (.track(i), .number) }
            if let i = scope.flags[name] { return (.flag(i), .boolean) }
            if let i = scope.projects[name] { return (.project(i), .status(project: i)) }
            if let i = scope.teams[name] { return (.constant(i), .team) }
            if name == "turn" { return (.turn, .number) }
            if name == "turns" { return (.turns, .number) }
            throw unknownName(name, offset: offset, assigning: false)
        case .parameter(let name, let offset):
            guard let p = scope.parameters[name] else { throw unknownParameter(name, offset: offset) }
            switch p.kind {
            case .number: return (.parameter(p.index), .number)
            case .team: return (.parameter(p.index), .team)
            case .project: return (.projectParameter(p.index), .status(project: nil))
            }
        case .unary(let op, let inner, let offset):
            let (expr, type) = try compile(inner)
            if op == "not" {
                guard type == .boolean else {
                    throw ExpressionError(code: "type_mismatch", message: "\"not\" needs true or false, but this is \(type)", offset: offset)
                }
                return (.not(expr), .boolean)
            }
            guard type.isNumeric else {
                throw ExpressionError(code: "type_mismatch", message: "\"-\" needs a number, but this is \(type)", offset: offset)
            }
            return (.negate(expr), .number)
        case .binary(let op, let leftSyntax, let rightSyntax, let offset):
            return try binary(op, leftSyntax, rightSyntax, offset: offset)
        case .call(let name, let args, let offset):
            return try call(name, args, offset: offset)
        }
    }

    private func binary(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, offset: Int) throws(ExpressionError) -> (ExprNode, ValueType) {
        if op == "and" || op == "or" {
            let (left, lt) = try compile(leftSyntax)
            let (right, rt) = try compile(rightSyntax)
            for (type, side) in [(lt, leftSyntax), (rt, rightSyntax)] where type != .boolean {
                throw ExpressionError(code: "type_mismatch", message: "\"\(op)\" joins conditions, but this is \(type)", offset: side.offset,
                                      hint: "compare it, for example \"... >= 5\"")
            }
            return (op == "and" ? .and(left, right) : .or(left, right), .boolean)
        }
        if let comparison = Expr.ComparisonOperator(rawValue: op) {
            // A status name on either side takes its meaning from the project on the other side.
            if case .string(let status, let so) = rightSyntax {
                let (left, lt) = try compile(leftSyntax)
                return (.compare(comparison, left, .constant(try statusIndex(status, for: lt, offset: so))), .boolean)
            }
            if case .string(let status, let so) = leftSyntax {
                let (right, rt) = try compile(rightSyntax)
                return (.compare(comparison, .constant(try statusIndex(status, for: rt, offset: so)), right), .boolean)
            }
            if let error = unknownTeam(rightSyntax, comparedWith: leftSyntax) ?? unknownTeam(leftSyntax, comparedWith: rightSyntax) { throw error }
            let (left, lt) = try compile(leftSyntax)
            let (right, rt) = try compile(rightSyntax)
            let equality = comparison == .equal || comparison == .notEqual
            let compatible = (lt.isNumeric && rt.isNumeric) || (equality && lt == rt)
            guard compatible else {
                throw ExpressionError(code: "type_mismatch", message: "cannot compare \(lt) with \(rt) using \"\(op)\"", offset: offset,
                                      hint: equality ? nil : "only numbers and statuses can be ordered")
            }
            return (.compare(comparison, left, right), .boolean)
        }
        let arithmetic = Expr.ArithmeticOperator(rawValue: op)!
        let (left, lt) = try compile(leftSyntax)
        let (right, rt) = try compile(rightSyntax)
        for (type, side) in [(lt, leftSyntax), (rt, rightSyntax)] where !type.isNumeric {
            throw ExpressionError(code: "type_mismatch", message: "\"\(op)\" needs numbers, but this is \(type)", offset: side.offset)
        }
        if case .constant(let a) = left, case .constant(let b) = right { return (.constant(Expr.apply(arithmetic, a, b)), .number) }
        return (.arithmetic(arithmetic, left, right), .number)
    }

    private func call(_ name: String, _ args: [Syntax], offset: Int) throws(ExpressionError) -> (ExprNode, ValueType) {
        let arity: [String: Int] = ["min": 2, "max": 2, "abs": 1, "clamp": 3, "revealed": 2]
        guard let expected = arity[name] else {
            throw ExpressionError(code: "unknown_function", message: "unknown function \"\(name)\"", offset: offset,
                                  hint: Suggest.didYouMean(name, in: arity.keys) ?? "the functions are min, max, abs, clamp and revealed")
        }
        guard args.count == expected else {
            throw ExpressionError(code: "arguments", message: "\(name) takes \(expected) argument\(expected == 1 ? "" : "s"), not \(args.count)", offset: offset)
        }
        if name == "revealed" {
            let (track, team) = try revealArguments(args, offset: offset, callName: "revealed")
            return (.revealed(track: track, team: team), .boolean)
        }
        var compiled: [ExprNode] = []
        for arg in args {
            let (expr, type) = try compile(arg)
            guard type.isNumeric else {
                throw ExpressionError(code: "type_mismatch", message: "\(name) needs numbers, but this is \(type)", offset: arg.offset)
            }
            compiled.append(expr)
        }
        switch name {
        case "min": return (.minimum(compiled[0], compiled[1]), .number)
        case "max": return (.maximum(compiled[0], compiled[1]), .number)
        case "abs": return (.absolute(compiled[0]), .number)
        default: return (.clamp(compiled[0], compiled[1], compiled[2]), .number)
        }
    }
}
