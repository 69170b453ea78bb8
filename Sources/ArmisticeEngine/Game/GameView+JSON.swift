/// The view's properties, listed once per type: the tables write the view's JSON (snapshots, armistice.v1 updates)
/// and an armistice.v2 update's `changes` and `patches` (docs/protocol.md). Keys are the wire's (snake_case), in the
/// order the types' `Codable` form writes them; a test checks both against Foundation's encoder. A new view
/// property is a line here. In a type with a `SharedPart` (teams, tracks, actions, events), a property that never
/// changes during a match goes in the part and its row is marked `shared`, and the type's hand-written `Codable`
/// form gets it too (the test that checks rows against stored properties says when one is missing).
extension GameView: JSONFields {
    package static let jsonFields: [JSONField<GameView>] = [
        JSONField("viewer") { $0.viewer },
        JSONField("ruleset") { $0.ruleset },
        JSONField("title") { $0.title },
        JSONField("turn") { $0.turn },
        JSONField("turns") { $0.turns },
        JSONField("date") { $0.date },
        JSONField("phase") { $0.phase.rawValue },
        .list("teams", patchRank: 0) { $0.teams },
        .list("tracks", patchRank: 1) { $0.tracks },
        .list("flags", patchRank: 2) { $0.flags },
        .list("projects", patchRank: 3) { $0.projects },
        JSONField("orders") { $0.orders },
        JSONField("spent") { $0.spent },
        .list("actions", patchRank: 4) { $0.actions },
        .list("consents", patchRank: 5) { $0.consents },
        JSONField("catalog") { $0.catalog },
        .list("events", patchRank: 7) { $0.events },
        JSONField("deals") { $0.deals },
        .list("objectives", patchRank: 6) { $0.objectives },
        JSONField("records", diffed: false) { $0.records },
        JSONField("outcome") { $0.outcome },
        JSONField("map") { $0.map },
    ]
}

extension GameView.TeamInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id", shared: true) { $0.id },
        JSONField("name", shared: true) { $0.name },
        JSONField("colour", shared: true) { $0.colour },
        JSONField("locked") { $0.locked },
        JSONField("brief", shared: true) { $0.brief },
        JSONField("budget") { $0.budget },
    ]

    package static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool { a.fixed === b.fixed }
}

extension GameView.TrackInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id", shared: true) { $0.id },
        JSONField("name", shared: true) { $0.name },
        JSONField("description", shared: true) { $0.description },
        JSONField("value") { $0.value },
        JSONField("min", shared: true) { $0.min },
        JSONField("max", shared: true) { $0.max },
        JSONField("level") { $0.level },
        JSONField("hidden_from") { $0.hiddenFrom },
    ]

    package static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool { a.fixed === b.fixed }
}

extension GameView.FlagInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
        JSONField("value") { $0.value },
    ]
}

extension GameView.ProjectInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
        JSONField("status") { $0.status },
        JSONField("index") { $0.index },
        JSONField("statuses") { $0.statuses },
    ]
}

extension GameView.Choice: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
    ]
}

extension GameView.ParameterInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("type") { $0.type },
        JSONField("choices") { $0.choices },
        JSONField("min") { $0.min },
        JSONField("max") { $0.max },
        JSONField("label") { $0.label },
    ]
}

extension GameView.ActionInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id", shared: true) { $0.id },
        JSONField("team", shared: true) { $0.team },
        JSONField("name", shared: true) { $0.name },
        JSONField("description", shared: true) { $0.description },
        JSONField("cost", shared: true) { $0.cost },
        JSONField("covert", shared: true) { $0.covert },
        JSONField("repeatable", shared: true) { $0.repeatable },
        JSONField("params", shared: true) { $0.params },
        JSONField("chance") { $0.chance },
        JSONField("consent_from", shared: true) { $0.consentFrom },
        JSONField("consent_rule", shared: true) { $0.consentRule },
        JSONField("available") { $0.available },
        JSONField("reason") { $0.reason },
        JSONField("reason_code") { $0.reasonCode },
        JSONField("requirement") { $0.requirement },
        JSONField("checked_on_resolution", shared: true) { $0.checkedOnResolution },
    ]

    package static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool { a.fixed === b.fixed }
}

extension GameView.ConsentInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("action") { $0.action },
        JSONField("name") { $0.name },
        JSONField("teams") { $0.teams },
        JSONField("rule") { $0.rule },
        JSONField("decision") { $0.decision?.rawValue },
    ]
}

extension GameView.CatalogEntry: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
        JSONField("teams") { $0.teams },
        JSONField("cost") { $0.cost },
        JSONField("params") { $0.params },
        JSONField("consent_from") { $0.consentFrom },
        JSONField("consent_rule") { $0.consentRule },
    ]
}

extension GameView.EventInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id", shared: true) { $0.id },
        JSONField("name", shared: true) { $0.name },
        JSONField("kind", shared: true) { $0.kind },
        JSONField("fired") { $0.fired },
        JSONField("effects", shared: true) { $0.effects },
        JSONField("condition", shared: true) { $0.condition },
        JSONField("news", shared: true) { $0.news },
    ]

    package static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool { a.fixed === b.fixed }
}

extension GameView.OutcomeInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
        JSONField("text") { $0.text },
        JSONField("reason") { $0.reason },
        JSONField("scores") { $0.scores },
        JSONField("objectives") { $0.objectives },
    ]
}

extension GameView.ObjectiveInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("team") { $0.team },
        JSONField("text") { $0.text },
        JSONField("points") { $0.points },
        JSONField("met") { $0.met },
    ]
}

extension GameView.MapInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("box") { $0.box },
        JSONField("title") { $0.title },
        JSONField("description") { $0.description },
        JSONField("shapes") { $0.shapes },
        JSONField("places") { $0.places },
    ]
}

extension GameView.ShapeInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("kind") { $0.kind },
        JSONField("path") { $0.path },
        JSONField("label") { $0.label },
    ]
}

extension GameView.PlaceInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("name") { $0.name },
        JSONField("x") { $0.x },
        JSONField("y") { $0.y },
        JSONField("label") { $0.label },
        JSONField("shows") { $0.shows },
        JSONField("states") { $0.states },
    ]
}

extension GameView.PlaceBinding: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("kind") { $0.kind },
        JSONField("id") { $0.id },
    ]
}

extension GameView.PlaceStateInfo: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("value") { $0.value },
        JSONField("text") { $0.text },
    ]
}
