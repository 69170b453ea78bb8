import Foundation
import Testing
@testable import ArmisticeTerminal

/// The real `armistice join` with LANG=ko_KR.UTF-8 in tmux at 80×24 in a Koreanization room whose language is Korean: the
/// scenario's texts come from the server in Korean (hello's `lang`), the interface from the catalogs. This machine has
/// no ko_KR.UTF-8 locale generated (`locale -a`: C, C.utf8, POSIX): the session runs with `LANG=ko_KR.UTF-8` as a
/// Korean machine would, the client chooses Korean from it and draws under C.UTF-8 when that locale is missing.
/// Captures of the Board, Draft, Talk and Results panes are kept in test-output/terminal/korean-*.txt.
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct KoreanEndToEndTests {
    static let englishUIWords = ["Board", "Actions", "Draft", "Talk", "Deals", "Results", "Budget", "LOCKED", "Teams",
                                 "online", "NEGOTIATION", "RESULTS", "Your orders", "Changes over the turn", "No messages"]

    static func check(_ screen: String, _ what: String) {
        for (i, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(TerminalText.width(String(line)) <= 80, "\(what): line \(i + 1) is wider than 80 columns")
        }
        for word in englishUIWords { #expect(!screen.contains(word), "\(what): English \"\(word)\" on the Korean screen:\n\(screen)") }
    }

    static func header(_ screen: String) -> String { String(screen.split(separator: "\n").first ?? "") }

    @Test func aKoreanStudentSeesBoardDraftTalkAndResultsInKorean() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("korean"))
        try await server.start()
        defer { server.stopNow() }
        let instructor = try await ScriptSeat(port: server.port)
        let created = try await instructor.request([
            "type": "create_room", "key": .string(E2E.key), "ruleset": "koreanization", "seed": 7, "turns": 2, "language": "ko",
            "phases": ["briefing": 600, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 600],
        ])
        let code = created["room"]?.string ?? ""
        // No --lang: LANG=ko_KR.UTF-8 chooses Korean, as on a Korean teacher's machine. Where that locale is not
        // generated (this machine), the client draws under C.UTF-8 instead (CursesScreen).
        let kim = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code) --name '김민준' --team rok",
                                  environment: ["XDG_STATE_HOME": E2E.temporaryDirectory("kim-ko"), "LANG": "ko_KR.UTF-8", "LC_ALL": ""])
        defer { kim.close() }
        try await kim.waitFor("the room") { $0.contains("ARMISTICE \(code)") && $0.contains("준비") }
        let ari = try await ScriptSeat(port: server.port)
        try await ari.request(["type": "join", "code": .string(code), "name": "리영호", "team": "dprk"])
        try await instructor.request(["type": "start"])
        try await instructor.request(["type": "skip"])
        try await kim.waitFor("the negotiation") { Self.header($0).contains("│ 협상") }

        var kept: [String: String] = [:]
        // Board and Draft (the Board pane shares the screen with the focused pane at 80 columns).
        try kim.keys("1")
        kept["board"] = try await kim.waitFor("the board") { $0.contains(" 현황 ─") && $0.contains("한국") }
        try kim.keys("2")
        try await kim.waitFor(text: " 행동 ─")
        try kim.keys("Enter")
        try kim.keys("3")
        kept["draft"] = try await kim.waitFor("the draft") { $0.contains(" 명령안 ─") && $0.contains("1. ") && $0.contains("예산") }
        // Talk: a Korean message from the other team in the pair channel, and one written here.
        try await ari.request(["type": "chat", "channel": "pair:dprk+rok", "text": "개성공단 이야기를 해 봅시다."])
        try kim.keys("4")
        try await kim.waitFor(text: "[전체]")
        try kim.keys("Down", "Down")
        try await kim.waitFor(text: "[↔북한]")
        try kim.keys("Enter")
        try kim.type("좋습니다. 9·19 군사합의부터 지킵시다.")
        try kim.keys("Enter")
        kept["talk"] = try await kim.waitFor("the chat") { $0.contains("김민준: 좋습니다") }
        // Orders, lock, adjudication, results.
        try await instructor.request(["type": "skip"])
        try await kim.waitFor("the orders phase") { Self.header($0).contains("│ 명령") }
        try kim.keys("L")
        try await kim.waitFor(text: "(y/n)")
        try kim.keys("y")
        try await kim.waitFor(text: "확정")
        try await ari.request(["type": "lock"])
        try await kim.waitFor("the results phase", timeout: 40) { Self.header($0).contains("│ 결과") }
        try kim.keys("7")
        kept["results"] = try await kim.waitFor("the results", timeout: 30) { $0.contains("우리 팀 명령:") }

        let dir = E2E.root.appendingPathComponent("test-output/terminal")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, screen) in kept {
            Self.check(screen, name)
            try? screen.write(to: dir.appendingPathComponent("korean-\(name).txt"), atomically: true, encoding: .utf8)
        }
        #expect(kept["talk"]?.contains("리영호: 개성공단") == true)
        try kim.keys("q")
        try await kim.waitFor(text: "나갈까요")
        try kim.keys("y")
        instructor.close(); ari.close()
    }
}
