extension Engine {
    /// The map for a viewer: a place bound to something the viewer may not see is left out.
    /// A viewer who sees every place shares the engine's map, and one who sees the places it saw at the start of a
    /// match shares the map built for it then (so comparing it with the last one sent is cheap). `mask`: the
    /// viewer's, as `view(of:for:)` has it (nil: the instructor).
    func mapInfo(in state: GameState, mask: UInt32?) -> GameView.MapInfo? {
        guard let map = mapView, let places = ruleset.map?.places else { return nil }
        let visible = places.map { Self.sees(Self.visibility(of: $0, ruleset, tracks: state.trackVisibility), mask: mask) }
        if !visible.contains(false) { return map }
        if let mask, let start = startMaps[mask], start.visible == visible { return start.map }
        return Self.map(map, keeping: visible)
    }

    /// Who may see a place (a mask of teams, `.max`: everyone): who may see what it shows. `tracks`: each track's
    /// visibility now.
    static func visibility(of place: Ruleset.Place, _ ruleset: Ruleset, tracks: [UInt32]) -> UInt32 {
        switch place.shows {
        case .track(let i): tracks[i]
        case .flag(let i): ruleset.flags[i].visibility.mask
        case .project(let i): ruleset.projects[i].visibility.mask
        case nil: .max
        }
    }

    /// `map` with only the places that `visible` keeps.
    static func map(_ map: GameView.MapInfo, keeping visible: [Bool]) -> GameView.MapInfo {
        var map = map
        map.places = map.places.indices.filter { visible[$0] }.map { map.places[$0] }
        return map
    }

    /// Per viewer mask (each team's, the observer's 0) whose map leaves out some place when a match starts: which
    /// places it sees then, and that map.
    static func startMaps(_ ruleset: Ruleset, _ map: GameView.MapInfo?) -> [UInt32: (visible: [Bool], map: GameView.MapInfo)] {
        guard let map, let places = ruleset.map?.places else { return [:] }
        var maps: [UInt32: (visible: [Bool], map: GameView.MapInfo)] = [:]
        let tracks = ruleset.tracks.map(\.visibility.mask)
        for mask in [0] + ruleset.teams.indices.map({ UInt32(1) << UInt32($0) }) {
            let visible = places.map { sees(visibility(of: $0, ruleset, tracks: tracks), mask: mask) }
            if visible.contains(false) { maps[mask] = (visible, Self.map(map, keeping: visible)) }
        }
        return maps
    }

    /// The map with every place in it, bound places with what they show.
    static func mapInfo(_ ruleset: Ruleset) -> GameView.MapInfo? {
        guard let map = ruleset.map else { return nil }
        let places = map.places.map { place -> GameView.PlaceInfo in
            var info = GameView.PlaceInfo(id: place.id, name: place.name, x: place.x, y: place.y, label: place.label, shows: nil, states: nil)
            switch place.shows {
            case .track(let i): info.shows = .init(kind: "track", id: ruleset.tracks[i].id)
            case .flag(let i): info.shows = .init(kind: "flag", id: ruleset.flags[i].id)
            case .project(let i): info.shows = .init(kind: "project", id: ruleset.projects[i].id)
            case nil: return info
            }
            info.states = place.states.isEmpty ? nil : place.states.map { GameView.PlaceStateInfo(value: $0.value, text: $0.text) }
            return info
        }
        return GameView.MapInfo(box: map.box, title: map.title, description: map.description,
                                shapes: map.shapes.map { GameView.ShapeInfo(id: $0.id, kind: $0.kind.rawValue, path: $0.path, label: $0.label) },
                                places: places)
    }
}
