import ArmisticeErrors

/// Why the engine refused an input. The state is unchanged when this is thrown.
public typealias EngineError = CodedError<EngineErrorCode>

/// The codes of `EngineError` (the server passes them on to clients unchanged).
public enum EngineErrorCode: String, ErrorCodeSet, Codable, CaseIterable {
    case wrongPhase = "wrong_phase"
    case ordersLocked = "orders_locked"
    case unknownTeam = "unknown_team"
    case unknownAction = "unknown_action"
    case notYourAction = "not_your_action"
    case badParameter = "bad_parameter"
    case duplicateAction = "duplicate_action"
    case overBudget = "over_budget"
    case badConsent = "bad_consent"
    case unknownDeal = "unknown_deal"
    case dealClosed = "deal_closed"
    case notAParty = "not_a_party"
    /// Withdrawing a deal another team proposed (a party may refuse it instead).
    case notProposer = "not_proposer"
    case badDeal = "bad_deal"
    case unknownEvent = "unknown_event"
    case unknownTarget = "unknown_target"
    case gameOver = "game_over"
    case tooLong = "too_long"
}
