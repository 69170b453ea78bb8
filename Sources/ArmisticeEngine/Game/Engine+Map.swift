extension Engine {
    /// The map for a viewer: a place bound to something `sees` rejects (a mask of who may see it) is left out.
    /// A viewer who sees every place shares the engine's map (so comparing it with the last one sent is cheap).
    func mapInfo(in state: GameState, sees: (UInt32) -> Bool) -> GameView.MapInfo? {
        guard var map = mapView, let places = ruleset.map?.places else { return nil }
        func visible(_ place: Ruleset.Place) -> Bool {
            switch place.shows {
            case .track(let i): sees(state.trackVisibility[i])
            case .flag(let i): sees(ruleset.flags[i].visibility.mask)
            case .project(let i): sees(ruleset.projects[i].visibility.mask)
            case nil: true
            }
        }
        guard !places.allSatisfy(visible) else { return map }
        map.places = places.indices.filter { visible(places[$0]) }.map { map.places[$0] }
        return map
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
