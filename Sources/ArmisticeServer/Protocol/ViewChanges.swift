import ArmisticeEngine

/// The top-level fields of a view that differ from the view an audience was last sent (armistice.v2 `update.changes`):
/// each present key replaces the client's copy of that field; a key set to null means the field is now absent.
/// `records` is never in it: updates carry their new records beside it.
struct ViewChanges: Encodable {
    /// What the audience holds (nil: nothing yet, so every field is sent).
    let old: GameView?
    let new: GameView

    enum CodingKeys: String, CodingKey {
        case viewer, ruleset, title, turn, turns, date, phase, teams, tracks, flags, projects, orders, spent, actions,
             consents, catalog, events, deals, objectives, outcome
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func put<T: Encodable & Equatable>(_ key: CodingKeys, _ field: KeyPath<GameView, T>) throws {
            let value = new[keyPath: field]
            if old?[keyPath: field] != value { try c.encode(value, forKey: key) }
        }
        func put<T: Encodable & Equatable>(_ key: CodingKeys, _ field: KeyPath<GameView, T?>) throws {
            let value = new[keyPath: field]
            guard let old, old[keyPath: field] == value else {
                if let value { try c.encode(value, forKey: key) } else if old != nil { try c.encodeNil(forKey: key) }
                return
            }
        }
        try put(.viewer, \.viewer)
        try put(.ruleset, \.ruleset)
        try put(.title, \.title)
        try put(.turn, \.turn)
        try put(.turns, \.turns)
        try put(.date, \.date)
        try put(.phase, \.phase)
        try put(.teams, \.teams)
        try put(.tracks, \.tracks)
        try put(.flags, \.flags)
        try put(.projects, \.projects)
        try put(.orders, \.orders)
        try put(.spent, \.spent)
        try put(.actions, \.actions)
        try put(.consents, \.consents)
        try put(.catalog, \.catalog)
        try put(.events, \.events)
        try put(.deals, \.deals)
        try put(.objectives, \.objectives)
        try put(.outcome, \.outcome)
    }
}
