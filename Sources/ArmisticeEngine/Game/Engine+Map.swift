extension Engine {
    /// The map for a viewer: a place bound to something `sees` rejects (a mask of who may see it) is left out.
    func mapInfo(in state: GameState, sees: (UInt32) -> Bool) -> GameView.MapInfo? {
        guard let map = ruleset.map else { return nil }
        let places = map.places.compactMap { place -> GameView.PlaceInfo? in
            var info = GameView.PlaceInfo(id: place.id, name: place.name, x: place.x, y: place.y, label: place.label, shows: nil, states: nil)
            let binding: GameView.PlaceBinding?
            switch place.shows {
            case .track(let i): binding = sees(state.trackVisibility[i]) ? .init(kind: "track", id: ruleset.tracks[i].id) : nil
            case .flag(let i): binding = sees(ruleset.flags[i].visibility.mask) ? .init(kind: "flag", id: ruleset.flags[i].id) : nil
            case .project(let i): binding = sees(ruleset.projects[i].visibility.mask) ? .init(kind: "project", id: ruleset.projects[i].id) : nil
            case nil: return info
            }
            guard let binding else { return nil }
            info.shows = binding
            info.states = place.states.isEmpty ? nil : place.states.map { GameView.PlaceStateInfo(value: $0.value, text: $0.text) }
            return info
        }
        return GameView.MapInfo(box: map.box, title: map.title, description: map.description,
                                shapes: map.shapes.map { GameView.ShapeInfo(id: $0.id, kind: $0.kind.rawValue, path: $0.path, label: $0.label) },
                                places: places)
    }
}
