/// A scenario's map (`map:`): the outline its author drew and the places on it, each showing one track, flag or project.
/// Clients draw it; the engine only checks it and hands each viewer the part that viewer may see.
extension Ruleset {
    public struct Map: Sendable, Hashable {
        /// The coordinate box `[x, y, width, height]` every shape and place is drawn in (an SVG viewBox).
        public var box: [Double]
        public var title: String
        public var description: String
        public var shapes: [Shape]
        public var places: [Place]
    }

    /// An outline, written as SVG path data by the scenario's author.
    public struct MapShape: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable { case land, neighbour, sea, line, route }
        public var id: String
        public var kind: Kind
        public var path: String
        public var label: String?
    }

    /// A named point, and what it shows.
    public struct Place: Sendable, Hashable {
        public enum Shows: Sendable, Hashable { case track(Int), flag(Int), project(Int) }
        public var id: String
        public var name: String
        public var x: Double
        public var y: Double
        public var shows: Shows?
        /// Where its name goes beside its point: `left`, `right` (the default), `above` or `below`.
        public var label: String
        /// Wording per state: a track value (the text holds from that value up), `true`/`false` for a flag, or a
        /// project's status id. States with no wording show the track's level, yes/no, or the status name.
        public var states: [PlaceState]
    }

    public struct PlaceState: Sendable, Hashable {
        public var value: String
        public var text: String
    }
}

extension Ruleset.Map {
    public typealias Shape = Ruleset.MapShape
}

extension Ruleset.Map {
    /// The same map with every shown text put through `t` (a language's translation), for `Ruleset.localized(to:)`.
    func localized(_ t: (String) -> String) -> Ruleset.Map {
        var m = self
        m.title = t(title)
        m.description = t(description)
        m.shapes = shapes.map { var x = $0; x.label = x.label.map(t); return x }
        m.places = places.map { p in
            var x = p
            x.name = t(p.name)
            // A project's state is named by its status, which the view shows translated too.
            var isProject = false
            if case .project = p.shows { isProject = true }
            x.states = p.states.map { Ruleset.PlaceState(value: isProject ? t($0.value) : $0.value, text: t($0.text)) }
            return x
        }
        return m
    }
}
