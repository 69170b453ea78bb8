import ArmisticeWire
import ArmisticeLocale

/// One line of text for each record: what happened, with the dice where there were dice. Every string
/// from the server is sanitized here, so callers may print the result as it is.
public enum RecordText {
    public static func describe(_ r: RecordInfo, in state: ClientState) -> String {
        let v = state.view
        func s(_ key: String) -> String? { r[key]?.string.map { TerminalText.sanitize($0) } }
        func i(_ key: String) -> Int? { r[key]?.int }
        func team(_ id: String?) -> String { id.map { TerminalText.sanitize(v.teamName($0)) } ?? "?" }
        func target(_ id: String?) -> String { id.map { targetName($0, in: v) } ?? "?" }
        let c = state.t
        switch r.kind {
        case "phase":
            return c.text("terminal.record.phase", ["turn": String(r.turn), "phase": state.phaseName(s("phase") ?? "?")])
        case "news":
            return c.text("terminal.record.news", ["text": s("text") ?? ""])
        case "intel":
            return c.text("terminal.record.intel", ["text": s("text") ?? ""])
        case "order":
            let actionID = s("action") ?? "?"
            var line = "\(team(s("team"))): \(actionName(actionID, in: v))"
            let params = (r["params"]?.object ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\(paramName($0.value, in: v))" }
            if !params.isEmpty { line += " (" + params.joined(separator: ", ") + ")" }
            line += " → " + resultName(s("result"), c)
            if let roll = i("roll") {
                line += "  🎲 \(roll)" + (i("chance").map { " vs \($0)%" } ?? "")
            }
            let mods = r["modifiers"]?.array ?? []
            if !mods.isEmpty {
                line += " [" + mods.map { m in
                    let add = m["add"]?.int ?? 0
                    return "\(add >= 0 ? "+" : "")\(add) \(TerminalText.sanitize(m["reason"]?.string ?? ""))"
                }.joined(separator: ", ") + "]"
            }
            if let reason = s("reason") { line += " — " + reason }
            return line
        case "effect":
            let t = target(s("target"))
            if s("result") == "revealed" { return c.text("terminal.record.revealed", ["target": t, "value": i("to").map(String.init) ?? "?"]) }
            let from = i("from").map(String.init) ?? "?"
            let to = i("to").map(String.init) ?? "?"
            return "\(t): \(from) → \(to)" + (s("reason").map { "  (\($0))" } ?? "")
        case "event":
            return c.text("terminal.record.event", ["event": s("text") ?? s("event") ?? "?", "cause": eventCause(s("result"), c)])
        case "draw":
            return c.text("terminal.record.draw", ["roll": i("roll").map(String.init) ?? "?", "chance": i("chance").map(String.init) ?? "?", "result": s("result") ?? "?"])
        case "deal":
            let note = s("text").flatMap { $0.isEmpty ? nil : " “\($0)”" } ?? ""
            return c.text("terminal.record.deal", ["deal": String(i("deal") ?? 0), "team": team(s("team")), "result": resultName(s("result"), c)]) + note
        case "adjustment":
            return c.text("terminal.record.adjustment", ["target": target(s("target")), "from": i("from").map(String.init) ?? "?",
                                                          "to": i("to").map(String.init) ?? "?", "reason": s("reason") ?? ""])
        case "locked":
            return c.text("terminal.record.locked", ["team": team(s("team"))])
        case "outcome":
            let scores = (r["scores"]?.object ?? [:]).sorted { $0.key < $1.key }
                .map { "\(team($0.key)) \($0.value.display)" }.joined(separator: ", ")
            return c.text("terminal.record.outcome", ["outcome": s("outcome") ?? s("text") ?? "?"]) + (scores.isEmpty ? "" : " — " + scores)
        case "hash":
            return c.text("terminal.record.hash", ["hash": s("hash").map { String($0.prefix(16)) } ?? "?"])
        default:
            return "\(TerminalText.sanitize(r.kind)): " + (s("text") ?? "")
        }
    }

    /// An action's name if this seat knows the action, else its id made readable.
    public static func actionName(_ id: String, in v: GameViewInfo) -> String {
        TerminalText.sanitize(v.knownActionName(id) ?? id.replacingUnderscores)
    }

    /// A track's, project's or flag's name, else its id made readable.
    public static func targetName(_ id: String, in v: GameViewInfo) -> String {
        TerminalText.sanitize(v.tracks.first { $0.id == id }?.name ?? v.projects.first { $0.id == id }?.name
            ?? v.flags.first { $0.id == id }?.name ?? id.replacingUnderscores)
    }

    /// Why an event happened, in words (the record's `result`).
    public static func eventCause(_ result: String?, _ c: Catalog = Catalog(language: .en)) -> String {
        switch result {
        case "scripted": c.text("terminal.event.scripted")
        case "triggered": c.text("terminal.event.triggered")
        case "random": c.text("terminal.event.random")
        case "injected": c.text("terminal.event.injected")
        default: result ?? ""
        }
    }

    /// An order's or a deal's result (`success`, `failure`, `carried_out`…) in the interface's language.
    public static func resultName(_ result: String?, _ c: Catalog = Catalog(language: .en)) -> String {
        switch result {
        case "success": c.text("terminal.result.success")
        case "failure": c.text("terminal.result.failure")
        case "blocked": c.text("terminal.result.blocked")
        case "not_approved": c.text("terminal.result.not_approved")
        case "over_budget": c.text("terminal.result.over_budget")
        case "proposed": c.text("terminal.result.proposed")
        case "agreed": c.text("terminal.result.agreed")
        case "rejected": c.text("terminal.result.rejected")
        case "withdrawn": c.text("terminal.result.withdrawn")
        case "expired": c.text("terminal.result.expired")
        case "carried_out": c.text("terminal.result.carried_out")
        default: (result ?? "?").replacingUnderscores
        }
    }

    static func paramName(_ value: JSONValue, in v: GameViewInfo) -> String {
        if let id = value.string {
            return TerminalText.sanitize(v.team(id)?.name ?? v.projects.first { $0.id == id }?.name ?? id)
        }
        return value.display
    }

    /// Whether a record belongs in the Results pane (what happened at adjudication and after).
    public static func isResult(_ r: RecordInfo) -> Bool {
        ["order", "effect", "event", "draw", "deal", "adjustment", "outcome", "locked", "hash"].contains(r.kind)
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
