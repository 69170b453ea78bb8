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
        try server.start()
        defer { server.stop() }
        let (instructor, code) = try await EndToEndTests.room(server)
        let kim = try EndToEndTests.student(server, code: code, name: "Kim", team: "marisol", state: E2E.temporaryDirectory("kim-class"))
        defer { kim.close() }
        try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("SETUP") }
        let ari = try await ScriptSeat(port: server.port)
        try await ari.request(["type": "join", "code": .string(code), "name": "Ari", "team": "tervane"])
        try await instructor.request(["type": "start"])
        try await instructor.request(["type": "skip"])
        try await kim.waitFor(text: "NEGOTIATION")

        // The brief and the objectives, with their points, in a pane of their own.
        try kim.keys("8")
        let brief = try await kim.waitFor(text: "Objectives:")
        #expect(brief.contains("Your fishing fleet feeds"))
        #expect(brief.contains("point"))
        Self.keep(brief, as: "brief")

        // Tervane proposes: it sends its trawlers out, Marisol patrols. Kim accepts in the Deals pane.
        try await ari.request(["type": "propose_deal", "note": "equal shares",
                               "commitments": [["team": "tervane", "action": "tervane_fish_hard"], ["team": "marisol", "action": "marisol_patrol"]]])
        try kim.keys("5")
        let offered = try await kim.waitFor(text: "#1 OPEN")
        #expect(offered.contains("Kingdom of Tervane will Send the"), "another team's action by its name")
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
        let summary = try await kim.waitFor(text: "Changes over the turn:")
        #expect(summary.contains("Your orders:"))
        #expect(summary.contains("Patrol the strait →"))
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
}
