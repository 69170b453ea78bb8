import ArmisticeEngine
import ArmisticeErrors

/// Every error a client can receive, as a stable snake_case code (docs/protocol.md lists them all).
/// The engine's own codes pass through unchanged.
public enum ErrorCode: String, ErrorCodeSet, CaseIterable, Codable {
    // The message itself
    case malformedJSON = "malformed_json"
    case notAnObject = "not_an_object"
    case binaryFrame = "binary_frame"
    case tooLarge = "too_large"
    case unknownType = "unknown_type"
    case badRequest = "bad_request"
    case tooComplex = "too_complex"
    case rateLimited = "rate_limited"
    case serverBusy = "server_busy"
    // Session
    case helloRequired = "hello_required"
    case unsupportedVersion = "unsupported_version"
    case notJoined = "not_joined"
    case alreadyJoined = "already_joined"
    case wrongCode = "wrong_code"
    case badToken = "bad_token"
    case tokenExpired = "token_expired"
    case badName = "bad_name"
    case roomFull = "room_full"
    // Authority
    case badInstructorKey = "bad_instructor_key"
    case notInstructor = "not_instructor"
    case notAPlayer = "not_a_player"
    case noTeam = "no_team"
    case notYourTeam = "not_your_team"
    // Rooms
    case unknownRuleset = "unknown_ruleset"
    case badSettings = "bad_settings"
    case tooManyRooms = "too_many_rooms"
    case unknownSeat = "unknown_seat"
    case absentTeam = "absent_team"
    case badChannel = "bad_channel"
    case chatTooLong = "chat_too_long"
    case emptyMessage = "empty_message"
    case notPaused = "not_paused"
    case alreadyPaused = "already_paused"
    case noClock = "no_clock"
    // The engine's codes
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
    case badDeal = "bad_deal"
    case unknownEvent = "unknown_event"
    case unknownTarget = "unknown_target"
    case gameOver = "game_over"
    case engineTooLong = "too_long"
    // The server
    case internalError = "internal_error"
    case shuttingDown = "shutting_down"
    case storageUnavailable = "storage_unavailable"

    /// The server code for an engine refusal (the same string).
    public init(_ engine: EngineError.Code) {
        self = ErrorCode(rawValue: engine.rawValue) ?? .internalError
    }
}

/// A refusal: a stable code and a message a person can read.
public typealias ServerError = CodedError<ErrorCode>

extension ServerError {
    /// An engine refusal, with the same code and message.
    public init(_ engine: EngineError) {
        self.init(ErrorCode(engine.code), engine.message)
    }
}
