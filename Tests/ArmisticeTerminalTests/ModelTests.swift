import ArmisticeLocale
import Testing
@testable import ArmisticeTerminal

@Suite struct ModelTests {
    @Test func snapshotFillsTheState() {
        let s = Fixtures.seated()
        #expect(s.room == "R4X95U")
        #expect(s.myTeam == "marisol")
        #expect(s.lastSeq == 57)
        #expect(s.view.tracks.count == 3)
        #expect(s.myBudget == 3 && s.mySpent == 1)
        #expect(s.records.count == 4)
        #expect(s.chat.count == 1)
        #expect(s.connection == .online)
        #expect(s.clockLabel(now: Fixtures.now + 1_000) == "4:00")
    }

    @Test func updateReplacesTheViewAndAppendsRecords() {
        var s = Fixtures.seated()
        let view = Fixtures.view.replacing(#""phase":"negotiation""#, with: #""phase":"results""#)
            .replacing(#""records":[{"kind":"phase","turn":1,"phase":"briefing"}"#, with: #""records":[{"kind":"phase","turn":1,"phase":"x"}"#)
        let update = """
        {"type":"update","room":"R4X95U","seq":58,"prev":57,"cause":{"type":"advance","by":"clock","reason":"all_locked"},
         "records":[{"kind":"order","turn":1,"team":"marisol","action":"patrol","result":"success","chance":60,"roll":41},
                    {"kind":"effect","turn":1,"target":"friction","from":2,"to":3,"reason":"order:marisol:patrol"}],
         "view":\(view),"clock":{"phase":"results","turn":1,"paused":false,"remaining":60000}}
        """
        let effects = s.apply(message: update, now: Fixtures.now)
        #expect(s.view.phase == "results")
        #expect(s.records.count == 6)
        #expect(s.lastSeq == 58)
        #expect(effects.contains(.notice("[order] Republic of Marisol: Naval patrol — succeeded (rolled 41 against 60%)")))
        #expect(effects.contains(.notice("[effect] Friction at sea: 2 → 3 (order:marisol:patrol)")))
    }

    @Test func anUpdateWithChangesReplacesOnlyThoseFields() {
        var s = Fixtures.seated()
        let tracks = s.view.tracks.count
        let update = """
        {"type":"update","room":"R4X95U","seq":58,"prev":57,"cause":{"type":"advance","by":"clock","reason":"all_locked"},
         "records":[{"kind":"phase","turn":1,"phase":"results"}],
         "changes":{"phase":"results","spent":null},"patches":{"tracks":{"0":{"value":9}}},"clock":{"phase":"results","turn":1,"paused":false,"remaining":60000}}
        """
        _ = s.apply(message: update, now: Fixtures.now)
        #expect(s.view.phase == "results")
        #expect(s.view.tracks.count == tracks)
        #expect(s.view.tracks[0].value == 9 && s.view.tracks[1].value == Fixtures.seated().view.tracks[1].value)
        #expect(s.myBudget == 3 && s.mySpent == 0)
        #expect(s.records.count == 5)
        // A later change keeps what the first one left.
        _ = s.apply(message: #"{"type":"update","seq":59,"prev":58,"cause":{"type":"advance","by":"s1"},"records":[],"changes":{"turn":2}}"#, now: Fixtures.now)
        #expect(s.view.turn == 2 && s.view.phase == "results" && s.view.tracks.count == tracks)
    }

    @Test func aDraftInsideAnUpdateOfSeveralInputsIsAnnounced() {
        var s = Fixtures.seated()
        let mate = s.roster.first { $0.seat != s.you.seat && $0.team == s.myTeam }
        let update = """
        {"type":"update","room":"R4X95U","seq":59,"prev":57,"cause":{"type":"lock_orders","by":"s9"},
         "causes":[{"type":"set_orders","by":"\(mate?.seat ?? "s4")"},{"type":"lock_orders","by":"s9"}],"records":[],
         "changes":{"orders":{"marisol":{"orders":[{"action":"patrol","params":{}}],"consents":{}}}}}
        """
        let effects = s.apply(message: update, now: Fixtures.now)
        #expect(effects.contains { if case .notice(let text) = $0 { return text.hasPrefix("[draft]") } else { return false } })
    }

    @Test func aGapAsksForAResync() {
        var s = Fixtures.seated()
        let effects = s.apply(message: #"{"type":"chat","seq":70,"prev":65,"message":{"seq":70,"seat":"s4","name":"Ari","channel":"all","text":"hi"}}"#, now: Fixtures.now)
        #expect(effects.count == 1)
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        #expect(m["type"]?.string == "resync")
        #expect(s.chat.count == 1)
    }

    @Test func eventsAlreadySeenAreIgnored() {
        var s = Fixtures.seated()
        let chat = #"{"type":"chat","seq":50,"prev":49,"message":{"seq":50,"seat":"s4","name":"Ari","channel":"all","text":"old"}}"#
        #expect(s.apply(message: chat, now: Fixtures.now).isEmpty)
        #expect(s.chat.count == 1)
    }

    @Test func chatCountsUnreadOutsideTheChannelShown() {
        var s = Fixtures.seated()
        _ = s.apply(message: #"{"type":"chat","seq":58,"prev":57,"message":{"seq":58,"seat":"s4","name":"Ari","channel":"pair:marisol+tervane","text":"psst"}}"#, now: Fixtures.now)
        #expect(s.unread["pair:marisol+tervane"] == 1)
        #expect(s.channels.contains("pair:marisol+tervane"))
        s.focus(.talk)
        s.ui.channel = "pair:marisol+tervane"
        _ = s.handle(key: .down)
        _ = s.handle(key: .up)
        #expect(s.unread["pair:marisol+tervane"] == nil)
    }

    @Test func addingAnActionSendsTheWholeDraft() {
        var s = Fixtures.seated()
        s.focus(.actions)
        _ = s.handle(key: .down) // Naval patrol
        let effects = s.handle(key: .enter)
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        #expect(m["type"]?.string == "set_orders")
        #expect(m["orders"]?.array.compactMap { $0["action"]?.string } == ["fish_hard", "patrol"])
    }

    @Test func actionsWithParametersOpenAForm() {
        var s = Fixtures.seated()
        s.focus(.actions)
        for _ in 0..<3 { _ = s.handle(key: .down) }
        #expect(s.handle(key: .enter).isEmpty)
        guard case .params? = s.ui.modal else { Issue.record("no form"); return }
        _ = s.handle(key: .char("4"))
        _ = s.handle(key: .down)
        _ = s.handle(key: .right)
        let effects = s.handle(key: .enter)
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        let order = m["orders"]?.array.last
        #expect(order?["action"]?.string == "propose_quota")
        #expect(order?["params"]?["tonnes"]?.int == 4)
        #expect(order?["params"]?["partner"]?.string == "mediator")
    }

    @Test func lockAsksFirst() {
        var s = Fixtures.seated()
        #expect(s.handle(key: .char("L")).isEmpty)
        let effects = s.handle(key: .char("y"))
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        #expect(m["type"]?.string == "lock")
    }

    @Test func quitAsksFirst() {
        var s = Fixtures.seated()
        #expect(s.handle(key: .char("q")).isEmpty)
        #expect(s.ui.modal == .confirmQuit)
        #expect(s.handle(key: .char("n")).isEmpty)
        #expect(s.ui.modal == nil)
        _ = s.handle(key: .char("q"))
        #expect(s.handle(key: .char("y")) == [.quit])
    }

    @Test func errorsAreShownWithWhatWasAsked() {
        var s = Fixtures.seated()
        _ = s.perform(.lock)
        _ = s.apply(message: #"{"type":"error","id":1,"code":"wrong_phase","message":"orders are locked in the orders phase"}"#, now: Fixtures.now)
        #expect(s.status == "✗ could not lock the team's orders: orders are locked in the orders phase")
        #expect(s.statusIsError)
    }

    @Test func chatIsTypedInTheTalkPane() {
        var s = Fixtures.seated()
        s.focus(.talk)
        _ = s.handle(key: .enter)
        for c in "hi all" { _ = s.handle(key: .char(c)) }
        let effects = s.handle(key: .enter)
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        #expect(m["type"]?.string == "chat")
        #expect(m["channel"]?.string == "all")
        #expect(m["text"]?.string == "hi all")
    }

    @Test func dealsAreAnsweredFromTheDealsPane() {
        var s = Fixtures.seated()
        s.focus(.deals)
        let effects = s.handle(key: .char("a"))
        guard case .send(let m)? = effects.first else { Issue.record("no request"); return }
        #expect(m["type"]?.string == "respond_deal")
        #expect(m["deal"]?.int == 1)
        #expect(m["accept"]?.bool == true)
    }

    @Test func removedSeatClosesForGood() {
        var s = Fixtures.seated()
        _ = s.apply(message: #"{"type":"removed","room":"R4X95U","reason":"seat resumed elsewhere"}"#, now: Fixtures.now)
        #expect(s.connection == .closed(.removed(nil, "seat resumed elsewhere")))
    }
}

@Suite struct CommandTests {
    @Test func parsesTheCommands() throws {
        #expect(try Command.parse("add propose_quota tonnes=4 partner=tervane") == .add(action: "propose_quota", params: ["tonnes": 4, "partner": "tervane"]))
        #expect(try Command.parse("say tervane shall we talk?") == .say(channel: "tervane", text: "shall we talk?"))
        #expect(try Command.parse("extend +120") == .extend(120))
        #expect(try Command.parse("news") == .news)
        #expect(try Command.parse("news Markets rally") == .injectNews("Markets rally"))
        #expect(try Command.parse("adjust friction 1 the class agreed") == .adjust(target: "friction", value: 1, reason: "the class agreed"))
        #expect(try Command.parse("consent patrol block") == .consent(action: "patrol", decision: "block"))
        let deal = try Command.parse("deal marisol:fish_hard tervane:propose_quota(tonnes=3) tervane:approve:patrol -- a fair share")
        #expect(deal == .propose(commitments: [
            ["team": "marisol", "action": "fish_hard"],
            ["team": "tervane", "action": "propose_quota", "params": ["tonnes": 3]],
            ["team": "tervane", "consent": "patrol", "decision": "approve"],
        ], note: "a fair share"))
        #expect(throws: Command.ParseError.self) { try Command.parse("frobnicate") }
        #expect(throws: Command.ParseError.self) { try Command.parse("remove x") }
    }

    @Test func channelsResolveToTheServerNames() {
        let s = Fixtures.seated()
        #expect(s.resolveChannel("team") == "team:marisol")
        #expect(s.resolveChannel("tervane") == "pair:marisol+tervane")
        #expect(s.resolveChannel("all") == "all")
    }

    @Test func addressesBecomeWebSocketURLs() {
        #expect(ServerAddress.url("localhost") == "ws://localhost:8080/ws")
        #expect(ServerAddress.url("ws://localhost:8080/ws", room: "K7QX3M") == "ws://localhost:8080/ws?room=K7QX3M")
        #expect(ServerAddress.url("ws://h/ws?x=1", room: "K7QX3M") == "ws://h/ws?x=1&room=K7QX3M")
        #expect(ServerAddress.url("ws://h/ws", room: nil) == "ws://h/ws")
        #expect(ServerAddress.url("10.0.0.5:9000") == "ws://10.0.0.5:9000/ws")
        #expect(ServerAddress.url("https://war.example.org") == "wss://war.example.org/ws")
        #expect(ServerAddress.url("ws://h:1/ws") == "ws://h:1/ws")
        #expect(ServerAddress.normalizeCode("r4x-95 u") == "R4X95U")
    }

    @Test func aTeamIsFoundByItsIdOrAnyOfItsNamesInAnyLanguageAndCase() {
        // The Koreanization room's teams as `GET /api/rooms/CODE` gives them, read by an English interface.
        let body = Array(#"{"teams":[{"id":"dprk","name":"DPRK (North Korea)"},{"id":"rok","name":"ROK (South Korea)"},{"id":"usa","name":"United States"},{"id":"un","name":"United Nations"}],"localized":{"ko":{"teams":{"dprk":"북한","rok":"한국","usa":"미국","un":"유엔"}}}}"#.utf8)
        guard case .teams(let teams)? = TeamProbe.answer(status: 200, body: body) else { Issue.record("no teams"); return }
        for typed in ["dprk", "DPRK", "North Korea", "north  korea", "DPRK (North Korea)", "dprk (north korea)", "북한", " 북한 "] {
            #expect(JoinCheck.team(typed, among: teams) == "dprk", "\(typed)")
        }
        #expect(JoinCheck.team("South Korea", among: teams) == "rok")
        #expect(JoinCheck.team("한국", among: teams) == "rok")
        #expect(JoinCheck.team("united states", among: teams) == "usa")
        #expect(JoinCheck.team("유엔", among: teams) == "un")
        // Only a whole name or a whole bracketed part: "Korea" or "United" could be either of two teams.
        #expect(JoinCheck.team("Korea", among: teams) == nil)
        #expect(JoinCheck.team("United", among: teams) == nil)
        #expect(JoinCheck.team("", among: teams) == nil)
        // An unknown team is answered with the valid ones, each with its id and its name (no brackets in brackets).
        #expect(JoinCheck.list(teams) == "dprk — DPRK (North Korea); rok — ROK (South Korea); usa — United States; un — United Nations")
        let message = Catalog(language: .en).text("terminal.join.no_team", ["team": "Norh Korea", "teams": JoinCheck.list(teams)])
        #expect(message.contains("dprk — DPRK (North Korea)") && message.contains("by its id or its name"))
    }

    @Test func teamListComesFromTheRoomEndpoint() {
        let ok = Array(#"{"room":"K7QX3M","teams":[{"id":"marisol","name":"Marisol","colour":"red"},{"id":"tervane","name":"Tervane","colour":"blue"}]}"#.utf8)
        #expect(TeamProbe.answer(status: 200, body: ok) == .teams([.init(id: "marisol", name: "Marisol"), .init(id: "tervane", name: "Tervane")]))
        // A scenario in several languages: the names in the reader's language, the server's where it has none; every
        // language's name is kept, to be typed.
        let bilingual = Array(#"{"room":"K7QX3M","teams":[{"id":"marisol","name":"Marisol"},{"id":"tervane","name":"Tervane"}],"localized":{"ko":{"title":"산호 해협","teams":{"marisol":"마리솔"}}}}"#.utf8)
        #expect(TeamProbe.answer(status: 200, body: bilingual, language: "ko")
                == .teams([.init(id: "marisol", name: "마리솔", names: ["Marisol", "마리솔"]), .init(id: "tervane", name: "Tervane")]))
        #expect(TeamProbe.answer(status: 200, body: bilingual)
                == .teams([.init(id: "marisol", name: "Marisol", names: ["Marisol", "마리솔"]), .init(id: "tervane", name: "Tervane")]))
        // A room the instructor has closed to new students: no team list, the join would be refused.
        let closed = Array(#"{"room":"K7QX3M","teams":[{"id":"marisol","name":"Marisol"}],"joining":"closed"}"#.utf8)
        #expect(TeamProbe.answer(status: 200, body: closed) == .closed)
        let missing = Array(#"{"type":"error","code":"unknown_room","message":"no room has that code"}"#.utf8)
        #expect(TeamProbe.answer(status: 404, body: missing) == .refused(code: "unknown_room", message: "no room has that code"))
        #expect(TeamProbe.endpoint("ws://127.0.0.1:8080/ws")! == ("127.0.0.1", 8080))
        #expect(TeamProbe.endpoint("ws://[::1]:9000/ws")! == ("::1", 9000))
        #expect(TeamProbe.endpoint("wss://example.org/ws") == nil)
        let chunked = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n".utf8)
        #expect(TeamProbe.parse(chunked)!.1 == Array("abcde".utf8))
    }
}
