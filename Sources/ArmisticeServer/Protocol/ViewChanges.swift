import ArmisticeEngine

/// What changed in a view since the one an audience was last sent (armistice.v2, docs/protocol.md):
/// - `changes`: top-level fields with their new value (null: the field is now absent);
/// - `patches`: for a list field whose length stayed the same, only its elements that changed, by index, and in
///   each only the properties that changed (null: the property is now absent).
/// `records` is never in either: updates carry their new records beside them.
struct ViewChanges {
    /// What the audience holds (nil: nothing yet, so every field is in `changes`).
    let old: GameView?
    let new: GameView

    /// The list fields that go in `patches` this time.
    private(set) var patched: Set<ViewField> = []

    init(old: GameView?, new: GameView) {
        self.old = old
        self.new = new
        guard let old else { return }
        func check<T>(_ field: ViewField, _ path: KeyPath<GameView, [T]>) where T: Equatable {
            let a = old[keyPath: path], b = new[keyPath: path]
            if a.count == b.count, a != b { patched.insert(field) }
        }
        func check<T>(_ field: ViewField, _ path: KeyPath<GameView, [T]?>) where T: Equatable {
            if let a = old[keyPath: path], let b = new[keyPath: path], a.count == b.count, a != b { patched.insert(field) }
        }
        check(.teams, \.teams)
        check(.tracks, \.tracks)
        check(.flags, \.flags)
        check(.projects, \.projects)
        check(.actions, \.actions)
        check(.consents, \.consents)
        check(.objectives, \.objectives)
        check(.events, \.events)
    }

    var changes: Fields { Fields(diff: self) }
    var patches: Elements? { patched.isEmpty ? nil : Elements(diff: self) }

    /// `changes`.
    struct Fields: Encodable {
        let diff: ViewChanges

        func encode(to encoder: Encoder) throws {
            var d = PropertyDiff(old: diff.old, new: diff.new, container: encoder.container(keyedBy: ViewField.self))
            try d.put(.viewer, \.viewer)
            try d.put(.ruleset, \.ruleset)
            try d.put(.title, \.title)
            try d.put(.turn, \.turn)
            try d.put(.turns, \.turns)
            try d.put(.date, \.date)
            try d.put(.phase, \.phase)
            if !diff.patched.contains(.teams) { try d.put(.teams, \.teams) }
            if !diff.patched.contains(.tracks) { try d.put(.tracks, \.tracks) }
            if !diff.patched.contains(.flags) { try d.put(.flags, \.flags) }
            if !diff.patched.contains(.projects) { try d.put(.projects, \.projects) }
            try d.put(.orders, \.orders)
            try d.put(.spent, \.spent)
            if !diff.patched.contains(.actions) { try d.put(.actions, \.actions) }
            if !diff.patched.contains(.consents) { try d.put(.consents, \.consents) }
            try d.put(.catalog, \.catalog)
            if !diff.patched.contains(.events) { try d.put(.events, \.events) }
            try d.put(.deals, \.deals)
            if !diff.patched.contains(.objectives) { try d.put(.objectives, \.objectives) }
            try d.put(.outcome, \.outcome)
        }
    }

    /// `patches`: `{FIELD: {INDEX: {PROPERTY: value}}}`.
    struct Elements: Encodable {
        let diff: ViewChanges

        func encode(to encoder: Encoder) throws {
            guard let old = diff.old else { return }
            var c = encoder.container(keyedBy: ViewField.self)
            func put<T: PatchableElement>(_ field: ViewField, _ a: [T]?, _ b: [T]?) throws {
                guard diff.patched.contains(field), let a, let b else { return }
                var list = c.nestedContainer(keyedBy: IndexKey.self, forKey: field)
                for i in b.indices where a[i] != b[i] {
                    try list.encode(ElementChanges(old: a[i], new: b[i]), forKey: IndexKey(i))
                }
            }
            try put(.teams, old.teams, diff.new.teams)
            try put(.tracks, old.tracks, diff.new.tracks)
            try put(.flags, old.flags, diff.new.flags)
            try put(.projects, old.projects, diff.new.projects)
            try put(.actions, old.actions, diff.new.actions)
            try put(.consents, old.consents, diff.new.consents)
            try put(.objectives, old.objectives, diff.new.objectives)
            try put(.events, old.events, diff.new.events)
        }
    }
}

/// The view's top-level fields, as they are named on the wire (the encoder writes them in snake_case).
enum ViewField: String, CodingKey, Hashable {
    case viewer, ruleset, title, turn, turns, date, phase, teams, tracks, flags, projects, orders, spent, actions,
         consents, catalog, events, deals, objectives, outcome
}

struct IndexKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(_ index: Int) { stringValue = String(index) }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

/// Writes the properties of `new` that differ from `old` (all of them, if there is no `old`); a property that
/// became nil is written as null.
struct PropertyDiff<T, Key: CodingKey> {
    let old: T?
    let new: T
    var container: KeyedEncodingContainer<Key>

    mutating func put<V: Encodable & Equatable>(_ key: Key, _ path: KeyPath<T, V>) throws {
        let value = new[keyPath: path]
        if old?[keyPath: path] != value { try container.encode(value, forKey: key) }
    }

    mutating func put<V: Encodable & Equatable>(_ key: Key, _ path: KeyPath<T, V?>) throws {
        let value = new[keyPath: path]
        guard let old else {
            if let value { try container.encode(value, forKey: key) }
            return
        }
        guard old[keyPath: path] != value else { return }
        if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
    }
}

/// An element of a view list that can be sent as the properties that changed.
protocol PatchableElement: Equatable {
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws
}

struct ElementChanges<T: PatchableElement>: Encodable {
    let old: T
    let new: T
    func encode(to encoder: Encoder) throws { try T.encodeChanges(from: old, to: new, into: encoder) }
}

extension GameView.TeamInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, name, colour, locked, brief, budget }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.name, \.name); try d.put(.colour, \.colour); try d.put(.locked, \.locked)
        try d.put(.brief, \.brief); try d.put(.budget, \.budget)
    }
}

extension GameView.TrackInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, name, description, value, min, max, level, hiddenFrom }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.name, \.name); try d.put(.description, \.description); try d.put(.value, \.value)
        try d.put(.min, \.min); try d.put(.max, \.max); try d.put(.level, \.level); try d.put(.hiddenFrom, \.hiddenFrom)
    }
}

extension GameView.FlagInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, name, value }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.name, \.name); try d.put(.value, \.value)
    }
}

extension GameView.ProjectInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, name, status, index, statuses }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.name, \.name); try d.put(.status, \.status); try d.put(.index, \.index)
        try d.put(.statuses, \.statuses)
    }
}

extension GameView.ActionInfo: PatchableElement {
    enum Keys: String, CodingKey {
        case id, team, name, description, cost, covert, params, chance, consentFrom, consentRule, available, reason, checkedOnResolution
    }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.team, \.team); try d.put(.name, \.name); try d.put(.description, \.description)
        try d.put(.cost, \.cost); try d.put(.covert, \.covert); try d.put(.params, \.params); try d.put(.chance, \.chance)
        try d.put(.consentFrom, \.consentFrom); try d.put(.consentRule, \.consentRule); try d.put(.available, \.available)
        try d.put(.reason, \.reason); try d.put(.checkedOnResolution, \.checkedOnResolution)
    }
}

extension GameView.ConsentInfo: PatchableElement {
    enum Keys: String, CodingKey { case action, name, teams, rule, decision }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.action, \.action); try d.put(.name, \.name); try d.put(.teams, \.teams); try d.put(.rule, \.rule)
        try d.put(.decision, \.decision)
    }
}

extension GameView.ObjectiveInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, team, text, points, met }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.team, \.team); try d.put(.text, \.text); try d.put(.points, \.points)
        try d.put(.met, \.met)
    }
}

extension GameView.EventInfo: PatchableElement {
    enum Keys: String, CodingKey { case id, name, kind, fired }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = PropertyDiff(old: old, new: new, container: encoder.container(keyedBy: Keys.self))
        try d.put(.id, \.id); try d.put(.name, \.name); try d.put(.kind, \.kind); try d.put(.fired, \.fired)
    }
}
