import ArmisticeLocale
import ArmisticeEngine
import Foundation
import Synchronization

/// A team as the public endpoints describe it.
public struct TeamSummary: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var colour: String

    init(_ team: Ruleset.Team) {
        id = team.id
        name = team.name
        colour = team.colour
    }
}

/// One scenario the server can open, for `GET /api/rulesets`.
public struct RulesetSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var summary: String
    public var version: String
    public var turns: Int
    /// Default seconds per timed phase.
    public var phases: [String: Int]
    public var teams: [TeamSummary]
    /// The variants an instructor may choose in `create_room`, each with its own default turns.
    public var variants: [VariantSummary]
    /// The languages the scenario is written in (`en` first).
    public var languages: [String]
    /// Per language other than English that the file declares: the same title, summary, team names and variants in
    /// it (English where the file has no translation).
    public var localized: [String: Localized]?

    /// A scenario's shown texts in one language.
    public struct Localized: Sendable, Hashable, Codable {
        public var title: String
        public var summary: String
        /// Team id → name.
        public var teams: [String: String]
        /// Variant id → name and description.
        public var variants: [String: VariantText]
    }
    public struct VariantText: Sendable, Hashable, Codable {
        public var name: String
        public var description: String
    }

    /// One variant of a scenario, with the defaults a room of it starts from (a create-room form shows them).
    public struct VariantSummary: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var description: String
        public var turns: Int
        /// Default seconds per timed phase under this variant, as the scenario's own `phases`.
        public var phases: [String: Int]
    }

    init(_ ruleset: Ruleset, variants loaded: [String: Ruleset] = [:]) {
        id = ruleset.id
        title = ruleset.title
        summary = ruleset.summary
        version = ruleset.version
        turns = ruleset.calendar.turns
        phases = Self.phaseSeconds(ruleset)
        teams = ruleset.teams.map(TeamSummary.init)
        variants = ruleset.variants.map {
            let rules = loaded[$0.id] ?? ruleset
            return VariantSummary(id: $0.id, name: $0.name, description: $0.description, turns: rules.calendar.turns,
                                  phases: Self.phaseSeconds(rules))
        }
        languages = ruleset.languages
        let others = ruleset.languages.filter { $0 != "en" }
        localized = others.isEmpty ? nil : Dictionary(uniqueKeysWithValues: others.map { language in
            let l = ruleset.localized(to: language)
            return (language, Localized(title: l.title, summary: l.summary,
                                        teams: Dictionary(uniqueKeysWithValues: l.teams.map { ($0.id, $0.name) }),
                                        variants: Dictionary(uniqueKeysWithValues: l.variants.map { ($0.id, VariantText(name: $0.name, description: $0.description)) })))
        })
    }

    /// A ruleset's default seconds per timed phase, by phase name.
    private static func phaseSeconds(_ ruleset: Ruleset) -> [String: Int] {
        var phases: [String: Int] = [:]
        for phase in Phase.turnPhases { phases[phase.rawValue] = ruleset.phaseDurations[phase] ?? 60 }
        return phases
    }
}

extension RulesetCatalog {
    /// Every scenario, sorted by id.
    public var summaries: [RulesetSummary] { ids.compactMap { self[$0].map { RulesetSummary($0.ruleset, variants: $0.variants) } } }
}

/// What anyone holding a room's code may learn before joining, for `GET /api/rooms/CODE`.
public struct RoomSummary: Sendable, Hashable, Codable {
    public var room: String
    public var title: String
    public var ruleset: String
    public var phase: String
    public var turn: Int
    public var teams: [TeamSummary]
    /// A nickname-only room: the join form asks for a one-word nickname (absent otherwise).
    public var nicknames: Bool?
    /// `closed` while the instructor has closed the room to new students (`set_joining`), so a join form can say so
    /// before anyone types a name; absent while it is open.
    public var joining: String?
    /// The title and team names in each other language the scenario declares (absent for an English-only one), so a
    /// join form offers the teams in its reader's language.
    public var localized: [String: Localized]?

    public struct Localized: Sendable, Hashable, Codable {
        public var title: String
        /// Team id → name.
        public var teams: [String: String]
    }

    init(_ room: Room) {
        self.room = room.code
        title = room.engine.ruleset.title
        ruleset = room.settings.ruleset
        phase = room.state.phase.rawValue
        turn = room.state.turn
        teams = room.engine.ruleset.teams.map(TeamSummary.init)
        nicknames = room.settings.nicknames
        joining = room.joiningClosed ? "closed" : nil
        let others = room.engine.ruleset.languages.compactMap { Language(rawValue: $0) }.filter { $0 != .en }
        localized = others.isEmpty ? nil : Dictionary(uniqueKeysWithValues: others.map { language in
            let ruleset = room.localizer(language).engine.ruleset
            return (language.rawValue, Localized(title: ruleset.title, teams: Dictionary(uniqueKeysWithValues: ruleset.teams.map { ($0.id, $0.name) })))
        })
    }
}

/// The rooms' public summaries, copied out by each rooms thread (shard) after each batch that changed something, and
/// read by the HTTP handler on the transport's thread (under a lock) — the HTTP side never touches a `Room`. Each
/// shard keeps its own part; a lookup searches them all (a room is in exactly one).
public final class RoomDirectory: Sendable {
    private let shards = Mutex<[Int: [String: RoomSummary]]>([:])
    /// Each shard's rooms suspended because their log cannot be written (`ServerCore.suspendedRooms`).
    private let suspended = Mutex<[Int: Set<String>]>([:])

    public init() {}

    /// Whether `code` names a room that exists but is suspended until its log can be written again: its lookup
    /// says so (`storage_unavailable`) rather than that no room has the code.
    public func isSuspended(_ code: String) -> Bool {
        suspended.withLock { $0.values.contains { $0.contains(code) } }
    }

    public subscript(code: String) -> RoomSummary? {
        shards.withLock { shards in
            for part in shards.values { if let hit = part[code] { return hit } }
            return nil
        }
    }

    /// Rooms in all shards.
    public var count: Int { shards.withLock { $0.values.reduce(0) { $0 + $1.count } } }

    /// Rooms in one shard's part.
    func count(shard: Int) -> Int { shards.withLock { $0[shard]?.count ?? 0 } }

    /// Brings a shard's part up to date with its core. `touched` are the rooms that logged something (every state
    /// change is logged); rooms created or let go without a log line are caught by the count check.
    /// A known room's summary changes only in its phase, its turn and whether it takes new students; the rest is set
    /// when the room is made. A room made
    /// always logs (its header), so a part whose count matches its core's after the touched rooms holds exactly
    /// the core's rooms.
    func refresh(from core: ServerCore, touched: Set<String>, shard: Int = 0) {
        let suspendedNow = core.suspendedRooms
        suspended.withLock { $0[shard] = suspendedNow }
        shards.withLock { shards in
            for code in touched {
                guard let room = core.rooms[code] else {
                    shards[shard]?[code] = nil
                    continue
                }
                if shards[shard]?[code] != nil {
                    shards[shard]?[code]?.phase = room.state.phase.rawValue
                    shards[shard]?[code]?.turn = room.state.turn
                    shards[shard]?[code]?.joining = room.joiningClosed ? "closed" : nil
                } else {
                    shards[shard, default: [:]][code] = RoomSummary(room)
                }
            }
            if shards[shard]?.count ?? 0 != core.rooms.count {
                shards[shard] = core.rooms.mapValues(RoomSummary.init)
            }
        }
    }

    /// Replaces a shard's part (at start).
    func reload(from core: ServerCore, shard: Int = 0) {
        let all = core.rooms.mapValues(RoomSummary.init)
        let suspendedNow = core.suspendedRooms
        shards.withLock { $0[shard] = all }
        suspended.withLock { $0[shard] = suspendedNow }
    }
}
