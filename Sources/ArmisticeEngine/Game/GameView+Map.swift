extension GameView {
    /// The scenario's map as one viewer may see it: the same for every viewer except that a place whose track, flag
    /// or project this viewer may not see is not in it at all.
    public struct MapInfo: Sendable, Hashable, Codable {
        /// `[x, y, width, height]`: the SVG viewBox the shapes and places are drawn in.
        public var box: [Double]
        public var title: String
        public var description: String
        public var shapes: [ShapeInfo]
        public var places: [PlaceInfo]
    }
    public struct ShapeInfo: Sendable, Hashable, Codable {
        public var id: String
        /// `land`, `neighbour` (land beyond the scenario), `sea`, `line` (a border such as the DMZ) or `route` (a road or railway).
        public var kind: String
        /// SVG path data.
        public var path: String
        public var label: String?
    }
    public struct PlaceInfo: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var x: Double
        public var y: Double
        /// Where its name goes beside its point: `left`, `right`, `above` or `below`.
        public var label: String
        /// What the place shows: `{kind: "track"|"flag"|"project", id}`; its value is in `tracks`, `flags` or `projects`.
        public var shows: PlaceBinding?
        /// The scenario's words for states: `value` is a track value (the words hold from it up), "true"/"false"
        /// for a flag, or a project's status.
        public var states: [PlaceStateInfo]?
    }
    public struct PlaceBinding: Sendable, Hashable, Codable {
        public var kind: String
        public var id: String
    }
    public struct PlaceStateInfo: Sendable, Hashable, Codable {
        public var value: String
        public var text: String
    }
}
