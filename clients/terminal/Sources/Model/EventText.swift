import ArmisticeWire
import ArmisticeLocale

/// A scenario event as the instructor's view lists it, with what firing it will do (`effects`), when it fires by
/// itself (`condition`) and its news: read before `:event ID`.
public struct EventPreview: Sendable, Equatable {
    public var id, name, kind: String
    public var fired: Int
    public var effects: [String]
    public var condition, news: String?

    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; name = TerminalText.sanitize(j["name"]?.string ?? id); kind = j["kind"]?.string ?? ""
        fired = j["fired"]?.int ?? 0
        effects = j["effects"]?.array.compactMap(\.string).map { TerminalText.sanitize($0) } ?? []
        condition = j["condition"]?.string.map { TerminalText.sanitize($0) }
        news = j["news"]?.string.map { TerminalText.sanitize($0) }
    }

    /// The lines the control pane shows for it, in the catalog's language.
    public func lines(_ t: Catalog) -> [String] {
        var result = [fired > 0 ? t.text("terminal.event.fired", ["name": name, "id": id, "count": String(fired)])
                                : t.text("terminal.event.title", ["name": name, "id": id])]
        result.append(t.text("terminal.event.does", ["effects": effects.isEmpty ? t.text("terminal.event.no_effects") : effects.joined(separator: "; ")]))
        if let condition { result.append(t.text("terminal.event.condition", ["condition": condition])) }
        if let news { result.append(t.text("terminal.event.news", ["news": news])) }
        return result
    }
}
