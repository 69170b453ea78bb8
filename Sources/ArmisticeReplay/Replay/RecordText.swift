import ArmisticeEngine
import ArmisticeLocale

/// Readable sentences for engine records, inputs and chat channels, with the ruleset's names: what happened and why.
/// Shared by the text timeline and the report so both say the same thing.
public struct RecordText: Sendable {
    public let ruleset: Ruleset
    private let teamNames: [String: String]
    private let actionNames: [String: String]
    private let targetNames: [String: String]
    /// The sentences' words in the reader's language (the names come from `ruleset`, already in it).
    public let phrases: Catalog

    /// `ruleset` as the reader reads it (`Ruleset.localized(to:)` for another language), `language` the sentences'.
    public init(ruleset: Ruleset, language: Language = .en) {
        self.ruleset = ruleset
        phrases = Catalog(language: language)
        teamNames = Dictionary(ruleset.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        actionNames = Dictionary(ruleset.actions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        targetNames = Dictionary(ruleset.tracks.map { ($0.id, $0.name) } + ruleset.flags.map { ($0.id, $0.name) } + ruleset.projects.map { ($0.id, $0.name) },
                                 uniquingKeysWith: { a, _ in a })
    }

    public func team(_ id: String?) -> String { id.map { teamNames[$0] ?? $0 } ?? "?" }
    public func action(_ id: String?) -> String { id.map { actionNames[$0] ?? $0 } ?? "?" }
    public func target(_ id: String?) -> String { id.map { targetNames[$0] ?? $0 } ?? "?" }

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
    /// deal: a deal's record carries the team that acted on it, which for an answer is not the proposer.
    public func describe(_ r: Record, deals: [Deal] = []) -> String? {
        let p = phrases
        func n(_ v: Int?) -> String { v.map(String.init) ?? "?" }
        switch r.kind {
        case .phase:
            return p.text("report.text.phase", ["turn": String(r.turn), "phase": phaseName(r.phase)])
        case .order:
            var params = ""
            if let ps = r.params, !ps.isEmpty {
                params = " (" + ps.keys.sorted().map { k in "\(k): \(paramText(ps[k]!))" }.joined(separator: ", ") + ")"
            }
            var s = p.text("report.text.order", ["team": team(r.team), "action": action(r.action), "params": params, "result": result(r.result)])
            if let roll = r.roll, let chance = r.chance {
                s += p.text("report.text.rolled", ["roll": String(roll), "chance": String(chance)])
                if let mods = r.modifiers, !mods.isEmpty {
                    s += " (" + mods.map { "\($0.add >= 0 ? "+" : "")\($0.add) \($0.reason)" }.joined(separator: "; ") + ")"
                }
            }
            if let reason = r.reason { s += ": \(reason)" }
            return s
        case .deal:
            let id = r.deal.map { String($0) } ?? "?"
            let status = result(r.result)
            let deal = r.deal.flatMap { n in deals.first { $0.id == n } }
            var s: String
            if let deal, let actor = r.team, actor != deal.proposer {
                // An answer: the record names the team that answered.
                s = p.text(r.result == "rejected" ? "report.text.deal_rejects" : "report.text.deal_accepts",
                           ["team": team(actor), "deal": id, "proposer": team(deal.proposer), "status": status])
            } else if let deal {
                s = p.text("report.text.deal_proposed", ["deal": id, "proposer": team(deal.proposer), "status": status])
            } else {
                s = p.text("report.text.deal", ["deal": id, "status": status]) + (r.team.map { " (\(team($0)))" } ?? "")
            }
            if let note = r.text, !note.isEmpty { s += " (\"\(note)\")" }
            return s
        case .event:
            var s = p.text("report.text.event", ["event": r.text ?? r.event ?? "?"]) + " (\(result(r.result))"
            if let roll = r.roll { s += p.text("report.text.drawn_with", ["roll": String(roll)]) }
            return s + ")"
        case .draw:
            return p.text("report.text.draw", ["roll": n(r.roll), "chance": n(r.chance), "result": result(r.result)])
        case .effect:
            return "\(target(r.target)): \(n(r.from)) → \(n(r.to)) (\(causeText(r.reason)))"
        case .news:
            return p.text("report.text.news", ["text": r.text ?? ""])
        case .intel:
            return p.text("report.text.intel", ["teams": (r.visibleTo ?? []).map { team($0) }.joined(separator: ", "), "text": r.text ?? ""])
        case .adjustment:
            return p.text("report.text.adjustment", ["target": target(r.target), "from": n(r.from), "to": n(r.to), "reason": r.reason ?? ""])
        case .locked:
            return p.text("report.text.locked", ["team": team(r.team)])
        case .outcome:
            let scores = (r.scores ?? [:]).sorted { $0.key < $1.key }.map { "\(team($0.key)) \(String($0.value))" }.joined(separator: ", ")
            return p.text("report.text.outcome", ["outcome": r.text ?? r.outcome ?? "?", "reason": r.reason ?? "", "scores": scores])
        case .hash:
            return nil
        }
    }

    /// A phase's name in the reader's language.
    public func phaseName(_ phase: Phase?) -> String { Self.phaseName(phase, phrases) }

    /// A phase's name in a catalog's language.
    public static func phaseName(_ phase: Phase?, _ phrases: Catalog) -> String {
        switch phase {
        case .setup: phrases.text("terminal.phase.setup")
        case .briefing: phrases.text("terminal.phase.briefing")
        case .negotiation: phrases.text("terminal.phase.negotiation")
        case .orders: phrases.text("terminal.phase.orders")
        case .adjudication: phrases.text("terminal.phase.adjudication")
        case .results: phrases.text("terminal.phase.results")
        case .ended: phrases.text("terminal.phase.ended")
        case nil: "?"
        }
    }

    /// A record's result word (`success`, `failure`, `agreed`, `carried_out`, `scheduled`…) in the reader's language.
    public func result(_ word: String?) -> String {
        switch word {
        case "success": phrases.text("report.result.success")
        case "failure": phrases.text("report.result.failure")
        case "blocked": phrases.text("report.result.blocked")
        case "not_approved": phrases.text("report.result.not_approved")
        case "over_budget": phrases.text("report.result.over_budget")
        case "proposed": phrases.text("report.result.proposed")
        case "open": phrases.text("report.result.open")
        case "agreed": phrases.text("report.result.agreed")
        case "rejected": phrases.text("report.result.rejected")
        case "withdrawn": phrases.text("report.result.withdrawn")
        case "expired": phrases.text("report.result.expired")
        case "carried_out": phrases.text("report.result.carried_out")
        case "scheduled": phrases.text("report.result.scheduled")
        case "scripted": phrases.text("report.result.scripted")
        case "event": phrases.text("report.result.event")
        case "quiet": phrases.text("report.result.quiet")
        case "triggered": phrases.text("report.result.triggered")
        case "random": phrases.text("report.result.random")
        case "injected": phrases.text("report.result.injected")
        case "none": phrases.text("report.result.none")
        case let other?: other.replacingOccurrences(of: "_", with: " ")
        case nil: "?"
        }
    }

    /// "action:x" → the action's name, "event:y" → the event's, "upkeep" as is.
    public func causeText(_ cause: String?) -> String {
        guard let cause else { return "" }
        if cause.hasPrefix("action:") { return action(String(cause.dropFirst(7))) }
        if cause.hasPrefix("event:") {
            let id = String(cause.dropFirst(6))
            return phrases.text("report.text.cause_event", ["event": ruleset.events.first { $0.id == id }?.name ?? id])
        }
        return cause
    }

    func paramText(_ v: ParameterValue) -> String {
        switch v {
        case .number(let n): String(n)
        case .id(let s): teamNames[s] ?? targetNames[s] ?? s
        }
    }

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
        case .adjudication, .results: return p.text("report.input.resolved") + why
        case .ended: return p.text("report.input.match_ends") + why
        case .setup: return p.text("report.input.advance") + why
        }
    }

    /// One sentence for an input: what was asked of the engine.
    public func describe(_ input: Input) -> String {
        let p = phrases
        switch input {
        case .start: return p.text("report.input.start")
        case .advance: return p.text("report.input.advance_phase")
        case .setOrders(let t, let orders):
            let list = orders.orders.map { action($0.action) }.joined(separator: ", ")
            let consents = orders.consents.sorted { $0.key < $1.key }.map { "\(decision($0.value.rawValue)) \(action($0.key))" }.joined(separator: ", ")
            return p.text("report.input.drafts", ["team": team(t), "orders": list.isEmpty ? p.text("report.input.none") : list])
                + (consents.isEmpty ? "" : p.text("report.input.consents", ["consents": consents]))
        case .lockOrders(let t): return p.text("report.text.locked", ["team": team(t)])
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
        case .adjust(let t, let value, let reason): return p.text("report.input.adjust", ["target": target(t), "value": String(value), "reason": reason])
        case .end(let reason): return p.text("report.input.end") + (reason.isEmpty ? "" : ": \(reason)")
        }
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
