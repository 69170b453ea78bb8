import ArmisticeEngine
import ArmisticeLocale
import ArmisticeWire

/// Records in words for this seat, through the one renderer the report also uses (`ArmisticeEngine.RecordText`), with
/// the names this seat's view carries; and the names the panes show beside them. Every string from the server is
/// sanitized here, so callers may print the result as it is.
public enum RecordWords {
    /// One line for a record: what happened, with its detail (dice, causes, notes) in brackets.
    public static func describe(_ r: RecordInfo, in state: ClientState) -> String {
        guard let record = r.record else {
            return TerminalText.sanitize("\(r.kind): " + (r["text"]?.string ?? ""))
        }
        let words = RecordText(names: ViewNames(state.view, records: state.records), language: state.t.language)
        // The outcome's scores ranked, as on the Board (the shared renderer lists them by id): its detail is rebuilt
        // here from the line without them.
        if record.kind == .outcome, let scores = record.scores, !scores.isEmpty {
            var bare = record
            bare.scores = nil
            var line = words.line(bare)
            let ranked = state.view.rankedScores(scores).map { "\(TerminalText.sanitize(state.view.teamName($0.team))) \($0.score)" }.joined(separator: ", ")
            line.detail = line.detail.isEmpty ? ranked : line.detail + " · " + ranked
            return TerminalText.sanitize(line.sentence(labelled: true))
        }
        return TerminalText.sanitize(words.sentence(record))
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

/// What the records renderer asks of a seat's names beyond `ViewNames` itself: a project's stages and a parameter's
/// label, as the view carries them (in the reader's language), so a record reads "착공 → 공사 중", not "2 → 3", and
/// "(지원 규모: 2)", not "(amount: 2)".
extension ViewNames {
    public func stageName(_ project: String, at index: Int) -> String? {
        guard let p = view.projects.first(where: { $0.id == project }), p.statuses.indices.contains(index) else { return nil }
        return p.statuses[index].replacingUnderscores
    }

    public func parameterName(_ parameter: String, of action: String) -> String? {
        let params = view.action(action)?.params ?? view.catalog.first { $0.id == action }?.params ?? []
        return params.first { $0.id == parameter }?.label
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
