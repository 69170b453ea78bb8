extension Engine {
    /// Evaluates a checked expression against a state; `params` holds the resolved parameter values of an order.
    public func evaluate(_ expr: Expr, in state: GameState, params: [Int] = []) -> Int {
        run(expr.program, in: state, params: params)
    }

    func resolve(_ team: TeamReference, params: [Int]) -> Int {
        switch team {
        case .team(let t): return t
        case .parameter(let i): return i < params.count ? params[i] : 0
        }
    }

    public func holds(_ expr: Expr, in state: GameState, params: [Int] = []) -> Bool {
        evaluate(expr, in: state, params: params) != 0
    }

    /// Runs effect statements, clamping each change, and records each change that happened.
    func execute(_ statements: [Statement], on state: inout GameState, params: [Int], cause: String, into records: inout [Record], recording: Bool = true) {
        for statement in statements {
            switch statement {
            case .conditional(let cond, let thenPart, let elsePart):
                execute(holds(cond, in: state, params: params) ? thenPart : elsePart, on: &state, params: params, cause: cause, into: &records, recording: recording)
            case .reveal(let track, let team):
                let t = resolve(team, params: params)
                let before = state.trackVisibility[track]
                state.trackVisibility[track] |= 1 << UInt32(t)
                if recording, before != state.trackVisibility[track] {
                    var r = Record(kind: .effect, turn: state.turn, visibleTo: [ruleset.teams[t].id])
                    r.target = ruleset.tracks[track].id
                    r.result = "revealed"
                    r.to = state.tracks[track]
                    r.reason = cause
                    records.append(r)
                }
            case .assign(let target, let op, let expr):
                let value = evaluate(expr, in: state, params: params)
                switch target {
                case .track(let i):
                    let def = ruleset.tracks[i]
                    let old = state.tracks[i]
                    let new = Swift.max(def.min, Swift.min(def.max, combine(op, old, value)))
                    if new != old {
                        state.tracks[i] = new
                        if recording { records.append(change(def.id, old, new, cause, state.turn, visibility: state.trackVisibility[i])) }
                    }
                case .flag(let i):
                    let old = state.flags[i]
                    let new = value != 0
                    if new != old {
                        state.flags[i] = new
                        if recording {
                            records.append(change(ruleset.flags[i].id, old ? 1 : 0, new ? 1 : 0, cause, state.turn, visibility: ruleset.flags[i].visibility.mask))
                        }
                    }
                case .project(let i):
                    assignProject(i, op, value, &state, cause, &records, recording)
                case .projectParameter(let p):
                    if p < params.count { assignProject(params[p], op, value, &state, cause, &records, recording) }
                }
            }
        }
    }

    private func assignProject(_ i: Int, _ op: Statement.AssignmentOperator, _ value: Int, _ state: inout GameState, _ cause: String, _ records: inout [Record], _ recording: Bool) {
        let old = state.projects[i]
        let new = Swift.max(0, Swift.min(ruleset.projects[i].statuses.count - 1, combine(op, old, value)))
        if new != old {
            state.projects[i] = new
            if recording { records.append(change(ruleset.projects[i].id, old, new, cause, state.turn, visibility: ruleset.projects[i].visibility.mask)) }
        }
    }

    @inline(__always)
    private func combine(_ op: Statement.AssignmentOperator, _ old: Int, _ value: Int) -> Int {
        switch op {
        case .set: return value
        case .add: return Expr.saturate(old + value)
        case .subtract: return Expr.saturate(old - value)
        }
    }

    private func change(_ target: String, _ old: Int, _ new: Int, _ cause: String, _ turn: Int, visibility: UInt32) -> Record {
        var r = Record(kind: .effect, turn: turn, visibleTo: teamList(visibility))
        r.target = target
        r.from = old
        r.to = new
        r.reason = cause
        return r
    }

    /// A visibility mask as the record field: nil for everyone, else the team ids.
    func teamList(_ mask: UInt32) -> [String]? {
        if mask == .max { return nil }
        var result: [String] = []
        for (i, team) in ruleset.teams.enumerated() where mask & (1 << UInt32(i)) != 0 { result.append(team.id) }
        return result.count == ruleset.teams.count ? nil : result
    }
}
