import Foundation
import Testing
@testable import ArmisticeTerminal

/// Issue 13 end to end: the real server, the real client in tmux at 80×24, scripted seats. Each pane it looks at is
/// kept in test-output/terminal/ as the text tmux captured.
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct ClassEndToEndTests {
    static func keep(_ screen: String, as name: String) {
        let dir = E2E.root.appendingPathComponent("test-output/terminal")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? screen.write(to: dir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
    }

    @Test func anAgreedDealIsInTheDraftIsNotDraftedTwiceAndTheTurnSummaryExplainsIt() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("class"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, _, kim, ari) = try await EndToEndTests.negotiation(server, state: E2E.temporaryDirectory("kim-class"))
        defer { kim.close() }

        // A capture of every pane at 80×24, kept as an artefact; no pane cuts a word with "…".
        for (key, pane) in [("1", "board"), ("2", "actions"), ("3", "draft"), ("4", "talk"), ("5", "deals"), ("6", "news"), ("7", "results")] {
            try kim.keys(key)
            let screen = try await kim.waitFor("the \(pane) pane") { $0.contains(" \(pane.prefix(1).uppercased() + pane.dropFirst()) ─") }
            #expect(!screen.contains("…"), "a word cut in the \(pane) pane")
            Self.keep(screen, as: "pane-\(key)-\(pane)")
        }

        // The brief and the objectives, with their points, in a pane of their own.
        try kim.keys("8")
        // Both waited for: tmux can be read while curses is still painting the pane, line by line.
        let brief = try await kim.waitFor("the brief and its objectives") { $0.contains("Objectives:") && $0.contains("Your fishing fleet feeds") }
        #expect(brief.contains("point"))
        Self.keep(brief, as: "brief")

        // Tervane proposes: it sends its trawlers out, Marisol patrols. Kim accepts in the Deals pane.
        try await ari.request(["type": "propose_deal", "note": "equal shares",
                               "commitments": [["team": "tervane", "action": "tervane_fish_hard"], ["team": "marisol", "action": "marisol_patrol"]]])
        try kim.keys("5")
        let offered = try await kim.waitFor(text: "#1 OPEN")
        #expect(offered.contains("Kingdom of Tervane: Send the"), "another team's action by its name")
        #expect(offered.contains("If all accept this turn"))
        #expect(!offered.contains("tervane fish hard") && !offered.contains("tervane_fish_hard"))
        Self.keep(offered, as: "deal-offered")
        try kim.keys("a")
        let agreed = try await kim.waitFor(text: "#1 AGREED")
        Self.keep(agreed, as: "deal-agreed")

        // The commitment is a locked line of the draft, counted in the budget.
        let draft = try await kim.waitFor(text: "🔒 Patrol the strait (2) deal #1")
        #expect(draft.contains("Budget 3 · spent 2 (deals 2) · left 1"))
        // Drafting it again is refused at once, not at adjudication.
        try kim.keys("2")
        try kim.keys("Down")
        try kim.keys("Enter")
        let refused = try await kim.waitFor(text: "already promised in deal #1")
        #expect(!refused.contains("1. Patrol the strait"))
        Self.keep(refused, as: "deal-refused-duplicate")
        try kim.keys("Up")
        try kim.keys("Enter")
        try await kim.waitFor(text: "1. Send the whole fleet out")

        // Orders, locks, adjudication: the summary comes first, the full log one key away.
        try await EndToEndTests.lockInAndAdjudicate(kim, instructor: instructor, other: ari)
        try kim.keys("7")
        // Turn 1 has a summary before its adjudication (its events): wait for the orders in it.
        let summary = try await kim.waitFor("the orders in the summary") { $0.contains("Patrol the strait →") && $0.contains("Changes over the turn:") }
        #expect(summary.contains("Your orders:"))
        #expect(summary.contains("Patrol the strait →"))
        #expect(summary.contains("from deal #1"))
        #expect(summary.contains("Send the whole fleet out →"))
        #expect(!summary.contains("duplicate"))
        let lines = summary.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 24)
        for line in lines { #expect(TerminalText.width(String(line)) <= 80) }
        Self.keep(summary, as: "results-summary")
        try kim.keys("f")
        let log = try await kim.waitFor(text: "full log")
        Self.keep(log, as: "results-full-log")

        try kim.keys("q")
        try kim.keys("y")
        try await kim.waitFor("the client to leave") { !$0.contains("1 Board") }
        instructor.close(); ari.close()
    }

    @Test func aServerThatIsDownIsNamedAndTheCommandStops() async throws {
        // A port nothing listens on: bind one, note it, close it.
        let probe = ServerProcess(data: E2E.temporaryDirectory("down"))
        try await probe.start()
        let port = probe.port
        await probe.stop()
        let kim = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(port) R4X95U --name Kim",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("kim-down")])
        defer { kim.close() }
        let screen = try await kim.waitFor(text: "Cannot reach an Armistice server at 127.0.0.1:\(port)")
        #expect(!screen.contains("Your team"), "no question after the server is known to be down")
        #expect(!screen.contains("1 Board"), "the interface does not start")
        Self.keep(screen, as: "error-server-down")
    }

    @Test func anUnknownCodeStopsWithTheServersWord() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("unknown"))
        try await server.start()
        defer { server.stopNow() }
        let (_, code) = try await EndToEndTests.room(server)
        let wrong = code == "222222" ? "333333" : "222222"
        let kim = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(wrong) --name Kim",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("kim-unknown")])
        defer { kim.close() }
        let screen = try await kim.waitFor(text: "There is no room \(wrong) on this server")
        #expect(!screen.contains("Your team") && !screen.contains("1 Board"))
        Self.keep(screen, as: "error-unknown-code")
    }

    /// A room the instructor has closed to new students is said before any question, with the refusal's words.
    @Test func aClosedRoomStopsANewStudentBeforeAnyQuestion() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("closed"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code) = try await EndToEndTests.room(server)
        try await instructor.request(["type": "set_joining", "open": false])
        let kim = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code)",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("kim-closed")])
        defer { kim.close() }
        let screen = try await kim.waitFor(text: "is closed to new students for now")
        #expect(screen.contains("room \(code) is closed") && screen.contains("ask your instructor to open it"), "\(screen)")
        #expect(!screen.contains("Your name") && !screen.contains("1 Board"), "\(screen)")
        Self.keep(screen, as: "error-joining-closed")
    }

    @Test func aTeamIsTakenByItsIdOrNameInAnyCase() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("team-case"))
        try await server.start()
        defer { server.stopNow() }
        let (instructor, code) = try await EndToEndTests.room(server)
        // Typed in capitals on the command line.
        let kim = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code) --name Kim --team MARISOL",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("kim-case")])
        defer { kim.close() }
        let joined = try await kim.waitFor("Kim on Marisol") { $0.contains("ARMISTICE \(code)") && $0.contains("Kim·Marisol") }
        Self.keep(joined, as: "team-by-id-any-case")
        // Asked: a wrong answer is asked again with the list; the team's name works.
        let lee = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code) --name Lee",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("lee-case")])
        defer { lee.close() }
        try await lee.waitFor(text: "Your team")
        try lee.type("UN")
        try lee.keys("Enter")
        let again = try await lee.waitFor(text: "There is no team \"UN\"")
        // Each team as `id — name` (a name may have brackets of its own).
        #expect(again.contains("tervane — Kingdom of Tervane"), "\(again)")
        try lee.type("kingdom of tervane")
        try lee.keys("Enter")
        let seated = try await lee.waitFor("Lee on Tervane") { $0.contains("ARMISTICE \(code)") && $0.contains("Lee·Tervane") }
        Self.keep(again, as: "team-asked-again")
        // Quitting from a seat keeps it.
        try lee.keys("q")
        let quit = try await lee.waitFor(text: "Leave Armistice? (y/n)")
        #expect(quit.contains("Your seat is kept"))
        #expect(seated.contains("Lee·Tervane"))
        instructor.close()
    }
}
