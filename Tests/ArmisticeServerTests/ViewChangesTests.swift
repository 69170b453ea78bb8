import ArmisticeEngine
import Foundation
import Testing
@testable import ArmisticeServer

/// The view diff as it was written before the field tables (through Codable, one conformance per element type), kept
/// here as the reference the table-driven `ViewChanges` must match byte for byte.

/// What changed in a view since the one an audience was last sent (armistice.v2, docs/protocol.md):
/// - `changes`: top-level fields with their new value (null: the field is now absent);
/// - `patches`: for a list field whose length stayed the same, only its elements that changed, by index, and in
///   each only the properties that changed (null: the property is now absent).
/// `records` is never in either: updates carry their new records beside them.
struct OldViewChanges {
    /// What the audience holds (nil: nothing yet, so every field is in `changes`).
    let old: GameView?
    let new: GameView

    /// The list fields that go in `patches` this time.
    private(set) var patched: Set<OldViewField> = []

    init(old: GameView?, new: GameView) {
        self.old = old
        self.new = new
        guard let old else { return }
        func check<T>(_ field: OldViewField, _ path: KeyPath<GameView, [T]>) where T: Equatable {
            let a = old[keyPath: path], b = new[keyPath: path]
            if a.count == b.count, a != b { patched.insert(field) }
        }
        func check<T>(_ field: OldViewField, _ path: KeyPath<GameView, [T]?>) where T: Equatable {
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
        let diff: OldViewChanges

        func encode(to encoder: Encoder) throws {
            var d = OldPropertyDiff(old: diff.old, new: diff.new, container: encoder.container(keyedBy: OldViewField.self))
            try d.put(.viewer) { $0.viewer }
            try d.put(.ruleset) { $0.ruleset }
            try d.put(.title) { $0.title }
            try d.put(.turn) { $0.turn }
            try d.put(.turns) { $0.turns }
            try d.put(.date) { $0.date }
            try d.put(.phase) { $0.phase }
            if !diff.patched.contains(.teams) { try d.put(.teams) { $0.teams } }
            if !diff.patched.contains(.tracks) { try d.put(.tracks) { $0.tracks } }
            if !diff.patched.contains(.flags) { try d.put(.flags) { $0.flags } }
            if !diff.patched.contains(.projects) { try d.put(.projects) { $0.projects } }
            try d.put(.orders) { $0.orders }
            try d.put(.spent) { $0.spent }
            if !diff.patched.contains(.actions) { try d.put(.actions) { $0.actions } }
            if !diff.patched.contains(.consents) { try d.put(.consents) { $0.consents } }
            try d.put(.catalog) { $0.catalog }
            if !diff.patched.contains(.events) { try d.put(.events) { $0.events } }
            try d.put(.deals) { $0.deals }
            if !diff.patched.contains(.objectives) { try d.put(.objectives) { $0.objectives } }
            try d.put(.outcome) { $0.outcome }
            try d.put(.map) { $0.map }
        }
    }

    /// `patches`: `{FIELD: {INDEX: {PROPERTY: value}}}`.
    struct Elements: Encodable {
        let diff: OldViewChanges

        func encode(to encoder: Encoder) throws {
            guard let old = diff.old else { return }
            var c = encoder.container(keyedBy: OldViewField.self)
            func put<T: OldPatchableElement>(_ field: OldViewField, _ a: [T]?, _ b: [T]?) throws {
                guard diff.patched.contains(field), let a, let b else { return }
                var list = c.nestedContainer(keyedBy: OldIndexKey.self, forKey: field)
                for i in b.indices where a[i] != b[i] {
                    try list.encode(OldElementChanges(old: a[i], new: b[i]), forKey: OldIndexKey(i))
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
enum OldViewField: String, CodingKey, Hashable {
    case viewer, ruleset, title, turn, turns, date, phase, teams, tracks, flags, projects, orders, spent, actions,
         consents, catalog, events, deals, objectives, outcome, map
}

struct OldIndexKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(_ index: Int) { stringValue = String(index) }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

/// Writes the properties of `new` that differ from `old` (all of them, if there is no `old`); a property that
/// became nil is written as null.
struct OldPropertyDiff<T, Key: CodingKey> {
    let old: T?
    let new: T
    var container: KeyedEncodingContainer<Key>

    @inline(__always)
    mutating func put<V: Encodable & Equatable>(_ key: Key, _ field: (T) -> V) throws {
        let value = field(new)
        if old.map(field) != value { try container.encode(value, forKey: key) }
    }

    @inline(__always)
    mutating func put<V: Encodable & Equatable>(_ key: Key, _ field: (T) -> V?) throws {
        let value = field(new)
        guard let old else {
            if let value { try container.encode(value, forKey: key) }
            return
        }
        guard field(old) != value else { return }
        if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
    }
}

/// An element of a view list that can be sent as the properties that changed.
protocol OldPatchableElement: Equatable {
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws
}

struct OldElementChanges<T: OldPatchableElement>: Encodable {
    let old: T
    let new: T
    func encode(to encoder: Encoder) throws { try T.encodeChanges(from: old, to: new, into: encoder) }
}

extension GameView.TeamInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, name, colour, locked, brief, budget }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.name) { $0.name }; try d.put(.colour) { $0.colour }; try d.put(.locked) { $0.locked }
        try d.put(.brief) { $0.brief }; try d.put(.budget) { $0.budget }
    }
}

extension GameView.TrackInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, name, description, value, min, max, level, hiddenFrom }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.name) { $0.name }; try d.put(.description) { $0.description }; try d.put(.value) { $0.value }
        try d.put(.min) { $0.min }; try d.put(.max) { $0.max }; try d.put(.level) { $0.level }; try d.put(.hiddenFrom) { $0.hiddenFrom }
    }
}

extension GameView.FlagInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, name, value }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.name) { $0.name }; try d.put(.value) { $0.value }
    }
}

extension GameView.ProjectInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, name, status, index, statuses }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.name) { $0.name }; try d.put(.status) { $0.status }; try d.put(.index) { $0.index }
        try d.put(.statuses) { $0.statuses }
    }
}

extension GameView.ActionInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey {
        case id, team, name, description, cost, covert, repeatable, params, chance, consentFrom, consentRule, available, reason, reasonCode,
             requirement, checkedOnResolution
    }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.team) { $0.team }; try d.put(.name) { $0.name }; try d.put(.description) { $0.description }
        try d.put(.cost) { $0.cost }; try d.put(.covert) { $0.covert }; try d.put(.repeatable) { $0.repeatable }; try d.put(.params) { $0.params }
        try d.put(.chance) { $0.chance }
        try d.put(.consentFrom) { $0.consentFrom }; try d.put(.consentRule) { $0.consentRule }; try d.put(.available) { $0.available }
        try d.put(.reason) { $0.reason }; try d.put(.reasonCode) { $0.reasonCode }; try d.put(.requirement) { $0.requirement }
        try d.put(.checkedOnResolution) { $0.checkedOnResolution }
    }
}

extension GameView.ConsentInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case action, name, teams, rule, decision }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.action) { $0.action }; try d.put(.name) { $0.name }; try d.put(.teams) { $0.teams }; try d.put(.rule) { $0.rule }
        try d.put(.decision) { $0.decision }
    }
}

extension GameView.ObjectiveInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, team, text, points, met }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.team) { $0.team }; try d.put(.text) { $0.text }; try d.put(.points) { $0.points }
        try d.put(.met) { $0.met }
    }
}

extension GameView.EventInfo: OldPatchableElement {
    enum OldKeys: String, CodingKey { case id, name, kind, fired, effects, condition, news }
    static func encodeChanges(from old: Self, to new: Self, into encoder: Encoder) throws {
        var d = OldPropertyDiff(old: old, new: new, container: encoder.container(keyedBy: OldKeys.self))
        try d.put(.id) { $0.id }; try d.put(.name) { $0.name }; try d.put(.kind) { $0.kind }; try d.put(.fired) { $0.fired }
        try d.put(.effects) { $0.effects }; try d.put(.condition) { $0.condition }; try d.put(.news) { $0.news }
    }
}

@Suite struct ViewChangesTests {
    /// `ViewChanges` writes what the Codable diff wrote, byte for byte, for every audience's view at every step of
    /// whole matches: drafts, locks, adjudications, events, the end and its outcome.
    @Test func theTableDiffWritesWhatTheCodableDiffWrote() throws {
        let encoder = StreamingJSONEncoder()
        var pairs = 0
        for turns in [2, 3] {
            let c = Classroom(turns: turns)
            let room = c.h.room
            let viewers: [Viewer] = [.instructor, .observer, .team(0), .team(1), .team(2), .team(3)]
            var last: [GameView?] = viewers.map { _ in nil }
            func compare() throws {
                for (v, viewer) in viewers.enumerated() {
                    var view = room.engine.view(of: room.state, for: viewer)
                    view.records = []
                    let diff = OldViewChanges(old: last[v], new: view)
                    var expected = Array(#","changes":"#.utf8) + (try encoder.encode(diff.changes))
                    if let patches = diff.patches { expected += Array(#","patches":"#.utf8) + (try encoder.encode(patches)) }
                    let json = StreamingJSONEncoder()
                    try ViewChanges(from: last[v], to: view).write(from: last[v], to: view, into: json)
                    #expect(json.bytes == expected, "\(viewer) turn \(room.state.turn) \(room.state.phase)")
                    last[v] = view
                    pairs += 1
                }
            }
            try compare()
            c.start()
            try compare()
            var guardCount = 0
            while room.state.phase != .ended, guardCount < 60 {
                guardCount += 1
                if room.state.phase == .orders {
                    for (t, team) in ["dprk", "rok", "usa", "un"].enumerated() {
                        let action = ["missile_test", "fund_aid", "press_seoul", "food_aid"][t]
                        c.h.send(c.member(team).client, ["type": "set_orders", "orders": [["action": action]]])
                        try compare()
                        c.h.send(c.member(team, 1).client, ["type": "lock"])
                        try compare()
                        if room.state.phase != .orders { break }
                    }
                } else {
                    c.h.send(c.instructor.client, ["type": "skip"])
                    try compare()
                }
            }
            #expect(room.state.phase == .ended)
        }
        #expect(pairs > 100)
    }
}
