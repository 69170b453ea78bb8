import ArmisticeEngine

/// Written from its field table (the same JSON as its `Codable` form): every update and clock event carries one.
extension ClockView: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("phase") { $0.phase.rawValue },
        JSONField("turn") { $0.turn },
        JSONField("paused") { $0.paused },
        JSONField("deadline") { $0.deadline },
        JSONField("remaining") { $0.remaining },
        JSONField("now") { $0.now },
    ]
}
