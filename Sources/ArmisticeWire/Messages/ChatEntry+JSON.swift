import ArmisticeEngine

/// Written from its field table (the same JSON as its `Codable` form): every chat message carries one.
extension ChatEntry: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("seq") { $0.seq },
        JSONField("t") { $0.t },
        JSONField("seat") { $0.seat },
        JSONField("name") { $0.name },
        JSONField("channel") { $0.channel },
        JSONField("text") { $0.text },
    ]
}
