import ArmisticeEngine
import ArmisticeLocale
import Foundation

extension Replay {
    /// The step that shows a moment, or why the match never reached it (said in `language`).
    public func stepIndex(at moment: Moment, language: Language = .en) throws(ReplayError) -> Int {
        let p = Catalog(language: language)
        func refusal(_ key: String, _ arguments: [String: String]) -> ReplayError {
            ReplayError(.noSuchMoment, Josa.resolvingParticles(p.text(key, arguments), in: language))
        }
        switch moment {
        case .start: return 0
        case .end: return steps.count - 1
        case .seq(let n):
            guard let i = steps.lastIndex(where: { $0.seq <= n }) else { throw refusal("replay.error.no_input_before", ["seq": String(n)]) }
            return i
        case .turn(let n):
            guard let i = steps.lastIndex(where: { $0.state.turn == n }) else {
                throw refusal("replay.error.no_turn", ["turn": String(n), "last": String(finalState.turn)])
            }
            return i
        case .phase(let n, let phase):
            guard let i = steps.firstIndex(where: { $0.state.turn == n && $0.state.phase == phase }) else {
                throw refusal("replay.error.no_phase", ["turn": String(n), "phase": RecordText.phaseName(phase, p), "last": String(finalState.turn),
                                                             "last_phase": RecordText.phaseName(finalState.phase, p)])
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

    /// A viewer by name: `instructor`, `observer`, or a team's id or name in any of the scenario's languages, any
    /// case (`un`, `United Nations`, `유엔`), as `join --team` takes it. The refusal is said in `language`, naming the
    /// teams as that language does.
    public func viewer(named name: String, language: Language = .en) throws(ReplayError) -> Viewer {
        func folded(_ text: Substring) -> String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let key = folded(Substring(name))
        if key == "instructor" { return .instructor }
        if key == "observer" || key == "public" { return .observer }
        // Every team's names, one per language; a whole name or id first, then a part outside or inside brackets
        // (`North Korea` in `DPRK (North Korea)`) when it names one team only.
        let rulesets = [engine.ruleset] + engine.ruleset.languages.filter { $0 != "en" }.map { engine.ruleset.localized(to: $0) }
        let names = engine.ruleset.teams.indices.map { t in rulesets.map { $0.teams[t].name } }
        if let t = engine.ruleset.teams.indices.first(where: { t in folded(Substring(engine.ruleset.teams[t].id)) == key || names[t].contains { folded(Substring($0)) == key } }) {
            return .team(t)
        }
        let partly = names.indices.filter { t in names[t].contains { $0.split(whereSeparator: { "()[]".contains($0) }).map(folded).contains(key) } }
        if partly.count == 1, !key.isEmpty { return .team(partly[0]) }
        let p = Catalog(language: language)
        let reader = language == .en ? engine.ruleset : engine.ruleset.localized(to: language.rawValue)
        let teams = reader.teams.map { $0.name.lowercased() == $0.id.lowercased() ? $0.id : "\($0.id) (\($0.name))" }.joined(separator: ", ")
        throw ReplayError(.unknownViewer, p.text("replay.error.unknown_viewer", ["team": name, "teams": teams]))
    }

    /// Every viewpoint of the match: instructor, observer, then each team.
    public var viewers: [(id: String, viewer: Viewer)] {
        let fixed: [(id: String, viewer: Viewer)] = [("instructor", Viewer.instructor), ("observer", Viewer.observer)]
        return fixed + engine.ruleset.teams.enumerated().map { (id: $0.element.id, viewer: Viewer.team($0.offset)) }
    }
}
