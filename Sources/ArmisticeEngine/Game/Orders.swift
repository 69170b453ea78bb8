/// The value given for an action parameter: a number, or the id of a team or a project.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Int)
    case id(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) { self = .number(n) } else if let s = try? container.decode(String.self) { self = .id(s) } else {
            // Neither: say what it should be (a fraction, a number past Int's range, true, null, a list…).
            let context = DecodingError.Context(codingPath: container.codingPath, debugDescription: "a whole number or an id")
            throw container.decodeNil() ? DecodingError.valueNotFound(ParameterValue.self, context) : DecodingError.typeMismatch(ParameterValue.self, context)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n): try container.encode(n)
        case .id(let s): try container.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let n): return String(n)
        case .id(let s): return s
        }
    }
}

/// One order: an action and its parameters.
public struct Order: Sendable, Hashable, Codable {
    public var action: String
    public var params: [String: ParameterValue]

    public init(action: String, params: [String: ParameterValue] = [:]) {
        self.action = action
        self.params = params
    }

    private enum CodingKeys: String, CodingKey { case action, params }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        action = try c.decode(String.self, forKey: .action)
        params = try c.decodeIfPresent([String: ParameterValue].self, forKey: .params) ?? [:]
    }
}

/// A team's answer to another team's action that needs its consent.
public enum ConsentDecision: String, Sendable, Hashable, Codable {
    case approve, block
}

/// A team's orders for one turn: the actions it takes and its consent decisions on other teams' actions.
public struct TeamOrders: Sendable, Hashable, Codable {
    public var orders: [Order]
    /// Keyed by action id.
    public var consents: [String: ConsentDecision]

    public init(orders: [Order] = [], consents: [String: ConsentDecision] = [:]) {
        self.orders = orders
        self.consents = consents
    }

    private enum CodingKeys: String, CodingKey { case orders, consents }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        orders = try c.decodeIfPresent([Order].self, forKey: .orders) ?? []
        consents = try c.decodeIfPresent([String: ConsentDecision].self, forKey: .consents) ?? [:]
    }
}

/// One party's promise inside a deal: to take an action, or to decide a consent a certain way.
public struct Commitment: Sendable, Hashable, Codable {
    public var team: String
    public var action: String?
    public var params: [String: ParameterValue]?
    /// The id of another team's action on which this team promises a consent decision.
    public var consent: String?
    public var decision: ConsentDecision?

    public init(team: String, action: String, params: [String: ParameterValue] = [:]) {
        self.team = team
        self.action = action
        self.params = params
    }

    public init(team: String, consent: String, decision: ConsentDecision) {
        self.team = team
        self.consent = consent
        self.decision = decision
    }
}

/// A bundle of commitments that takes effect only if every party accepts it.
public struct Deal: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case open, agreed, rejected, withdrawn, expired, carriedOut = "carried_out" }
    public var id: Int
    public var turn: Int
    public var proposer: String
    public var parties: [String]
    public var commitments: [Commitment]
    public var accepted: [String]
    public var status: Status
    public var note: String
}
