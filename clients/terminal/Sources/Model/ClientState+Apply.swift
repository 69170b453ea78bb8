import ArmisticeWire
import ArmisticeLocale

extension ClientState {
    /// Applies one message from the server. `now` is the local time in ms (for the countdown).
    /// Returns the requests to send (a `resync` after a gap) and the lines that describe what happened.
    public mutating func apply(message text: String, now: Int64) -> [Effect] {
        guard let m = JSONValue.parse(text), let type = m["type"]?.string else { return [] }
        var effects: [Effect] = []
        switch type {
        case "room_created", "joined", "resumed":
            room = m["room"]?.string ?? room
            you.seat = m["seat"]?.string ?? you.seat
            you.role = m["role"]?.string ?? you.role
            you.team = m["team"]?.string
            connection = .online
            roomNotice = type == "room_created" ? "terminal.plain.room_created" : type == "joined" ? "terminal.plain.room_joined" : "terminal.plain.room_rejoined"
            // Before the first snapshot the view has no team names yet: the line waits for it.
            if hasSnapshot, let line = takeRoomNotice() { effects.append(line) }
            if type == "room_created" { say(t.text("terminal.status.room_created", ["room": room])) }
        case "snapshot":
            effects += applySnapshot(m, now: now)
            if let line = takeRoomNotice() { effects.append(line) }
            effects.append(.notice("[state] \(summaryLine(now: now))"))
            fallthrough
        case "language":
            // The answer to set_language: a snapshot in the new language (a seated client) or `language`.
            if let id = m["id"]?.int {
                lineAnswered(id, seq: nil, now: now)
                if let what = pending.removeValue(forKey: id), !what.quiet {
                    say("✓ " + what.done)
                    effects.append(.notice("[ok] \(what.done)"))
                }
            }
        case "update", "chat", "roster", "clock":
            let seq = m["seq"]?.int ?? 0
            let prev = m["prev"]?.int ?? 0
            if hasSnapshot && prev > lastSeq {
                effects.append(resyncRequest())
                return effects
            }
            if hasSnapshot && seq <= lastSeq && seq > 0 { return effects } // already seen (replayed twice)
            lastSeq = max(lastSeq, seq)
            effects += applyEvent(type, m, now: now)
        case "removed":
            connection = .closed(Closure.removed(from: m))
            effects.append(.notice("[connection] \(connectionLabel)"))
        case "ack":
            if let id = m["id"]?.int {
                lineAnswered(id, seq: m["seq"]?.int, now: now)
                if let what = pending.removeValue(forKey: id), !what.quiet {
                    say("✓ " + what.done)
                    effects.append(.notice("[ok] \(what.done)"))
                }
            }
        case "error":
            let code = m["code"]?.string ?? "error"
            // A draft change made on a draft a teammate has changed since: made again on theirs, said only if it
            // still cannot be saved.
            if code == ErrorCode.Own.draftChanged.rawValue, let id = m["id"]?.int, let what = pending[id], what.edit != nil {
                pending[id] = nil
                if let redone = redoEdit(what, replacing: id) { effects += redone; break }
                pending[id] = what
            }
            let message = TerminalText.sanitize(m["message"]?.string ?? "")
            // Said as what could not be done ("could not lock the team's orders: …"), never as the success it asked for.
            if let id = m["id"]?.int { lineAnswered(id, seq: nil, now: now) }
            let request = m["id"]?.int.flatMap { pending.removeValue(forKey: $0) }
            let what = request?.failed
            say("✗ \(what.map { $0 + ": " } ?? "")\(message.isEmpty ? code : message)", error: true)
            // The line it was typed on opens again with its text, as after a refusal found here (issue 6).
            if var line = request?.line, ui.input == nil, ui.modal == nil {
                line.refused = true
                ui.input = line
            }
            effects.append(.notice("[error] \(code): \(what.map { $0 + ": " } ?? "")\(message)"))
        default:
            break // welcome, pong and types a later version adds
        }
        // A draft change waiting for the teammate's draft goes once the view has it.
        if type == "update" || type == "snapshot" { effects += resendParkedEdits() }
        // The seat is back: what was said while it was away goes now.
        if ["room_created", "joined", "resumed", "snapshot"].contains(type) { effects += sendKeptChat() }
        // Then the plain mode's next lines: those piped in before the seat was in, and the one waiting for this answer.
        effects += runQueuedLines(now: now)
        return effects
    }

    mutating func applySnapshot(_ m: JSONValue, now: Int64) -> [Effect] {
        room = m["room"]?.string ?? room
        lastSeq = m["seq"]?.int ?? lastSeq
        let y = m["you"] ?? .null
        let before = you
        you = You(seat: y["seat"]?.string ?? you.seat, name: y["name"]?.string ?? you.name,
                  role: y["role"]?.string ?? you.role, team: y["team"]?.string)
        let v = m["view"] ?? .null
        viewFields = ViewMerge.apply(m, to: nil) ?? [:]
        let wasSeated = hasSnapshot
        let oldTurn = view.turn
        view = GameViewInfo(v)
        if wasSeated, oldTurn != view.turn { startTurn() }
        records = v["records"]?.array.map(RecordInfo.init) ?? []
        chat = m["chat"]?.array.map(ChatInfo.init) ?? []
        roster = m["roster"]?.array.map(SeatInfo.init) ?? []
        joiningClosed = m["settings"]?["joining"]?.string == "closed"
        draftedBy = m["drafted_by"]?.object ?? [:]
        if let c = m["clock"] { clock = ClockInfo(c); clockReceivedAt = now }
        hasSnapshot = true
        connection = .online
        if !channels.contains(ui.channel) { ui.channel = "all" }
        if !hasSnapshotFocusSet {
            let start: Pane = isInstructor ? .control : (panes.contains(.actions) ? .actions : .talk)
            ui.focus = start
            ui.lastFlex = start
            hasSnapshotFocusSet = true
            // A seat resumed in a new window was here before: what it read there is not new to it (REPORT-terminal
            // #31); when the seat file does not say, the news of earlier turns is taken as read, this turn's not.
            if roomNotice == "terminal.plain.room_rejoined" {
                ui.newsSeen = newsSeenBefore.map { min($0, newsCount) }
                    ?? records.filter { ($0.kind == "news" || $0.kind == "intel") && $0.turn < view.turn }.count
            }
        }
        if !panes.contains(ui.focus) { focus(panes[0]) }
        var effects: [Effect] = []
        // A name past the server's limit was cut (docs/protocol.md, "Names"): say how it is shown, once, on the seat's
        // first snapshot, rather than let the student find it cut in the roster.
        if !wasSeated, before.name.count > ClientState.nameLimit, you.name != before.name {
            let line = t.text("terminal.status.name_cut", ["name": TerminalText.sanitize(you.name), "limit": t.number(ClientState.nameLimit)])
            say(line)
            effects.append(.notice("[room] " + line))
        }
        // The instructor moved this seat: say where it is now.
        guard wasSeated, before.seat == you.seat, before.team != you.team || before.role != you.role else { return effects }
        let line = you.team.map { t.text("terminal.status.now_on_team", ["team": TerminalText.sanitize(view.teamName($0))]) }
            ?? t.text(you.role == "observer" ? "terminal.status.now_observer" : "terminal.status.now_no_team")
        say(line)
        return [.notice("[room] " + line)]
    }

    /// A new turn: the Draft and Deals panes hold a new turn's orders and deals, so they show from their top (the
    /// budget line first), not from where last turn's reading left them.
    mutating func startTurn() {
        for pane in [Pane.draft, .deals] {
            ui.tops[pane] = 0
            ui.cursors[pane] = 0
        }
    }

    mutating func applyEvent(_ type: String, _ m: JSONValue, now: Int64) -> [Effect] {
        var effects: [Effect] = []
        switch type {
        case "update":
            let oldPhase = view.phase
            let oldTurn = view.turn
            let oldDraft = myDraft
            // armistice.v2 merges `changes` and `patches` into the view; armistice.v1 sends it whole.
            if m["changes"] != nil || m["view"] != nil {
                viewFields = ViewMerge.apply(m, to: viewFields) ?? viewFields
                view = GameViewInfo(.object(viewFields))
            }
            let new = m["records"]?.array.map(RecordInfo.init) ?? []
            records += new
            if let authors = m["drafted_by"] { draftedBy = authors.object }
            if let c = m["clock"] { clock = ClockInfo(c); clockReceivedAt = now }
            // An update may cover several inputs (`causes`); the draft notice names whoever drafted last.
            let causes = m["causes"]?.array ?? [m["cause"] ?? .null]
            for r in new {
                effects.append(.notice("[\(r.kind)] " + RecordWords.describe(r, in: self)))
                // A new deal's card says what may stop its steps: the plain mode says it with the deal.
                if r.kind == "deal", r["result"]?.string == "open", let d = view.deals.first(where: { $0.id == r["deal"]?.int }) {
                    effects += dealNoteLines(d).map { .notice("[deal] " + $0) }
                }
                // A deal carried out with a step that was not taken: the plain mode says which, and why, with it.
                if r.kind == "deal", r["result"]?.string == "carried_out", let d = view.deals.first(where: { $0.id == r["deal"]?.int }),
                   !stepsNotTaken(d).isEmpty {
                    effects.append(.notice("[deal] " + dealText(d, commitments: false) + " — " + dealEffect(d)))
                }
                // A deal just agreed that puts my team past its budget: told to every party that is over (the
                // proposer too), in the footer and as a plain line.
                if r.kind == "deal", r["result"]?.string == "agreed", let id = r["deal"]?.int, let warning = agreedOverBudgetNotice(id) {
                    effects.append(.notice("[warning] " + warning))
                    say(warning, error: true)
                }
            }
            if let cause = causes.last(where: { $0["type"]?.string == "set_orders" }), myDraft != oldDraft {
                let who = cause["by"]?.string.flatMap { seat in roster.first { $0.seat == seat }.map { seatName($0) } } ?? t.text("terminal.plain.teammate")
                effects.append(.notice("[draft] " + t.text("terminal.plain.draft_changed", ["name": who, "summary": draftSummary])))
            }
            if oldTurn != view.turn { startTurn() }
            if oldPhase != view.phase && new.allSatisfy({ $0.kind != "phase" }) {
                effects.append(.notice("[phase] " + t.text("record.text.phase", ["turn": t.number(view.turn), "phase": phaseName(view.phase)])))
            }
            if view.phase == "results", oldPhase != "results" { say(t.text("terminal.status.results_in")) }
        case "chat":
            let message = ChatInfo(m["message"] ?? .null)
            chat.append(message)
            if chat.count > 1000 { chat.removeFirst(chat.count - 1000) }
            let reading = ui.focus == .talk && ui.channel == message.channel
            if message.seat != you.seat && !reading { unread[message.channel, default: 0] += 1 }
            effects.append(.notice("[chat \(message.channel)] \(chatName(message)): \(TerminalText.sanitize(message.text))"))
        case "roster":
            let before = Set(roster.filter(\.online).map(\.seat))
            let botsBefore = Dictionary(roster.compactMap { s in s.team.flatMap { t in s.bot.map { (t, $0) } } }, uniquingKeysWith: { a, _ in a })
            roster = m["roster"]?.array.map(SeatInfo.init) ?? roster
            joiningClosed = m["joining"]?.string == "closed"
            // A bot seat coming or going is said as what it means for its team, not as a person going online.
            for seat in roster where seat.bot == nil && seat.online != before.contains(seat.seat) && seat.seat != you.seat {
                effects.append(.notice("[roster] " + t.text(seat.online ? "terminal.plain.online" : "terminal.plain.offline", ["name": seatName(seat)])))
            }
            let botsNow = Dictionary(roster.compactMap { s in s.team.flatMap { t in s.bot.map { (t, $0) } } }, uniquingKeysWith: { a, _ in a })
            for team in Set(botsBefore.keys).union(botsNow.keys).sorted() where botsBefore[team] != botsNow[team] {
                let name = TerminalText.sanitize(view.teamName(team))
                effects.append(.notice("[roster] " + (botsNow[team].map { t.text("terminal.plain.bot_on", ["policy": TerminalText.sanitize($0), "team": name]) }
                                                      ?? t.text("terminal.plain.bot_off", ["team": name]))))
            }
        case "clock":
            if let c = m["clock"] { clock = ClockInfo(c); clockReceivedAt = now }
            let reason = m["reason"]?.string.map { clockReasonName($0) + ": " } ?? ""
            effects.append(.notice("[clock] \(reason)\(clockLabel(now: now))"))
        default: break
        }
        return effects
    }

    /// Turn, date, phase and time left in one line.
    public func summaryLine(now: Int64) -> String {
        let clock = clockLabel(now: now)
        return t.text("terminal.plain.state", ["title": TerminalText.sanitize(view.title), "room": room, "turn": t.number(view.turn), "turns": t.number(view.turns),
                                               "date": TerminalText.sanitize(view.date), "phase": phaseName(view.phase)]) + (clock.isEmpty ? "" : " " + clock)
    }

    /// The `[room]` line for the join, create or resume waiting to be said, with the team's name once the view has it.
    mutating func takeRoomNotice() -> Effect? {
        guard let key = roomNotice else { return nil }
        roomNotice = nil
        let seat = you.team.map { t.text("terminal.plain.player_of", ["team": TerminalText.sanitize(view.teamName($0))]) } ?? roleName(you.role)
        return .notice("[room] " + t.text(key, ["room": room, "seat": seat]))
    }

    /// The phase's time left ("4:59"), and " paused" after it while the clock stands (unless `paused` is false: the
    /// caller says it in its own words); empty when untimed.
    public func clockLabel(now: Int64, paused: Bool = true) -> String {
        guard let ms = remaining(now: now), view.phase != "setup", view.phase != "ended" else { return "" }
        let s = Int((ms + 999) / 1000)
        let sec = s % 60
        return "\(s / 60):\(sec < 10 ? "0" : "")\(sec)" + (paused && clock.paused ? t.text("terminal.clock.paused") : "")
    }

    /// What the screen says while there is no room to show yet: whom it is trying to reach, or why it stopped.
    public var waitingLine: String {
        let at = server.isEmpty ? t.text("terminal.waiting.server") : server
        switch connection {
        case .connecting: return t.text("terminal.waiting.connecting", ["server": at])
        case .online: return t.text("terminal.waiting.room")
        case .reconnecting(let n): return t.text("terminal.waiting.retrying", ["server": at], count: n)
        case .closed(let why): return t.text("terminal.waiting.closed", ["reason": closureText(why)])
        }
    }

    /// The plain mode's `[connection]` line: the screen's words without its keys (the plain mode's command is `quit`,
    /// and a closed seat stops it).
    public var plainConnectionLine: String {
        switch connection {
        case .closed(let why): return closureText(why)
        case .reconnecting(let n) where !hasSnapshot:
            return t.text("terminal.plain.retrying", ["server": server.isEmpty ? t.text("terminal.waiting.server") : server], count: n)
        default: return hasSnapshot ? connectionLabel : waitingLine
        }
    }

    public var connectionLabel: String {
        switch connection {
        case .connecting: t.text("terminal.connection.connecting")
        case .online: t.text("terminal.connection.online")
        case .reconnecting(let n): t.text("terminal.connection.reconnecting", count: n)
        case .closed(let why): closureText(why)
        }
    }

    /// The header's few words for the connection: a closed window's full reason is in the footer.
    public var connectionShortLabel: String {
        switch connection {
        case .closed(.removed(.resumedElsewhere?, _)): t.text("terminal.connection.short.elsewhere")
        case .closed(.removed): t.text("terminal.connection.short.removed")
        case .closed: t.text("terminal.connection.short.closed")
        default: connectionLabel
        }
    }

    /// Why the connection ended, in the interface's language; the server's own reason or message as it sent it.
    public func closureText(_ closure: Closure) -> String {
        switch closure {
        case .removed(let cause?, _):
            switch cause {
            case .resumedElsewhere: t.text("terminal.connection.removed_resumed_elsewhere")
            case .removedByInstructor: t.text("terminal.connection.removed_by_instructor")
            case .matchDeleted: t.text("terminal.connection.removed_match_deleted")
            }
        case .removed(nil, let reason):
            reason.isEmpty ? t.text("terminal.connection.removed_plain") : t.text("terminal.connection.removed", ["reason": reason])
        case .refused(let message): t.text("terminal.connection.refused", ["reason": message])
        case .noSeat: t.text("terminal.connection.no_seat")
        }
    }

    public var draftSummary: String {
        let d = myDraft
        let names = d.orders.map { RecordWords.actionName($0.action, in: view) }
        return t.text("terminal.plain.draft_summary", ["orders": names.isEmpty ? t.text("terminal.plain.no_orders") : names.joined(separator: ", "),
                                                       "spent": t.number(mySpent + committedCost(of: myTeam)), "budget": myBudget.map(t.number) ?? "?"])
            + (myTeamLocked ? t.text("terminal.plain.draft_locked") : "")
    }
}

extension ClientState.Closure {
    /// Whether the seat itself is gone (the instructor removed it, or deleted the match), not merely open elsewhere:
    /// its stored token is then forgotten.
    public var endsTheSeat: Bool {
        switch self {
        case .removed(.removedByInstructor?, _), .removed(.matchDeleted?, _): true
        default: false
        }
    }

    /// The closure a `removed` message names: its `reason_code` when this client knows it, its reason otherwise.
    static func removed(from message: JSONValue) -> Self {
        .removed(message["reason_code"]?.string.flatMap(ServerMessage.Removed.Cause.init(rawValue:)),
                 TerminalText.sanitize(message["reason"]?.string ?? ""))
    }
}
