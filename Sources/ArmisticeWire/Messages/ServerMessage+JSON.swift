import ArmisticeEngine

/// Acks, refusals and updates' causes: written from their field tables (the same JSON as their `Codable` form).
extension ServerMessage.Ack: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("type") { $0.type },
        .codable("id") { $0.id },
        JSONField("room") { $0.room },
        JSONField("seq") { $0.seq },
    ]
}

extension ServerMessage.Cause: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("type") { $0.type },
        JSONField("by") { $0.by },
        JSONField("reason") { $0.reason },
    ]
}

extension ServerMessage.Failure: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("type") { $0.type },
        .codable("id") { $0.id },
        JSONField("code") { $0.code },
        JSONField("message") { $0.message },
    ]
}
