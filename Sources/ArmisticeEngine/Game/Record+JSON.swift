/// A record's properties, listed once: its JSON in updates and snapshots (the same as its `Codable` form with
/// snake_case keys; a test checks it against Foundation's encoder).
extension Record: JSONFields {
    package static let jsonFields: [JSONField<Record>] = [
        JSONField("kind") { $0.kind.rawValue },
        JSONField("turn") { $0.turn },
        JSONField("visible_to") { $0.visibleTo },
        JSONField("phase") { $0.phase?.rawValue },
        JSONField("team") { $0.team },
        JSONField("action") { $0.action },
        .codable("params") { $0.params },
        JSONField("result") { $0.result },
        JSONField("chance") { $0.chance },
        JSONField("roll") { $0.roll },
        JSONField("modifiers") { $0.modifiers },
        JSONField("reason") { $0.reason },
        JSONField("target") { $0.target },
        JSONField("from") { $0.from },
        JSONField("to") { $0.to },
        JSONField("text") { $0.text },
        JSONField("event") { $0.event },
        JSONField("deal") { $0.deal },
        JSONField("outcome") { $0.outcome },
        JSONField("scores") { $0.scores },
        JSONField("hash") { $0.hash },
    ]
}

extension Record.Modifier: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("reason") { $0.reason },
        JSONField("add") { $0.add },
    ]
}
