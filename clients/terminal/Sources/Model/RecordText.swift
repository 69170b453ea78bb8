/// One line of text for each record: what happened, with the dice where there were dice. Every string
/// from the server is sanitized here, so callers may print the result as it is.
public enum RecordText {
    public static func describe(_ r: RecordInfo, in state: ClientState) -> String {
        let v = state.view
        func s(_ key: String) -> String? { r[key]?.string.map { TerminalText.sanitize($0) } }
        func i(_ key: String) -> Int? { r[key]?.int }
        func team(_ id: String?) -> String { id.map { TerminalText.sanitize(v.teamName($0)) } ?? "?" }
        func target(_ id: String?) -> String { id.map { targetName($0, in: v) } ?? "?" }
        switch r.kind {
        case "phase":
            return "Turn \(r.turn): \(s("phase") ?? "?")"
        case "news":
            return "News: " + (s("text") ?? "")
        case "intel":
            return "Intel: " + (s("text") ?? "")
        case "order":
            let actionID = s("action") ?? "?"
            var line = "\(team(s("team"))): \(actionName(actionID, in: v))"
            let params = (r["params"]?.object ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\(paramName($0.value, in: v))" }
            if !params.isEmpty { line += " (" + params.joined(separator: ", ") + ")" }
            line += " → " + (s("result") ?? "?").replacingUnderscores
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
            if s("result") == "revealed" { return "Revealed: \(t) is \(i("to").map(String.init) ?? "?")" }
            let from = i("from").map(String.init) ?? "?"
            let to = i("to").map(String.init) ?? "?"
            return "\(t): \(from) → \(to)" + (s("reason").map { "  (\($0))" } ?? "")
        case "event":
            return "Event: \(s("text") ?? s("event") ?? "?") (\(eventCause(s("result"))))"
        case "draw":
            return "Random event draw: 🎲 \(i("roll").map(String.init) ?? "?") vs \(i("chance").map(String.init) ?? "?")% → \(s("result") ?? "?")"
        case "deal":
            let note = s("text").flatMap { $0.isEmpty ? nil : " “\($0)”" } ?? ""
            return "Deal #\(i("deal") ?? 0) by \(team(s("team"))): \((s("result") ?? "?").replacingUnderscores)\(note)"
        case "adjustment":
            return "Instructor set \(target(s("target"))): \(i("from").map(String.init) ?? "?") → \(i("to").map(String.init) ?? "?") — \(s("reason") ?? "")"
        case "locked":
            return "\(team(s("team"))) locked in"
        case "outcome":
            let scores = (r["scores"]?.object ?? [:]).sorted { $0.key < $1.key }
                .map { "\(team($0.key)) \($0.value.display)" }.joined(separator: ", ")
            return "Outcome: \(s("outcome") ?? s("text") ?? "?")" + (scores.isEmpty ? "" : " — " + scores)
        case "hash":
            return "State hash \(s("hash").map { String($0.prefix(16)) } ?? "?")"
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
    public static func eventCause(_ result: String?) -> String {
        switch result {
        case "scripted": "scheduled by the scenario"
        case "triggered": "triggered by the situation"
        case "random": "by chance"
        case "injected": "fired by the instructor"
        default: result ?? ""
        }
    }

    static func paramName(_ value: JSON, in v: GameViewInfo) -> String {
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
