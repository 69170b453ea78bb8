/// How to take a seat when there is no token to resume with.
public enum SeatRequest: Sendable, Equatable {
    case join(code: String, name: String, team: String?, role: String, key: String?)
    /// `bots`: teams played by bots from the start (team id → policy); `absent`: nothing, hold or bot.
    case create(key: String, ruleset: String, seed: Int?, turns: Int?, phases: [String: Int], name: String?, variant: String? = nil,
                bots: [String: String] = [:], absent: String? = nil, language: String? = nil)

    var message: JSON {
        switch self {
        case .join(let code, let name, let team, let role, let key):
            var m: [String: JSON] = ["type": "join", "id": "seat", "code": .string(code), "name": .string(name), "role": .string(role)]
            if let team { m["team"] = .string(team) }
            if let key { m["key"] = .string(key) }
            return .object(m)
        case .create(let key, let ruleset, let seed, let turns, let phases, let name, let variant, let bots, let absent, let language):
            var m: [String: JSON] = ["type": "create_room", "id": "seat", "key": .string(key), "ruleset": .string(ruleset)]
            if let seed { m["seed"] = .number(Double(seed)) }
            if let turns { m["turns"] = .number(Double(turns)) }
            if !phases.isEmpty { m["phases"] = .object(phases.mapValues { .number(Double($0)) }) }
            if let name { m["name"] = .string(name) }
            if let variant { m["variant"] = .string(variant) }
            if !bots.isEmpty { m["bots"] = .object(bots.mapValues(JSON.string)) }
            if let absent { m["absent"] = .string(absent) }
            if let language { m["language"] = .string(language) }   // the room's default: projector and report
            return .object(m)
        }
    }
}
