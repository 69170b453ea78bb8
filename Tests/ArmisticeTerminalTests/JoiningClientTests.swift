import Foundation
import Testing
@testable import ArmisticeTerminal

/// The instructor's `close` and `open` (set_joining) in the terminal client, and the Control pane saying that the
/// room is closed to new students, from the snapshot's settings and from each roster event.
@Suite struct JoiningClientTests {
    static let roster = #"{"type":"roster","seq":60,"roster":[{"seat":"s1","name":"Ms Lee","role":"instructor","online":true}]"#

    @Test func closeAndOpenParseAndSendSetJoining() throws {
        #expect(try Command.parse("close") == .setJoining(open: false))
        #expect(try Command.parse("open") == .setJoining(open: true))
        #expect(try Command.parse("close-joining") == .setJoining(open: false))
        #expect(Command.helpLines.contains { $0.contains("close | open") })

        var s = BotSeatClientTests.instructor()
        let close = s.perform(line: "close")
        #expect(close == [.send(["type": "set_joining", "open": false, "id": 1])])
        _ = s.apply(message: #"{"type":"ack","id":1,"seq":59}"#, now: Fixtures.now)
        #expect(s.status?.hasPrefix("✓ closed the room to new students") == true)
        let open = s.perform(line: "open")
        #expect(open == [.send(["type": "set_joining", "open": true, "id": 2])])
        _ = s.apply(message: #"{"type":"error","id":2,"code":"not_instructor","message":"only the instructor can set joining"}"#, now: Fixtures.now)
        #expect(s.status == "✗ could not open the room to new students: only the instructor can set joining")
    }

    /// The Control pane's item closes the room, and once it is closed the same item opens it.
    @Test func theControlPanesItemClosesAndOpensJoining() throws {
        var s = BotSeatClientTests.instructor()
        s.focus(.control)
        let index = try #require(s.controlItems.firstIndex(of: .joining))
        for _ in 0..<index { _ = s.handle(key: .down) }
        #expect(RenderTests.screen(s).contains("Close joining: keep new students out"))
        #expect(s.handle(key: .enter) == [.send(["type": "set_joining", "open": false, "id": 1])])
        _ = s.apply(message: Self.roster + #","joining":"closed"}"#, now: Fixtures.now)
        #expect(RenderTests.screen(s).contains("Open joining: let new students in"))
        #expect(s.handle(key: .enter) == [.send(["type": "set_joining", "open": true, "id": 2])])
        s.language = .ko
        #expect(RenderTests.screen(s).contains("입장 열기: 새 학생 받기"))
    }

    @Test func theControlPaneSaysJoiningIsClosed() {
        var s = BotSeatClientTests.instructor()
        s.focus(.control)
        #expect(!s.joiningClosed)
        #expect(!RenderTests.screen(s).contains("Joining closed"))
        _ = s.apply(message: Self.roster + #","joining":"closed"}"#, now: Fixtures.now)
        #expect(s.joiningClosed)
        let screen = RenderTests.screen(s)
        for line in screen.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        // Under the join code, at the top of the pane (wrapped at this width).
        #expect(screen.contains("│Joining closed: new students are") && screen.contains("│  refused (:open lets them in)"))
        // A roster without it: open again.
        _ = s.apply(message: Self.roster.replacingOccurrences(of: #""seq":60"#, with: #""seq":61"#) + "}", now: Fixtures.now)
        #expect(!s.joiningClosed)
        #expect(!RenderTests.screen(s).contains("Joining closed"))
        // A snapshot's settings say it too.
        var again = ClientState()
        _ = again.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s1","token":"R4X95U.y","role":"instructor"}"#, now: Fixtures.now)
        let snapshot = Fixtures.snapshot.replacingOccurrences(of: #""you":{"seat":"s3","name":"Kim","role":"player","team":"marisol"}"#,
                                                              with: #""you":{"seat":"s1","name":"Ms Lee","role":"instructor"}"#)
            .replacingOccurrences(of: #""settings":{"#, with: #""settings":{"joining":"closed","#)
        _ = again.apply(message: snapshot, now: Fixtures.now)
        #expect(again.joiningClosed)
    }
}
