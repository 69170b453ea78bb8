import ArmisticeCase
import ArmisticeEngine
import ArmisticeLocale

extension Story {
    /// Reads the story out of a replay that kept its steps. `scenarioQuestions` are added after the match's own.
    /// `language` is that of every sentence (the `story.` messages of the catalogs) and of the scenario's names in them.
    public init(replay: Replay, scenarioQuestions: [String] = [], language: Language = .en) {
        let reader = StoryReader(replay: replay, language: language)
        turns = reader.turnSummaries()
        let decided = reader.decidedTurn()
        decidedTurn = decided?.turn
        turningPoints = reader.turningPoints(decided: decided)
        teams = reader.teamStories()
        questions = reader.questions(points: turningPoints, teams: teams) + scenarioQuestions.map { Question(text: $0, source: "scenario") }
    }
}

/// The analysis behind `Story`: one turn at a time, from the replay's steps and records.
struct StoryReader {
    let replay: Replay
    let engine: Engine
    let ruleset: Ruleset
    let text: MatchText
    /// The story's own words, in the reader's language.
    let c: Catalog
    /// The records' texts (events, refusal reasons) in the reader's language; nil in English, which they are written in.
    let translator: RecordTranslator?
    /// Per turn played (index = turn): the step that ends it; index 0 is the start.
    let ends: [Int]

    init(replay: Replay, language: Language = .en) {
        self.replay = replay
        let localizer = language == .en ? nil : ViewLocalizer(replay.engine, language: language)
        engine = localizer?.engine ?? replay.engine
        ruleset = engine.ruleset
        text = MatchText(ruleset: ruleset, language: language)
        c = Catalog(language: language)
        translator = localizer?.records
        var ends = [0]
        if replay.finalState.turn >= 1 {
            for turn in 1...replay.finalState.turn {
                ends.append(replay.steps.lastIndex { $0.state.turn == turn } ?? ends.last!)
            }
        }
        self.ends = ends
    }

    var turnCount: Int { ends.count - 1 }
    func steps(of turn: Int) -> ArraySlice<Replay.Step> {
        let first = ends[turn - 1] + 1, last = ends[turn]
        return first <= last ? replay.steps[first...last] : []
    }
    func records(of turn: Int) -> [(step: Int, record: Record)] { steps(of: turn).flatMap { s in s.records.map { (s.index, $0) } } }
    func start(of turn: Int) -> GameState { replay.steps[ends[turn - 1]].state }
    func end(of turn: Int) -> GameState { replay.steps[ends[turn]].state }
    func date(_ turn: Int) -> String { engine.date(ofTurn: turn) }

    /// A `story.` message of the catalogs in the reader's language, Korean particles fitted to the words filled in.
    func say(_ key: String, _ args: [String: String] = [:], count: Int? = nil) -> String {
        let s = c.text(key, args, count: count)
        return Josa.resolvingParticles(s, in: c.language)
    }

    /// A record's word (`carried_out`) as the reader reads it: English as the record has it, another language from the catalog.
    func resultWord(_ word: String?) -> String {
        switch word {
        case "duplicate": say("story.result.duplicate")
        case "invalid": say("story.result.invalid")
        case "lapsed": say("story.result.lapsed")
        default: c.language == .en ? (word ?? "?").replacingOccurrences(of: "_", with: " ") : text.result(word)
        }
    }

    /// A record's reason in the reader's language.
    func reasonText(_ r: Record) -> String? {
        guard let reason = r.reason else { return nil }
        return translator?.translate(reason: reason, kind: r.kind) ?? reason
    }

    /// Who refused an order, from its reason ("blocked by United States"): the names, short, in the reader's language.
    func blocker(_ r: Record) -> String {
        let names = (r.reason ?? "").replacingOccurrences(of: "blocked by ", with: "").replacingOccurrences(of: "not approved by ", with: "")
        guard let translator else { return names }
        return names.components(separatedBy: ", ").map { name in
            let local = translator.translate(text: name)
            guard let paren = local.range(of: " (") else { return local }
            return String(local[..<paren.lowerBound])
        }.joined(separator: ", ")
    }

    /// "ROK" for "ROK (South Korea)": names read better in sentences without the gloss.
    func short(_ team: String?) -> String {
        let name = text.team(team)
        guard let paren = name.range(of: " (") else { return name }
        return String(name[..<paren.lowerBound])
    }

    /// "ROK's", "the United Nations'" (in Korean "한국의").
    func possessive(_ team: String?) -> String {
        let name = short(team)
        return say(name.hasSuffix("s") ? "story.possessive_s" : "story.possessive", ["team": name])
    }

    /// An order's action with its parameters (teams by their short names).
    func orderName(_ r: Record) -> String {
        var name = text.action(r.action)
        if let params = r.params, !params.isEmpty {
            name += " (" + params.keys.sorted().map { key -> String in
                if case .id(let id) = params[key]!, ruleset.teamIndex(id) != nil { return short(id) }
                return text.paramText(params[key]!)
            }.joined(separator: ", ") + ")"
        }
        return name
    }

    /// What a team's orders of a turn came to, in one sentence: "did A and B; C failed; D was blocked by the United States".
    func ordersSentence(_ orders: [Record]) -> String {
        var parts: [String] = []
        func quoted(_ r: Record) -> String { say("story.quoted", ["name": orderName(r)]) }
        let done = orders.filter { $0.result == "success" }.map(quoted)
        if !done.isEmpty { parts.append(say("story.orders.did", ["actions": done.joined(separator: ", ")])) }
        for r in orders where r.result != "success" {
            switch r.result {
            case "failure": parts.append(say("story.orders.failed", ["action": quoted(r)]))
            case "refused": parts.append(say("story.orders.refused", ["action": quoted(r), "reason": reasonText(r) ?? say("story.refused")]))
            case "precondition_failed": parts.append(say("story.orders.not_taken", ["action": quoted(r)]))
            default: parts.append(say("story.orders.other", ["action": quoted(r), "result": resultWord(r.result)]))
            }
        }
        return parts.joined(separator: say("story.orders.separator"))
    }

    func orderPhrase(_ r: Record) -> String {
        let name = orderName(r)
        switch r.result {
        case "success": return say("story.phrase.done", ["order": name])
        case "failure":
            return say("story.phrase.failed", ["order": name])
                + (r.roll.map { say("story.phrase.rolled", ["roll": String($0), "chance": String(r.chance ?? 0)]) } ?? "")
        case "refused": return say("story.phrase.result", ["order": name, "result": reasonText(r) ?? say("story.refused")])
        case "precondition_failed": return say("story.phrase.not_taken", ["order": name, "reason": Record.bracketed(reasonText(r) ?? "")])
        default: return say("story.phrase.result", ["order": name, "result": resultWord(r.result)])
        }
    }

    func change(_ track: Int, _ from: Int, _ to: Int) -> String { "\(ruleset.tracks[track].name) \(from) → \(to)" }

    /// Net change per track over a turn, largest share of its range first; the rules' bookkeeping left out.
    func swings(in turn: Int) -> [(track: Int, from: Int, to: Int, share: Double)] {
        let a = start(of: turn).tracks, b = end(of: turn).tracks
        let stakes = stakes()
        return ruleset.tracks.indices.compactMap { i -> (Int, Int, Int, Double)? in
            guard a[i] != b[i], ruleset.tracks[i].max - ruleset.tracks[i].min > 10 || stakes.contains(i) else { return nil }
            let range = Double(max(1, ruleset.tracks[i].max - ruleset.tracks[i].min))
            return (i, a[i], b[i], Double(abs(b[i] - a[i])) / range)
        }.sorted { $0.3 > $1.3 }
    }

    /// The tracks an ending or an objective compares. A ladder of a few rungs that none of them reads is the rules'
    /// bookkeeping (an exemption's turns left): a step on it is a large share of its range but no turn of the story.
    func stakes() -> Set<Int> {
        Set(ruleset.outcomes.flatMap { thresholds($0.condition.node).map(\.0) } + ruleset.objectives.flatMap { o -> [Int] in
            if case .condition(let expr, _) = o.scoring { return thresholds(expr.node).map(\.0) } else { return [] }
        })
    }

    /// How much an effect record changed its target; nil for a reveal (which changes who sees it, not its value).
    func delta(_ r: Record) -> Int? {
        guard r.kind == .effect, r.result != "revealed", let from = r.from, let to = r.to else { return nil }
        return to - from
    }

    /// Net effect per cause on one track in a turn, largest first: actions, events and the upkeep (effect records),
    /// and the instructor's adjustments (`instructor`), so the shares add up to the turn's change.
    func causes(of track: Int, in turn: Int) -> [(cause: String, delta: Int, step: Int)] {
        var sums: [String: (Int, Int)] = [:]
        var order: [String] = []
        for (step, r) in records(of: turn) where r.target == ruleset.tracks[track].id {
            let cause: String
            let d: Int
            if r.kind == .adjustment, let from = r.from, let to = r.to {
                (cause, d) = ("instructor", to - from)
            } else if let change = delta(r) {
                (cause, d) = (r.reason ?? "?", change)
            } else { continue }
            if sums[cause] == nil { order.append(cause); sums[cause] = (0, step) }
            sums[cause]!.0 += d
        }
        return order.map { ($0, sums[$0]!.0, sums[$0]!.1) }.filter { $0.1 != 0 }.sorted { abs($0.1) > abs($1.1) }
    }

    /// A cause for people, as a noun the story's sentences can list: an action with the team that takes it (two
    /// teams' actions may share a name), an event, the upkeep, the instructor's adjustment.
    func causeName(_ cause: String) -> String {
        if cause == "upkeep" { return say("story.cause.upkeep") }
        if cause == "instructor" { return say("story.cause.instructor") }
        if cause.hasPrefix("action:"), let a = ruleset.actionIndex(String(cause.dropFirst(7))), ruleset.actions[a].teams.count == 1 {
            let team = ruleset.teams[ruleset.actions[a].teams[0]].id
            return say("story.cause.action", ["owner": possessive(team), "team": short(team), "action": ruleset.actions[a].name])
        }
        if cause.hasPrefix("action:") { return say("story.cause.shared_action", ["action": text.action(String(cause.dropFirst(7)))]) }
        if cause.hasPrefix("event:") { return say("story.cause.event", ["event": text.event(String(cause.dropFirst(6)))]) }
        return say("story.cause.other")
    }

    /// The causes of a change, each with its share ("the instructor's adjustment (+2), DPRK's “Cut contact” (+1) and
    /// the scenario's upkeep (+1)"): up to three; of more, the two largest and the rest summed as other causes, so the
    /// shares named always add up to the change.
    func causesText(_ causes: [(cause: String, delta: Int, step: Int)]) -> String {
        func signed(_ d: Int) -> String { d > 0 ? "+\(d)" : String(d) }
        var parts = causes.prefix(causes.count > 3 ? 2 : 3).map { say("story.cause.share", ["cause": causeName($0.cause), "delta": signed($0.delta)]) }
        if causes.count > 3 {
            let rest = causes.dropFirst(2).reduce(0) { $0 + $1.delta }
            if rest != 0 { parts.append(say("story.cause.share", ["cause": say("story.cause.others"), "delta": signed(rest)])) }
        }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: say("story.list_separator")) + say("story.and") + parts.last!
    }

    // MARK: - Turns

    func turnSummaries() -> [Story.TurnSummary] {
        guard turnCount >= 1 else { return [] }
        return (1...turnCount).map { turn in
            var sentences: [String] = []
            let recs = records(of: turn).map(\.record)
            let events = recs.filter { $0.kind == .event }.map { r in
                r.text.map { translator?.translate(text: $0) ?? $0 } ?? text.causeText("event:" + (r.event ?? ""))
            }
            if !events.isEmpty { sentences.append(say("story.turn.news", ["events": events.joined(separator: "; ")])) }
            for team in ruleset.teams {
                let orders = recs.filter { $0.kind == .order && $0.team == team.id }
                guard !orders.isEmpty else { continue }
                sentences.append(say("story.turn.orders", ["team": short(team.id), "orders": ordersSentence(orders)]))
            }
            // Deals carried out: in full, together; one with a step not taken, each on its own, naming the steps.
            var deals: [Int] = [], partly: [String] = []
            for (step, r) in records(of: turn) where r.kind == .deal && r.result == "carried_out" {
                guard let id = r.deal else { continue }
                let deal = replay.steps[step].state.deals[safe: id - 1]
                let missed = deal.map { stepsNotTaken(of: $0, in: replay.steps[step]) } ?? []
                let failed = deal.map { $0.stepsFailed(in: replay.steps[step].records) } ?? []
                if missed.isEmpty, failed.isEmpty { deals.append(id); continue }
                // A step that failed its die is said too: "carried out" alone reads as "the summit happened".
                var sentence: String = missed.isEmpty ? say("story.turn.deals", ["deals": "#\(id)"], count: 1) : say("story.turn.deal_partly", ["deal": String(id)])
                for r in missed { sentence += " " + say("story.point.deal_missed", ["phrase": orderPhrase(r)]) }
                if let f = failedText(failed) { sentence += " " + f }
                partly.append(sentence)
            }
            if !deals.isEmpty { sentences.append(say("story.turn.deals", ["deals": deals.map { "#\($0)" }.joined(separator: ", ")], count: deals.count)) }
            sentences += partly
            let moved = swings(in: turn).prefix(3).map { change($0.track, $0.from, $0.to) }
            if !moved.isEmpty { sentences.append(say("story.turn.changes", ["changes": moved.joined(separator: ", ")])) }
            if recs.contains(where: { $0.kind == .outcome }), let o = end(of: turn).outcome {
                sentences.append(say("story.turn.ended", ["outcome": ruleset.outcomes[o].name]))
            }
            if sentences.isEmpty { sentences.append(say("story.turn.nothing")) }
            let end = replay.steps[ends[turn]]
            return Story.TurnSummary(turn: turn, date: date(turn), text: sentences.joined(separator: " "), step: end.index, seq: end.seq)
        }
    }

    // MARK: - Turning points

    /// The ending the rules would name at the end of each turn (the first outcome that holds).
    func ending(at state: GameState) -> Int? {
        ruleset.outcomes.firstIndex { engine.holds($0.condition, in: state) }
    }

    func decidedTurn() -> (turn: Int, outcome: Int, immediate: Bool)? {
        guard let final = replay.finalState.outcome, turnCount >= 1 else { return nil }
        if ruleset.outcomes[final].immediate, replay.finalState.endReason == ruleset.outcomes[final].name {
            return (turnCount, final, true)
        }
        var turn = turnCount
        while turn > 1, ending(at: end(of: turn - 1)) == final { turn -= 1 }
        return (turn, final, false)
    }

    func turningPoints(decided: (turn: Int, outcome: Int, immediate: Bool)?) -> [Story.TurningPoint] {
        var points: [Story.TurningPoint] = []
        guard turnCount >= 1 else { return points }
        // Consents refused: an exemption or another gated action blocked.
        for turn in 1...turnCount {
            for (step, r) in records(of: turn) where r.kind == .order && r.result == "refused" {
                let s = replay.steps[step]
                // The track the refusal itself moved most (its failure effects), if any.
                let track = effects(ofActions: r.action.map { [$0] } ?? [], in: s).max { abs($0.to - $0.from) < abs($1.to - $1.from) }?.track
                let a = track.map { start(of: turn).tracks[$0] }, b = track.map { end(of: turn).tracks[$0] }
                points.append(Story.TurningPoint(
                    kind: "blocked", turn: turn,
                    title: say("story.point.blocked", ["turn": String(turn), "blocker": blocker(r), "owner": possessive(r.team), "team": short(r.team),
                                                 "action": text.action(r.action)]),
                    text: track.map { say("story.point.blocked_text_moved", ["phrase": orderPhrase(r), "change": change($0, a!, b!)]) }
                        ?? say("story.point.blocked_text", ["phrase": orderPhrase(r)]),
                    step: step, seq: s.seq, track: track.map { ruleset.tracks[$0].id }, from: a, to: b))
            }
        }
        // Deals carried out that moved a track.
        for turn in 1...turnCount {
            for (step, r) in records(of: turn) where r.kind == .deal && r.result == "carried_out" {
                let s = replay.steps[step]
                guard let id = r.deal, let deal = s.state.deals[safe: id - 1] else { continue }
                let moved = effects(ofActions: deal.commitments.compactMap(\.action), in: s)
                guard let biggest = moved.max(by: { abs($0.to - $0.from) < abs($1.to - $1.from) }) else { continue }
                let parties = deal.parties.filter { $0 != deal.proposer }.map(short).joined(separator: ", ")
                // A step that could not be taken is said, and the deal reads as carried out in part.
                // A step taken but failed on its die is said too: the deal was carried out, and the step did not work.
                let missed = stepsNotTaken(of: deal, in: s), failed = deal.stepsFailed(in: s.records)
                var text: String = say("story.point.deal_text", ["terms": describe(deal), "changes": moved.map { change($0.track, $0.from, $0.to) }.joined(separator: ", ")])
                for r in missed { text += " " + say("story.point.deal_missed", ["phrase": orderPhrase(r)]) }
                if let f = failedText(failed) { text += " " + f }
                points.append(Story.TurningPoint(
                    kind: "deal", turn: turn,
                    title: say(dealPointKey(missed: missed, failed: failed),
                               ["turn": String(turn), "deal": String(id), "proposer": short(deal.proposer), "parties": parties]),
                    text: text,
                    step: step, seq: s.seq, track: ruleset.tracks[biggest.track].id, from: biggest.from, to: biggest.to))
            }
        }
        // In a long match: the five refusals and three deals that moved their tracks most, in the order they happened.
        func weight(_ p: Story.TurningPoint) -> Int { p.track == nil ? -1 : abs((p.to ?? 0) - (p.from ?? 0)) }
        for (kind, most) in [("blocked", 5), ("deal", 3)] {
            let these = points.filter { $0.kind == kind }
            guard these.count > most else { continue }
            let kept = Set(these.enumerated().sorted { weight($0.element) > weight($1.element) }.prefix(most).map(\.offset))
            var k = -1
            points.removeAll { p in
                guard p.kind == kind else { return false }
                k += 1
                return !kept.contains(k)
            }
        }
        // The largest swings of the match (one per track), unless a point above already explains them.
        var swingList: [(turn: Int, track: Int, from: Int, to: Int, share: Double)] = []
        for turn in 1...turnCount { swingList += swings(in: turn).map { (turn, $0.track, $0.from, $0.to, $0.share) } }
        var seenTracks = Set<Int>()
        var ladders = 0   // small-range tracks (ladders of a few rungs) swing by large shares: at most two of them
        for s in swingList.sorted(by: { $0.share > $1.share }) where s.share >= 0.1 && seenTracks.count < 4 {
            let isLadder = ruleset.tracks[s.track].max - ruleset.tracks[s.track].min <= 10
            guard !seenTracks.contains(s.track), !isLadder || ladders < 2 else { continue }
            seenTracks.insert(s.track)
            if isLadder { ladders += 1 }
            if points.contains(where: { $0.turn == s.turn && $0.track == ruleset.tracks[s.track].id }) { continue }
            let causes = causes(of: s.track, in: s.turn)
            let step = causes.first?.step ?? ends[s.turn]
            let because = causesText(causes)
            points.append(Story.TurningPoint(
                kind: "swing", turn: s.turn,
                title: say(s.to > s.from ? "story.point.rose" : "story.point.fell",
                           ["turn": String(s.turn), "track": ruleset.tracks[s.track].name, "from": String(s.from), "to": String(s.to)]),
                text: because.isEmpty ? say("story.point.swing_largest") : say("story.point.swing_causes", ["causes": because]),
                step: step, seq: replay.steps[step].seq, track: ruleset.tracks[s.track].id, from: s.from, to: s.to))
        }
        points += nearMisses()
        if let decided {
            let o = ruleset.outcomes[decided.outcome]
            let step = replay.steps[ends[decided.turn]]
            let args = ["turn": String(decided.turn), "outcome": o.name, "text": o.text, "date": date(decided.turn)]
            points.append(decided.immediate
                ? Story.TurningPoint(kind: "ending", turn: decided.turn, title: say("story.point.ending", args), text: say("story.point.ending_text", args),
                                     step: step.index, seq: step.seq)
                : decided.turn == 1
                ? Story.TurningPoint(kind: "decided", turn: 1, title: say("story.point.never_changed", args), text: say("story.point.never_changed_text", args),
                                     step: step.index, seq: step.seq)
                : Story.TurningPoint(kind: "decided", turn: decided.turn, title: say("story.point.decided", args), text: say("story.point.decided_text", args),
                                     step: step.index, seq: step.seq))
        }
        return points.sorted { ($0.turn, $0.step) < ($1.turn, $1.step) }
    }

    /// The net track changes some actions' effects made in one step, per track: the value before the first change
    /// and after adding them all up.
    func effects(ofActions actions: [String], in step: Replay.Step) -> [(track: Int, from: Int, to: Int)] {
        var out: [(track: Int, from: Int, to: Int)] = []
        for r in step.records where actions.contains(where: { r.reason == "action:\($0)" }) {
            guard let d = delta(r), d != 0, let i = ruleset.trackIndex(r.target ?? ""), let from = r.from else { continue }
            if let k = out.firstIndex(where: { $0.track == i }) { out[k].to += d } else { out.append((i, from, from + d)) }
        }
        return out.filter { $0.from != $0.to }
    }

    /// The steps of a deal that were not taken at the adjudication that carried it out (`Deal.stepsNotTaken(in:)`,
    /// which the clients' deal cards read too).
    func stepsNotTaken(of deal: Deal, in step: Replay.Step) -> [Record] {
        deal.stepsNotTaken(in: step.records)
    }

    /// The steps of a carried-out deal that were not taken, from the step that carried it out; [] for a deal not
    /// carried out.
    func stepsNotTaken(of deal: Deal) -> [Record] {
        guard deal.status == .carriedOut,
              let step = replay.steps.last(where: { $0.records.contains { $0.kind == .deal && $0.deal == deal.id && $0.result == "carried_out" } })
        else { return [] }
        return stepsNotTaken(of: deal, in: step)
    }

    /// The steps of a carried-out deal that were taken but failed their die (`Deal.stepsFailed(in:)`), from the step
    /// that carried it out; [] for a deal not carried out.
    func stepsFailed(of deal: Deal) -> [Record] {
        guard deal.status == .carriedOut,
              let step = replay.steps.last(where: { $0.records.contains { $0.kind == .deal && $0.deal == deal.id && $0.result == "carried_out" } })
        else { return [] }
        return deal.stepsFailed(in: step.records)
    }

    /// The sentence naming a deal's steps that failed their die with their rolls ("A step failed its dice roll: ROK's
    /// “Propose an inter-Korean summit” (rolled 91, needed 70 or less)."), the replay's words; nil when none did.
    func failedText(_ failed: [Record]) -> String? {
        guard !failed.isEmpty else { return nil }
        return say("report.timeline.deal_failed", ["steps": failed.map(failedStep).joined(separator: "; ")], count: failed.count)
    }

    /// A step that failed its die, the team by its short name as the story says it: "ROK's “…” (rolled 91, needed 70 or less)".
    func failedStep(_ r: Record) -> String {
        say("report.timeline.step_failed", ["team": short(r.team), "action": text.action(r.action),
                                            "roll": r.roll.map(String.init) ?? "?", "chance": r.chance.map(String.init) ?? "?"])
    }

    /// The title of a carried-out deal's turning point: in part when a step was not taken, else with a step failed
    /// on its die, else carried out.
    func dealPointKey(missed: [Record], failed: [Record]) -> String {
        !missed.isEmpty ? "story.point.deal_partly" : !failed.isEmpty ? "story.point.deal_failed" : "story.point.deal"
    }

    /// A deal's status in the reader's language: "carried out in part", naming the steps not taken, for one that was;
    /// "carried out; a step failed its dice roll: …" for one whose step was taken and failed.
    func dealStatus(_ deal: Deal) -> String {
        let missed = stepsNotTaken(of: deal), failed = stepsFailed(of: deal)
        var status = missed.isEmpty ? resultWord(deal.status.rawValue) : say("story.plan.carried_out_part", ["missed": missed.map(orderPhrase).joined(separator: "; ")])
        if !failed.isEmpty { status += say("story.plan.failed", ["failed": failed.map(failedStep).joined(separator: "; ")], count: failed.count) }
        return status
    }

    func describe(_ deal: Deal) -> String {
        deal.commitments.map { c in
            c.action.map { say("story.deal.does", ["team": short(c.team), "action": text.action($0)]) }
                ?? say("story.deal.will", ["team": short(c.team), "action": text.action(c.consent),
                                     "decision": self.c.language == .en ? c.decision?.rawValue ?? "?" : text.decision(c.decision?.rawValue ?? "?")])
        }.joined(separator: "; ") + (deal.note.isEmpty ? "" : " (“\(deal.note)”)")
    }

    /// Catastrophes the rules end the game with that did not happen, but for which a track came close.
    func nearMisses() -> [Story.TurningPoint] {
        var out: [Story.TurningPoint] = []
        for (k, o) in ruleset.outcomes.enumerated() where o.immediate && replay.finalState.outcome != k {
            for (track, distance) in thresholds(o.condition.node) {
                let range = ruleset.tracks[track].max - ruleset.tracks[track].min
                let near = max(1, range / 10)
                var best: (gap: Int, step: Int)?
                for s in replay.steps {
                    let gap = distance(s.state.tracks[track])
                    if gap > 0, gap <= near, gap < (best?.gap ?? .max) { best = (gap, s.index) }
                }
                guard let best else { continue }
                let s = replay.steps[best.step]
                let value = s.state.tracks[track]
                out.append(Story.TurningPoint(
                    kind: "near_miss", turn: s.state.turn, title: say("story.point.near_miss", ["turn": String(s.state.turn), "outcome": o.name]),
                    text: say("story.point.near_miss_text", ["track": ruleset.tracks[track].name, "value": String(value), "gap": String(best.gap),
                                                       "outcome": c.language == .en ? o.name.lowercased() : o.name]),
                    step: best.step, seq: s.seq, track: ruleset.tracks[track].id, from: nil, to: value))
            }
        }
        return out
    }

    /// The track comparisons with a constant in a condition, each with how far a value is from making it hold.
    func thresholds(_ node: ExprNode) -> [(Int, (Int) -> Int)] {
        switch node {
        case .or(let a, let b), .and(let a, let b): return thresholds(a) + thresholds(b)
        case .compare(let op, .track(let t), .constant(let c)): return [(t, Self.gap(op, c))]
        case .compare(let op, .constant(let c), .track(let t)): return [(t, Self.gap(Self.flipped(op), c))]
        default: return []
        }
    }

    static func gap(_ op: Expr.ComparisonOperator, _ c: Int) -> (Int) -> Int {
        switch op {
        case .greaterOrEqual: { max(0, c - $0) }
        case .greater: { max(0, c + 1 - $0) }
        case .lessOrEqual: { max(0, $0 - c) }
        case .less: { max(0, $0 - c + 1) }
        case .equal: { abs($0 - c) }
        case .notEqual: { $0 == c ? 1 : 0 }
        }
    }

    static func flipped(_ op: Expr.ComparisonOperator) -> Expr.ComparisonOperator {
        switch op {
        case .greater: .less
        case .less: .greater
        case .greaterOrEqual: .lessOrEqual
        case .lessOrEqual: .greaterOrEqual
        default: op
        }
    }
}
