import ArmisticeLocale
import ArmisticeCase
import ArmisticeEngine

extension AfterActionReport {
    /// Builds the report of a replay (which must have kept its steps). `views` adds every step's view for every viewpoint;
    /// `casePackage` (the scenario's teaching material) adds its debrief questions to the story and its sections to the page.
    /// `language` (default English) is the language of every text: the ruleset's translations, the records translated,
    /// the report's own words from the catalogs. The replay itself is the same in every language.
    public init(replay: Replay, chat includeChat: Bool = true, views includeViews: Bool = true, casePackage: CasePackage? = nil,
                language: Language = .en) {
        // The teaching material in the report's language too (English where a text has no translation).
        let casePackage = casePackage?.localized(to: language.rawValue)
        let localizer = language == .en ? nil : ViewLocalizer(replay.engine, language: language)
        let engine = localizer?.engine ?? replay.engine
        let ruleset = engine.ruleset
        let text = MatchText(ruleset: ruleset, language: language)
        let translate: (Record) -> Record = { r in localizer.map { $0.records.translate(r) } ?? r }
        let viewers = replay.viewers
        let last = replay.steps.last!
        let final = replay.finalState
        let finalView = localizer?.view(of: final, for: .instructor) ?? engine.view(of: final, for: .instructor)
        self.language = language == .en ? nil : language.rawValue

        match = Match(room: replay.log.header.room, ruleset: ruleset.id, title: ruleset.title, summary: ruleset.summary,
                      rulesetVersion: ruleset.version, rulesetHash: ruleset.sourceHash, seed: replay.log.settings.seed,
                      turns: ruleset.calendar.turns, turnsPlayed: final.turn, phase: final.phase.rawValue,
                      started: replay.log.header.t ?? 0, ended: replay.log.entries.last?.record.t ?? last.t,
                      logFormat: replay.log.header.format ?? 0, verified: replay.isVerified, hashesChecked: replay.hashesChecked,
                      hashesMatched: replay.hashesMatched, inputs: replay.inputCount, finalHash: replay.finalHash, issues: replay.issues,
                      lastSeq: replay.lastSeq, linesProvedThrough: replay.log.everyLineProved ? replay.log.linesProvedThrough : nil)
        outcome = finalView.outcome.map { Outcome(id: $0.id, name: $0.name, text: $0.text, reason: $0.reason, scores: $0.scores) }
        let objectives = finalView.outcome?.objectives ?? finalView.objectives ?? []
        teams = ruleset.teams.map { team in
            Team(id: team.id, name: team.name, colour: team.colour, score: finalView.outcome?.scores[team.id],
                 objectives: objectives.filter { $0.team == team.id || $0.team == "all" }
                    .map { Objective(id: $0.id, text: $0.text, points: $0.points, met: $0.met) },
                 players: Self.players(of: team.id, replay: replay, text: text))
        }
        // Which turns bots played: those whose orders a bot seat (or the absent rule's bot) locked, or, when nobody
        // locked, last drafted. A student who came online, reviewed the bot's draft and locked it played that turn
        // (REPORT-browser E #20).
        let botSeats = Set(replay.seats.filter { $0.bot != nil }.map(\.id))
        struct TeamTurn: Hashable { var team: String; var turn: Int }
        var lockedBy: [TeamTurn: String] = [:]
        var draftedBy: [TeamTurn: String] = [:]
        for step in replay.steps {
            switch step.input {
            case .setOrders(let team, _): draftedBy[TeamTurn(team: team, turn: step.state.turn)] = step.by
            case .lockOrders(let team): lockedBy[TeamTurn(team: team, turn: step.state.turn)] = step.by
            default: break
            }
        }
        var botTurns: [String: Set<Int>] = [:]
        for key in Set(lockedBy.keys).union(draftedBy.keys) {
            guard let by = lockedBy[key] ?? draftedBy[key], botSeats.contains(by) || by == "bot" else { continue }
            botTurns[key.team, default: []].insert(key.turn)
        }
        for i in teams.indices { if let turns = botTurns[teams[i].id] { teams[i].botTurns = turns.sorted() } }
        viewpoints = viewers.map(\.id)

        // Samples: the start, then the end of every turn.
        var sampleSteps = [0]
        if final.turn >= 1 {
            for turn in 1...final.turn {
                if let i = replay.steps.lastIndex(where: { $0.state.turn == turn }) { sampleSteps.append(i) }
            }
        }
        turns = sampleSteps.map { replay.steps[$0].state.turn }
        dates = turns.map { $0 == 0 ? text.phrases.text("report.start") : engine.date(ofTurn: $0) }
        tracks = ruleset.tracks.enumerated().map { i, track in
            let seen = viewers.filter { pair in
                switch pair.viewer {
                case .instructor: return true
                case .observer: return final.trackVisibility[i] == .max
                case .team(let t): return final.trackVisibility[i] == .max || final.trackVisibility[i] & (1 << UInt32(t)) != 0
                }
            }.map(\.id)
            return Track(id: track.id, name: track.name, description: track.description, min: track.min, max: track.max,
                         public: track.visibility.isEveryone, seenBy: seen,
                         levels: track.levels.isEmpty ? nil : Dictionary(uniqueKeysWithValues: track.levels.map { (String($0.key), $0.value) }),
                         values: sampleSteps.map { replay.steps[$0].state.tracks[i] })
        }

        var viewTable: [GameView: Int] = [:]
        var viewList: [GameView] = []
        steps = replay.steps.map { step in
            // Which viewpoints saw each record, by the engine's view of this step alone.
            var seen = Array(repeating: [String](), count: step.records.count)
            for (id, viewer) in viewers {
                if case .instructor = viewer { for k in seen.indices { seen[k].append(id) }; continue }
                let visible = replay.visibleRecords(step, to: viewer)
                var k = 0
                for r in visible {
                    while k < step.records.count, step.records[k] != r { k += 1 }
                    if k < step.records.count { seen[k].append(id); k += 1 }
                }
            }
            let entries = step.records.enumerated().compactMap { k, r in
                text.describe(translate(r), deals: step.state.deals).map {
                    r.kind == .effect
                        ? Entry(kind: text.category(r), text: $0, seenBy: seen[k], target: r.target, from: r.from, to: r.to, cause: r.reason)
                        : Entry(kind: text.category(r), text: $0, seenBy: seen[k])
                }
            }
            var views: [String: Int]?
            if includeViews {
                var map: [String: Int] = [:]
                for (id, viewer) in viewers {
                    let view = localizer?.view(of: step.state, for: viewer) ?? engine.view(of: step.state, for: viewer)
                    if let k = viewTable[view] { map[id] = k } else {
                        viewTable[view] = viewList.count
                        map[id] = viewList.count
                        viewList.append(view)
                    }
                }
                views = map
            }
            return Step(index: step.index, line: step.line, seq: step.seq, t: step.t, turn: step.state.turn, phase: step.state.phase.rawValue,
                        by: step.by, who: replay.name(of: step.by, text: text), type: step.input?.type,
                        text: step.input.map { text.describe($0, reason: step.reason, after: step.state) } ?? text.phrases.text("report.step.start", ["title": ruleset.title, "seed": String(replay.log.settings.seed), "turns": String(ruleset.calendar.turns)]),
                        seenBy: step.input.map { input in viewers.filter { replay.sees(input, as: $0.viewer) }.map(\.id) } ?? viewers.map(\.id),
                        refused: step.refused.map { "\($0)" }, records: entries, views: views)
        }
        views = includeViews ? viewList : nil
        seatChanges = replay.seatChanges.map { c in
            let state = replay.steps[min(c.step, replay.steps.count - 1)].state
            return SeatChange(line: c.line, seq: c.seq, t: c.t, step: c.step, turn: state.turn, phase: state.phase.rawValue, kind: c.kind.rawValue,
                              by: c.by, who: replay.name(of: c.by, text: text),
                              text: text.describe(c, seatName: c.seat.map { replay.seatName($0, text: text) } ?? ""))
        }
        story = Story(replay: replay, scenarioQuestions: casePackage?.debriefQuestions ?? [], language: language)
        self.casePackage = casePackage
        chat = includeChat ? replay.chat.map { m in
            Chat(line: m.line, seq: m.seq, t: m.t, step: m.step, turn: replay.steps[min(m.step, replay.steps.count - 1)].state.turn,
                 by: m.by, name: replay.seats.first { $0.id == m.by }.map { replay.seatName($0, text: text) } ?? m.name, channel: m.channel, channelName: text.channel(m.channel), text: m.text,
                 seenBy: viewers.filter { text.channel(m.channel, isReadBy: $0.viewer) }.map(\.id))
        } : nil
    }

    /// The students who played a team, as the score table names them: those on it at the end (one moved in says from
    /// where and when), then those the instructor moved away from it (saying where and when), so a team a bot played
    /// before a student was moved to it does not read as the student replaced by a bot (outside tester qa5 #10).
    static func players(of team: String, replay: Replay, text: MatchText) -> [String] {
        func turn(_ c: Replay.SeatChange) -> String { String(replay.steps[min(c.step, replay.steps.count - 1)].state.turn) }
        let students = replay.seats.filter { $0.role == "player" && !$0.removed && $0.bot == nil }
        let moves = replay.seatChanges.filter { $0.kind == .moved }
        var out: [String] = []
        for seat in students where seat.team == team {
            if let c = moves.last(where: { $0.seat == seat.id && $0.team == team }), let from = c.fromTeam, from != team {
                out.append(RecordText.phrase("report.player.moved_in", ["name": seat.name, "team": text.team(from), "turn": turn(c)], in: text.phrases))
            } else {
                out.append(seat.name)
            }
        }
        for seat in students where seat.team != team {
            guard let c = moves.last(where: { $0.seat == seat.id && $0.fromTeam == team }), let to = c.team else { continue }
            out.append(RecordText.phrase("report.player.moved_out", ["name": seat.name, "team": text.team(to), "turn": turn(c)], in: text.phrases))
        }
        return out
    }
}
