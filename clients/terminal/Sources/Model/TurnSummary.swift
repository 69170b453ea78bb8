import ArmisticeEngine
import ArmisticeLocale

/// A turn's results in the order a student asks about them: my orders and why each went as it did, what the other
/// teams did that I may see, then each track's net change over the turn (one line per track, not per step).
/// Built only from the records the server sent this seat; the full log stays one key away.
public struct TurnSummary: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var target: String
        public var from, to: Int
        /// The instructor's reasons, when the instructor set the value during the turn.
        public var reasons: [String] = []
    }

    /// One cause's share of a target's change over the turn: `action:ID`, `event:ID`, `upkeep`, `instructor` (an
    /// adjustment), or "" for a change whose cause this seat is not shown (a covert action's).
    public struct Share: Sendable, Equatable {
        public var cause: String
        public var delta: Int
    }

    /// One line of the summary, with what it is for the screen's colours.
    public struct Line: Sendable, Equatable {
        public enum Tone: Sendable, Equatable { case heading, good, bad, plain, muted }
        public var text: String
        public var tone: Tone
    }

    public var turn: Int
    public var mine: [RecordInfo] = []
    public var others: [RecordInfo] = []
    public var changes: [Change] = []
    public var unchanged: [String] = []
    /// Each changed target's causes with their shares, largest first (they add up to the change).
    public var shares: [String: [Share]] = [:]
    public var events: [RecordInfo] = []
    public var outcome: RecordInfo?

    public init(turn: Int, records: [RecordInfo], team: String?) {
        self.turn = turn
        var net: [Change] = []
        for r in records where r.turn == turn {
            switch r.kind {
            case "order": if r["team"]?.string == team { mine.append(r) } else { others.append(r) }
            case "event": events.append(r)
            case "outcome": outcome = r
            case "effect", "adjustment":
                guard r["result"]?.string != "revealed", let target = r["target"]?.string,
                      let from = r["from"]?.int, let to = r["to"]?.int else { continue }
                let i = net.firstIndex { $0.target == target } ?? { net.append(Change(target: target, from: from, to: to)); return net.count - 1 }()
                net[i].to = to
                if r.kind == "adjustment", let reason = r["reason"]?.string { net[i].reasons.append(TerminalText.sanitize(reason)) }
                let cause = r.kind == "adjustment" ? "instructor" : r["reason"]?.string ?? ""
                var list = shares[target] ?? []
                if let k = list.firstIndex(where: { $0.cause == cause }) { list[k].delta += to - from } else { list.append(Share(cause: cause, delta: to - from)) }
                shares[target] = list
            default: break
            }
        }
        changes = net.filter { $0.from != $0.to || !$0.reasons.isEmpty }
        // Stable: equal shares keep the order they happened in.
        shares = shares.mapValues { list in
            list.enumerated().filter { $0.element.delta != 0 }.sorted { (abs($0.element.delta), -$0.offset) > (abs($1.element.delta), -$1.offset) }.map(\.element)
        }
        unchanged = net.filter { $0.from == $0.to && $0.reasons.isEmpty }.map(\.target)
    }

    /// The turns that have results, newest first.
    public static func turns(_ records: [RecordInfo]) -> [Int] {
        let kinds: Set<String> = ["order", "effect", "event", "deal", "adjustment", "outcome"]
        return Array(Set(records.filter { kinds.contains($0.kind) }.map(\.turn))).sorted(by: >)
    }

    /// Why an order went as it did: the dice, the consent, the budget or the requirement.
    public static func why(_ r: RecordInfo, _ c: Catalog = Catalog(language: .en)) -> String {
        let reason = r["reason"]?.string.map { TerminalText.sanitize($0) }
        switch r["result"]?.string ?? "" {
        case "success", "failure":
            guard let roll = r["roll"]?.int else { return r["result"]?.string == "success" ? c.text("terminal.summary.no_dice") : reason ?? "" }
            let mods = (r["modifiers"]?.array ?? []).map { m in
                let add = m["add"]?.int ?? 0
                return "\(add >= 0 ? "+" : "")\(add) \(TerminalText.sanitize(m["reason"]?.string ?? ""))"
            }
            return c.text("terminal.summary.rolled", ["roll": String(roll), "chance": String(r["chance"]?.int ?? 0)]) + (mods.isEmpty ? "" : " (" + mods.joined(separator: ", ") + ")")
        case "refused": return c.text("terminal.summary.consent", ["reason": reason ?? c.text("terminal.summary.not_given")])
        // After the verdict ("over budget: costs 3, only 2 left"): the reason alone, never "budget:" again.
        case "over_budget": return reason ?? c.text("terminal.summary.no_points")
        case "duplicate": return c.text("terminal.summary.duplicate", ["reason": reason ?? c.text("terminal.summary.ordered_twice")])
        default: return reason ?? ""
        }
    }

    /// An order's result as a verdict: succeeded, failed, refused…
    static func verdict(_ result: String, _ c: Catalog) -> String {
        switch result {
        case "success": c.text("terminal.verdict.success")
        case "failure": c.text("terminal.verdict.failure")
        case "refused": c.text("terminal.verdict.refused")
        case "precondition_failed": c.text("terminal.verdict.precondition_failed")
        case "over_budget": c.text("terminal.verdict.over_budget")
        case "duplicate": c.text("terminal.verdict.duplicate")
        case "invalid": c.text("terminal.verdict.invalid")
        default: result.replacingUnderscores
        }
    }

    /// The summary as lines: headings, then one line per order, change and event.
    public func lines(in state: ClientState) -> [Line] {
        let v = state.view
        let c = state.t
        var out = [Line(text: c.text("terminal.summary.turn", ["turn": String(turn)]), tone: .heading)]
        if let o = outcome {
            // The ending by its name in the reader's language (the view's, else the record's), never its id ("crisis").
            let name = v.outcome?.name ?? o["text"]?.string ?? o["outcome"]?.string ?? ""
            // Decided is not yet ended: the last turn's results run until the phase ends or the instructor ends it.
            let key = v.phase == "ended" ? "terminal.summary.ended" : "terminal.summary.decided"
            out.append(Line(text: c.text(key, ["outcome": TerminalText.sanitize(name)]), tone: .heading))
        }
        // Orders that came from a deal carried out this turn, by team and action.
        let deals = v.deals.filter { $0.status == "carried_out" && $0.turn == turn }
        func order(_ r: RecordInfo, withTeam: Bool) -> Line {
            let result = r["result"]?.string ?? "?"
            let teamID = r["team"]?.string ?? "?"
            let team = withTeam ? TerminalText.sanitize(v.teamName(teamID)) + ": " : ""
            // Each parameter by the scenario's label, as the browser's summary and the records say it ("Package size: 2").
            let params = (r["params"]?.object ?? [:]).sorted { $0.key < $1.key }.map { key, value in
                let value = RecordWords.paramName(value, in: v)
                return ViewNames(v).parameterName(key, of: r["action"]?.string ?? "").map { TerminalText.sanitize($0) + ": " + value } ?? value
            }
            let deal = deals.first { $0.commitments.contains { $0.team == teamID && $0.action == r["action"]?.string } }
            // The deal's order goes first: a duplicate of it is the draft's copy, not the deal's.
            let source = deal.map { c.phrase(result == "duplicate" ? "terminal.summary.draft_copy" : "terminal.summary.from_deal", ["deal": String($0.id)]) }
            let why = [source ?? "", TurnSummary.why(r, c)].filter { !$0.isEmpty }.joined(separator: "; ")
            let text = "\(team)\(RecordWords.actionName(r["action"]?.string ?? "?", in: v))" + (params.isEmpty ? "" : " (" + params.joined(separator: ", ") + ")")
                + " → " + TurnSummary.verdict(result, c) + (why.isEmpty ? "" : ": " + why)
            return Line(text: text, tone: result == "success" ? .good : .bad)
        }
        if state.myTeam != nil {
            out.append(Line(text: c.text("terminal.summary.yours"), tone: .heading))
            out += mine.isEmpty ? [Line(text: c.text("terminal.summary.none"), tone: .muted)] : mine.map { order($0, withTeam: false) }
        }
        out.append(Line(text: c.text(state.myTeam != nil ? "terminal.summary.others" : "terminal.summary.orders"), tone: .heading))
        out += others.isEmpty ? [Line(text: c.text("terminal.summary.nothing_seen"), tone: .muted)] : others.map { order($0, withTeam: true) }
        out.append(Line(text: c.text("terminal.summary.changes"), tone: .heading))
        for change in changes { out.append(Line(text: Self.changeText(change, in: v, c, shares: shares[change.target] ?? [], records: state.records), tone: .plain)) }
        for e in events {
            out.append(Line(text: c.text("terminal.record.event", ["event": TerminalText.sanitize(e["text"]?.string ?? e["event"]?.string ?? "?"),
                                                                  "cause": RecordText.cause(e["result"]?.string, c)]), tone: .plain))
        }
        if changes.isEmpty && events.isEmpty { out.append(Line(text: c.text("terminal.summary.nothing_changed"), tone: .muted)) }
        if !unchanged.isEmpty {
            out.append(Line(text: c.text("terminal.summary.came_back", ["targets": unchanged.map { RecordWords.targetName($0, in: v) }.joined(separator: ", ")]), tone: .muted))
        }
        return out
    }

    /// A net change in words: tracks with their numbers, flags as yes/no, projects by their stage. When the instructor
    /// set a track during the turn and something else moved it too, each cause is named with its share ("4 → 8 (+4) —
    /// +2 set by the instructor (“…”), +1 by the action Cut contact, +1 upkeep"), never the whole change put on the
    /// instructor.
    /// `records`: the seat's records, where a student's view learns an event's name (its `event` record).
    static func changeText(_ c: Change, in v: GameViewInfo, _ t: Catalog = Catalog(language: .en), shares: [Share] = [],
                           records: [RecordInfo] = []) -> String {
        let name = RecordWords.targetName(c.target, in: v)
        let yes = t.text("terminal.summary.yes"), no = t.text("terminal.summary.no")
        if v.flags.contains(where: { $0.id == c.target }) { return "\(name): \(c.from != 0 ? yes : no) → \(c.to != 0 ? yes : no)" }
        if let p = v.projects.first(where: { $0.id == c.target }) {
            func stage(_ i: Int) -> String { p.statuses.indices.contains(i) ? TerminalText.sanitize(p.statuses[i]).replacingUnderscores : String(i) }
            return "\(name): \(stage(c.from)) → \(stage(c.to))"
        }
        let delta = c.to - c.from
        let head = "\(name): \(c.from) → \(c.to) (\(signed(delta)))"
        if !c.reasons.isEmpty, shares.contains(where: { $0.cause != "instructor" }) {
            // Each event by its name, as the full log, the replay and the report say it, never its id ("dmz incident").
            let words = RecordText(names: ViewNames(v, records: records), language: t.language)
            let parts = shares.map { share -> String in
                switch share.cause {
                case "instructor": t.text("record.cause.instructor_share", ["delta": signed(share.delta), "reasons": c.reasons.joined(separator: "”, “")])
                case "": t.text("record.cause.hidden_share", ["delta": signed(share.delta)])
                default: t.text("record.cause.share", ["delta": signed(share.delta), "cause": TerminalText.sanitize(words.cause(share.cause))])
                }
            }
            return head + t.text("record.cause.shares", ["shares": parts.joined(separator: ", ")])
        }
        let why = c.reasons.isEmpty ? "" : t.text("terminal.summary.set_by_instructor", ["reasons": c.reasons.joined(separator: "; ")])
        return head + why
    }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }
}
