import ArmisticeLocale

/// Draws a `ClientState` into a `Grid` of any size: a header (room, turn, date, phase, time left,
/// connection), the pane tabs, the panes the layout places, and a footer (input line, last message or key
/// hints), with dialogs on top. Pure: the same state, size and time give the same grid.
public enum Renderer {
    public static func render(_ state: ClientState, width: Int, height: Int, now: Int64) -> Grid {
        var g = Grid(width: width, height: height)
        guard width >= 20, height >= 5 else {
            g.put(0, 0, state.t.text("terminal.too_small"))
            return g
        }
        header(state, &g, now: now)
        tabs(state, &g)
        let area = Rect(x: 0, y: 2, width: width, height: height - 3)
        if !state.hasSnapshot {
            let lines = wrapped(state.waitingLine, min(width, 70))
            for (i, line) in lines.enumerated() {
                g.put(max(0, (width - TerminalText.width(line.text)) / 2), area.y + area.height / 2 + i, line.text, .bold)
            }
        } else {
            for (pane, rect) in placed(state, width: width, height: height) {
                drawPane(pane, state, &g, rect, focused: pane == state.ui.focus, now: now)
                if rect.x > 0 { // a rule between columns
                    for y in rect.y..<(rect.y + rect.height) { g.put(rect.x - 1, y, "│", .muted) }
                }
            }
            // A window that will not reconnect shows the last board it had, dimmed: it is not live.
            if state.isClosed { g.dim(0, 1, width, height - 2) }
        }
        footer(state, &g)
        if let modal = state.ui.modal { drawModal(modal, state, &g) }
        return g
    }

    /// Where the panes go on a screen of this size.
    static func placed(_ s: ClientState, width: Int, height: Int) -> [(Pane, Rect)] {
        let area = Rect(x: 0, y: 2, width: width, height: height - 3)
        let draftRows = s.isInstructor ? s.view.teams.count + 2 : s.draftItems.count + s.commitments(of: s.myTeam).count + 4
        return Layout.place(s, in: area, draftRows: draftRows)
    }

    /// What scrolling a pane needs to know: how many lines it has, how many show, and the lines of each item a cursor
    /// can stop on (none for a pane that only scrolls), on the screen size the interface last had (`UIState.screen`).
    public struct ScrollMetrics: Sendable, Equatable {
        public var lines: Int
        public var height: Int
        public var items: [Range<Int>]
        public var maxTop: Int { max(0, lines - height) }
    }

    public static func scrollMetrics(_ pane: Pane, _ s: ClientState) -> ScrollMetrics {
        let (width, height) = (max(20, s.ui.screen.width), max(5, s.ui.screen.height))
        let rect = placed(s, width: width, height: height).first { $0.0 == pane }?.1 ?? Rect(x: 0, y: 2, width: width, height: height - 3)
        let text = fittedText(pane, s, width: rect.width, height: max(1, rect.height - 1), focused: pane == s.ui.focus, now: 0)
        return ScrollMetrics(lines: text.lines.count, height: max(1, rect.height - 1), items: text.items)
    }

    // MARK: Header, tabs, footer

    /// What the header calls the moment. The match is over only once the room has ended: after the scenario has
    /// decided the ending, the last turn's results still run on their clock until the phase ends or the instructor
    /// closes the match (the browser's header says the same).
    static func headerMoment(_ s: ClientState) -> String {
        if s.view.phase == "ended" { return s.t.text("terminal.header.match_over") }
        guard s.view.outcome != nil else { return s.phaseName(s.view.phase).uppercased() }
        return s.t.text(s.view.phase == "results" ? "terminal.header.last_results" : "terminal.header.ending_decided")
    }

    /// What the header gives up when the line is short, in this order, one step at a time until it fits: a long name
    /// shortened to `shortName` columns, the word ARMISTICE, the turn's date, the name, the word "online" (the dot
    /// stays; a connection that is not online keeps its words), the room code. The team (or role), the turn, the
    /// phase and the clock are never given up: they are what a student reads the header for.
    enum HeaderCut: Int, CaseIterable { case none, shortName, brand, date, name, onlineWord, room }
    static let shortName = 12

    static func header(_ s: ClientState, _ g: inout Grid, now: Int64) {
        g.fill(0, 0, g.width, 1, .reverse)
        func turn(_ date: String) -> String {
            s.t.text("terminal.header.turn", ["turn": s.t.number(s.view.turn), "turns": s.t.number(s.view.turns), "date": date]).trimmingSpaces
        }
        // A window that will not reconnect has no clock to count down.
        let clock = s.hasSnapshot && s.view.phase != "ended" && !s.isClosed ? s.clockLabel(now: now) : ""
        let moment = s.hasSnapshot ? headerMoment(s) + (clock.isEmpty ? "" : " " + clock) : ""
        let dot = s.connection == .online ? "●" : "○"
        let name = TerminalText.sanitize(s.you.name)
        // The seat's team by its name in the reader's language ("한국", not "rok"), or its role; an instructor named by
        // the role's word in either language is that word in the reader's.
        // So is an observer named by its role's word ("참관자", not "참관자 (참관)"; outside tester qa8, L5).
        let observer = s.myTeam == nil && s.you.role == "observer"
        let roleKey = s.isInstructor ? "terminal.instructor.default_name" : observer ? "terminal.join.observer_name" : nil
        let roleWord = roleKey.map { Self.isRoleWord(name, key: $0) } ?? false
        let role = roleWord ? "" : s.isInstructor ? s.t.text("terminal.header.instructor")
            : s.you.team.map { "·" + headerTeamName($0, s) } ?? (observer ? s.t.text("terminal.header.observer") : "")
        let shownName = roleWord ? s.t.text(roleKey!) : name
        func line(_ cut: HeaderCut) -> (left: String, right: String) {
            var parts: [String] = []
            if cut.rawValue < HeaderCut.room.rawValue, !s.room.isEmpty { parts.append(cut.rawValue < HeaderCut.brand.rawValue ? "ARMISTICE " + s.room : s.room) }
            else if cut.rawValue < HeaderCut.brand.rawValue { parts.append("ARMISTICE") }
            if s.hasSnapshot {
                parts.append(turn(cut.rawValue < HeaderCut.date.rawValue ? s.view.date : ""))
                parts.append(moment)
            }
            let connection = cut.rawValue >= HeaderCut.onlineWord.rawValue && s.connection == .online ? dot : "\(dot) \(s.connectionShortLabel)"
            var who = cut.rawValue >= HeaderCut.name.rawValue ? "" : cut.rawValue >= HeaderCut.shortName.rawValue ? TerminalText.truncate(shownName, to: shortName) : shownName
            // Without the name, the role or team stands alone ("Marisol", "observer"), never a bare "·".
            var tail = role
            if who.isEmpty { tail = role.hasPrefix("·") ? String(role.dropFirst()) : role.trimmingSpaces }
            if !who.isEmpty || !tail.isEmpty { who = " │ " + who + tail }
            return (" " + parts.joined(separator: " │ "), connection + who + " ")
        }
        let chosen = HeaderCut.allCases.lazy.map(line).first { TerminalText.width($0.left) + TerminalText.width($0.right) + 1 <= g.width }
            ?? line(.room)
        // Narrower still: the right side keeps its team at most half the line, the left is cut at its end.
        let rw = min(TerminalText.width(chosen.right), max(g.width / 2, g.width - TerminalText.width(chosen.left) - 1))
        g.put(0, 0, chosen.left, CellStyle(bold: true, reverse: true), limit: g.width - rw - 1)
        let tone: CellStyle.Tone = s.connection == .online ? .plain : .warn
        g.put(g.width - rw, 0, TerminalText.truncate(chosen.right, to: rw), CellStyle(tone: tone, reverse: true))
    }

    /// The seat's team in the header, by one rule in every language (outside tester qa5, Confusing #11): its name
    /// without a bracketed part ("DPRK" of "DPRK (North Korea)", "United States", "한국"); a name longer than 14
    /// columns by its last word, which leaves room for the rest of the header ("Marisol" of "Republic of Marisol",
    /// "중재자" of "지역 수산 중재자"), shortened with "…" if even that is longer. Never the team's id.
    static func headerTeamName(_ id: String, _ s: ClientState) -> String {
        var name = TerminalText.sanitize(s.view.teamName(id))
        if let open = name.range(of: " ("), open.lowerBound > name.startIndex { name = String(name[..<open.lowerBound]) }
        if TerminalText.width(name) <= 14 { return name }
        let last = name.split(separator: " ").last.map(String.init) ?? name
        return TerminalText.truncate(last, to: 14)
    }

    /// Whether a name is the role's own word (the role's default name under `key` in either language: "Instructor",
    /// "교사", or an observer's): the header then says it once, not "교사 (교사)".
    static func isRoleWord(_ name: String, key: String = "terminal.instructor.default_name") -> Bool {
        Language.allCases.contains { Catalog(language: $0).text(key) == name }
    }

    static func tabs(_ s: ClientState, _ g: inout Grid) {
        let panes = s.panes
        if g.width < 60 {
            let i = (panes.firstIndex(of: s.ui.focus) ?? 0) + 1
            g.put(0, 1, "‹ \(i) \(label(s.ui.focus, s)) ›  " + s.t.text("terminal.tabs.next"), .bold)
            return
        }
        // Each tab whole: the gaps between tabs go first when the row is short, then the spaces inside them.
        let labels = panes.enumerated().map { i, pane in (pane, "\(i + 1) \(label(pane, s))") }
        let full = labels.reduce(0) { $0 + TerminalText.width($1.1) + 3 }
        let gap = full <= g.width ? 1 : 0
        let pad = full - labels.count <= g.width ? " " : ""
        var x = 0
        for (pane, text) in labels {
            let style: CellStyle = pane == s.ui.focus ? CellStyle(bold: true, reverse: true)
                : (badge(pane, s) > 0 ? CellStyle(tone: .accent, bold: true) : .plain)
            x += g.put(x, 1, pad + text + pad, style)
            x += gap + (pad.isEmpty ? 1 : 0)
        }
    }

    static func label(_ pane: Pane, _ s: ClientState) -> String {
        let n = badge(pane, s)
        return pane.title(s.t) + (n > 0 ? "(\(n))" : "")
    }

    /// Unread chat for Talk; deals waiting for this team's answer for Deals.
    static func badge(_ pane: Pane, _ s: ClientState) -> Int {
        switch pane {
        case .talk: return s.unread.values.reduce(0, +)
        case .news: return s.ui.focus == .news ? 0 : max(0, s.newsCount - s.ui.newsSeen)
        case .deals:
            return s.view.deals.filter(s.awaitsMyAnswer).count
        default: return 0
        }
    }

    static func footer(_ s: ClientState, _ g: inout Grid) {
        var y = g.height - 1
        if let input = s.ui.input {
            // Near the server's limit, how many characters are used, at the right end.
            let count = input.text.count
            let counter = count >= TextInput.limit - 100 ? " \(count)/\(TextInput.limit)" : ""
            let room = g.width - TerminalText.width(input.prompt) - 2 - counter.count
            let shown = TerminalText.tail(input.text, fitting: room)
            let x = g.put(0, y, input.prompt, .bold)
            let w = g.put(x, y, shown)
            g.put(x + w, y, "█", .plain)
            if !counter.isEmpty { g.put(g.width - counter.count - 1, y, counter, count >= TextInput.limit ? CellStyle(tone: .bad, bold: true) : .muted) }
            y -= 1
        }
        // Messages (above the input line when one is open) too long for one line wrap upward over the panes, whole
        // words: the footer's message, and under it what the connection is doing, which wins the bottom line: a
        // reconnecting client names the address it keeps trying; a closed window says why and what to do.
        var messages: [(String, CellStyle)] = []
        if let hint = s.adjustHint { messages.append((hint, .muted)) }
        if let status = s.status { messages.append((status, s.statusIsError ? CellStyle(tone: .bad, bold: true) : CellStyle(tone: .good))) }
        if s.hasSnapshot, case .reconnecting(let n) = s.connection {
            messages.append((s.t.text("terminal.footer.reconnecting", ["server": s.server.isEmpty ? s.t.text("terminal.waiting.server") : s.server], count: n), .warn))
        }
        if s.hasSnapshot, case .closed(let why) = s.connection {
            messages.append((s.t.text("terminal.waiting.closed", ["reason": s.closureText(why)]), CellStyle(tone: .bad, bold: true)))
        }
        if !messages.isEmpty {
            var rows: [(String, CellStyle)] = []
            for (text, style) in messages {
                // One column short of the width: a terminal cannot draw the last cell of its bottom line.
                var lines = TerminalText.wrap(TerminalText.sanitize(text), to: g.width - 1)
                if lines.count > 3 { lines = Array(lines.prefix(2)) + [TerminalText.truncate(lines.dropFirst(2).joined(separator: " "), to: g.width - 1)] }
                rows += lines.map { ($0, style) }
            }
            for (i, (line, style)) in rows.suffix(5).reversed().enumerated() where y - i >= 2 {
                g.fill(0, y - i, g.width, 1)
                g.put(0, y - i, line, style)
            }
            return
        }
        if s.ui.input != nil { return }
        let hints = s.t.text(g.width < 60 ? "terminal.footer.short" : "terminal.footer.long")
        g.put(0, y, hints, .muted)
    }

    // MARK: Panes

    static func drawPane(_ pane: Pane, _ s: ClientState, _ g: inout Grid, _ r: Rect, focused: Bool, now: Int64) {
        g.fill(r.x, r.y, r.width, r.height)
        let title = " \(label(pane, s)) "
        let titleStyle = focused ? CellStyle(bold: true, reverse: true) : CellStyle(bold: true)
        let used = g.put(r.x, r.y, title, titleStyle, limit: r.width)
        g.put(r.x + used, r.y, String(repeating: "─", count: max(0, r.width - used)), .muted)
        let body = Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1)
        guard body.height > 0, body.width > 4 else { return }
        let lines = fittedText(pane, s, width: body.width, height: body.height, focused: focused, now: now).lines
        // The Talk and Actions panes place their own lines; the others show from the line the keys scrolled to.
        let top = pane == .talk || pane == .actions ? 0 : min(max(0, s.ui.top(pane)), max(0, lines.count - body.height))
        for (i, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            if line.style.reverse { g.fill(body.x, body.y + i, body.width, 1, line.style) }
            g.put(body.x, body.y + i, line.text, line.style, limit: body.width)
        }
        if top > 0, body.height > 1 { g.put(body.x + body.width - 1, body.y, "↑", .muted) }
        if lines.count - top > body.height, body.height > 1 {
            g.put(body.x + body.width - 1, body.y + body.height - 1, "↓", .muted)
        }
    }

    /// A pane's lines for its body: wrapped one column narrower when they are more than it shows, as the last
    /// column then holds the ↑/↓ scroll marks (which would otherwise cover a line's last character).
    static func fittedText(_ pane: Pane, _ s: ClientState, width: Int, height: Int, focused: Bool, now: Int64) -> PaneText {
        let text = paneText(pane, s, width: width, height: height, focused: focused, now: now)
        guard text.lines.count > height, height > 1, width > 5 else { return text }
        return paneText(pane, s, width: width - 1, height: height, focused: focused, now: now)
    }

    /// A pane's lines at a width and height, and the lines of each item its cursor can stop on.
    struct PaneText {
        var lines: [Line]
        var items: [Range<Int>] = []
    }

    static func paneText(_ pane: Pane, _ s: ClientState, width: Int, height: Int, focused: Bool, now: Int64) -> PaneText {
        switch pane {
        case .board: PaneText(lines: boardLines(s, width: width))
        case .actions: PaneText(lines: actionLines(s, width: width, height: height, focused: focused))
        case .draft: draftLines(s, width: width, focused: focused)
        case .talk: PaneText(lines: talkLines(s, width: width, height: height))
        case .deals: dealLines(s, width: width, focused: focused)
        case .news: PaneText(lines: newsLines(s, width: width))
        case .results: PaneText(lines: resultLines(s, width: width))
        case .brief: PaneText(lines: briefLines(s, width: width))
        case .control: controlLines(s, width: width, focused: focused, now: now)
        }
    }

    struct Line {
        var text: String
        var style: CellStyle = .plain
        init(_ text: String, _ style: CellStyle = .plain) { self.text = text; self.style = style }
    }

    static func wrapped(_ text: String, _ width: Int, _ style: CellStyle = .plain, indent: Int = 0) -> [Line] {
        let lines = TerminalText.wrap(TerminalText.sanitize(text), to: max(1, width - indent))
        return lines.enumerated().map { i, l in Line((i > 0 ? String(repeating: " ", count: indent) : "") + l, style) }
    }

    /// Wrapped as `wrapped` does, but a word longer than a line (`un:deliver_aid(amount=1,partner=usa)`) breaks after
    /// one of its commas, brackets or colons rather than anywhere: an example of what to type stays readable.
    static func gluedLines(_ text: String, _ width: Int, _ style: CellStyle = .plain, indent: Int = 0) -> [Line] {
        let room = max(1, width - indent)
        var pieces: [String] = []
        for word in TerminalText.sanitize(text).split(separator: " ") {
            var parts = [String(word)]
            if TerminalText.width(String(word)) > room {
                parts = []
                var part = ""
                for c in word {
                    part.append(c)
                    if ",(:".contains(c) { parts.append(part); part = "" }
                }
                if !part.isEmpty { parts.append(part) }
            }
            // Each part after the first of a word is glued to the one before: no space between them. A word that
            // must break starts a line of its own, so that it breaks as little as it can.
            if parts.count > 1 { pieces.append("\n") }
            pieces += parts.enumerated().map { i, p in i == 0 ? " " + p : p }
        }
        var rows: [String] = []
        var line = ""
        for piece in pieces {
            if piece == "\n" {
                if !line.isEmpty { rows.append(line) }
                line = ""
                continue
            }
            let glued = !piece.hasPrefix(" ")
            let bare = glued ? piece : String(piece.dropFirst())
            let joined = line.isEmpty ? bare : line + (glued ? bare : " " + bare)
            if line.isEmpty || TerminalText.width(joined) <= room {
                line = joined
            } else {
                rows.append(line)
                line = bare
            }
        }
        if !line.isEmpty { rows.append(line) }
        // A part still too long for a line is cut as `wrapped` cuts it.
        return rows.flatMap { TerminalText.wrap($0, to: room) }.enumerated().map { i, l in
            Line((i > 0 ? String(repeating: " ", count: indent) : "") + l, style)
        }
    }

    static func bar(_ value: Int, _ min: Int, _ max: Int, width: Int) -> String {
        let span = Swift.max(1, max - min)
        let filled = Swift.min(width, Swift.max(0, Int((Double(value - min) / Double(span) * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// A no-break space: the bot badge ("🤖 bot (greedy)") wraps as one word, never half on the next line.
    static let nbsp = "\u{00A0}"

    static func boardLines(_ s: ClientState, width: Int) -> [Line] {
        if s.ui.showMap, s.view.map != nil { return mapLines(s, width: width) }
        var lines: [Line] = []
        let v = s.view
        // A seat with no team has no Draft pane: the Board says what it sees (an observer) or what it waits for.
        if s.myTeam == nil, !s.isInstructor {
            lines += wrapped(s.t.text(s.you.role == "observer" ? "terminal.draft.observer" : "terminal.draft.no_team"), width, .muted)
        }
        if let o = v.outcome {
            lines += wrapped(s.t.text("terminal.board.outcome", ["name": o.name, "text": o.text]), width, CellStyle(tone: .accent, bold: true))
            let scores = v.rankedScores(o.scores).map { "\(v.teamName($0.team)) \($0.score)" }.joined(separator: ", ")
            if !scores.isEmpty { lines += wrapped(s.t.text("terminal.board.scores", ["scores": scores]), width, .bold) }
            // Decided is not yet over: the last turn's results still run until the phase ends or the instructor ends it.
            let over = v.phase == "ended" ? (s.isInstructor ? "terminal.board.over_instructor" : "terminal.board.over_student")
                : (s.isInstructor ? "terminal.board.decided_instructor" : "terminal.board.decided_student")
            lines += wrapped(s.t.text(over), width, .muted)
        }
        let barW = width >= 60 ? 16 : 8
        let levelW = min(14, v.tracks.map { TerminalText.width(TerminalText.sanitize($0.level ?? "")) }.max() ?? 0)
        for t in v.tracks {
            let fullLevel = TerminalText.sanitize(t.level ?? "")
            let levelFits = TerminalText.width(fullLevel) <= levelW
            let level = levelFits ? fullLevel : ""
            let value = String(t.value)
            let nameW = max(4, width - barW - levelW - 4 - max(3, value.count))
            let name = TerminalText.sanitize(t.name)
            let hidden = t.hiddenFrom.isEmpty ? CellStyle.plain : CellStyle.muted
            // A name too long for its column gets a line of its own (whole words), the bar goes under it.
            let fits = TerminalText.width(name) <= nameW
            if !fits { lines += wrapped(name, width, hidden, indent: 2) }
            var text = TerminalText.pad(fits ? name : "", to: nameW) + " " + bar(t.value, t.min, t.max, width: barW)
            text += " " + String(repeating: " ", count: max(0, 3 - value.count)) + value + " " + level
            lines.append(Line(text, hidden))
            if !levelFits { lines += wrapped("↳ " + fullLevel, width - 2, .muted, indent: 2).map { Line("  " + $0.text, $0.style) } }
        }
        for p in v.projects {
            // The stage's position wraps whole ("(5단계 중 3단계)" on one line, never "(5단계 중" then "3단계)").
            let position = s.stagePosition(p).replacingOccurrences(of: " ", with: nbsp)
            lines += wrapped("◆ " + p.name + ": " + p.status.replacingUnderscores + " (\(position))", width, .accent, indent: 2)
        }
        // A long flag wraps as a project does: cut, a Korean sentence would lose its verb.
        for f in v.flags where f.value { lines += wrapped("⚑ " + f.name, width, .warn, indent: 2) }
        let teams = v.teams.map { t in
            "\(TerminalText.sanitize(t.name))\(t.locked ? " ✓" : "")" + (s.isInstructor ? (t.budget.map { " (\($0))" } ?? "") : "")
                + (s.botBadge(t.id).map { " " + $0.replacingOccurrences(of: " ", with: nbsp) } ?? "")
        }.joined(separator: " · ")
        if !teams.isEmpty { lines += wrapped(s.t.text("terminal.board.teams", ["teams": teams]), width, .muted) }
        if s.myTeam != nil { lines.append(Line(s.t.text("terminal.board.brief_hint"), .muted)) }
        if v.map != nil { lines.append(Line(s.t.text("terminal.board.map_hint"), .muted)) }
        return lines
    }

    /// The team's brief, then its objectives with what each is worth.
    static func briefLines(_ s: ClientState, width: Int) -> [Line] {
        let v = s.view
        var lines: [Line] = []
        if let team = s.myTeam, let brief = v.team(team)?.brief { lines += wrapped(brief, width) }
        if !v.objectives.isEmpty {
            lines.append(Line(s.t.text("terminal.brief.objectives"), .bold))
            for o in v.objectives {
                let style: CellStyle = o.met == true ? CellStyle(tone: .good) : (o.met == false ? CellStyle(tone: .bad) : .plain)
                lines += wrapped("• \(o.text) — \(objectivePoints(o, s.t))", width, style, indent: 2)
            }
        }
        return lines.isEmpty ? [Line(s.t.text("terminal.brief.none"), .muted)] : lines
    }

    /// "3 points", or for an objective scored by a formula (0 until the end) what it is worth.
    static func objectivePoints(_ o: ObjectiveInfo, _ t: Catalog) -> String {
        let worth = o.met == nil && o.points == 0 ? t.text("terminal.brief.points_at_end") : t.text("terminal.brief.points", count: o.points)
        return worth + (o.met == true ? t.text("terminal.brief.met") : o.met == false ? t.text("terminal.brief.not_met") : "")
    }

    static func actionLines(_ s: ClientState, width: Int, height: Int, focused: Bool) -> [Line] {
        let actions = s.view.actions
        if actions.isEmpty { return [Line(s.t.text("terminal.actions.none"), .muted)] }
        let cursor = min(s.ui.cursor(.actions), actions.count - 1)
        let a = actions[cursor]
        // The detail of the selected action at the bottom: why it is not available, its chance, its text.
        var detail: [Line] = []
        if let deal = s.promisedDeal(a.id) {
            detail += wrapped(s.t.text("terminal.actions.promised", ["deal": s.t.number(deal)]), width, .bad)
        } else if !a.available { detail += wrapped(s.t.text("terminal.actions.not_now", ["reason": a.reason ?? s.t.text("terminal.actions.unavailable")]), width, .bad) }
        var facts = [s.t.text("terminal.actions.cost", ["cost": s.t.number(a.cost)])]
        if let c = a.chance { facts.append(s.t.text("terminal.actions.chance", ["chance": s.t.number(c)])) }
        if a.covert { facts.append(s.t.text("terminal.actions.covert")) }
        if !a.consentFrom.isEmpty { facts.append(s.t.text("terminal.actions.consent", ["teams": a.consentFrom.map { TerminalText.sanitize(s.view.teamName($0)) }.joined(separator: ", ")])) }
        if !a.params.isEmpty { facts.append(s.t.text("terminal.actions.choose", ["params": a.params.map { $0.label(among: a.params, s.t).lowercased() }.joined(separator: ", ")])) }
        detail += wrapped(facts.joined(separator: " · "), width, .muted)
        detail += wrapped(a.description, width, .muted)
        detail = Array(detail.prefix(max(2, height / 3)))
        let listRows = max(1, height - detail.count - 1)
        let inline = width >= 50
        var list: [Line] = []
        var cursorLines = 0..<0
        for (i, x) in actions.enumerated() {
            let deal = s.promisedDeal(x.id)
            let available = x.available && deal == nil
            let mark = deal != nil ? "🔒" : available ? "  " : "✗ "
            let cost = s.t.text("terminal.actions.points", ["cost": s.t.number(x.cost)]) + (x.chance.map { " \($0)%" } ?? "")
            var name = TerminalText.sanitize(x.name)
            if inline, let r = deal.map({ s.t.text("terminal.actions.in_deal", ["deal": s.t.number($0)]) }) ?? (available ? nil : x.reason) { name += " — " + TerminalText.sanitize(r) }
            var style: CellStyle = available ? .plain : .muted
            if i == cursor { style = focused ? CellStyle(bold: true, reverse: true) : CellStyle(bold: true) }
            // A long name wraps at a space onto the next line rather than being cut.
            let nameW = max(4, width - 3 - TerminalText.width(cost))
            if i == cursor { cursorLines = list.count..<list.count }
            for (k, part) in TerminalText.wrap(name, to: nameW).enumerated() {
                list.append(Line((k == 0 ? mark : "  ") + TerminalText.pad(part, to: nameW) + (k == 0 ? " " + cost : ""), style))
            }
            if i == cursor { cursorLines = cursorLines.lowerBound..<list.count }
        }
        // Scroll the list so the whole selected action shows, then the detail below it.
        let top = max(0, min(cursorLines.lowerBound, cursorLines.upperBound - listRows))
        var lines = Array(list.dropFirst(top).prefix(listRows))
        while lines.count < listRows { lines.append(Line("")) }
        lines.append(Line(String(repeating: "┄", count: width), .muted))
        return lines + detail
    }

    static func draftLines(_ s: ClientState, width: Int, focused: Bool) -> PaneText {
        let v = s.view
        if s.isInstructor {
            var lines: [Line] = []
            for t in v.teams {
                let d = v.orders[t.id] ?? DraftInfo()
                let committed = s.commitments(of: t.id)
                let spent = s.committedSpending(of: t.id)
                // A deal's step whose requirement fails now is marked in words: it would not be taken (qa4 #3).
                let names = committed.compactMap { c in c.commitment.action.map { "🔒" + RecordWords.actionName($0, in: v) + s.stepMark($0, team: t.id) } }
                    + d.orders.map { RecordWords.actionName($0.action, in: v) }
                let bot = s.bot(of: t.id).map { " 🤖" + s.policyName($0.bot ?? "") } ?? ""
                // A team over its budget is marked in words, not only by colour: its last orders will come back over_budget.
                let over = s.overBudget(of: t.id)
                let mark = over > 0 ? " " + s.t.text("terminal.drafts.over_budget", ["over": s.t.number(over)]) : ""
                lines += wrapped("\(t.locked ? "✓" : "·") \(t.name)\(bot) [\(spent)/\(t.budget ?? 0)]\(mark): \(names.isEmpty ? "—" : names.joined(separator: ", "))",
                                 width, over > 0 ? .warn : t.locked ? .good : .plain, indent: 2)
            }
            return PaneText(lines: lines)
        }
        guard s.myTeam != nil else {
            return PaneText(lines: wrapped(s.t.text(s.you.role == "observer" ? "terminal.draft.observer" : "terminal.draft.no_team"), width, .muted))
        }
        let budget = s.myBudget ?? 0
        let committed = s.commitments(of: s.myTeam)
        let dealCost = committed.reduce(0) { $0 + $1.cost }
        let spent = s.mySpent + dealCost
        let left = budget - spent
        let t = s.t
        let head = v.phase == "setup" ? t.text("terminal.draft.budget_unset")
            : t.text("terminal.draft.budget", ["budget": t.number(budget), "spent": t.number(spent)])
                + (dealCost > 0 ? t.text("terminal.draft.deal_cost", ["cost": t.number(dealCost)]) : "")
                + t.text("terminal.draft.left", ["left": t.number(left)]) + (s.myTeamLocked ? t.text("terminal.draft.locked") : "")
        var lines = wrapped(head, width, s.myTeamLocked ? CellStyle(tone: .good, bold: true) : (left < 0 ? CellStyle(tone: .bad, bold: true) : .bold), indent: 2)
        if s.draftIsTheBots { lines += wrapped(t.text("terminal.draft.by_bot"), width, .warn, indent: 2) }
        // Commitments of agreed deals: locked lines, added to the orders by the server at adjudication.
        for c in committed {
            let what = c.commitment.action.map { RecordWords.actionName($0, in: v) + " (\(c.cost))" }
                ?? t.text("terminal.draft.promised_consent", ["action": RecordWords.actionName(c.commitment.consent ?? "?", in: v),
                                                               "decision": s.decisionName(c.commitment.decision ?? "approve")])
            lines += wrapped("🔒 \(what) " + t.text("terminal.draft.deal", ["deal": t.number(c.deal)]), width, CellStyle(tone: .good), indent: 3)
        }
        let items = s.draftItems
        let cursor = s.ui.cursor(.draft)
        var ranges: [Range<Int>] = []
        for (i, item) in items.enumerated() {
            var text: String
            var style = CellStyle.plain
            switch item {
            case .order(let n):
                let o = s.myDraft.orders[n]
                let action = v.action(o.action)
                let params = s.paramsText(o.params, of: o.action)
                text = "\(n + 1). \(RecordWords.actionName(o.action, in: v))" + (action.map { " (\($0.cost))" } ?? "") + (params.isEmpty ? "" : " · " + params)
                if let deal = s.promisedDeal(o.action) {
                    text += t.text("terminal.draft.also_in_deal", ["deal": t.number(deal)])
                    style = CellStyle(tone: .bad)
                } else if let warning = s.orderWarning(o.action) {
                    // Said in words, not by its colour alone (NO_COLOR, a screen reader).
                    text += " " + warning
                    style = .warn
                }
            case .consent(let id):
                let c = v.consents.first { $0.action == id }
                let raw = s.consentDecision(id).decision
                let teams = (c?.teams ?? []).map { TerminalText.sanitize(v.teamName($0)) }.joined(separator: ", ")
                // The team first, as the browser says it: never "(ROK (South Korea))" in brackets after the action.
                text = t.text("terminal.draft.consent", ["teams": teams, "name": TerminalText.sanitize(c?.name ?? id), "decision": s.consentDecisionText(id)])
                style = raw.hasPrefix("block") ? .bad : (raw.hasPrefix("approve") ? .good : .muted)
            }
            if i == cursor && focused { style = CellStyle(bold: true, reverse: true) }
            let start = lines.count
            lines += wrapped(text, width, style, indent: 3)
            ranges.append(start..<lines.count)
        }
        if items.isEmpty && committed.isEmpty && !s.matchOver { lines += wrapped(t.text("terminal.draft.empty"), width, .muted) }
        if s.everyPlayedTeamLocked {
            lines += wrapped(t.text("terminal.draft.all_locked"), width, CellStyle(tone: .good, bold: true))
        } else if s.myTeamLocked, !s.matchOver, v.phase == "negotiation" || v.phase == "orders" {
            // What the lock leaves to wait for: in negotiation a lock ends nothing early (docs/protocol.md, `lock`).
            lines += wrapped(t.text(v.phase == "negotiation" ? "terminal.draft.locked_negotiation" : "terminal.draft.locked_orders"), width, CellStyle(tone: .good))
        }
        if focused, !s.matchOver { lines.append(Line(t.text("terminal.draft.keys"), .muted)) }
        return PaneText(lines: lines, items: ranges)
    }

    static func talkLines(_ s: ClientState, width: Int, height: Int) -> [Line] {
        let channels = s.channels
        var header = ""
        for c in channels {
            let n = s.unread[c] ?? 0
            let label = s.channelLabel(c) + (n > 0 ? "(\(n))" : "")
            header += c == s.ui.channel ? "[\(label)] " : "\(label) "
        }
        var lines = wrapped(header, width, .bold)
        let messages = s.chat.filter { $0.channel == s.ui.channel }
        var body: [Line] = []
        for m in messages {
            let mine = m.seat == s.you.seat
            body += wrapped("\(s.chatName(m)): \(TerminalText.sanitize(m.text))", width, mine ? .muted : .plain, indent: 2)
        }
        let observer = s.you.role == "observer"
        let keys = wrapped(s.t.text(observer ? "terminal.talk.keys_observer" : "terminal.talk.keys"), width, .muted)
        let rows = max(1, height - lines.count - keys.count)
        let scroll = min(s.ui.cursor(.talk), max(0, body.count - rows))
        let end = body.count - scroll
        let visible = Array(body[max(0, end - rows)..<max(0, end)])
        if visible.isEmpty {
            lines += wrapped(s.t.text(observer ? "terminal.talk.empty_observer" : "terminal.talk.empty", ["channel": s.channelLabel(s.ui.channel)]), width, .muted)
        }
        lines += visible
        while lines.count < height - keys.count { lines.append(Line("")) }
        lines += keys
        return lines
    }

    static func dealLines(_ s: ClientState, width: Int, focused: Bool) -> PaneText {
        var lines: [Line] = []
        var ranges: [Range<Int>] = []
        let v = s.view
        // While a deal is being typed: what it may name, as TEAM:ACTION with each action's name and cost.
        if let input = s.ui.input, input.purpose == .command, input.text.lowercased().hasPrefix("deal") {
            let proposal = s.composedCommitments(input.text)
            let (choices, typed) = s.dealChoices(input.text)
            // Before anything is typed: what to type, in words, a deal made of this scenario's actions, and how a
            // parameter is written. Once a step is typed the list has the room (the footer keeps the example).
            if proposal.isEmpty && typed.isEmpty {
                lines += wrapped(s.t.text("terminal.deals.typing_names"), width, .bold)
                if let example = s.dealExample {
                    lines += gluedLines(s.t.text("terminal.deals.for_example") + " deal " + example, width, CellStyle(tone: .accent), indent: 2)
                }
                if let example = s.dealParameterExample {
                    lines += gluedLines(s.t.text("terminal.deals.parameter_example", ["example": example]), width, .muted, indent: 2)
                }
            }
            lines += wrapped(s.t.text("terminal.deals.narrowing"), width, .bold)
            // The proposal so far, each commitment with what may stop it, as on a deal's card.
            if !proposal.isEmpty {
                lines += wrapped(s.t.text("terminal.deals.composing"), width, .bold)
                lines += commitmentLines(s, proposal, s.dealNotes(proposal, status: "open", mine: true), width: width, style: .plain)
            }
            // Narrowed to what the word being typed starts (`usa:`, `usa:sus`, an action id); PgUp/PgDn scroll it.
            if !typed.isEmpty {
                lines += wrapped(s.t.phrase(choices.isEmpty ? "terminal.deals.no_match" : "terminal.deals.matching", ["typed": TerminalText.sanitize(typed)]), width, .muted)
            }
            for c in choices.isEmpty ? s.dealChoices("deal ").choices : choices {
                lines += wrapped("\(c.key) — \(TerminalText.sanitize(c.name))" + (c.cost.map { " (\($0))" } ?? ""), width, c.mine ? .plain : .muted, indent: 2)
            }
            return PaneText(lines: lines)
        }
        if v.deals.isEmpty { lines.append(Line(s.t.text("terminal.deals.none"), .muted)) }
        for (i, d) in s.shownDeals.enumerated() {
            var style: CellStyle = d.status == "open" ? .plain : (d.status == "agreed" || d.status == "carried_out" ? .good : .muted)
            if !s.stepsNotTaken(d).isEmpty { style = .warn }
            if i == s.ui.cursor(.deals) && focused { style = CellStyle(bold: true, reverse: true) }
            let start = lines.count
            // A card with something to say about a commitment lists them one a line, each with its notes under it.
            let notes = s.dealNotes(d)
            if notes.deal == nil && notes.each.allSatisfy(\.isEmpty) {
                lines += wrapped(s.dealText(d), width, style, indent: 3)
            } else {
                lines += wrapped(s.dealText(d, commitments: false), width, style, indent: 3)
                lines += commitmentLines(s, d.commitments, notes, width: width, style: style)
            }
            // The effect is the whole deal's: at the steps' own column ("•"), not under the last step's notes, where
            // "our steps cost 4" read as that step's cost (outside tester, qa4 #14).
            lines += wrapped("→ " + s.dealEffect(d), width - 1, .muted, indent: 2).map { Line(" " + $0.text, $0.style) }
            ranges.append(start..<lines.count)
        }
        // The closed deals of earlier turns, folded into one line (c unfolds them, at the end of the list).
        let folded = s.foldedDealCount
        if folded > 0 {
            lines += wrapped(s.t.text(s.ui.showOldDeals ? "terminal.deals.fold" : "terminal.deals.folded", count: folded), width, .muted)
        }
        // Once the match is over nothing is asked any more.
        if !v.consents.isEmpty, !s.matchOver {
            lines += wrapped(s.t.text("terminal.deals.decisions"), width, .bold)
            for c in v.consents {
                let teams = c.teams.map { TerminalText.sanitize(v.teamName($0)) }.joined(separator: ", ")
                let rule = s.consentRuleText(c)
                let settled = s.consentDecision(c.action).deal != nil
                lines += wrapped(s.t.text("terminal.deals.decision", ["name": c.name, "teams": teams, "rule": rule, "decision": s.consentDecisionText(c.action)]),
                                 width, settled ? CellStyle(tone: .good) : .plain, indent: 2)
            }
        }
        if focused, let keys = s.dealKeysHint { lines += wrapped(keys, width, .muted) }
        return PaneText(lines: lines, items: ranges)
    }

    /// A deal's commitments one a line (`• …`), each followed by its notes (warnings, who may still refuse it), then
    /// the note on the whole deal.
    static func commitmentLines(_ s: ClientState, _ commitments: [CommitmentInfo], _ notes: (each: [[DealNote]], deal: DealNote?),
                                width: Int, style: CellStyle) -> [Line] {
        func indented(_ text: String, _ by: Int, _ style: CellStyle) -> [Line] {
            wrapped(text, width - by, style, indent: 2).map { Line(String(repeating: " ", count: by) + $0.text, $0.style) }
        }
        var lines: [Line] = []
        for (i, c) in commitments.enumerated() {
            lines += indented("• " + s.commitmentText(c), 1, style)
            for note in i < notes.each.count ? notes.each[i] : [] { lines += indented(note.text, 3, note.warning ? .warn : .accent) }
        }
        if let note = notes.deal { lines += indented(note.text, 1, .warn) }
        return lines
    }

    static func newsLines(_ s: ClientState, width: Int) -> [Line] {
        let items = s.records.filter { $0.kind == "news" || $0.kind == "intel" || $0.kind == "event" }
        if items.isEmpty { return [Line(s.t.text("terminal.news.none"), .muted)] }
        var lines: [Line] = []
        for r in items.reversed() {
            let style: CellStyle = r.kind == "intel" ? CellStyle(tone: .accent) : (r.kind == "event" ? .warn : .plain)
            lines += wrapped(s.t.text("terminal.news.turn", ["turn": s.t.number(r.turn)]) + " " + RecordWords.describe(r, in: s), width, style, indent: 3)
        }
        return lines
    }

    static func resultLines(_ s: ClientState, width: Int) -> [Line] {
        let results = s.records.filter(RecordWords.isResult)
        if results.isEmpty { return [Line(s.t.text("terminal.results.none"), .muted)] }
        var lines: [Line] = []
        // The latest turn first: its summary (or, after f, its full log in the order things happened).
        for turn in TurnSummary.turns(s.records) {
            if s.ui.fullLog {
                lines.append(Line(s.t.text("terminal.results.full_log_head", ["turn": s.t.number(turn)]), .bold))
                for r in results where r.turn == turn {
                    let result = r["result"]?.string ?? ""
                    let style: CellStyle = r.kind == "order" ? (result == "success" ? .good : .bad)
                        : (r.kind == "outcome" ? CellStyle(tone: .accent, bold: true) : .plain)
                    lines += wrapped(RecordWords.describe(r, in: s), width, style, indent: 2)
                }
            } else {
                for line in TurnSummary(turn: turn, records: s.records, team: s.myTeam).lines(in: s) {
                    let style: CellStyle = switch line.tone {
                    case .heading: .bold
                    case .good: CellStyle(tone: .good)
                    case .bad: CellStyle(tone: .bad)
                    case .plain: .plain
                    case .muted: .muted
                    }
                    lines += wrapped(line.text, width, style, indent: 2)
                }
            }
        }
        lines.append(Line(s.t.text(s.ui.fullLog ? "terminal.results.to_summary" : "terminal.results.to_full_log"), .muted))
        return lines
    }

    static func controlLines(_ s: ClientState, width: Int, focused: Bool, now: Int64) -> PaneText {
        // The join code first, the line wrapped: the code is always on screen.
        var lines = wrapped(s.t.text("terminal.control.room", ["room": s.room]), width, CellStyle(tone: .accent, bold: true), indent: 2)
        if s.joiningClosed { lines += wrapped(s.t.text("terminal.control.joining_closed"), width, CellStyle(tone: .accent, bold: true), indent: 2) }
        let clock = s.clockLabel(now: now, paused: false)
        let left = clock.isEmpty ? "" : s.t.text(s.clock.paused ? "terminal.control.left_paused" : "terminal.control.left", ["clock": clock])
        if s.view.phase != "ended" {
            // The phase's name as the header's and the Board's say it, with a capital ("Negotiation phase"), not "Phase
            // negotiation" (outside tester qa5, polish).
            let phase = s.phaseName(s.view.phase)
            lines.append(Line(s.t.text("terminal.control.phase", ["phase": phase.prefix(1).uppercased() + phase.dropFirst()]) + left, .bold))
        }
        if let outcome = s.view.outcome {
            // The scenario has decided the ending: say so, and what the phase still running is for (never a plain
            // "Phase results, 0:23 left" with the whole Control menu, as if the match went on).
            let key = s.view.phase == "ended" ? "terminal.control.over" : "terminal.control.decided"
            lines += wrapped(s.t.text(key, ["outcome": TerminalText.sanitize(outcome.name)]), width, CellStyle(tone: .accent, bold: true), indent: 2)
        }
        if s.everyPlayedTeamLocked {
            lines += wrapped(s.t.text("terminal.control.all_locked"), width, CellStyle(tone: .good, bold: true))
        }
        var ranges: [Range<Int>] = []
        for (i, item) in s.controlItems.enumerated() {
            let isSel = i == s.ui.cursor(.control)
            let start = lines.count
            lines.append(Line((isSel ? "› " : "  ") + item.label(s.t, joiningClosed: s.joiningClosed), isSel && focused ? CellStyle(bold: true, reverse: true) : .plain))
            if item == .event, isSel { lines += eventLines(s, width: width) }
            ranges.append(start..<lines.count)
        }
        lines.append(Line(s.t.text("terminal.control.seats"), .bold))
        for seat in s.roster {
            let where_ = seat.role == "player" ? (seat.team.map { TerminalText.sanitize(s.view.teamName($0)) } ?? s.t.text("terminal.control.no_team")) : s.roleName(seat.role)
            let bot = seat.bot.map { s.t.text("terminal.control.bot", ["policy": s.policyName($0)]) } ?? ""
            lines += wrapped("\(seat.online ? "●" : "○") \(seat.seat) \(s.seatName(seat)) — \(where_)\(bot)", width,
                             seat.bot != nil ? CellStyle(tone: .accent) : seat.online ? .plain : .muted, indent: 2)
        }
        return PaneText(lines: lines, items: ranges)
    }

    // MARK: Dialogs

    static func drawModal(_ modal: Modal, _ s: ClientState, _ g: inout Grid) {
        var lines: [Line]
        var title: String
        var contentWidth = 0 // the widest line of the whole text, for a dialog that scrolls: its width stays as it scrolls
        switch modal {
        case .help:
            // Wrapped at spaces to the dialog's width, the description under its column (never cut mid-word).
            title = s.t.text("terminal.modal.help")
            let width = max(10, min(g.width - 6, 76))
            lines = helpLines(s).flatMap { TerminalText.width($0) <= width ? [Line($0)] : columnWrapped($0, width) }
        case .confirmQuit:
            title = s.t.text("terminal.modal.quit")
            lines = [Line(s.t.text("terminal.modal.quit_question"), .bold),
                     s.you.seat.isEmpty ? Line(s.t.text("terminal.modal.no_seat"), .muted)
                         : Line(s.t.text("terminal.modal.seat_kept"), .muted)]
        case .confirm(let prompt, _):
            title = s.t.text("terminal.modal.confirm")
            lines = wrapped(prompt, min(g.width - 6, 72), .bold)
        case .text(let heading, let all, let top):
            title = heading
            let wrappedLines = textDialogLines(all, s)
            let rows = textDialogRows(s, height: g.height)
            let first = min(max(0, top), max(0, wrappedLines.count - rows))
            lines = Array(wrappedLines.dropFirst(first).prefix(rows))
            contentWidth = wrappedLines.map { TerminalText.width($0.text) }.max() ?? 0
            let keys = s.t.text("terminal.modal.scroll_keys", ["from": s.t.number(first + 1), "to": s.t.number(first + lines.count),
                                                               "total": s.t.number(wrappedLines.count)])
            lines.append(Line(TerminalText.truncate(keys, to: max(1, min(g.width - 6, 76))), .muted))
        case .params(let form):
            // A long name is shortened, never the title's closing quote.
            let frame = TerminalText.width(s.t.text("terminal.modal.add", ["name": ""]))
            title = s.t.text("terminal.modal.add", ["name": TerminalText.truncate(TerminalText.sanitize(form.action.name), to: max(8, g.width - 8 - frame))])
            lines = [Line(s.t.text("terminal.modal.param_keys"), .muted)]
            for (i, p) in form.action.params.enumerated() {
                let value = form.values[i]
                let shown = p.choices.first { $0.id == value.string }?.name ?? value.display
                let range = p.choices.isEmpty ? " (\(p.min ?? 0)–\(p.max ?? 0))" : ""
                lines.append(Line("\(i == form.field ? "›" : " ") \(p.label(among: form.action.params, s.t)): ‹ \(TerminalText.sanitize(shown)) ›\(range)", i == form.field ? CellStyle(bold: true, reverse: true) : .plain))
            }
        }
        let w = min(g.width - 2, max(TerminalText.width(title) + 6, max(contentWidth, lines.map { TerminalText.width($0.text) }.max() ?? 0) + 4))
        let h = min(g.height - 2, lines.count + 2)
        let x = (g.width - w) / 2
        let y = max(1, (g.height - h) / 2)
        // The box clears a margin around it (two columns each side, a row above and below, never the header's or the
        // footer's row): no letter or border of the pane beneath shows against its edges (outside tester qa5, Wrong #7).
        let top = max(1, y - 1), bottom = min(g.height - 1, y + h + 1)
        // A margin that would leave two columns or fewer of the pane at the screen's edge goes to the edge: no lone "%"
        // or "?" of the pane stays beside the dialog (outside tester qa8, W6).
        let left = x - 2 <= 2 ? 0 : x - 2, right = x + w + 2 >= g.width - 2 ? g.width : x + w + 2
        g.fill(left, top, right - left, bottom - top)
        g.put(x, y, "┌" + String(repeating: "─", count: w - 2) + "┐")
        g.put(x + 2, y, " \(title) ", .bold, limit: w - 4)
        for i in 1..<(h - 1) {
            g.put(x, y + i, "│")
            g.put(x + w - 1, y + i, "│")
            if i - 1 < lines.count { g.put(x + 2, y + i, lines[i - 1].text, lines[i - 1].style, limit: w - 4) }
        }
        g.put(x, y + h - 1, "└" + String(repeating: "─", count: w - 2) + "┘")
    }

    /// The text dialog's lines wrapped to its width (at most 76 columns), each wrapped line indented under its first.
    static func textDialogLines(_ lines: [String], _ s: ClientState) -> [Line] {
        let width = max(10, min(s.ui.screen.width - 6, 76))
        // A line that fits keeps its spaces (the help's columns); a longer one wraps at words, keeping its columns.
        return lines.flatMap { TerminalText.width($0) <= width ? [Line(TerminalText.sanitize($0))] : columnWrapped($0, width) }
    }

    /// A line too long for the width, wrapped without losing its layout: its leading indent stays, and when it has a
    /// description column (after a gap of two spaces or more, as `:help` has) the description wraps under that column;
    /// otherwise its continuation lines go two columns in from its indent.
    static func columnWrapped(_ raw: String, _ width: Int) -> [Line] {
        let line = TerminalText.sanitize(raw)
        let lead = line.prefix { $0 == " " }.count
        let body = String(line.dropFirst(lead))
        if let gap = body.range(of: "  ", options: .backwards) {
            let left = String(line.prefix(lead)) + String(body[..<gap.upperBound])
            let column = TerminalText.width(left)
            let description = String(body[gap.upperBound...]).trimmingSpaces
            // The column is kept when the description fits beside it, or has room enough to wrap there.
            if !description.isEmpty, column + TerminalText.width(description) <= width || column <= width - 16 {
                return TerminalText.wrap(description, to: width - column).enumerated().map { i, part in
                    Line((i == 0 ? left : String(repeating: " ", count: column)) + part)
                }
            }
        }
        return TerminalText.wrap(body, to: max(1, width - lead - 2)).enumerated().map { i, part in
            Line(String(repeating: " ", count: i == 0 ? lead : lead + 2) + part)
        }
    }

    /// How many of its lines the text dialog shows: the screen's height less the borders, the key line and a margin.
    static func textDialogRows(_ s: ClientState, height: Int? = nil) -> Int { max(1, (height ?? s.ui.screen.height) - 5) }

    static func textDialogMaxTop(_ lines: [String], _ s: ClientState) -> Int {
        max(0, textDialogLines(lines, s).count - textDialogRows(s))
    }

    /// Lines whose columns are separated by two spaces or more, with each column padded to its widest cell in display
    /// columns (Hangul is two): the keys and descriptions line up in every language. A line's last cell is not padded.
    static func alignedColumns(_ lines: [String]) -> [String] {
        let cells = lines.map { line in
            line.split(separator: "  ", omittingEmptySubsequences: true).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        var widths: [Int] = []
        for row in cells {
            for (i, cell) in row.dropLast().enumerated() {
                if widths.count <= i { widths.append(0) }
                widths[i] = max(widths[i], TerminalText.width(cell))
            }
        }
        return cells.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : TerminalText.pad(cell, to: widths[i] + 2) }.joined()
        }
    }

    static func helpLines(_ s: ClientState) -> [String] {
        let t = s.t
        var lines = alignedColumns([
            t.text("terminal.help.1"),
            t.text("terminal.help.2", count: s.panes.count),
            t.text("terminal.help.3"),
            t.text("terminal.help.4"),
            t.text("terminal.help.5"),
        ]) + [t.text("terminal.help.lang")]
        if s.myTeam != nil {
            lines += [
                t.text("terminal.help.actions"),
                t.text("terminal.help.draft"),
                t.text("terminal.help.talk"),
                t.text("terminal.help.deals"),
                t.text("terminal.help.results"),
                t.text("terminal.help.board"),
            ]
        }
        if s.isInstructor { lines.append(t.text("terminal.help.control")) }
        return lines
    }
}
