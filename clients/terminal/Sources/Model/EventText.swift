/// A scenario event as the instructor's view lists it, with what firing it will do (`effects`), when it fires by
/// itself (`condition`) and its news: read before `:event ID`.
public struct EventPreview: Sendable, Equatable {
    public var id, name, kind: String
    public var fired: Int
    public var effects: [String]
    public var condition, news: String?

    init(_ j: JSON) {
        id = j["id"]?.string ?? "?"; name = TerminalText.sanitize(j["name"]?.string ?? id); kind = j["kind"]?.string ?? ""
        fired = j["fired"]?.int ?? 0
        effects = j["effects"]?.array.compactMap(\.string).map { TerminalText.sanitize($0) } ?? []
        condition = j["condition"]?.string.map { TerminalText.sanitize($0) }
        news = j["news"]?.string.map { TerminalText.sanitize($0) }
    }

    /// The lines the control pane shows for it.
    public var lines: [String] {
        var result = ["\(name) — :event \(id)\(fired > 0 ? " (fired \(fired)×)" : "")"]
        result.append("does: " + (effects.isEmpty ? "changes no track, flag or project" : effects.joined(separator: "; ")))
        if let condition { result.append("by itself only when \(condition)") }
        if let news { result.append("news: “\(news)”") }
        return result
    }
}
