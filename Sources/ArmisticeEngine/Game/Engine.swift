import ArmisticeErrors
import ArmisticeLocale
import Foundation
/// The deterministic rules engine: given a ruleset, a seed and a sequence of inputs, it yields each state and
/// a record of what happened and why. No I/O, no clock, no global random source.
public struct Engine: Sendable {
    /// The most orders one team may give in one turn (a draft with more is refused as too long).
    public static let maxOrdersPerTurn = 32

    public let ruleset: Ruleset
    let teamIndex: [String: Int]
    public let actionIndex: [String: Int]
    let eventIndex: [String: Int]
    /// Per action, the cause its effects are recorded under (built once, not per order).
    let actionCauses: [String]
    /// Per covert action's cause, the teams that may order it (a mask): the only viewers, with the instructor, who
    /// read which action caused a change (see `record(_:as:)`). Empty when the scenario has no covert action.
    let covertCauses: [String: UInt32]
    /// Whether `GameState.records` keeps every record (views need it); simulations that only want the ending turn it off.
    public let keepsHistory: Bool
    /// What views show of each action that never changes during a match (built once, shared by every view).
    let actionViews: [ActionView]
    /// Per team, its actions (by index in the ruleset) with what views say of them that never changes (built once,
    /// shared by every view, so a view's action costs one reference, see `SharedPart`).
    let teamActions: [[(action: Int, fixed: SharedPart<GameView.ActionInfo.Fixed>)]]
    /// Per team, what views say of it that never changes: in its own view and the instructor's (with its brief),
    /// and in the others' (built once, shared by every view).
    let teamParts: [(own: SharedPart<GameView.TeamInfo.Fixed>, others: SharedPart<GameView.TeamInfo.Fixed>)]
    /// Per track, what views say of it that never changes (built once, shared by every view).
    let trackParts: [SharedPart<GameView.TrackInfo.Fixed>]
    /// Every team's non-covert actions, as views list them for deals.
    let catalog: [GameView.CatalogEntry]
    /// Per track: its named levels, highest first (views name a track's level on every update).
    let trackLevels: [[(from: Int, name: String)]]
    /// The scenario's map with every place in it (built once; a viewer who may not see some place gets a copy
    /// without it, everyone else shares this one).
    let mapView: GameView.MapInfo?
    /// The maps of viewers who may not see every place when a match starts (see `mapInfo(in:mask:)`).
    let startMaps: [UInt32: (visible: [Bool], map: GameView.MapInfo)]
    /// The objectives as views list them until the match ends (built once, shared by every view; see
    /// `hiddenObjectives(_:)`).
    let hiddenObjectives: (all: [GameView.ObjectiveInfo], team: [[GameView.ObjectiveInfo]])
    /// Every event as the instructor's view lists it, not yet fired (built once: describing effects is costly).
    private(set) var eventViews: [GameView.EventInfo] = []
    /// The catalog of the engine's own phrases in views (reasons, dates); nil: English, as written in the code.
    /// Set only on an engine that builds localized views (`ViewLocalizer`).
    let phrases: Catalog?

    struct ActionView: Sendable {
        var params: [GameView.ParameterInfo]
        var consentFrom: [String]?
        var consentRule: String?
        /// Requirements that read the order's parameters: checked when orders resolve, listed in views.
        var deferred: [String]?
        /// The other requirements, checked in views.
        var checks: [Ruleset.Requirement]
        /// The modifiers that do not read parameters (views show the chance with them).
        var modifiers: [Ruleset.Modifier]
    }

    public init(ruleset: Ruleset, keepsHistory: Bool = true) {
        self.init(ruleset: ruleset, keepsHistory: keepsHistory, phrases: nil)
    }

    init(ruleset: Ruleset, keepsHistory: Bool, phrases: Catalog?) {
        self.ruleset = ruleset
        self.phrases = phrases
        self.keepsHistory = keepsHistory
        actionCauses = ruleset.actions.map { "action:\($0.id)" }
        covertCauses = Dictionary(uniqueKeysWithValues: ruleset.actions.filter(\.covert).map { action in
            ("action:\(action.id)", action.teams.reduce(UInt32(0)) { $0 | 1 << UInt32($1) })
        })
        teamIndex = Dictionary(uniqueKeysWithValues: ruleset.teams.enumerated().map { ($1.id, $0) })
        actionIndex = Dictionary(uniqueKeysWithValues: ruleset.actions.enumerated().map { ($1.id, $0) })
        eventIndex = Dictionary(uniqueKeysWithValues: ruleset.events.enumerated().map { ($1.id, $0) })
        let views = ruleset.actions.map { action in
            let deferred = action.requirements.filter { Self.usesParameters($0.condition.node) }.map(\.reason)
            return ActionView(params: Self.parameterInfo(action, ruleset),
                              consentFrom: action.consent.map { $0.from.map { ruleset.teams[$0].id } },
                              consentRule: action.consent?.rule.rawValue,
                              deferred: deferred.isEmpty ? nil : deferred,
                              checks: action.requirements.filter { !Self.usesParameters($0.condition.node) },
                              modifiers: action.modifiers.filter { !Self.usesParameters($0.condition.node) })
        }
        actionViews = views
        teamActions = ruleset.teams.indices.map { t in
            ruleset.actions.indices.filter { ruleset.actions[$0].teams.contains(t) }.map { i in
                let action = ruleset.actions[i]
                return (i, SharedPart(GameView.ActionInfo.Fixed(id: action.id, team: ruleset.teams[t].id, name: action.name,
                                                                description: action.description, cost: action.cost, covert: action.covert,
                                                                repeatable: action.repeatable ? true : nil, params: views[i].params, consentFrom: views[i].consentFrom,
                                                                consentRule: views[i].consentRule, checkedOnResolution: views[i].deferred)))
            }
        }
        catalog = ruleset.actions.enumerated().filter { !$1.covert }.map { i, action in
            GameView.CatalogEntry(id: action.id, name: action.name, teams: action.teams.map { ruleset.teams[$0].id }, cost: action.cost,
                                  params: views[i].params, consentFrom: views[i].consentFrom, consentRule: views[i].consentRule)
        }
        teamParts = ruleset.teams.map {
            (SharedPart(GameView.TeamInfo.Fixed(id: $0.id, name: $0.name, colour: $0.colour, brief: $0.brief)),
             SharedPart(GameView.TeamInfo.Fixed(id: $0.id, name: $0.name, colour: $0.colour, brief: nil)))
        }
        trackParts = ruleset.tracks.map {
            SharedPart(GameView.TrackInfo.Fixed(id: $0.id, name: $0.name, description: $0.description, min: $0.min, max: $0.max))
        }
        trackLevels = ruleset.tracks.map { $0.levels.sorted { $0.key > $1.key }.map { (from: $0.key, name: $0.value) } }
        mapView = Self.mapInfo(ruleset)
        startMaps = Self.startMaps(ruleset, mapView)
        hiddenObjectives = Self.hiddenObjectives(ruleset)
        eventViews = ruleset.events.map { event in
            let kind = switch event.kind {
            case .scripted: "scripted"
            case .triggered: "triggered"
            case .random: "random"
            }
            let preview = eventPreview(event)
            return GameView.EventInfo(id: event.id, name: event.name, kind: kind, fired: 0, effects: preview.effects,
                                      condition: preview.condition, news: event.news)
        }
    }

    /// A new match in setup, before the first turn.
    public func newGame(seed: UInt64) -> GameState {
        GameState(seed: seed, turn: 0, phase: .setup,
                  tracks: ruleset.tracks.map(\.start), flags: ruleset.flags.map(\.start), projects: ruleset.projects.map(\.start),
                  trackVisibility: ruleset.tracks.map(\.visibility.mask), random: SplitMix64(seed: seed),
                  budgets: Array(repeating: 0, count: ruleset.teams.count),
                  drafts: Array(repeating: TeamOrders(), count: ruleset.teams.count),
                  locked: Array(repeating: false, count: ruleset.teams.count), deals: [],
                  eventsFired: Array(repeating: 0, count: ruleset.events.count), outcome: nil, scores: nil, endReason: nil, records: [])
    }

    /// Applies one input. On error the state is left exactly as it was.
    @discardableResult
    public func apply(_ input: Input, to state: inout GameState) throws(EngineError) -> [Record] {
        if state.phase == .ended { throw refusal(.gameOver, "error.game_over.ended") }
        var records: [Record] = []
        switch input {
        case .start:
            guard state.phase == .setup else { throw refusal(.wrongPhase, "error.wrong_phase.started") }
            beginTurn(&state, &records)
        case .advance:
            try advance(&state, &records)
        case .setOrders(let teamID, let orders):
            let t = try team(teamID)
            try requireDrafting(state, t)
            try validate(orders, team: t, state: state)
            state.drafts[t] = orders
        case .lockOrders(let teamID):
            let t = try team(teamID)
            try requireDrafting(state, t)
            state.locked[t] = true
            var r = Record(kind: .locked, turn: state.turn)
            r.team = ruleset.teams[t].id
            records.append(r)
        case .proposeDeal(let team, let commitments, let note):
            try proposeDeal(team: team, commitments: commitments, note: note, &state, &records)
        case .respondToDeal(let team, let deal, let accept):
            try respondToDeal(team: team, id: deal, accept: accept, &state, &records)
        case .withdrawDeal(let teamID, let deal):
            let t = try team(teamID)
            let i = try openDeal(deal, state)
            guard state.deals[i].proposer == ruleset.teams[t].id else { throw refusal(.notProposer, "error.not_proposer.withdraw", ["deal": .number(deal), "team": .team(state.deals[i].proposer)]) }
            state.deals[i].status = .withdrawn
            records.append(dealRecord(state.deals[i], state.turn))
        case .injectEvent(let event):
            guard state.phase != .setup else { throw refusal(.wrongPhase, "error.wrong_phase.inject_before_start") }
            guard let e = eventIndex[event] else {
                throw refusal(.unknownEvent, "error.unknown_event.unknown", ["event": .text(event), "suggestion": .didYouMean(Suggest.closest(to: event, in: eventIndex.keys))])
            }
            fire(e, cause: "injected", roll: nil, &state, &records)
        case .injectNews(let text):
            guard text.count <= 2000 else { throw refusal(.tooLong, "error.too_long.news", ["limit": .number(2000)]) }
            var r = Record(kind: .news, turn: state.turn)
            r.text = text
            r.reason = "instructor"
            records.append(r)
        case .adjust(let target, let value, let reason):
            try adjust(target: target, value: value, reason: reason, &state, &records)
        case .end(let reason):
            finish(&state, &records, reason: reason.isEmpty ? "ended by the instructor" : reason)
            state.phase = .ended
            records.append(phaseRecord(state))
        }
        // Not for an empty list: `append(contentsOf:)` makes the history unique first, which copies all of it when a
        // caller tried the input on a copy of the state (an order draft, a bot's trial).
        if keepsHistory, !records.isEmpty { state.records.append(contentsOf: records) }
        return records
    }

    /// A refusal said from the catalog (`error.<code>.<case>`), its names this engine's ruleset's (see `ErrorText`).
    func refusal(_ code: EngineErrorCode, _ key: String, _ arguments: [String: ErrorArgument] = [:]) -> EngineError {
        EngineError(code, key: key, arguments, names: ruleset)
    }

    func team(_ id: String) throws(EngineError) -> Int {
        guard let t = teamIndex[id] else { throw refusal(.unknownTeam, "error.unknown_team.unknown", ["team": .text(id)]) }
        return t
    }

    private func requireDrafting(_ state: GameState, _ t: Int) throws(EngineError) {
        guard state.phase == .negotiation || state.phase == .orders else {
            throw refusal(.wrongPhase, "error.wrong_phase.orders", ["phase": .phase(state.phase.rawValue)])
        }
        guard !state.locked[t] else { throw refusal(.ordersLocked, "error.orders_locked.team", ["team": .team(ruleset.teams[t].id)]) }
    }

    // MARK: - Phases

    private func advance(_ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        switch state.phase {
        case .setup: beginTurn(&state, &records)
        case .briefing: state.phase = .negotiation; records.append(phaseRecord(state))
        case .negotiation: state.phase = .orders; records.append(phaseRecord(state))
        case .orders:
            state.phase = .adjudication
            records.append(phaseRecord(state))
            adjudicate(&state, &records)
        case .adjudication: state.phase = .results; records.append(phaseRecord(state))
        case .results:
            if state.outcome != nil {
                state.phase = .ended
                records.append(phaseRecord(state))
            } else {
                beginTurn(&state, &records)
            }
        case .ended: throw refusal(.gameOver, "error.game_over.ended")
        }
    }

    func phaseRecord(_ state: GameState) -> Record {
        var r = Record(kind: .phase, turn: state.turn)
        r.phase = state.phase
        return r
    }

    /// The briefing: budgets are set, then scripted, triggered and random events fire, in that order.
    private func beginTurn(_ state: inout GameState, _ records: inout [Record]) {
        state.turn += 1
        state.phase = .briefing
        records.append(phaseRecord(state))
        for t in ruleset.teams.indices {
            state.budgets[t] = max(0, evaluate(ruleset.teams[t].budget, in: state))
            state.drafts[t] = TeamOrders()
            state.locked[t] = false
        }
        for (i, event) in ruleset.events.enumerated() {
            if case .scripted(let turns) = event.kind, turns.contains(state.turn), event.condition.map({ holds($0, in: state) }) ?? true {
                fire(i, cause: "scripted", roll: nil, &state, &records)
            }
        }
        for (i, event) in ruleset.events.enumerated() {
            if case .triggered(let cond) = event.kind, event.repeats || state.eventsFired[i] == 0,
               holds(cond, in: state), event.condition.map({ holds($0, in: state) }) ?? true {
                fire(i, cause: "triggered", roll: nil, &state, &records)
            }
        }
        for _ in 0..<ruleset.calendar.randomEventsPerTurn {
            drawRandomEvent(&state, &records)
        }
        // An event can tip the game over (war, a rupture): the match then ends at once.
        if let i = ruleset.outcomes.firstIndex(where: { $0.immediate && holds($0.condition, in: state) }) {
            conclude(i, &state, &records, reason: ruleset.outcomes[i].name)
            state.phase = .ended
            records.append(phaseRecord(state))
        }
    }

    private func drawRandomEvent(_ state: inout GameState, _ records: inout [Record]) {
        var eligible: [(Int, Int)] = []
        var total = 0
        for (i, event) in ruleset.events.enumerated() {
            guard case .random(let weight) = event.kind, event.repeats || state.eventsFired[i] == 0,
                  event.condition.map({ holds($0, in: state) }) ?? true else { continue }
            eligible.append((i, weight))
            total += weight
        }
        guard total > 0 else { return }
        let chance = ruleset.calendar.randomEventChance
        let roll = state.random.roll(100)
        var draw = Record(kind: .draw, turn: state.turn, visibleTo: [])
        draw.chance = chance
        draw.roll = roll
        draw.result = roll <= chance ? "event" : "quiet"
        records.append(draw)
        guard roll <= chance else { return }
        var pick = state.random.roll(total)
        for (i, weight) in eligible {
            if pick <= weight {
                fire(i, cause: "random", roll: pick, &state, &records)
                return
            }
            pick -= weight
        }
    }

    func fire(_ i: Int, cause: String, roll: Int?, _ state: inout GameState, _ records: inout [Record]) {
        let event = ruleset.events[i]
        state.eventsFired[i] += 1
        var r = Record(kind: .event, turn: state.turn)
        r.event = event.id
        r.text = event.name
        r.result = cause
        r.roll = roll
        records.append(r)
        execute(event.effects, on: &state, params: [], cause: "event:\(event.id)", into: &records)
        if let news = event.news {
            var n = Record(kind: .news, turn: state.turn)
            n.text = news
            n.event = event.id
            records.append(n)
        }
        for message in event.intel {
            var n = Record(kind: .intel, turn: state.turn, visibleTo: teamList(message.to.mask) ?? ruleset.teams.map(\.id))
            n.text = message.text
            n.event = event.id
            records.append(n)
        }
    }

    // MARK: - Instructor

    /// Refuses an adjustment whose value lies outside its target's range (a track's `min`…`max`, a flag's 0…1, a
    /// project's stages), naming the target, the range and the value now: `adjust` sets a value, and an instructor who
    /// types `-5` meaning "lower by 5" must not wipe a track out. The server asks this of a new request; the engine's
    /// `adjust` still clamps, so a log written before this rule replays as it was. A target that names nothing passes
    /// here and is refused by `adjust` itself.
    public func checkAdjustment(target: String, value: Int, in state: GameState) throws(EngineError) {
        if let i = ruleset.trackIndex(target) {
            let def = ruleset.tracks[i]
            guard value < def.min || value > def.max else { return }
            throw refusal(.badParameter, "error.bad_parameter.adjust_track",
                          ["target": .target(target), "min": .number(def.min), "max": .number(def.max),
                           "current": .number(state.tracks[i]), "value": .number(value)])
        } else if let i = ruleset.flags.firstIndex(where: { $0.id == target }) {
            guard value != 0, value != 1 else { return }
            throw refusal(.badParameter, "error.bad_parameter.adjust_flag",
                          ["target": .target(target), "current": .number(state.flags[i] ? 1 : 0), "value": .number(value)])
        } else if let i = ruleset.projects.firstIndex(where: { $0.id == target }) {
            let last = ruleset.projects[i].statuses.count - 1
            guard value < 0 || value > last else { return }
            throw refusal(.badParameter, "error.bad_parameter.adjust_project",
                          ["target": .target(target), "max": .number(last), "current": .number(state.projects[i]), "value": .number(value)])
        }
    }

    private func adjust(target: String, value: Int, reason: String, _ state: inout GameState, _ records: inout [Record]) throws(EngineError) {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw refusal(.badParameter, "error.bad_parameter.adjust_reason")
        }
        var r = Record(kind: .adjustment, turn: state.turn)
        r.target = target
        r.reason = reason
        if let i = ruleset.trackIndex(target) {
            let def = ruleset.tracks[i]
            r.from = state.tracks[i]
            state.tracks[i] = max(def.min, min(def.max, value))
            r.to = state.tracks[i]
            r.visibleTo = teamList(state.trackVisibility[i])
        } else if let i = ruleset.flags.firstIndex(where: { $0.id == target }) {
            r.from = state.flags[i] ? 1 : 0
            state.flags[i] = value != 0
            r.to = state.flags[i] ? 1 : 0
            r.visibleTo = teamList(ruleset.flags[i].visibility.mask)
        } else if let i = ruleset.projects.firstIndex(where: { $0.id == target }) {
            r.from = state.projects[i]
            state.projects[i] = max(0, min(ruleset.projects[i].statuses.count - 1, value))
            r.to = state.projects[i]
            r.visibleTo = teamList(ruleset.projects[i].visibility.mask)
        } else {
            let names = ruleset.tracks.map(\.id) + ruleset.flags.map(\.id) + ruleset.projects.map(\.id)
            throw refusal(.unknownTarget, "error.unknown_target.unknown", ["target": .text(target), "suggestion": .didYouMean(Suggest.closest(to: target, in: names))])
        }
        records.append(r)
    }
}
