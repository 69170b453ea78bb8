import ArmisticeEngine
import ArmisticeLocale

/// Readable sentences for a match: its records (through the engine's one `RecordText`), its inputs and its chat
/// channels, with the ruleset's names. Shared by the text timeline and the report so both say the same thing.
public struct MatchText: Sendable {
    public let ruleset: Ruleset
    private let names: ScreenNames
    /// The records' words in the reader's language, with the ruleset's names.
    public let records: RecordText
    /// The sentences' words in the reader's language (the names come from `ruleset`, already in it).
    public var phrases: Catalog { records.catalog }

    /// `ruleset` as the reader reads it (`Ruleset.localized(to:)` for another language), `language` the sentences'.
    public init(ruleset: Ruleset, language: Language = .en) {
        self.ruleset = ruleset
        names = ScreenNames(RulesetNames(ruleset: ruleset), ruleset: ruleset, language: language)
        records = RecordText(names: names, language: language)
    }


    public func team(_ id: String?) -> String { records.team(id) }
    public func action(_ id: String?) -> String { records.action(id) }
    public func target(_ id: String?) -> String { records.target(id) }
    public func event(_ id: String?) -> String { records.event(id) }

    /// The category a record is shown under: orders, deals, events, dice, effects, news, intel, phases, instructor, outcome.
    public func category(_ r: Record) -> String {
        switch r.kind {
        case .order: "order"
        case .deal: "deal"
        case .event: "event"
        case .draw: "dice"
        case .effect: "effect"
        case .news: "news"
        case .intel: "intel"
        case .phase: "phase"
        case .adjustment: "instructor"
        case .locked: "locked"
        case .outcome: "outcome"
        case .hash: "hash"
        }
    }

    /// One sentence for a record; nil for state hashes. `deals` (the state's, after the record) names who proposed a
    /// deal: a deal's record carries the team that acted on it, which for an answer is not the proposer. `status`: a
    /// deal's status in other words than its record's (`RecordText.line(_:status:)`).
    public func describe(_ r: Record, deals: [Deal] = [], status: String? = nil) -> String? {
        guard r.kind != .hash else { return nil }
        return RecordText(names: names.with(deals: deals), language: phrases.language).sentence(r, status: status)
    }

    /// A deal's step that was not taken (its order record), in words: "United States's “Hold a summit”: not possible
    /// (no working-level basis)", the reason without its own full stop (`Record.bracketed`).
    public func missedStep(_ r: Record) -> String {
        let args = ["team": team(r.team), "action": action(r.action), "result": result(r.result), "reason": Record.bracketed(r.reason ?? "")]
        return RecordText.phrase(r.reason == nil ? "report.timeline.step_missed_no_reason" : "report.timeline.step_missed", args, in: phrases)
    }

    /// A deal's step that was taken but failed its die, in words: the team, the action and the roll ("ROK's
    /// “Propose an inter-Korean summit” (rolled 91, needed 70 or less)"), so nobody reads "carried out" as "it happened".
    public func failedStep(_ r: Record) -> String {
        let args = ["team": team(r.team), "action": action(r.action), "roll": r.roll.map(String.init) ?? "?", "chance": r.chance.map(String.init) ?? "?"]
        return RecordText.phrase("report.timeline.step_failed", args, in: phrases)
    }

    /// A phase's name in the reader's language.
    public func phaseName(_ phase: Phase?) -> String { records.phaseName(phase) }

    /// A record's result word (`success`, `failure`, `agreed`, `carried_out`, `scheduled`…) in the reader's language.
    public func result(_ word: String?) -> String { records.result(word) }

    /// "action:x" → the action's name, "event:y" → the event's, "upkeep" in words.
    public func causeText(_ cause: String?) -> String { records.cause(cause) }

    func paramText(_ v: ParameterValue) -> String { records.parameter(v) }

    /// One sentence for an input, for people: the clock's advances say what began and why (`reason` is the log's:
    /// `deadline`, `all_locked`), given the state after the input.
    public func describe(_ input: Input, reason: String?, after state: GameState) -> String {
        guard case .advance = input else { return describe(input) }
        let p = phrases
        let why = switch reason {
        case "deadline": p.text("report.input.why_deadline")
        case "all_locked": p.text("report.input.why_all_locked")
        default: ""
        }
        switch state.phase {
        case .briefing: return p.text("report.input.turn_begins", ["turn": String(state.turn)]) + why
        case .negotiation: return p.text("report.input.negotiations_open") + why
        case .orders: return p.text("report.input.orders_due") + why
        case .adjudication: return p.text("report.input.resolved") + why
        case .results: return p.text("report.input.results") + why
        case .ended: return p.text("report.input.match_ends") + why
        case .setup: return p.text("report.input.advance") + why
        }
    }

    /// One sentence for an input: what was asked of the engine; in Korean with the particles fitted to the names
    /// filled in ("교사가 군사적 긴장을 6으로 조정", never "긴장을(를) 6(으)로").
    public func describe(_ input: Input) -> String {
        let s = sentence(input)
        return Josa.resolvingParticles(s, in: phrases.language)
    }

    func sentence(_ input: Input) -> String {
        let p = phrases
        switch input {
        case .start: return p.text("report.input.start")
        case .advance: return p.text("report.input.advance_phase")
        case .setOrders(let t, let orders):
            let list = orders.orders.map { action($0.action) }.joined(separator: ", ")
            let consents = orders.consents.sorted { $0.key < $1.key }.map { "\(decision($0.value.rawValue)) \(action($0.key))" }.joined(separator: ", ")
            return p.text("report.input.drafts", ["team": team(t), "orders": list.isEmpty ? p.text("report.input.none") : list])
                + (consents.isEmpty ? "" : p.text("report.input.consents", ["consents": consents]))
        case .lockOrders(let t): return p.text("record.text.locked", ["team": team(t)])
        case .proposeDeal(let t, let commitments, let note):
            let parts = commitments.map { c in
                c.action.map { p.text("report.input.does", ["team": team(c.team), "action": action($0)]) }
                    ?? p.text("report.input.will", ["team": team(c.team), "decision": decision(c.decision?.rawValue ?? "?"), "action": action(c.consent)])
            }
            return p.text("report.input.proposes", ["team": team(t), "parts": parts.joined(separator: "; ")]) + (note.isEmpty ? "" : " (\"\(note)\")")
        case .respondToDeal(let t, let deal, let accept):
            return p.text(accept ? "report.input.accepts" : "report.input.rejects", ["team": team(t), "deal": String(deal)])
        case .withdrawDeal(let t, let deal): return p.text("report.input.withdraws", ["team": team(t), "deal": String(deal)])
        case .injectEvent(let e): return p.text("report.input.inject_event", ["event": ruleset.events.first { $0.id == e }?.name ?? e])
        case .injectNews(let text): return p.text("report.input.inject_news", ["text": text])
        case .adjust(let t, let value, let reason): return p.text("report.input.adjust", ["target": target(t), "value": records.value(value, of: t), "reason": reason])
        case .end(let reason): return p.text("report.input.end") + (reason.isEmpty ? "" : ": \(reason)")
        }
    }

    /// One sentence for a change to the room's seats, its door or its clock (the instructor's removals, moves, bots,
    /// closing or opening joining, pauses and extensions; a seat joining mid-match), `seatName` the seat's name as the
    /// reader reads it; in Korean
    /// with the particles fitted.
    public func describe(_ change: Replay.SeatChange, seatName: String) -> String {
        let p = phrases
        let seat = p.text("report.seat.name", ["name": seatName, "seat": change.seat ?? "?"])
        let place = change.team.map { team($0) }
            ?? (change.role == "observer" ? p.text("report.seat.observers") : p.text("report.seat.no_team"))
        let s = switch change.kind {
        case .removed: p.text("report.seat.removed", ["seat": seat])
        case .botOff: p.text("report.seat.bot_off", ["team": place])
        case .bot: p.text("report.seat.bot", ["team": place, "policy": policyName(change.bot)])
        case .moved: p.text("report.seat.moved", ["seat": seat, "to": place])
        case .joined: change.team != nil ? p.text("report.seat.joined_team", ["team": place])
            : p.text(change.role == "observer" ? "report.seat.joined_observer" : "report.seat.joined_no_team")
        case .joiningClosed: p.text("report.seat.joining_closed")
        case .joiningOpened: p.text("report.seat.joining_opened")
        case .paused: p.text("report.clock.paused")
        case .resumed: p.text("report.clock.resumed")
        case .extended: change.seconds.map { $0 < 0 ? p.text("report.clock.shortened", ["seconds": String(-$0)]) : p.text("report.clock.extended", ["seconds": String($0)]) }
            ?? p.text("report.clock.changed")
        case .restarted: p.text("report.clock.restarted")
        }
        return Josa.resolvingParticles(s, in: p.language)
    }

    /// A bot policy's name in the reader's language (`greedy` → 적극형), its id when the catalog has none.
    public func policyName(_ policy: String?) -> String {
        policy.map { RecordText.policyName($0, phrases) ?? $0 } ?? "?"
    }

    /// A consent decision (`approve`, `block`) in the reader's language.
    public func decision(_ word: String) -> String {
        switch word {
        case "approve": phrases.text("terminal.decision.approve")
        case "block": phrases.text("terminal.decision.block")
        default: word
        }
    }

    /// A chat channel's readable name: "everyone", "team Kim's", "DPRK and ROK".
    public func channel(_ name: String) -> String {
        if name == "all" { return phrases.text("report.channel.all") }
        if name.hasPrefix("team:") { return phrases.text("report.channel.team", ["team": team(String(name.dropFirst(5)))]) }
        if name.hasPrefix("pair:") {
            let names = name.dropFirst(5).split(separator: "+").map { team(String($0)) }
            return names.count == 2 ? phrases.text("report.channel.pair", ["a": names[0], "b": names[1]]) : names.joined(separator: ", ")
        }
        return name
    }

    /// Whether a viewer reads a chat channel: the instructor reads all; observers read "all"; a team its own and its pairs.
    public func channel(_ name: String, isReadBy viewer: Viewer) -> Bool {
        switch viewer {
        case .instructor: return true
        case .observer: return name == "all"
        case .team(let t):
            let id = ruleset.teams[t].id
            return name == "all" || name == "team:\(id)" || (name.hasPrefix("pair:") && name.dropFirst(5).split(separator: "+").contains { $0 == id })
        }
    }
}
