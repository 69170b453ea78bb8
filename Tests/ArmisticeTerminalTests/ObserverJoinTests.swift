import ArmisticeTestSupport
import ArmisticeWire
import Foundation
import Testing
@testable import ArmisticeTerminal

/// `armistice join … --observer` asks nothing (outside tester qa5, Confusing #16): a projector started by a script
/// with no input takes its seat, named Observer in the interface's language, instead of hanging on "Your name:".
@Suite(.serialized, .enabled(if: E2E.available, "needs a built .build/debug/armistice"))
struct ObserverJoinTests {
    @Test func anObserverIsNotAskedItsName() async throws {
        let (server, instructor, code) = try await PlainPipeTests.koreanizationRoom("observer-name")
        defer { server.stopNow() }
        let projector = try PlainPipeTests.PlainJoin(port: server.port, code: code, state: E2E.temporaryDirectory("observer-name-seat"), ["--observer"])
        try await projector.transcript.waitFor("the observer's seat") { $0.contains("[room] joined room \(code)") }
        #expect(!projector.transcript.text.contains("Your name"), "\(projector.transcript.text)")
        let roster = try await instructor.waitFor { m in m["roster"]?.array.contains { $0["role"]?.string == "observer" } == true }
        #expect(roster["roster"]?.array.contains { $0["role"]?.string == "observer" && $0["name"]?.string == "Observer" } == true, "\(roster)")
        #expect(try await projector.exitStatus(closingInput: true) == 0)
        instructor.close()
    }
}
