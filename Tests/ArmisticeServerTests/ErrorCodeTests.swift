import ArmisticeEngine
import ArmisticeLocale
import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

@Suite struct ErrorCodeTests {
    /// Every refusal the engine can give reaches clients under its own stable code, never as an internal error.
    @Test func everyEngineCodeHasAProtocolCode() {
        for code in EngineError.Code.allCases {
            let mapped = ErrorCode(code)
            #expect(mapped != .internalError, "engine code \(code.rawValue) has no protocol code")
            #expect(mapped.rawValue == code.rawValue)
            #expect(mapped == code)
            #expect(ErrorCode(rawValue: code.rawValue) == mapped)
        }
    }

    /// The server's codes and the engine's are one list for clients, with no code twice.
    @Test func everyCodeIsOneStableString() throws {
        let raw = ErrorCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.count == ErrorCode.Own.allCases.count + EngineErrorCode.allCases.count)
        #expect(ErrorCode(rawValue: "no_such_code") == nil)
        #expect(ErrorCode(.badToken) == .badToken && ErrorCode(.badToken) != .tokenExpired)
        let encoded = try JSONEncoder().encode([ErrorCode(.roomFull), ErrorCode(.gameOver)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["room_full","game_over"]"#)
        #expect(try JSONDecoder().decode([ErrorCode].self, from: encoded) == [ErrorCode(.roomFull), ErrorCode(.gameOver)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ErrorCode.self, from: Data(#""nope""#.utf8)) }
        let none: ErrorCode? = nil
        #expect(none != .badToken && ErrorCode(.wrongPhase) != .gameOver && ErrorCode(.wrongPhase) == .wrongPhase)
    }

    /// Every code has its message in every language, and every `error.` key of the catalogs is a code.
    @Test func everyCodeHasItsMessage() {
        for language in Language.allCases {
            let catalog = Catalog(language: language)
            for code in ErrorCode.allCases { #expect(catalog.has(code.messageKey), "\(language.rawValue) has no \(code.messageKey)") }
            let keys = catalog.entries.keys.filter { $0.hasPrefix("error.") }
            let codes = Set(ErrorCode.allCases.map(\.messageKey))
            #expect(keys.filter { !codes.contains($0) }.isEmpty, "\(language.rawValue) has error keys that are no code")
        }
    }
}
