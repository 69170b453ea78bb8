import ArmisticeWire
/// How to take a seat when there is no token to resume with.
public enum SeatRequest: Sendable, Equatable {
    case join(code: String, name: String, team: String?, role: String, key: String?)
    /// `bots`: teams played by bots from the start (team id → policy); `absent`: nothing, hold or bot.
    case create(key: String, ruleset: String, seed: Int?, turns: Int?, phases: [String: Int], name: String?, variant: String? = nil,
                bots: [String: String] = [:], absent: String? = nil, language: String? = nil)

    var message: JSONValue {
        switch self {
        case .join(let code, let name, let team, let role, let key):
            return ClientRequest.Join(code: code, name: name, team: team, role: role, key: key).message(id: "seat")
        case .create(let key, let ruleset, let seed, let turns, let phases, let name, let variant, let bots, let absent, let language):
            // `language`: the room's default, for the projector and the report.
            return ClientRequest.CreateRoom(key: key, ruleset: ruleset, seed: seed.map { UInt64(clamping: $0) }, turns: turns,
                                            phases: phases.isEmpty ? nil : phases, name: name, variant: variant,
                                            bots: bots.isEmpty ? nil : bots, absent: absent, language: language).message(id: "seat")
        }
    }
}
