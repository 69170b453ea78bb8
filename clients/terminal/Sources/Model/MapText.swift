import ArmisticeWire
import ArmisticeLocale

/// The scenario's map as the terminal shows it: one line per place that shows something, in the scenario's words,
/// with what changed over the last turn that had results ("Yongbyon ▸ under inspection (was: declared)").
public struct MapText: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var id, name: String
        /// "track", "flag" or "project", and its id; nil for a landmark.
        public var kind, target: String?
        /// The scenario's words: for a track the lowest value they hold for, for a flag "true"/"false", for a project a status.
        public var states: [(value: String, text: String)]
        public static func == (a: Place, b: Place) -> Bool {
            a.id == b.id && a.name == b.name && a.kind == b.kind && a.target == b.target
                && a.states.map(\.value) == b.states.map(\.value) && a.states.map(\.text) == b.states.map(\.text)
        }
    }
    public var title: String
    public var places: [Place]

    init?(_ j: JSONValue?) {
        guard let j, !j.isNull else { return nil }
        title = TerminalText.sanitize(j["title"]?.string ?? "")
        places = j["places"]?.array.map { p in
            Place(id: p["id"]?.string ?? "?", name: TerminalText.sanitize(p["name"]?.string ?? "?"),
                  kind: p["shows"]?["kind"]?.string, target: p["shows"]?["id"]?.string,
                  states: p["states"]?.array.map { (value: $0["value"]?.string ?? "", text: TerminalText.sanitize($0["text"]?.string ?? "")) } ?? [])
        } ?? []
    }

    /// The words for a place's state: now (`value` nil) or at a past value (a track value, 0/1, a project index).
    public static func words(_ place: Place, in view: GameViewInfo, value: Int? = nil, t: Catalog) -> String? {
        switch place.kind {
        case "track":
            guard let t = view.tracks.first(where: { $0.id == place.target }) else { return nil }
            let v = value ?? t.value
            if let best = place.states.compactMap({ s in Int(s.value).map { ($0, s.text) } }).filter({ $0.0 <= v }).max(by: { $0.0 < $1.0 }) {
                return best.1
            }
            return value == nil ? (t.level.map { TerminalText.sanitize($0) } ?? "\(v)/\(t.max)") : "\(v)/\(t.max)"
        case "flag":
            guard let f = view.flags.first(where: { $0.id == place.target }) else { return nil }
            let on = value.map { $0 != 0 } ?? f.value
            return place.states.first { $0.value == String(on) }?.text ?? t.text(on ? "terminal.map.yes" : "terminal.map.no")
        case "project":
            guard let p = view.projects.first(where: { $0.id == place.target }) else { return nil }
            let i = value ?? p.index
            let status = p.statuses.indices.contains(i) ? p.statuses[i] : p.status
            return place.states.first { $0.value == status }?.text ?? status.replacingUnderscores
        default:
            return nil
        }
    }

    /// "Name ▸ words" or "Name ▸ words (was: old words)", for every place that shows something this seat may see.
    public func lines(view: GameViewInfo, records: [RecordInfo], t: Catalog) -> [(text: String, changed: Bool)] {
        let changes = TurnSummary.turns(records).first.map { TurnSummary(turn: $0, records: records, team: nil).changes } ?? []
        return places.compactMap { place in
            guard let now = Self.words(place, in: view, t: t) else { return nil }
            var text = "\(place.name) ▸ \(now)"
            var changed = false
            if let c = changes.first(where: { $0.target == place.target }), c.from != c.to {
                changed = true
                let was = Self.words(place, in: view, value: c.from, t: t) ?? ""
                text = was != now ? t.text("terminal.map.was", ["place": text, "was": was])
                    : t.text("terminal.map.moved", ["place": text, "from": String(c.from), "to": String(c.to)])
            }
            return (text, changed)
        }
    }
}
