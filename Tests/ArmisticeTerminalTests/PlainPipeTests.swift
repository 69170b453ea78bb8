import ArmisticeTestSupport
import ArmisticeWire
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

    /// A server with a two-turn koreanization room: the server, its instructor's scripted seat, and the room's code.
    static func koreanizationRoom(_ name: String) async throws -> (ServerProcess, ScriptSeat, String) {
        let server = ServerProcess(data: E2E.temporaryDirectory(name))
        try await server.start()
        let instructor = try await ScriptSeat(port: server.port)
        let created = try await instructor.request([
            "type": "create_room", "key": .string(E2E.key), "ruleset": "koreanization", "seed": 7, "turns": 2,
        ])
        return (server, instructor, created["room"]?.string ?? "")
    }

    @Test func thePromptsAndTheTeamListShowBeforeTheAnswersAndATeamIsChosenByItsName() async throws {
        let (server, _, code) = try await Self.koreanizationRoom("plain-pipe")
        defer { server.stopNow() }

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

    /// A `join --plain` child with its own seat file (`state`), standard input kept open until `finish`.
    final class PlainJoin: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let transcript = Transcript()

        init(port: Int, code: String, state: String, _ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: E2E.binary)
            process.arguments = ["join", "127.0.0.1:\(port)", code, "--plain", "--lang", "en"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = state
            environment["LANG"] = "C.UTF-8"
            process.environment = environment
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            let transcript = transcript
            output.fileHandleForReading.readabilityHandler = { handle in
                let chunk = handle.availableData
                if !chunk.isEmpty { transcript.append(chunk) }
            }
            try process.run()
        }

        /// Waits (20 s at most) for the child to end by itself; its exit status, nil when it did not end.
        func exitStatus(closingInput: Bool = false) async throws -> Int32? {
            if closingInput { input.fileHandleForWriting.closeFile() }
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { process.terminate(); return nil }
            return process.terminationStatus
        }
    }

    /// REPORT-terminal (second class) #1, #6, #9: students sharing one login get their own seats back by name, and
    /// without a name the plain mode refuses to guess; a kicked plain window stops with a non-zero status and its
    /// seat is forgotten (the same command no longer says "Taking back your seat"); a room closed to new students
    /// ends `join` with a non-zero status.
    @Test func sharedLoginSeatsAKickedPlainWindowAndRefusalsEndWithAFailure() async throws {
        let (server, instructor, code) = try await Self.koreanizationRoom("plain-seats")
        defer { server.stopNow() }
        let lab = E2E.temporaryDirectory("plain-seats-lab")

        // Two students on one login, each with a name (the second with --new-seat, as the README says).
        let yunha = try PlainJoin(port: server.port, code: code, state: lab, ["--name", "Yunha", "--team", "rok"])
        try await yunha.transcript.waitFor("Yunha's seat") { $0.contains("[room] joined room \(code)") }
        #expect(try await yunha.exitStatus(closingInput: true) == 0)
        let doyun = try PlainJoin(port: server.port, code: code, state: lab, ["--name", "Doyun", "--team", "rok", "--new-seat"])
        try await doyun.transcript.waitFor("Doyun's seat") { $0.contains("[room] joined room \(code)") }
        #expect(try await doyun.exitStatus(closingInput: true) == 0)

        // Without a name, the plain mode does not guess whose seat it is.
        let nameless = try PlainJoin(port: server.port, code: code, state: lab, [])
        #expect(try await nameless.exitStatus(closingInput: true) == 1)
        #expect(nameless.transcript.text.contains("Yunha, Doyun") && nameless.transcript.text.contains("--name"), "\(nameless.transcript.text)")
        #expect(!nameless.transcript.text.contains("Taking back"))
        // With her name, Yunha's own seat, never Doyun's.
        let back = try PlainJoin(port: server.port, code: code, state: lab, ["--name", "Yunha"])
        try await back.transcript.waitFor("the seat taken back") { $0.contains("[room] rejoined") || $0.contains("[state]") }
        #expect(back.transcript.text.contains("Taking back your seat in \(code) as Yunha, team ROK"), "\(back.transcript.text)")
        // Her name given, nothing suggests another student is on the account (outside tester qa5, Wrong #8).
        #expect(!back.transcript.text.contains("another student") && !back.transcript.text.contains("Not Yunha?"), "\(back.transcript.text)")

        // The instructor removes Yunha's seat: the plain window says so and stops, with a failure.
        func yunhasSeat(_ m: JSONValue) -> String? { m["roster"]?.array.first { $0["name"]?.string == "Yunha" }?["seat"]?.string }
        let roster = try await instructor.waitFor { yunhasSeat($0) != nil }
        let seat = yunhasSeat(roster) ?? "?"
        _ = try await instructor.request(["type": "remove_seat", "seat": .string(seat)])
        try await back.transcript.waitFor("the removal") { $0.contains("the instructor removed you from the room") }
        #expect(try await back.exitStatus() == 1, "the plain window stops by itself once removed:\n\(back.transcript.text)")
        #expect(!back.transcript.text.contains("q quits"))
        // The seat file forgot it: the same command asks for a new seat (none is taken back).
        let seats = String(decoding: FileManager.default.contents(atPath: lab + "/armistice/seats.json") ?? Data(), as: UTF8.self)
        #expect(!seats.contains("Yunha") && seats.contains("Doyun"), "\(seats)")

        // A room closed to new students: join stops with a failure.
        _ = try await instructor.request(["type": "set_joining", "open": false])
        let late = try PlainJoin(port: server.port, code: code, state: E2E.temporaryDirectory("plain-seats-late"), ["--name", "Late", "--team", "usa"])
        #expect(try await late.exitStatus(closingInput: true) == 1, "\(late.transcript.text)")
        // A seated student still comes back to the closed room by name, told the team's name (the room's summary
        // names the teams while it is closed too).
        let doyunBack = try PlainJoin(port: server.port, code: code, state: lab, ["--name", "Doyun"])
        try await doyunBack.transcript.waitFor("Doyun back in the closed room") { $0.contains("[state]") }
        #expect(doyunBack.transcript.text.contains("Taking back your seat in \(code) as Doyun, team ROK"), "\(doyunBack.transcript.text)")
        #expect(try await doyunBack.exitStatus(closingInput: true) == 0)
        instructor.close()
    }
}
