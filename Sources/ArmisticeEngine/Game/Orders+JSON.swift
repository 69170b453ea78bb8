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
