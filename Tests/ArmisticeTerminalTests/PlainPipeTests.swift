import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTerminal

/// The real `armistice join --plain` with its input and output pipes, as a script or a screen reader's harness runs
/// it: standard output and standard error go to one pipe, and the test answers each question only once it shows.
@Suite(.serialized, .enabled(if: E2E.available, "needs a built .build/debug/armistice"))
struct PlainPipeTests {
    /// What a child wrote to its one output pipe so far.
    final class Transcript: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ chunk: Data) { lock.lock(); data.append(chunk); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }

        /// Waits until the text satisfies `condition`; fails with the text after `timeout`.
        @discardableResult
        func waitFor(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) async throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let now = text
                if condition(now) { return now }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw TestFailure("timed out waiting for \(what); the output was:\n\(text)")
        }
    }

    @Test func thePromptsAndTheTeamListShowBeforeTheAnswersAndATeamIsChosenByItsName() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("plain-pipe"))
        try await server.start()
        defer { server.stopNow() }
        let instructor = try await ScriptSeat(port: server.port)
        let created = try await instructor.request([
            "type": "create_room", "key": .string(E2E.key), "ruleset": "koreanization", "seed": 7, "turns": 2,
        ])
        let code = created["room"]?.string ?? ""

        let process = Process()
        process.executableURL = URL(fileURLWithPath: E2E.binary)
        process.arguments = ["join", "127.0.0.1:\(server.port)", code, "--plain", "--lang", "en"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = E2E.temporaryDirectory("plain-pipe-seat")
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let transcript = Transcript()
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if !chunk.isEmpty { transcript.append(chunk) }
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        // Each question is there before anything is typed, the team list before its question.
        try await transcript.waitFor("the name's question") { $0.contains("Your name: ") }
        send("Kim")
        let asked = try await transcript.waitFor("the team's question") { $0.contains("Your team (") }
        let list = try #require(asked.range(of: "Teams:"), "the list of teams comes before its question:\n\(asked)")
        #expect(list.lowerBound < asked.range(of: "Your team (")!.lowerBound)
        #expect(asked.contains("  dprk — DPRK (North Korea)"), "\(asked)")
        // A team's name, in words and any case, is taken as its id is.
        send("north korea")
        try await transcript.waitFor("the seat") { $0.contains("[room] joined room \(code) as player of DPRK (North Korea)") }
        send("say all hello")
        try await transcript.waitFor("the chat's answer") { $0.contains("[ok]") }
        input.fileHandleForWriting.closeFile()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "the plain mode ends once its input has ended and every request is answered")
        output.fileHandleForReading.readabilityHandler = nil
        // Nothing comes late or twice: the whole transcript is in the order said, each answer on its own line.
        let text = transcript.text + String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let order = ["Your name: Kim\n", "Teams:\n", "Your team (its id or name; Enter to let the instructor assign one): north korea\n",
                     "Armistice plain mode", "[room] joined room", "[ok]"]
        var from = text.startIndex
        for part in order {
            guard let r = text.range(of: part, range: from..<text.endIndex) else {
                Issue.record("\"\(part)\" is missing or out of order in:\n\(text)")
                return
            }
            from = r.upperBound
        }
        #expect(text.components(separatedBy: "Teams:").count == 2, "the team list once:\n\(text)")
    }
}
