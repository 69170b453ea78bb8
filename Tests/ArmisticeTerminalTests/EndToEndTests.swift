import Foundation
import Testing
@testable import ArmisticeTerminal

/// The real `armistice serve`, the real `armistice join` in tmux at 80×24, and scripted seats.
/// Skipped when tmux is missing (CI: `apt-get install tmux`) or the binary has not been built.
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct EndToEndTests {
    /// A room of the tutorial scenario with long phases, created by a scripted instructor.
    static func room(_ server: ServerProcess) async throws -> (instructor: ScriptSeat, code: String) {
        let instructor = try await ScriptSeat(port: server.port)
        let created = try await instructor.request([
            "type": "create_room", "key": .string(E2E.key), "ruleset": "coral_strait", "seed": 7, "turns": 2,
            "phases": ["briefing": 600, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 600],
        ])
        return (instructor, created["room"]?.string ?? "")
    }

    static func student(_ server: ServerProcess, code: String, name: String, team: String, state: String) throws -> TmuxSession {
        try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code) --name '\(name)' --team \(team)",
                        environment: ["XDG_STATE_HOME": state])
    }

    /// A Coral Strait room in negotiation: Kim in tmux for Marisol, Ari (a scripted seat) for Tervane. Close `kim`
    /// and stop `server` when done.
    static func negotiation(_ server: ServerProcess, state: String) async throws -> (instructor: ScriptSeat, code: String, kim: TmuxSession, ari: ScriptSeat) {
        let (instructor, code) = try await room(server)
        let kim = try student(server, code: code, name: "Kim", team: "marisol", state: state)
        try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        let ari = try await ScriptSeat(port: server.port)
        try await ari.request(["type": "join", "code": .string(code), "name": "Ari", "team": "tervane"])
        try await instructor.request(["type": "start"])
        try await instructor.request(["type": "skip"])
        try await kim.waitFor(text: "NEGOTIATION")
        return (instructor, code, kim, ari)
    }

    /// From negotiation: the instructor ends the phase, the student locks in with L and y, the other team locks by
    /// request; every team with students has locked, so adjudication runs and the results phase begins.
    static func lockInAndAdjudicate(_ student: TmuxSession, instructor: ScriptSeat, other: ScriptSeat) async throws {
        try await instructor.request(["type": "skip"])
        try await student.waitFor(text: "ORDERS")
        try student.keys("L")
        try await student.waitFor(text: "Lock the team's orders")
        try student.keys("y")
        try await student.waitFor(text: "LOCKED")
        try await other.request(["type": "lock"])
        try await student.waitFor(text: "RESULTS", timeout: 30)
    }

    @Test func teamsBeforeJoiningComeFromTheRoomEndpoint() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("probe"))
        try await server.start()
        defer { server.stopNow() }
        let (_, code) = try await Self.room(server)
        let url = "ws://127.0.0.1:\(server.port)/ws"
        let answer = await TeamProbe.lookUp(url: url, code: code.lowercased())
        guard case .teams(let teams)? = answer else { Issue.record("no team list: \(String(describing: answer))"); return }
        #expect(teams.map(\.id) == ["marisol", "tervane", "mediator"])
        let check = await JoinCheck.room(url: url, code: code)
        guard case .teams(let choices) = check else { Issue.record("no team list: \(check)"); return }
        #expect(choices.first?.id == "marisol" && choices.first?.names.contains("Republic of Marisol") == true)
        let wrong = code == "222222" ? "333333" : "222222"
        guard case .refused(let refusal, _)? = await TeamProbe.lookUp(url: url, code: wrong) else { Issue.record("a wrong code was not refused"); return }
        #expect(refusal == "unknown_room")
    }

    @Test func joinDraftChatLockAndSeeResults() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("play"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code) = try await Self.room(server)
        let kim = try Self.student(server, code: code, name: "Kim", team: "marisol", state: E2E.temporaryDirectory("kim"))
        defer { kim.close() }

        let first = try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        #expect(first.contains("SETUP"))
        #expect(first.split(separator: "\n", omittingEmptySubsequences: false).count >= 24)

        // A teammate and a student of the other island, scripted.
        let lee = try await ScriptSeat(port: server.port)
        try await lee.request(["type": "join", "code": .string(code), "name": "Lee", "team": "marisol"])
        let ari = try await ScriptSeat(port: server.port)
        try await ari.request(["type": "join", "code": .string(code), "name": "Ari", "team": "tervane"])

        try await instructor.request(["type": "start"])
        try await instructor.request(["type": "skip"]) // to negotiation
        try await kim.waitFor(text: "NEGOTIATION")

        // Draft: the first action (Send the whole fleet out) with Enter, in the Actions pane.
        try kim.keys("Enter")
        let drafted = try await kim.waitFor(text: "1. Send the whole fleet out")
        #expect(drafted.contains("spent 1"))

        // The teammate's edit shows live.
        try await lee.request(["type": "set_orders", "orders": [["action": "marisol_fish_hard"], ["action": "marisol_patrol"]], "consents": [:]])
        let shared = try await kim.waitFor(text: "2. Patrol the strait")
        #expect(shared.contains("Budget 3 · spent 3 · left 0"))

        // Chat in the pair channel with Tervane: Talk pane (4), down to the pair channel, Enter, type, Enter.
        try kim.keys("4")
        try await kim.waitFor(text: "[all]")
        try kim.keys("Down", "Down")
        try await kim.waitFor(text: "[↔Kingdom of Tervane]")
        try kim.keys("Enter")
        try kim.type("Shall we share the strait?")
        try kim.keys("Enter")
        try await kim.waitFor(text: "Kim: Shall we share the strait?")
        let heard = try await ari.waitFor { $0["type"]?.string == "chat" && $0["message"]?["text"]?.string == "Shall we share the strait?" }
        #expect(heard["message"]?["channel"]?.string == "pair:marisol+tervane")
        try await ari.request(["type": "chat", "channel": "pair:marisol+tervane", "text": "Only if you fish less."])
        try await kim.waitFor(text: "Ari: Only if you fish less.")

        // Orders: lock in with L, y. Tervane locks too: every team with students has locked, adjudication runs.
        try await Self.lockInAndAdjudicate(kim, instructor: instructor, other: ari)
        try kim.keys("7")
        // The pane repaints as the adjudication's records arrive: wait for the orders' lines, not only the heading.
        // The turn's summary comes first: the team's own orders, each with why it went as it did.
        let results = try await kim.waitFor(text: "Patrol the strait →")
        #expect(results.contains("Your orders:"))
        #expect(results.contains("Send the whole fleet out →"))
        #expect(results.contains("succeeded") || results.contains("failed"))
        #expect(results.contains("rolled")) // the patrol has a chance: its roll is shown
        print("— results at 80×24 —\n" + results)

        // Quit asks first.
        try kim.keys("q")
        try await kim.waitFor(text: "Leave Armistice? (y/n)")
        try kim.keys("y")
        try await kim.waitFor("the client to leave") { !$0.contains("1 Board") }
        instructor.close(); lee.close(); ari.close()
    }

    @Test func survivesAServerRestartAndRejoinsFromTheSeatFile() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("restart"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code) = try await Self.room(server)
        let state = E2E.temporaryDirectory("kim-restart")
        let kim = try Self.student(server, code: code, name: "Kim", team: "marisol", state: state)
        defer { kim.close() }
        try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        try await instructor.request(["type": "start"])
        try await instructor.request(["type": "skip"])
        try await kim.waitFor(text: "NEGOTIATION")
        try kim.keys("Enter")
        try await kim.waitFor(text: "1. Send the whole fleet out")
        instructor.close()

        // Kill the server: the client says so and keeps trying.
        let port = server.port
        await server.stop()
        try await kim.waitFor(text: "reconnecting")
        try await server.start(port: port)
        let back = try await kim.waitFor("online again") { $0.contains("● online") && $0.contains("1. Send the whole fleet out") }
        #expect(back.contains("NEGOTIATION"))

        // The seat still works: chat in the all channel after the restart.
        try kim.keys("4")
        try kim.keys("Enter")
        try kim.type("back after the restart")
        try kim.keys("Enter")
        try await kim.waitFor(text: "Kim: back after the restart")

        // The seat file is private, and reopening the client takes the same seat without asking.
        let file = state + "/armistice/seats.json"
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try kim.keys("q")
        try kim.keys("y")
        try await kim.waitFor("the client to leave") { !$0.contains("1 Board") }
        let again = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(port) \(code)", environment: ["XDG_STATE_HOME": state])
        defer { again.close() }
        // Once the clock runs the header gives up the word ARMISTICE before the name: the room code stays.
        let reopened = try await again.waitFor("the same seat") { $0.contains(" \(code) │") && $0.contains("1. Send the whole fleet out") }
        #expect(reopened.contains("● online"))
    }

    @Test func escapeSequencesInNamesAndChatLeaveTheScreenUnharmed() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("escapes"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code) = try await Self.room(server)
        let kim = try Self.student(server, code: code, name: "Kim", team: "marisol", state: E2E.temporaryDirectory("kim-esc"))
        defer { kim.close() }
        let before = try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        let titleBefore = try kim.paneTitle()

        let evilName = "\u{1B}[2J\u{1B}[HMal\u{1B}]0;pwned\u{07}lory\u{1B}[31m"
        let mallory = try await ScriptSeat(port: server.port)
        try await mallory.request(["type": "join", "code": .string(code), "name": .string(evilName), "team": "tervane"])
        try await mallory.request(["type": "chat", "channel": "all",
                                   "text": .string("hi\u{1B}[1;1H\u{1B}[2Jthere\u{1B}]2;owned\u{07}\u{9B}31m\u{1B}[?1049l\u{1B}c end\u{202E}desrever")])
        try await instructor.request(["type": "inject_news", "text": .string("Storm\u{1B}[5;5H\u{1B}[7m warning\u{1B}[0m")])

        try kim.keys("4")
        let talk = try await kim.waitFor(text: "there")
        print("— after the hostile chat —\n" + talk)
        let lines = talk.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("ARMISTICE") && lines[0].contains("ARMISTICE \(code)"))
        #expect(lines[1].contains("1 Board"))
        // The server strips the control characters; what is left of the sequences is inert text on one line.
        // The name and the message wrap inside the Talk pane, after its rule at column 41, and nowhere else.
        #expect(talk.contains("Mal]0;pwnedlory"))
        #expect(talk.contains("there"))
        for line in lines where line.contains("Mal") || line.contains("there") {
            #expect(line.contains("│"))
        }
        // Nothing changed the terminal: the title is the same, the screen was not cleared or switched.
        let title = try kim.paneTitle()
        #expect(title == titleBefore)
        #expect(!title.contains("pwned") && !title.contains("owned"))
        #expect(before.contains("SETUP"))
        try kim.keys("6")
        let news = try await kim.waitFor(text: "Storm")
        #expect(news.contains("Storm") && news.contains("warning"))
        // Everything still draws in place: the header and the footer.
        let final = news.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(final[0].contains("ARMISTICE"))
        #expect(final.count >= 24 && final[23].contains("? help"))
        instructor.close(); mallory.close()
    }
}
