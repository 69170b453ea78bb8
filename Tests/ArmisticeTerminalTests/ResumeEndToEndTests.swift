import Foundation
import Testing
@testable import ArmisticeTerminal

/// A seat resumed in a new window, in tmux at 80×24 against the real server (REPORT-terminal #31: every item of the
/// turn came back marked unread, `News(5)`, whether it had been read or not).
@Suite(.serialized, .enabled(if: E2E.available, "needs tmux (apt-get install tmux) and a built .build/debug/armistice"))
struct ResumeEndToEndTests {
    static func tabs(_ screen: String) -> String { screen.split(separator: "\n").dropFirst().first.map(String.init) ?? "" }

    @Test func aResumedSeatMarksOnlyTheNewsItsEarlierWindowDidNotShow() async throws {
        let server = ServerProcess(data: E2E.temporaryDirectory("resume-news"))
        try await server.start()
        defer { server.stopNow() }
        let state = E2E.temporaryDirectory("kim-resume-news")
        let (instructor, code, kim, ari) = try await EndToEndTests.negotiation(server, state: state)
        defer { ari.close(); instructor.close() }
        // The turn's news is unread until the News pane shows it.
        try await kim.waitFor("unread news") { Self.tabs($0).contains("News(") }
        try kim.keys("6")
        try kim.keys("1")
        try await kim.waitFor("the news read") { !Self.tabs($0).contains("News(") && $0.contains("Board ─") }
        try await Task.sleep(for: .seconds(1))
        kim.close()

        // The same command in a new window takes the seat back: what was read stays read.
        let again = try TmuxSession(command: "'\(E2E.binary)' join 127.0.0.1:\(server.port) \(code)", environment: ["XDG_STATE_HOME": state])
        defer { again.close() }
        let back = try await again.waitFor("the same seat") { $0.contains(" \(code) │") && $0.contains("NEGOTIATION") && $0.contains("6 News") }
        #expect(!Self.tabs(back).contains("News("), "\(back)")
        // News that comes after is counted from there.
        try await instructor.request(["type": "inject_news", "text": "Storm warning for the strait"])
        let fresh = try await again.waitFor("the new item") { Self.tabs($0).contains("News(") }
        #expect(Self.tabs(fresh).contains("News(1)"), "\(fresh)")
    }
}
