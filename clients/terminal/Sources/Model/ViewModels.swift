import ArmisticeEngine
import ArmisticeLocale
import ArmisticeWire
/// The parts of a `GameView` (docs/protocol.md) the client shows, read leniently from JSON.
/// The client holds no rules: these are exactly what the server sent.

public struct TeamInfo: Sendable, Equatable {
    public var id, name, colour: String
    public var locked: Bool
    public var brief: String?
    public var budget: Int?
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; name = j["name"]?.string ?? id; colour = j["colour"]?.string ?? ""
        locked = j["locked"]?.bool ?? false; brief = j["brief"]?.string; budget = j["budget"]?.int
    }
}

public struct TrackInfo: Sendable, Equatable {
    public var id, name, description: String
    public var value, min, max: Int
    public var level: String?
    public var hiddenFrom: [String]
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; name = j["name"]?.string ?? id; description = j["description"]?.string ?? ""
        value = j["value"]?.int ?? 0; min = j["min"]?.int ?? 0; max = j["max"]?.int ?? 0
        level = j["level"]?.string; hiddenFrom = j["hidden_from"]?.array.compactMap(\.string) ?? []
    }
}

public struct FlagInfo: Sendable, Equatable {
    public var id, name: String
    public var value: Bool
    init(_ j: JSONValue) { id = j["id"]?.string ?? "?"; name = j["name"]?.string ?? id; value = j["value"]?.bool ?? false }
}

public struct ProjectInfo: Sendable, Equatable {
    public var id, name, status: String
    public var index: Int
    public var statuses: [String]
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; name = j["name"]?.string ?? id; status = j["status"]?.string ?? ""
        index = j["index"]?.int ?? 0; statuses = j["statuses"]?.array.compactMap(\.string) ?? []
    }
}

public struct ParamInfo: Sendable, Equatable {
    public var id, type: String
    public var choices: [(id: String, name: String)]
    public var min, max: Int?
    /// The scenario's words for it, shown instead of its id (docs/protocol.md); nil when the scenario gives none.
    public var label: String?
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; type = j["type"]?.string ?? "number"
        choices = j["choices"]?.array.map { (id: $0["id"]?.string ?? "?", name: $0["name"]?.string ?? $0["id"]?.string ?? "?") } ?? []
        min = j["min"]?.int; max = j["max"]?.int
        label = j["label"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }
    /// The parameter's label in words: the scenario's when it gives one, else by its kind in the interface's
    /// language, with its id only when the action has two of that kind.
    public func label(among params: [ParamInfo], _ t: Catalog) -> String {
        if let label { return label }
        let base = switch type {
        case "team": t.text("terminal.param.team")
        case "project": t.text("terminal.param.project")
        case "number": t.text("terminal.param.number")
        default: t.text("terminal.param.choose")
        }
        return params.filter { $0.type == type && $0.label == nil }.count > 1 ? "\(base) (\(id.replacingUnderscores))" : base
    }
    public static func == (a: ParamInfo, b: ParamInfo) -> Bool {
        a.id == b.id && a.type == b.type && a.min == b.min && a.max == b.max && a.label == b.label
            && a.choices.map(\.id) == b.choices.map(\.id) && a.choices.map(\.name) == b.choices.map(\.name)
    }
}

public struct ActionInfo: Sendable, Equatable {
    public var id, team, name, description: String
    public var cost: Int
    public var covert: Bool
    public var params: [ParamInfo]
    public var chance: Int?
    public var consentFrom: [String]
    /// How the teams in `consentFrom` decide: `veto` (it goes ahead unless one blocks) or `all` (only if all approve).
    public var consentRule: String?
    public var available: Bool
    public var reason: String?
    /// The kind of `reason` (docs/protocol.md): `match_over`, `not_drafting`, `locked`, `already_ordered`, `promised`,
    /// `cost` or `requirement`; nil from a server older than the code.
    public var reasonCode: String?
    /// A requirement the state fails, when `reasonCode` names another reason first (`already_ordered`, `promised`,
    /// `cost`): the scenario's reason.
    public var requirement: String?
    public var checkedOnResolution: [String]
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; team = j["team"]?.string ?? ""; name = j["name"]?.string ?? id
        description = j["description"]?.string ?? ""; cost = j["cost"]?.int ?? 0; covert = j["covert"]?.bool ?? false
        params = j["params"]?.array.map(ParamInfo.init) ?? []; chance = j["chance"]?.int
        consentFrom = j["consent_from"]?.array.compactMap(\.string) ?? []; consentRule = j["consent_rule"]?.string
        available = j["available"]?.bool ?? false; reason = j["reason"]?.string; reasonCode = j["reason_code"]?.string
        requirement = j["requirement"]?.string
        checkedOnResolution = j["checked_on_resolution"]?.array.compactMap(\.string) ?? []
    }
}

/// Another team's action as the scenario makes it known (the view's `catalog`): for naming it in deals and results.
public struct CatalogEntry: Sendable, Equatable {
    public var id, name: String
    public var teams: [String]
    public var cost: Int
    /// The teams that decide on the action in their own orders, and how (`veto` or `all`), as in `ActionInfo`.
    public var consentFrom: [String]
    public var consentRule: String?
    /// Its parameters, with the scenario's labels: another team's parameters are named by them on a deal's card.
    public var params: [ParamInfo]
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; name = j["name"]?.string ?? id
        teams = j["teams"]?.array.compactMap(\.string) ?? []; cost = j["cost"]?.int ?? 0
        params = j["params"]?.array.map(ParamInfo.init) ?? []
        consentFrom = j["consent_from"]?.array.compactMap(\.string) ?? []; consentRule = j["consent_rule"]?.string
    }
}

public struct ConsentInfo: Sendable, Equatable {
    public var action, name, rule: String
    public var teams: [String]
    public var decision: String?
    init(_ j: JSONValue) {
        action = j["action"]?.string ?? "?"; name = j["name"]?.string ?? action; rule = j["rule"]?.string ?? ""
        teams = j["teams"]?.array.compactMap(\.string) ?? []; decision = j["decision"]?.string
    }
}

public struct OrderInfo: Sendable, Equatable {
    public var action: String
    public var params: [String: JSONValue]
    public init(action: String, params: [String: JSONValue] = [:]) { self.action = action; self.params = params }
    init(_ j: JSONValue) { action = j["action"]?.string ?? "?"; params = j["params"]?.object ?? [:] }
    var json: JSONValue { .object(["action": .string(action), "params": .object(params)]) }
}

public struct DraftInfo: Sendable, Equatable {
    public var orders: [OrderInfo] = []
    public var consents: [String: String] = [:]
    public init() {}
    init(_ j: JSONValue) {
        orders = j["orders"]?.array.map(OrderInfo.init) ?? []
        consents = j["consents"]?.object.compactMapValues(\.string) ?? [:]
    }
}

public struct CommitmentInfo: Sendable, Equatable {
    public var team: String
    public var action: String?
    public var params: [String: JSONValue]
    public var consent: String?
    public var decision: String?
    init(_ j: JSONValue) {
        team = j["team"]?.string ?? "?"; action = j["action"]?.string; params = j["params"]?.object ?? [:]
        consent = j["consent"]?.string; decision = j["decision"]?.string
    }
}

public struct DealInfo: Sendable, Equatable {
    public var id, turn: Int
    public var proposer: String
    public var parties, accepted: [String]
    public var commitments: [CommitmentInfo]
    public var status, note: String
    /// The team that rejected it, when the view says so (else the deal's "rejected" record names it).
    public var rejectedBy: String?
    init(_ j: JSONValue) {
        id = j["id"]?.int ?? 0; turn = j["turn"]?.int ?? 0; proposer = j["proposer"]?.string ?? "?"
        rejectedBy = j["rejected_by"]?.string
        parties = j["parties"]?.array.compactMap(\.string) ?? []; accepted = j["accepted"]?.array.compactMap(\.string) ?? []
        commitments = j["commitments"]?.array.map(CommitmentInfo.init) ?? []
        status = j["status"]?.string ?? "?"; note = j["note"]?.string ?? ""
    }
}

public struct ObjectiveInfo: Sendable, Equatable {
    public var id, team, text: String
    public var points: Int
    public var met: Bool?
    init(_ j: JSONValue) {
        id = j["id"]?.string ?? "?"; team = j["team"]?.string ?? ""; text = j["text"]?.string ?? ""
        points = j["points"]?.int ?? 0; met = j["met"]?.bool
    }
}

public struct OutcomeInfo: Sendable, Equatable {
    public var name, text, reason: String
    public var scores: [String: Int]
    init(_ j: JSONValue) {
        name = j["name"]?.string ?? "?"; text = j["text"]?.string ?? ""; reason = j["reason"]?.string ?? ""
        scores = j["scores"]?.object.compactMapValues(\.int) ?? [:]
    }
}

/// One record: what happened (`kind`), in which turn, with its fields as sent.
public struct RecordInfo: Sendable, Equatable {
    public var kind: String
    public var turn: Int
    public var fields: JSONValue
    /// The record as the engine types it, for the shared renderer; nil for a kind this client does not know.
    public var record: Record?
    init(_ j: JSONValue) { kind = j["kind"]?.string ?? "?"; turn = j["turn"]?.int ?? 0; fields = j; record = Record(wire: j) }
    public subscript(key: String) -> JSONValue? { fields[key] }
}

/// The match as this seat sees it (the `view` of a snapshot or update, without records).
public struct GameViewInfo: Sendable, Equatable {
    public var viewer = "", ruleset = "", title = "", date = "", phase = "setup"
    public var turn = 0, turns = 0
    public var teams: [TeamInfo] = []
    public var tracks: [TrackInfo] = []
    public var flags: [FlagInfo] = []
    public var projects: [ProjectInfo] = []
    public var orders: [String: DraftInfo] = [:]
    public var spent: [String: Int] = [:]
    public var actions: [ActionInfo] = []
    public var consents: [ConsentInfo] = []
    public var catalog: [CatalogEntry] = []
    public var deals: [DealInfo] = []
    public var objectives: [ObjectiveInfo] = []
    public var outcome: OutcomeInfo?
    public var map: MapText?
    public var events: [EventPreview] = []
    public init() {}
    init(_ j: JSONValue) {
        viewer = j["viewer"]?.string ?? ""; ruleset = j["ruleset"]?.string ?? ""; title = j["title"]?.string ?? ""
        date = j["date"]?.string ?? ""; phase = j["phase"]?.string ?? "setup"
        turn = j["turn"]?.int ?? 0; turns = j["turns"]?.int ?? 0
        teams = j["teams"]?.array.map(TeamInfo.init) ?? []
        tracks = j["tracks"]?.array.map(TrackInfo.init) ?? []
        flags = j["flags"]?.array.map(FlagInfo.init) ?? []
        projects = j["projects"]?.array.map(ProjectInfo.init) ?? []
        orders = j["orders"]?.object.mapValues(DraftInfo.init) ?? [:]
        spent = j["spent"]?.object.compactMapValues(\.int) ?? [:]
        actions = j["actions"]?.array.map(ActionInfo.init) ?? []
        consents = j["consents"]?.array.map(ConsentInfo.init) ?? []
        catalog = j["catalog"]?.array.map(CatalogEntry.init) ?? []
        deals = j["deals"]?.array.map(DealInfo.init) ?? []
        objectives = j["objectives"]?.array.map(ObjectiveInfo.init) ?? []
        outcome = j["outcome"].flatMap { $0.isNull ? nil : OutcomeInfo($0) }
        map = MapText(j["map"])
        events = j["events"]?.array.map(EventPreview.init) ?? []
    }

    public func team(_ id: String) -> TeamInfo? { teams.first { $0.id == id } }

    /// Scores ranked as every page ranks them (the browser's `rankScores`): highest first, a tie in the scenario's
    /// team order, then by id.
    public func rankedScores(_ scores: [String: Int]) -> [(team: String, score: Int)] {
        let place = { (id: String) in teams.firstIndex { $0.id == id } ?? teams.count }
        return scores.map { (team: $0.key, score: $0.value) }.sorted {
            ($1.score, place($0.team), $0.team) < ($0.score, place($1.team), $1.team)
        }
    }
    public func teamName(_ id: String) -> String { team(id)?.name ?? id }
    public func action(_ id: String) -> ActionInfo? { actions.first { $0.id == id } }
    /// An action's name from this team's actions, the consents asked of it, or the scenario's catalog.
    public func knownActionName(_ id: String) -> String? {
        action(id)?.name ?? consents.first { $0.action == id }?.name ?? catalog.first { $0.id == id }?.name
    }
    /// What an action costs its team, from this team's actions or the catalog (0 when unknown).
    public func actionCost(_ id: String, team: String) -> Int {
        actions.first { $0.id == id && ($0.team.isEmpty || $0.team == team) }?.cost ?? catalog.first { $0.id == id }?.cost ?? 0
    }
}

public struct ChatInfo: Sendable, Equatable {
    public var seq: Int
    public var t: Int64
    public var seat, name, channel, text: String
    init(_ j: JSONValue) {
        seq = j["seq"]?.int ?? 0; t = j["t"]?.int64 ?? 0; seat = j["seat"]?.string ?? ""
        name = j["name"]?.string ?? "?"; channel = j["channel"]?.string ?? "all"; text = j["text"]?.string ?? ""
    }
}

public struct SeatInfo: Sendable, Equatable {
    public var seat, name, role: String
    public var team: String?
    public var online: Bool
    /// The policy of a bot seat (`greedy`, `random`, …); nil for a person.
    public var bot: String?
    init(_ j: JSONValue) {
        seat = j["seat"]?.string ?? "?"; name = j["name"]?.string ?? "?"; role = j["role"]?.string ?? "player"
        team = j["team"]?.string; online = j["online"]?.bool ?? false; bot = j["bot"]?.string
    }
}

public struct ClockInfo: Sendable, Equatable {
    public var phase: String
    public var turn: Int
    public var paused: Bool
    public var deadline: Int64?
    public var remaining: Int64?
    public var now: Int64?
    public init() { phase = "setup"; turn = 0; paused = false }
    init(_ j: JSONValue) {
        phase = j["phase"]?.string ?? "setup"; turn = j["turn"]?.int ?? 0; paused = j["paused"]?.bool ?? false
        deadline = j["deadline"]?.int64; remaining = j["remaining"]?.int64; now = j["now"]?.int64
    }
}
