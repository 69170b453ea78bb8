import ArmisticeLocale
import ArmisticeWire
import Foundation
import Testing
@testable import ArmisticeTerminal

/// What the second outside test of the terminal at 80×24 (REPORT-terminal, Korean and English) found: a shared lab
/// login's seats, a removed seat's window, the typed `:end`, the Board's flags, the turn summary's event names, the
/// adjustment's words, the plain `results`, and the wording of headers and Korean lines.
@Suite struct ClassReportFourthRoundTests {
    static func store() -> SeatStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seats-\(UUID().uuidString)").path
        return SeatStore.standard(environment: ["XDG_STATE_HOME": dir])
    }

    static func seat(_ name: String, _ token: String, team: String = "rok") -> SeatStore.Entry {
        .init(url: "ws://h:1/ws", room: "WZXPD4", token: "WZXPD4.\(token)", name: name, team: team, role: "player")
    }

    /// #1: two students on one lab login (the second with --new-seat) each keep their own seat; `join` with a name
    /// takes back that name's seat only, and without a name, with two seats kept, it takes neither.
    @Test func studentsSharingALoginEachGetTheirOwnSeatBack() throws {
        let store = Self.store()
        defer { try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent) }
        try store.save(Self.seat("윤하", "s5"))
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: nil) == .seat(Self.seat("윤하", "s5")))
        try store.save(Self.seat("도윤", "s6"))
        // Both kept (the second no longer replaces the first).
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: "윤하").seat?.token == "WZXPD4.s5")
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: "도윤").seat?.token == "WZXPD4.s6")
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: nil) == .several([Self.seat("윤하", "s5"), Self.seat("도윤", "s6")]))
        // A name with no seat kept makes a new seat; a name typed in another case still finds its own.
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: "Mina") == SeatStore.Lookup.none)
        try store.save(Self.seat("Mina", "s7"))
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: "mina ").seat?.token == "WZXPD4.s7")
        // A name's newer seat replaces its older one; an observer's seat is another role's.
        try store.save(Self.seat("도윤", "s9"))
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "player", name: "도윤").seat?.token == "WZXPD4.s9")
        #expect(store.all().filter { $0.name == "도윤" }.count == 1)
        #expect(store.lookUp(url: "ws://h:1/ws", room: "WZXPD4", role: "observer", name: nil) == SeatStore.Lookup.none)
        // The lookup of what a shared login should say is in the interface's language.
        let ko = Catalog(language: .ko).text("terminal.join.several_seats", ["room": "WZXPD4", "names": "윤하, 도윤"])
        #expect(ko.contains("윤하, 도윤") && ko.contains("--name"), "\(ko)")
    }

    /// #6: a seat the instructor removed is forgotten (the same command then asks for a new seat, never "Taking back
    /// your seat"); one merely open in another window is kept. The plain mode's line names no key to press.
    @Test func aRemovedSeatIsForgottenAndThePlainLineSaysNoKey() {
        let kicked = ClientState.Closure.removed(from: JSONValue.parse(#"{"type":"removed","reason_code":"removed_by_instructor","reason":"x"}"#)!)
        let elsewhere = ClientState.Closure.removed(from: JSONValue.parse(#"{"type":"removed","reason_code":"resumed_elsewhere","reason":"x"}"#)!)
        #expect(kicked.endsTheSeat && !elsewhere.endsTheSeat)
        for language in [Language.en, .ko] {
            var s = ClientState()
            s.language = language
            s.connection = .closed(kicked)
            #expect(!s.plainConnectionLine.contains("q "), "\(s.plainConnectionLine)")
            #expect(s.waitingLine.contains("q "), "the full screen's line keeps its key")
            s.connection = .reconnecting(attempt: 2)
            #expect(s.plainConnectionLine.contains("quit") && !s.plainConnectionLine.contains("q quits") && !s.plainConnectionLine.contains("q 종료"))
        }
        var ended = Fixtures.seated()
        ended.connection = .closed(kicked)
        #expect(TerminalClient.ending(of: ended) == .refused)
        #expect(TerminalClient.ending(of: Fixtures.seated()) == .quit)
    }

    /// #3: a typed `:end` asks what the Control pane's "End the match" asks, and the reason given goes with the `end`.
    @Test func aTypedEndAsksAsTheControlPanesItemDoes() throws {
        var s = BotSeatClientTests.instructor()
        _ = s.handle(key: .char(":"))
        Fixtures.type("end the bell rang", into: &s)
        #expect(!TypedCommandsAskTests.sends(s.handle(key: .enter)), "nothing is sent before the answer")
        guard case .confirm(let prompt, .end(let reason))? = s.ui.modal else { Issue.record("no question"); return }
        #expect(prompt == s.t.text("terminal.confirm.end") && reason == "the bell rang")
        let sent = s.handle(key: .char("y")).compactMap { if case .send(let m) = $0 { m } else { nil } }
        #expect(sent.first?["type"]?.string == "end" && sent.first?["reason"]?.string == "the bell rang")
        // A student is asked nothing (the server refuses a student's end).
        #expect(Fixtures.seated().confirmation(for: .end(nil)) == nil)
    }

    /// #4: a raised flag's long sentence wraps on the Board, as tracks and projects do, never cut at the pane's edge.
    @Test func aLongFlagWrapsOnTheBoard() {
        var s = Fixtures.seated()
        s.view.flags = [FlagInfo(JSONValue.parse(#"{"id":"yongbyon","name":"Pyongyang has offered Yongbyon for concrete corresponding measures","value":true}"#)!)]
        s.focus(.board)
        let screen = Fixtures.screen(s)
        let joined = screen.split(separator: "\n").map { String($0.prefix(40)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("⚑ Pyongyang has offered Yongbyon for") && joined.contains("concrete corresponding measures"), "\(screen)")
    }

    /// #5: the turn summary names an event that moved a track by the event's name, as the full log does, never its id.
    @Test func theTurnSummaryNamesEventsByTheirNames() {
        for language in [Language.en, .ko] {
            var s = Fixtures.seated()
            s.language = language
            let records = #"""
            [{"kind":"event","turn":1,"event":"dmz_incident","text":"Incident in the DMZ","result":"scripted"},
             {"kind":"effect","turn":1,"target":"goodwill","from":3,"to":1,"reason":"event:dmz_incident"},
             {"kind":"adjustment","turn":1,"target":"goodwill","from":1,"to":2,"reason":"class vote"}]
            """#
            _ = s.apply(message: #"{"type":"update","seq":\#(s.lastSeq + 1),"prev":\#(s.lastSeq),"cause":{"type":"advance"},"changes":{"phase":"results"},"records":\#(records)}"#, now: Fixtures.now)
            let text = s.perform(.results).compactMap { if case .notice(let l) = $0 { l } else { nil } }.joined(separator: "\n")
            #expect(text.contains("Incident in the DMZ") && !text.contains("dmz incident") && !text.contains("dmz_incident"), "\(text)")
        }
    }

    /// #2: `adjust` sets a value: its confirmation says the value before and after, and the Control pane's item says so.
    @Test func anAdjustmentConfirmsTheValueBeforeAndAfter() throws {
        var s = BotSeatClientTests.instructor()
        let id = try #require(FeedbackWordingTests.requestID(s.perform(line: "adjust goodwill 50 typo")))
        _ = s.apply(message: #"{"type":"ack","id":\#(id)}"#, now: Fixtures.now)
        #expect(s.status == "✓ set Goodwill between the islands: 3 → 10", "the track's top is 10: \(s.status ?? "")")
        s.language = .ko
        let again = try #require(FeedbackWordingTests.requestID(s.perform(line: "adjust goodwill 5 vote")))
        _ = s.apply(message: #"{"type":"ack","id":\#(again)}"#, now: Fixtures.now)
        #expect(s.status == "✓ Goodwill between the islands을(를) 새 값으로 정했습니다: 3 → 5", "\(s.status ?? "")")
        #expect(Catalog(language: .en).text("terminal.control.adjust") == "Set a track to a value (reason)…")
    }

    /// #8: the plain `results` at the start of a turn shows the last adjudicated turn, not the new one; `results N`
    /// shows turn N.
    @Test func plainResultsShowTheLastAdjudicatedTurn() {
        var s = Fixtures.seated()
        let records = #"""
        [{"kind":"order","turn":1,"team":"marisol","action":"fish_hard","params":{},"result":"success"},
         {"kind":"effect","turn":1,"target":"marisol_catch","from":8,"to":10,"reason":"action:fish_hard"},
         {"kind":"deal","turn":2,"deal":3,"team":"tervane","result":"proposed"}]
        """#
        _ = s.apply(message: #"{"type":"update","seq":\#(s.lastSeq + 1),"prev":\#(s.lastSeq),"cause":{"type":"advance"},"changes":{"turn":2,"phase":"negotiation"},"records":\#(records)}"#, now: Fixtures.now)
        func lines(_ command: String) -> [String] { s.perform(line: command).compactMap { if case .notice(let l) = $0 { l } else { nil } } }
        #expect(lines("results").first == "── Turn 1 ──", "\(lines("results"))")
        #expect(lines("results 2").first == "── Turn 2 ──")
        #expect(lines("results 7") == ["no results for turn 7"])
        #expect(lines("results x").first?.contains("usage: results [TURN]") == true, "\(lines("results x"))")
    }

    /// #16, #20: in Korean the header names a long team by its name shortened, not its English id; an instructor named by the role's word
    /// reads once ("Instructor", not "Instructor (instructor)").
    @Test func theHeaderShortensTheTeamsNameAndSaysTheRoleOnce() {
        var s = Fixtures.seated()
        s.language = .ko
        s.view.teams[0].name = "지역 수산 중재자"
        #expect(Renderer.headerTeamName("marisol", s) == "중재자", "\(Renderer.headerTeamName("marisol", s))")
        // One rule in every language (qa5, Confusing #11): a long name by its last word, never the team's id.
        s.language = .en
        s.view.teams[0].name = "Republic of Marisol"
        #expect(Renderer.headerTeamName("marisol", s) == "Marisol")
        s.view.teams[0].name = "DPRK (North Korea)"
        #expect(Renderer.headerTeamName("marisol", s) == "DPRK")
        s.view.teams[0].name = "United States"
        #expect(Renderer.headerTeamName("marisol", s) == "United States")
        var teacher = BotSeatClientTests.instructor()
        teacher.you.name = "Instructor"
        #expect(!String(Fixtures.screen(teacher).split(separator: "\n")[0]).contains("Instructor (instructor)"))
        teacher.you.name = "교사"
        teacher.language = .ko
        #expect(!String(Fixtures.screen(teacher).split(separator: "\n")[0]).contains("교사 (교사)"))
        teacher.you.name = "Ms Lee"
        #expect(String(Fixtures.screen(teacher).split(separator: "\n")[0]).contains("Ms Lee (교사)"))
    }

    /// #17, #18, #19: Korean lines as a Korean reader expects them.
    @Test func koreanLinesReadNaturally() {
        let ko = Catalog(language: .ko)
        #expect(ko.text("terminal.control.joining_closed").contains("(:open으로"))
        #expect(!ko.text("terminal.control.bot_item").contains("|"))
        #expect(!ko.text("terminal.join.unreachable").contains("선생님") && ko.text("terminal.join.unreachable").components(separatedBy: "확인").count <= 2)
        #expect(!ko.text("terminal.join.ask_team_among").contains("선생님"))
        #expect(ko.text("terminal.talk.empty", ["channel": "↔북한"]).hasPrefix("↔북한: "))
        // An action named by its id takes no particle.
        var s = Fixtures.seated()
        s.language = .ko
        let id = FeedbackWordingTests.requestID(s.perform(line: "add table_yongbyon"))!
        _ = s.apply(message: #"{"type":"error","id":\#(id),"code":"unknown_action","message":"그런 행동은 없습니다"}"#, now: Fixtures.now)
        #expect(s.status?.contains("을(를)") == false, "\(s.status ?? "")")
    }
}

extension ClassReportFourthRoundTests {
    /// #2: while `:adjust` is typed, the footer says it sets a value and, once the target is typed, its value now and range.
    @Test func typingAdjustNamesTheTargetsValueAndRange() {
        var s = BotSeatClientTests.instructor()
        _ = s.handle(key: .char(":"))
        Fixtures.type("adjust ", into: &s)
        #expect(s.adjustHint?.contains("does not add") == true, "\(s.adjustHint ?? "")")
        Fixtures.type("goodwill", into: &s)
        #expect(s.adjustHint == "Goodwill between the islands is 3 now, from 0 to 10: VALUE is the new value, not an amount to add")
        #expect(Fixtures.screen(s).contains("is 3 now, from 0 to 10"), "\(Fixtures.screen(s))")
        s.language = .ko
        #expect(s.adjustHint?.contains("지금 3, 범위 0–10") == true, "\(s.adjustHint ?? "")")
        _ = s.handle(key: .escape)
        #expect(s.adjustHint == nil)
    }

    /// #16: a seat taken back names its team by name, in the interface's language, a room closed to new students too.
    @Test func aClosedRoomsSummaryStillNamesItsTeams() throws {
        let body = #"{"room":"K7QX3M","teams":[{"id":"un","name":"United Nations"}],"localized":{"ko":{"teams":{"un":"유엔"}}},"joining":"closed"}"#
        let teams = TeamProbe.teams(try #require(JSONValue.parse(body)), language: "ko")
        #expect(teams.map(\.name) == ["유엔"])
        let line = Catalog(language: .ko).phrase("terminal.join.taking_back_team", ["room": "K7QX3M", "name": "Bob", "team": teams[0].name])
        #expect(line.hasPrefix("K7QX3M 방의 유엔 팀 자리로 돌아갑니다"), "\(line)")
    }
}
