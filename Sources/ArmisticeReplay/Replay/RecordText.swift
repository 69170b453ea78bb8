import ArmisticeEngine

/// Readable sentences for engine records, inputs and chat channels, with the ruleset's names: what happened and why.
/// Shared by the text timeline and the report so both say the same thing.
public struct RecordText: Sendable {
    public let ruleset: Ruleset
    private let teamNames: [String: String]
    private let actionNames: [String: String]
    private let targetNames: [String: String]

    public init(ruleset: Ruleset) {
        self.ruleset = ruleset
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
        switch r.kind {
        case .phase:
            return "Turn \(r.turn): \(r.phase?.rawValue ?? "?")"
        case .order:
            var s = "\(team(r.team)) orders \(action(r.action))"
            if let params = r.params, !params.isEmpty {
                s += " (" + params.keys.sorted().map { k in "\(k): \(paramText(params[k]!))" }.joined(separator: ", ") + ")"
            }
            s += ": " + (r.result ?? "?").replacingOccurrences(of: "_", with: " ")
            if let roll = r.roll, let chance = r.chance {
                s += ", rolled \(roll) against \(chance)%"
                if let mods = r.modifiers, !mods.isEmpty {
                    s += " (" + mods.map { "\($0.add >= 0 ? "+" : "")\($0.add) \($0.reason)" }.joined(separator: "; ") + ")"
                }
            }
            if let reason = r.reason { s += ": \(reason)" }
            return s
        case .deal:
            let id = r.deal.map(String.init) ?? "?"
            let status = (r.result ?? "?").replacingOccurrences(of: "_", with: " ")
            let deal = r.deal.flatMap { n in deals.first { $0.id == n } }
            var s: String
            if let deal, let actor = r.team, actor != deal.proposer {
                // An answer: the record names the team that answered.
                let answer = r.result == "rejected" ? "rejects" : "accepts"
                s = "\(team(actor)) \(answer) deal \(id), proposed by \(team(deal.proposer)): \(status)"
            } else if let deal {
                s = "Deal \(id) proposed by \(team(deal.proposer)): \(status)"
            } else {
                s = "Deal \(id): \(status)" + (r.team.map { " (\(team($0)))" } ?? "")
            }
            if let note = r.text, !note.isEmpty { s += " (\"\(note)\")" }
            return s
        case .event:
            var s = "Event: \(r.text ?? r.event ?? "?") (\(r.result ?? "?")"
            if let roll = r.roll { s += ", drawn with \(roll)" }
            return s + ")"
        case .draw:
            return "Random event draw: rolled \(r.roll.map(String.init) ?? "?") against \(r.chance.map(String.init) ?? "?")%: \(r.result ?? "?")"
        case .effect:
            return "\(target(r.target)): \(r.from.map(String.init) ?? "?") → \(r.to.map(String.init) ?? "?") (\(causeText(r.reason)))"
        case .news:
            return "News: \(r.text ?? "")"
        case .intel:
            return "Intelligence for \((r.visibleTo ?? []).map { team($0) }.joined(separator: ", ")): \(r.text ?? "")"
        case .adjustment:
            return "Instructor sets \(target(r.target)) from \(r.from.map(String.init) ?? "?") to \(r.to.map(String.init) ?? "?"): \(r.reason ?? "")"
        case .locked:
            return "\(team(r.team)) locks its orders"
        case .outcome:
            let scores = (r.scores ?? [:]).sorted { $0.key < $1.key }.map { "\(team($0.key)) \($0.value)" }.joined(separator: ", ")
            return "Outcome: \(r.text ?? r.outcome ?? "?") (\(r.reason ?? "")); scores: \(scores)"
        case .hash:
            return nil
        }
    }

    /// "action:x" → the action's name, "event:y" → the event's, "upkeep" as is.
    public func causeText(_ cause: String?) -> String {
        guard let cause else { return "" }
        if cause.hasPrefix("action:") { return action(String(cause.dropFirst(7))) }
        if cause.hasPrefix("event:") {
            let id = String(cause.dropFirst(6))
            return "event " + (ruleset.events.first { $0.id == id }?.name ?? id)
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
        let why = switch reason {
        case "deadline": " (time was up)"
        case "all_locked": " (every team had locked its orders)"
        default: ""
        }
        switch state.phase {
        case .briefing: return "turn \(state.turn) begins with the briefing" + why
        case .negotiation: return "negotiations open" + why
        case .orders: return "orders are due" + why
        case .adjudication, .results: return "the orders are resolved" + why
        case .ended: return "the match ends" + why
        case .setup: return "advance" + why
        }
    }

    /// One sentence for an input: what was asked of the engine.
    public func describe(_ input: Input) -> String {
        switch input {
        case .start: return "start the match"
        case .advance: return "advance the phase"
        case .setOrders(let t, let orders):
            let list = orders.orders.map { action($0.action) }.joined(separator: ", ")
            let consents = orders.consents.sorted { $0.key < $1.key }.map { "\($0.value.rawValue) \(action($0.key))" }.joined(separator: ", ")
            return "\(team(t)) drafts orders: " + (list.isEmpty ? "none" : list) + (consents.isEmpty ? "" : "; consents: \(consents)")
        case .lockOrders(let t): return "\(team(t)) locks its orders"
        case .proposeDeal(let t, let commitments, let note):
            let parts = commitments.map { c in
                c.action.map { "\(team(c.team)) does \(action($0))" } ?? "\(team(c.team)) will \(c.decision?.rawValue ?? "?") \(action(c.consent))"
            }
            return "\(team(t)) proposes a deal: " + parts.joined(separator: "; ") + (note.isEmpty ? "" : " (\"\(note)\")")
        case .respondToDeal(let t, let deal, let accept): return "\(team(t)) \(accept ? "accepts" : "rejects") deal \(deal)"
        case .withdrawDeal(let t, let deal): return "\(team(t)) withdraws deal \(deal)"
        case .injectEvent(let e): return "instructor injects event \(ruleset.events.first { $0.id == e }?.name ?? e)"
        case .injectNews(let text): return "instructor publishes news: \(text)"
        case .adjust(let t, let value, let reason): return "instructor sets \(target(t)) to \(value): \(reason)"
        case .end(let reason): return "instructor ends the match" + (reason.isEmpty ? "" : ": \(reason)")
        }
    }

    /// A chat channel's readable name: "everyone", "team Kim's", "DPRK and ROK".
    public func channel(_ name: String) -> String {
        if name == "all" { return "Everyone" }
        if name.hasPrefix("team:") { return "\(team(String(name.dropFirst(5)))) (team)" }
        if name.hasPrefix("pair:") { return name.dropFirst(5).split(separator: "+").map { team(String($0)) }.joined(separator: " and ") }
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
