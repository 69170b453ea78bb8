import Foundation
import Testing
@testable import ArmisticeTerminal

/// Issue 15 end to end: `armistice instructor --bot tervane=greedy --absent hold` in tmux at 80×24 creates a room with
/// a bot on a team; a student in another tmux sees the bot badge; the instructor puts a bot on the mediator and takes
/// Tervane's off with the `bot` command, and the student's screen follows. Captures in test-output/terminal/.
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct BotEndToEndTests {
    /// The teams line of the student's board, from "Teams:" to the line before the brief hint (it wraps).
    static func teamsText(_ screen: String) -> String {
        // The board is the left column: each row up to the rule between the columns.
        let rows = screen.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n", omittingEmptySubsequences: false).map { String($0.split(separator: "│", maxSplits: 1).first ?? "") }
        guard let start = rows.firstIndex(where: { $0.contains("Teams:") }) else { return "" }
        return rows[start...].prefix { !$0.contains("Your brief") }.joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Types a command at the `:` line and runs it.
    static func command(_ session: TmuxSession, _ line: String) throws {
        try session.keys(":")
        try session.type(line)
        try session.keys("Enter")
    }

    @Test func theInstructorCreatesARoomWithABotAndPutsBotsOnAndOff() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("bots"))
        try await server.start()
        defer { server.stopNow() }
        let teacher = try TmuxSession(
            command: "'\(E2E.binary)' instructor 127.0.0.1:\(server.port) --key \(E2E.key) --name 'Ms Lee' --ruleset coral_strait --seed 7 --turns 2"
                + " --phases briefing=600,negotiation=600,orders=600,adjudication=1,results=600 --bot tervane=greedy --absent hold",
            environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("lee-bots")])
        defer { teacher.close() }
        let created = try await teacher.waitFor("the new room") { $0.range(of: #"[A-Z0-9]{6} │"#, options: .regularExpression) != nil && $0.contains("SETUP") }
        // The header starts with the room's code (after the word ARMISTICE when the line has room for it).
        let code = String(created[created.range(of: #"[A-Z0-9]{6} │"#, options: .regularExpression)!].prefix(6))
        // The board's teams line and the drafts mark Tervane's bot.
        let first = try await teacher.waitFor(text: "🤖")
        #expect(first.contains("Kingdom of Tervane 🤖greedy"), "the instructor's drafts mark the bot")
        ClassEndToEndTests.keep(first, as: "bot-instructor-created")

        let kim = try EndToEndTests.student(server, code: code, name: "Kim", team: "marisol", state: E2E.temporaryDirectory("kim-bots"))
        defer { kim.close() }
        try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        let badge = try await kim.waitFor("Tervane's bot badge") { Self.teamsText($0).contains("Kingdom of Tervane 🤖 bot (greedy)") }
        for line in badge.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        ClassEndToEndTests.keep(badge, as: "bot-badge-student")

        // The instructor puts a random bot on the mediator: typed at the command line.
        try Self.command(teacher, "bot mediator random")
        let put = try await teacher.waitFor(text: "✓ put a random bot on Regional Fisheries Mediator")
        ClassEndToEndTests.keep(put, as: "bot-instructor-put-on")
        try await kim.waitFor("the mediator's bot badge") { Self.teamsText($0).contains("Regional Fisheries Mediator 🤖 bot (random)") }

        // The control pane lists the bot seats; its item opens the command.
        try teacher.keys("Tab")
        let control = try await teacher.waitFor("the control pane") { $0.contains("Bot on a team: TEAM POLICY|off") }
        ClassEndToEndTests.keep(control, as: "bot-instructor-control")

        // Taking Tervane's bot off: the badge goes from the student's board.
        try Self.command(teacher, "bot tervane off")
        let off = try await teacher.waitFor(text: "✓ took the bot off Kingdom of Tervane")
        ClassEndToEndTests.keep(off, as: "bot-instructor-taken-off")
        let after = try await kim.waitFor("Tervane's badge gone") {
            let teams = Self.teamsText($0)
            return !teams.contains("Kingdom of Tervane 🤖") && teams.contains("Regional Fisheries Mediator 🤖 bot (random)")
        }
        ClassEndToEndTests.keep(after, as: "bot-badge-student-after-off")

        // A policy the server does not know is refused before it is sent.
        try Self.command(teacher, "bot tervane clever")
        try await teacher.waitFor(text: "no bot policy \"clever\"")
    }
}
