import ArmisticeEngine
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
        }
    }
}
