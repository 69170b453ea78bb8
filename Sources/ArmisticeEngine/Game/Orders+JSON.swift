/// Orders written straight into the encoder's bytes: the same JSON as their `Codable` form (views carry every
/// team's draft, and an update sends them whenever a draft changes).
extension ParameterValue: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) {
        switch self {
        case .number(let n): json.writeInteger(n)
        case .id(let s): json.writeString(s)
        }
    }
}

extension ConsentDecision: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeString(rawValue) }
}

extension Order: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        json.append(#"{"action":"#)
        json.writeString(action)
        json.append(#","params":"#)
        try params.writeJSON(to: json)
        json.append("}")
    }
}

extension TeamOrders: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        json.append(#"{"orders":"#)
        try orders.writeJSON(to: json)
        json.append(#","consents":"#)
        try consents.writeJSON(to: json)
        json.append("}")
    }
}

/// Deals in views (`deals`): every proposal, answer and withdrawal sends the list again.
extension Deal: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("id") { $0.id },
        JSONField("turn") { $0.turn },
        JSONField("proposer") { $0.proposer },
        JSONField("parties") { $0.parties },
        JSONField("commitments") { $0.commitments },
        JSONField("accepted") { $0.accepted },
        JSONField("status") { $0.status.rawValue },
        JSONField("note") { $0.note },
    ]
}

extension Commitment: JSONFields {
    package static let jsonFields: [JSONField<Self>] = [
        JSONField("team") { $0.team },
        JSONField("action") { $0.action },
        JSONField("params") { $0.params },
        JSONField("consent") { $0.consent },
        JSONField("decision") { $0.decision?.rawValue },
    ]
}
