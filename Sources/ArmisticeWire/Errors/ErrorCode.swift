import ArmisticeEngine
import ArmisticeErrors

/// Every error a client can receive, as a stable snake_case code (docs/protocol.md lists them all): the server's own
/// codes (`Own`) and the engine's refusals (`EngineErrorCode`), which pass through unchanged. Each list is written
/// once; `ServerError(.badRequest, …)` takes either kind, and `code == .badToken` compares with either.
public struct ErrorCode: ErrorCodeSet, CaseIterable, Codable {
    /// The codes the server gives itself: the message, the session, authority, rooms and the server.
    public enum Own: String, CaseIterable, Sendable {
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
        case joiningClosed = "joining_closed"
        // Authority
        case badInstructorKey = "bad_instructor_key"
        case sessionExpired = "session_expired"
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
        case draftChanged = "draft_changed"
        // The server
        case internalError = "internal_error"
        case shuttingDown = "shutting_down"
        case storageUnavailable = "storage_unavailable"
    }

    public let rawValue: String

    /// Every code: the server's own, then the engine's.
    public static let allCases: [ErrorCode] = Own.allCases.map(ErrorCode.init) + EngineErrorCode.allCases.map(ErrorCode.init)
    private static let known = Set(allCases.map(\.rawValue))

    /// A code a client received; nil when it is none of ours.
    public init?(rawValue: String) {
        guard Self.known.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init(_ own: Own) { rawValue = own.rawValue }

    /// The server code for an engine refusal (the same string).
    public init(_ engine: EngineErrorCode) { rawValue = engine.rawValue }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = ErrorCode(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown error code \"\(raw)\""))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

}

// Comparing a code with one of either list (`error.code == .badToken`), as when it was one enum.
public func == (code: ErrorCode?, own: ErrorCode.Own) -> Bool { code?.rawValue == own.rawValue }
public func == (code: ErrorCode?, engine: EngineErrorCode) -> Bool { code?.rawValue == engine.rawValue }
public func != (code: ErrorCode?, own: ErrorCode.Own) -> Bool { code?.rawValue != own.rawValue }
public func != (code: ErrorCode?, engine: EngineErrorCode) -> Bool { code?.rawValue != engine.rawValue }

/// A refusal: a stable code and a message a person can read.
public typealias ServerError = CodedError<ErrorCode>

extension ServerError {
    /// An engine refusal, with the same code, message and detail.
    public init(_ engine: EngineError) {
        self.init(ErrorCode(engine.code), engine.message, detail: engine.detail)
    }

    /// A refusal with one of the server's own codes, said from the catalog (`error.<code>.<case>`): English in its
    /// message, the reader's language when it is sent (`localized`). `names`: the room's ruleset, for team names.
    public init(_ code: ErrorCode.Own, key: String, _ arguments: [String: ErrorArgument] = [:], names ruleset: Ruleset? = nil) {
        self.init(ErrorCode(code), key: key, arguments, names: ruleset)
    }

    /// A refusal with one of the engine's codes, made by the server, said from the catalog.
    public init(_ code: EngineErrorCode, key: String, _ arguments: [String: ErrorArgument] = [:], names ruleset: Ruleset? = nil) {
        self.init(ErrorCode(code), key: key, arguments, names: ruleset)
    }

    /// A refusal with one of the server's own codes.
    public init(_ code: ErrorCode.Own, _ message: String) {
        self.init(ErrorCode(code), message)
    }

    /// A refusal with one of the engine's codes, made by the server (a chat too long, a bot policy unknown).
    public init(_ code: EngineErrorCode, _ message: String) {
        self.init(ErrorCode(code), message)
    }
}
