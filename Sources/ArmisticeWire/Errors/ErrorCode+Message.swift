import ArmisticeLocale

extension ErrorCode {
    /// The catalog key of this code's message (`error.<code>`), written out so the catalog check finds every key.
    public var messageKey: String {
        switch self {
        case .malformedJSON: return "error.malformed_json"
        case .notAnObject: return "error.not_an_object"
        case .binaryFrame: return "error.binary_frame"
        case .tooLarge: return "error.too_large"
        case .unknownType: return "error.unknown_type"
        case .badRequest: return "error.bad_request"
        case .tooComplex: return "error.too_complex"
        case .rateLimited: return "error.rate_limited"
        case .serverBusy: return "error.server_busy"
        case .helloRequired: return "error.hello_required"
        case .unsupportedVersion: return "error.unsupported_version"
        case .notJoined: return "error.not_joined"
        case .alreadyJoined: return "error.already_joined"
        case .wrongCode: return "error.wrong_code"
        case .badToken: return "error.bad_token"
        case .tokenExpired: return "error.token_expired"
        case .badName: return "error.bad_name"
        case .roomFull: return "error.room_full"
        case .badInstructorKey: return "error.bad_instructor_key"
        case .notInstructor: return "error.not_instructor"
        case .notAPlayer: return "error.not_a_player"
        case .noTeam: return "error.no_team"
        case .notYourTeam: return "error.not_your_team"
        case .unknownRuleset: return "error.unknown_ruleset"
        case .badSettings: return "error.bad_settings"
        case .tooManyRooms: return "error.too_many_rooms"
        case .unknownSeat: return "error.unknown_seat"
        case .absentTeam: return "error.absent_team"
        case .badChannel: return "error.bad_channel"
        case .chatTooLong: return "error.chat_too_long"
        case .emptyMessage: return "error.empty_message"
        case .notPaused: return "error.not_paused"
        case .alreadyPaused: return "error.already_paused"
        case .noClock: return "error.no_clock"
        case .wrongPhase: return "error.wrong_phase"
        case .ordersLocked: return "error.orders_locked"
        case .unknownTeam: return "error.unknown_team"
        case .unknownAction: return "error.unknown_action"
        case .notYourAction: return "error.not_your_action"
        case .badParameter: return "error.bad_parameter"
        case .duplicateAction: return "error.duplicate_action"
        case .overBudget: return "error.over_budget"
        case .badConsent: return "error.bad_consent"
        case .unknownDeal: return "error.unknown_deal"
        case .dealClosed: return "error.deal_closed"
        case .notAParty: return "error.not_a_party"
        case .badDeal: return "error.bad_deal"
        case .unknownEvent: return "error.unknown_event"
        case .unknownTarget: return "error.unknown_target"
        case .gameOver: return "error.game_over"
        case .engineTooLong: return "error.too_long"
        case .internalError: return "error.internal_error"
        case .shuttingDown: return "error.shutting_down"
        case .storageUnavailable: return "error.storage_unavailable"
        }
    }
}

extension ServerError {
    /// The error as a connection in `language` reads it: English keeps today's detailed message (bots and old
    /// clients see exactly what they saw); another language gets its catalog's message for the code.
    public func localized(_ language: Language) -> ServerError {
        guard language != .en else { return self }
        return ServerError(code, Catalog(language: language).text(code.messageKey))
    }
}
