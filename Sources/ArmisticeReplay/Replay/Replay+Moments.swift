import ArmisticeEngine

extension Replay {
    /// The step that shows a moment, or why the match never reached it.
    public func stepIndex(at moment: Moment) throws(ReplayError) -> Int {
        switch moment {
        case .start: return 0
        case .end: return steps.count - 1
        case .seq(let n):
            guard let i = steps.lastIndex(where: { $0.seq <= n }) else { throw ReplayError(.noSuchMoment, "no input at or before seq \(n)") }
            return i
        case .turn(let n):
            guard let i = steps.lastIndex(where: { $0.state.turn == n }) else {
                throw ReplayError(.noSuchMoment, "the match never reached turn \(n); it ended in turn \(finalState.turn)")
            }
            return i
        case .phase(let n, let p):
            guard let i = steps.firstIndex(where: { $0.state.turn == n && $0.state.phase == p }) else {
                throw ReplayError(.noSuchMoment, "turn \(n) never had a \(p.rawValue) phase in this match (it ended in turn \(finalState.turn), \(finalState.phase.rawValue))")
            }
            return i
        }
    }

    /// The state after step `index`, with the record history up to it (views show history).
    public func state(at index: Int) -> GameState {
        var state = steps[index].state
        state.records = steps[...index].flatMap(\.records)
        return state
    }

    /// The match after step `index` as a viewer saw it: the engine's own view, so hidden tracks and other teams'
    /// secrets are not in it.
    public func view(at index: Int, as viewer: Viewer) -> GameView {
        engine.view(of: state(at: index), for: viewer)
    }

    /// A viewer by name: `instructor`, `observer`, or a team's id or name (any case).
    public func viewer(named name: String) throws(ReplayError) -> Viewer {
        let key = name.lowercased()
        if key == "instructor" { return .instructor }
        if key == "observer" || key == "public" { return .observer }
        if let t = engine.ruleset.teams.firstIndex(where: { $0.id.lowercased() == key || $0.name.lowercased() == key }) { return .team(t) }
        throw ReplayError(.unknownViewer, "no team \"\(name)\"; say instructor, observer or one of " + engine.ruleset.teams.map(\.id).joined(separator: ", "))
    }

    /// Every viewpoint of the match: instructor, observer, then each team.
    public var viewers: [(id: String, viewer: Viewer)] {
        let fixed: [(id: String, viewer: Viewer)] = [("instructor", Viewer.instructor), ("observer", Viewer.observer)]
        return fixed + engine.ruleset.teams.enumerated().map { (id: $0.element.id, viewer: Viewer.team($0.offset)) }
    }
}
