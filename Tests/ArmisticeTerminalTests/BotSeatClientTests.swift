import Foundation
import Testing
@testable import ArmisticeTerminal

/// Issue 15 in the terminal client: the bot badge on a team wherever teams or seats are shown, and the instructor's
/// `bot TEAM POLICY|off` command (set_bot) and the create_room fields of `armistice instructor --bot/--absent`.
@Suite struct BotSeatClientTests {
    /// The fixture's room with a greedy bot on Tervane (where Ari, a student, is online) and an idle bot on the
    /// mediator (no students).
    static let roster = """
    {"type":"roster","seq":58,"roster":[{"seat":"s1","name":"Ms Lee","role":"instructor","online":true},
      {"seat":"s3","name":"Kim","role":"player","team":"marisol","online":true},
      {"seat":"s4","name":"Ari","role":"player","team":"tervane","online":true},
      {"seat":"s5","name":"Kingdom of Tervane bot","role":"player","team":"tervane","online":true,"bot":"greedy"},
      {"seat":"s6","name":"Regional Fisheries Mediator bot","role":"player","team":"mediator","online":true,"bot":"idle"}]}
    """

    static func student() -> ClientState {
        var s = Fixtures.seated()
        _ = s.apply(message: roster, now: Fixtures.now)
        return s
    }

    static func instructor() -> ClientState {
        var s = ClientState()
        _ = s.apply(message: #"{"type":"joined","id":"seat","room":"R4X95U","seat":"s1","token":"R4X95U.y","role":"instructor"}"#, now: Fixtures.now)
        let snapshot = Fixtures.snapshot.replacingOccurrences(of: #""you":{"seat":"s3","name":"Kim","role":"player","team":"marisol"}"#,
                                                              with: #""you":{"seat":"s1","name":"Ms Lee","role":"instructor"}"#)
        _ = s.apply(message: snapshot, now: Fixtures.now)
        _ = s.apply(message: roster, now: Fixtures.now)
        return s
    }

    static func keep(_ screen: String, as name: String) {
        let dir = E2E.root.appendingPathComponent("test-output/terminal")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? screen.write(to: dir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
    }

    @Test func theRosterKnowsWhichSeatsAreBots() {
        let s = Self.student()
        #expect(s.bot(of: "tervane")?.seat == "s5")
        #expect(s.bot(of: "marisol") == nil)
        // A bot stands by while one of its team's students is online; the mediator's plays.
        #expect(s.botBadge("tervane") == "🤖 bot (greedy), standing by")
        #expect(s.botBadge("mediator") == "🤖 bot (idle)")
        #expect(s.botWords("marisol") == nil)
    }

    @Test func theStudentBoardShowsTheBadgeAt80x24() {
        let screen = RenderTests.screen(Self.student())
        for line in screen.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        // The badge wraps as one word (no-break spaces inside it), never half on the next line.
        let rows = screen.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("Tervane ✓ 🤖\u{00A0}bot\u{00A0}(greedy),\u{00A0}standing\u{00A0}by") })
        #expect(rows.contains { $0.hasPrefix("🤖\u{00A0}bot\u{00A0}(idle)") })
        let text = screen.replacingOccurrences(of: "\u{00A0}", with: " ")
        Self.keep(text, as: "bot-badge-student-unit")
    }

    @Test func theInstructorSeesBotSeatsInTheControlPaneAndTheDrafts() {
        var s = Self.instructor()
        s.focus(.control)
        let text = RenderTests.screen(s)
        for line in text.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80) }
        #expect(text.contains("Bot on a team: TEAM POLICY|off…"))
        // The draft pane marks the teams a bot plays.
        #expect(text.contains("Kingdom of Tervane 🤖greedy"))
        // The control pane lists seats below its commands: scroll down to them.
        for _ in 0..<12 { _ = s.handle(key: .down) }
        let seats = RenderTests.screen(s)
        #expect(seats.contains("🤖 bot (greedy)"))
        Self.keep(seats, as: "bot-control-instructor-unit")
        // The plain mode says it in words.
        #expect(s.boardLines(now: nil).contains { $0.hasPrefix("team tervane") && $0.hasSuffix("— bot (greedy), standing by") })
        #expect(s.draftLines().contains { $0.hasPrefix("Regional Fisheries Mediator [bot (idle)]:") })
        let roster = s.perform(.roster)
        #expect(roster.contains(.notice("s5 Kingdom of Tervane bot — player of Kingdom of Tervane — online — bot (greedy)")))
    }

    @Test func thePlainModeSaysWhenABotComesOrGoes() {
        var s = Fixtures.seated()
        let on = s.apply(message: Self.roster, now: Fixtures.now)
        #expect(on.contains(.notice("[roster] a bot (greedy) now plays Kingdom of Tervane whenever none of its students is online")))
        #expect(on.contains(.notice("[roster] a bot (idle) now plays Regional Fisheries Mediator whenever none of its students is online")))
        #expect(!on.contains { if case .notice(let n) = $0 { n.contains("bot is online") } else { false } })
        let off = s.apply(message: Self.roster.replacingOccurrences(of: #","bot":"idle""#, with: "")
            .replacingOccurrences(of: #""seq":58"#, with: #""seq":59"#)
            .replacingOccurrences(of: #"{"seat":"s5","name":"Kingdom of Tervane bot","role":"player","team":"tervane","online":true,"bot":"greedy"},"#, with: ""), now: Fixtures.now)
        #expect(off.contains(.notice("[roster] the bot is off Kingdom of Tervane")))
        #expect(off.contains(.notice("[roster] the bot is off Regional Fisheries Mediator")))
    }

    @Test func theBotCommandParsesAndSendsSetBot() throws {
        #expect(try Command.parse("bot tervane greedy") == .setBot(team: "tervane", policy: "greedy"))
        #expect(try Command.parse("bot mediator Block-All") == .setBot(team: "mediator", policy: "block-all"))
        #expect(try Command.parse("bot tervane off") == .setBot(team: "tervane", policy: nil))
        #expect(try Command.parse("set-bot tervane none") == .setBot(team: "tervane", policy: nil))
        #expect(throws: Command.ParseError.self) { try Command.parse("bot tervane") }
        #expect(throws: Command.ParseError.self) { try Command.parse("bot tervane clever") }
        #expect(Command.helpLines.contains { $0.contains("bot TEAM off") })

        var s = Self.instructor()
        // A team by its id or its name; the acknowledgement says what was done.
        let on = s.perform(line: "bot Tervane random")
        #expect(on == [.send(["type": "set_bot", "team": "tervane", "policy": "random", "id": 1])])
        _ = s.apply(message: #"{"type":"ack","id":1,"seq":59}"#, now: Fixtures.now)
        #expect(s.status == "✓ put a random bot on Kingdom of Tervane")
        let off = s.perform(line: "bot mediator off")
        #expect(off == [.send(["type": "set_bot", "team": "mediator", "id": 2])])
        _ = s.apply(message: #"{"type":"error","id":2,"code":"bad_request","message":"Regional Fisheries Mediator has no bot to take off"}"#, now: Fixtures.now)
        #expect(s.status == "✗ could not take the bot off Regional Fisheries Mediator: Regional Fisheries Mediator has no bot to take off")
    }

    @Test func theControlPaneOpensTheBotCommand() {
        var s = Self.instructor()
        s.focus(.control)
        let index = s.controlItems.firstIndex(of: .bot)!
        for _ in 0..<index { _ = s.handle(key: .down) }
        _ = s.handle(key: .enter)
        #expect(s.ui.input?.text == "bot ")
    }

    @Test func createRoomCarriesBotsAndTheAbsentRule() {
        let request = SeatRequest.create(key: "k", ruleset: "coral_strait", seed: nil, turns: nil, phases: [:], name: "Ms Lee",
                                         bots: ["tervane": "greedy"], absent: "hold")
        #expect(request.message["bots"] == ["tervane": "greedy"])
        #expect(request.message["absent"] == "hold")
        let plain = SeatRequest.create(key: "k", ruleset: "coral_strait", seed: nil, turns: nil, phases: [:], name: nil)
        #expect(plain.message["bots"] == nil && plain.message["absent"] == nil)
    }
}
