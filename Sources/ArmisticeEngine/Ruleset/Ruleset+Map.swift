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
