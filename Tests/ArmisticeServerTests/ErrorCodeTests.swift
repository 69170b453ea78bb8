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

    /// Every code has its message in every language, and every `error.` key of the catalogs is a code's
    /// (`error.<code>`), one of its cases (`error.<code>.<case>`), or a part shared by several (`error.hint.<name>`).
    @Test func everyCodeHasItsMessage() {
        let codes = Set(ErrorCode.allCases.map(\.rawValue))
        for language in Language.allCases {
            let catalog = Catalog(language: language)
            for code in ErrorCode.allCases { #expect(catalog.has(code.messageKey), "\(language.rawValue) has no \(code.messageKey)") }
            let strays = catalog.entries.keys.filter { key in
                let parts = key.split(separator: ".").map(String.init)
                guard parts.first == "error" else { return false }
                return !(parts.count == 2 && codes.contains(parts[1]) || parts.count == 3 && (codes.contains(parts[1]) || parts[1] == "hint"))
            }
            #expect(strays.isEmpty, "\(language.rawValue) has error keys that are no code's: \(strays.sorted())")
        }
    }

    /// A refusal made from the catalog keeps its key and arguments, and is said again in Korean from them; an error
    /// without a detail falls back to the code's text.
    @Test func aRefusalIsSaidAgainInTheReadersLanguage() {
        let refusal = ServerError(.roomFull, key: "error.room_full.limit", ["limit": .number(64)])
        #expect(refusal.message == "this room is full (64 seats)")
        #expect(refusal.localized(.en) == refusal)
        let korean = refusal.localized(.ko)
        #expect(korean.code == refusal.code && korean.message == "방이 가득 찼습니다(자리 64개). 교사에게 알리세요.")
        let bare = ServerError(.roomFull, "full").localized(.ko)
        #expect(bare.message == Catalog(language: .ko).text("error.room_full"))
    }
}
