import ArmisticeEngine
import ArmisticeWire
import ArmisticeLocale

extension ClientState {
    /// Carries out a typed command: requests for the server, or lines describing the state.
    public mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .help: return Command.helpLines(t).map(Effect.notice)
        case .quit: return [.quit]
        case .state: return boardLines(now: nil).map(Effect.notice)
        case .actions: return actionLines().map(Effect.notice)
        case .draft: return draftLines().map(Effect.notice)
        case .deals: return dealLines().map(Effect.notice)
        case .consents: return consentLines().map(Effect.notice)
        case .news:
            return records.filter { $0.kind == "news" || $0.kind == "intel" }.suffix(20)
                .map { .notice("[\($0.kind)] " + RecordWords.describe($0, in: self)) }
        case .results:
            // The last adjudicated turn's, not the new turn's that has barely begun (a student back at its start).
            guard let turn = lastAdjudicatedTurn else { return [.notice(t.text("terminal.plain.no_results"))] }
            return TurnSummary(turn: turn, records: records, team: myTeam).lines(in: self).map { .notice($0.text) }
        case .resultsOf(let turn):
            guard TurnSummary.turns(records).contains(turn) else {
                return [.notice(t.text("terminal.plain.no_results_turn", ["turn": t.number(turn)]))]
            }
            return TurnSummary(turn: turn, records: records, team: myTeam).lines(in: self).map { .notice($0.text) }
        case .roster:
            return roster.map { s in
                let role = s.team.map { t.text("terminal.plain.player_of", ["team": TerminalText.sanitize(view.teamName($0))]) } ?? roleName(s.role)
                return .notice(t.text("terminal.plain.seat", ["seat": s.seat, "name": seatName(s), "role": role,
                                                              "presence": t.text(s.online ? "terminal.connection.online" : "terminal.plain.seat_offline")])
                               + (s.bot.map { " — " + t.text("terminal.bot.words", ["policy": policyName($0)]) } ?? ""))
            }
        case .chatLog(let channel):
            let wanted = channel.map(resolveChannel)
            return chat.filter { wanted == nil || $0.channel == wanted }.suffix(20).map { m in
                .notice("[chat \(m.channel)] \(chatName(m)): \(TerminalText.sanitize(m.text))")
            }
        case .resync: return [resyncRequest()]
        case .add(let action, let params):
            guard myTeam != nil else { return [refuse(t.text("terminal.status.no_draft"))] }
            if let deal = promisedDeal(action) {
                return [refuse(t.phrase("terminal.status.promised", ["action": RecordWords.actionName(action, in: view), "deal": String(deal)]))]
            }
            if let problem = paramProblem(action, params) { return [refuse(problem)] }
            // An action this seat does not know is named as typed (the server's refusal quotes it and may suggest
            // another), never made readable as "missle test".
            let name = TerminalText.sanitize(view.knownActionName(action) ?? action)
            var done = "terminal.status.added"
            var values = ["action": name]
            // An action marked not available: refused at once when that cannot change this turn; added with a warning
            // when the state or the draft may still change before adjudication (by its reason_code, never its words).
            if let a = view.action(action), !a.available {
                let reason = TerminalText.sanitize(a.reason ?? t.text("terminal.actions.unavailable"))
                values["reason"] = reason
                switch a.reasonCode {
                case "cost": done = "terminal.status.added_over_budget"
                case "requirement", nil: done = "terminal.status.added_not_possible"
                default: return [refuse(t.phrase("terminal.status.cannot_add", values))]
                }
            }
            // An action named by its id takes no Korean particle: the failure then names it without one.
            let failed = view.knownActionName(action) == nil ? "terminal.failed.added_unknown" : "terminal.failed.added"
            return [editDraft(.add(OrderInfo(action: action, params: params)), what: said(done, failed, values))]
        case .remove(let n):
            let draft = myDraft
            guard (1...max(1, draft.orders.count)).contains(n), n <= draft.orders.count else {
                return [refuse(t.text("terminal.status.no_order", ["number": String(n)]))]
            }
            let removed = draft.orders[n - 1]
            return [editDraft(.remove(at: n - 1, removed), what: said("terminal.status.removed", "terminal.failed.removed", ["action": RecordWords.actionName(removed.action, in: view)]))]
        case .clear:
            return [editDraft(.clear(myDraft.orders), what: said("terminal.status.cleared", "terminal.failed.cleared"))]
        case .consent(let action, let decision):
            return [editDraft(.consent(action: action, decision: decision), what: said("terminal.status.consent", "terminal.failed.consent",
                                                ["decision": decision.map(decisionName) ?? t.text("terminal.decision.undecided"), "action": RecordWords.actionName(action, in: view)]))]
        case .lock:
            // What the full screen's question says first (over budget, points not spent, consents undecided), as
            // warnings: the plain mode still locks, so a script's `lock` does what it says (README).
            let warnings = myTeam == nil ? [] : lockWarnings.map { Effect.notice("[warning] " + $0) }
            return [request(ClientRequest.Lock(), said("terminal.status.locked", "terminal.failed.locked"))] + warnings
        case .say(let channel, let text):
            let ch = resolveChannel(channel)
            if you.role == "observer" { return [refuse(t.text("terminal.status.observer_chat"))] }
            // A channel this seat cannot write is refused here, in the help's words (never the wire's `pair:ID+ID`).
            if hasSnapshot, !channels.contains(ch) {
                let teams = view.teams.filter { $0.id != myTeam }.map { "\($0.id) (\(shortTeamName($0.id)))" }.joined(separator: ", ")
                return [refuse(t.text("terminal.status.unknown_channel", ["channel": TerminalText.truncate(TerminalText.sanitize(channel), to: 20),
                                                                          "all": t.text("terminal.channel.all"), "team": t.text("terminal.channel.team"), "teams": teams]))]
            }
            // A window whose seat went elsewhere never reconnects: nothing is kept to send "once the seat is back".
            if isClosed { return [refuse(t.text("terminal.status.closed_chat"))] }
            // Offline, the message is kept and sent once the seat is back (`sendKeptChat`): nothing typed is lost.
            guard connection == .online else {
                keptChat.append(.say(channel: ch, text: text))
                return [.notice("[warning] " + t.text("terminal.plain.chat_kept"))]
            }
            return [request(ClientRequest.Chat(channel: ch, text: text), said("terminal.status.sent", "terminal.failed.sent", ["channel": channelLabel(ch)]))]
        case .propose(let commitments, let note):
            let body = ClientRequest.ProposeDeal(commitments: withTeamIds(commitments).compactMap { $0.decoded(as: Commitment.self) },
                                                 note: note.isEmpty ? nil : note)
            return [request(body, said("terminal.status.proposed", "terminal.failed.proposed"))]
        case .respond(let deal, false, false):
            // The plain mode's `reject N` asks, and says how to answer (the full screen has asked first: `confirmation`).
            return [.notice("[confirm] " + t.phrase("terminal.confirm.reject_plain", ["deal": String(deal)]))]
        case .respond(let deal, let accept, _):
            // Past the budget the line mode says so as it accepts (the full screen has asked first: `confirmation`).
            let warning = accept ? acceptNotice(deal).map { [Effect.notice("[warning] " + $0)] } ?? [] : []
            return warning + [request(ClientRequest.RespondDeal(deal: deal, accept: accept),
                            accept ? said("terminal.status.accepted", "terminal.failed.accepted", ["deal": String(deal)])
                                : said("terminal.status.rejected", "terminal.failed.rejected", ["deal": String(deal)]))]
        case .withdraw(let deal):
            return [request(ClientRequest.WithdrawDeal(deal: deal), said("terminal.status.withdrew", "terminal.failed.withdrew", ["deal": String(deal)]))]
        case .start: return [request(ClientRequest.Start(), said("terminal.status.started", "terminal.failed.started"))]
        case .pause: return [request(ClientRequest.Pause(), said("terminal.status.paused", "terminal.failed.paused"))]
        case .unpause: return [request(ClientRequest.Unpause(), said("terminal.status.resumed", "terminal.failed.resumed"))]
        case .skip: return [request(ClientRequest.Skip(), said("terminal.status.skipped", "terminal.failed.skipped"))]
        case .extend(let s): return [request(ClientRequest.Extend(seconds: s), said("terminal.status.extended", "terminal.failed.extended", ["seconds": String(s)]))]
        case .injectNews(let text): return [request(ClientRequest.InjectNews(text: text), said("terminal.status.published", "terminal.failed.published"))]
        case .injectEvent(let id): return [request(ClientRequest.InjectEvent(event: id), said("terminal.status.fired", "terminal.failed.fired", ["event": view.events.first { $0.id == id }?.name ?? id]))]
        case .adjust(let target, var value, let reason):
            // A project's stage is typed as the terminal counts it, from 1 (`adjust accord 3`: its third stage); the
            // request takes the scenario's index, from 0.
            if let project = view.projects.first(where: { $0.id == target }) {
                let count = max(1, project.statuses.count)
                guard (1...count).contains(value) else {
                    return [refuse(t.phrase("terminal.status.stage_range", ["target": TerminalText.sanitize(project.name), "count": t.number(count), "value": String(value)]))]
                }
                value -= 1
            }
            return [request(ClientRequest.Adjust(target: target, value: value, reason: reason),
                            said("terminal.status.adjusted", "terminal.failed.adjusted",
                                 ["target": targetName(target), "value": valueWords(value, of: target),
                                  "from": currentValue(of: target).map { valueWords($0, of: target) } ?? "?",
                                  "to": valueWords(settable(value, of: target), of: target)]))]
        case .moveSeat(let seat, let team, let role):
            return [request(ClientRequest.MoveSeat(seat: seat, team: team, role: role), said("terminal.status.moved", "terminal.failed.moved", ["seat": seat]))]
        case .removeSeat(let seat): return [request(ClientRequest.RemoveSeat(seat: seat), said("terminal.status.removed_seat", "terminal.failed.removed_seat", ["seat": seat]))]
        case .setBot(let team, let policy):
            let id = view.teams.first { $0.id.lowercased() == team.lowercased() || $0.name.lowercased() == team.lowercased() }?.id ?? team
            let name = TerminalText.sanitize(view.teamName(id))
            guard let policy else { return [request(ClientRequest.SetBot(team: id), said("terminal.status.bot_off", "terminal.failed.bot_off", ["team": name]))] }
            return [request(ClientRequest.SetBot(team: id, policy: policy), said("terminal.status.bot_on", "terminal.failed.bot_on", ["policy": policyName(policy), "team": name]))]
        case .setJoining(let open):
            return [request(ClientRequest.SetJoining(open: open), open ? said("terminal.status.joining_opened", "terminal.failed.joining_opened")
                                                                       : said("terminal.status.joining_closed", "terminal.failed.joining_closed"))]
        case .end(let reason):
            return [request(ClientRequest.End(reason: reason), said("terminal.status.ended", "terminal.failed.ended"))]
        case .setLanguage(let tag, let room):
            language = Language(parsing: tag)
            return [request(ClientRequest.SetLanguage(lang: language.rawValue, room: room ? true : nil), said("terminal.status.language", "terminal.failed.language", ["language": language.nativeName]))]
        }
    }

    /// Sends the chat kept while the connection was down, in the order it was said; none while still offline.
    mutating func sendKeptChat() -> [Effect] {
        guard connection == .online else { return [] }
        let kept = keptChat
        keptChat = []
        return kept.flatMap { perform($0) }
    }

    /// A chat request the shell could not send after all (the connection dropped before the interface knew): kept
    /// like one said offline, to go with the next seat. False for any other request.
    public mutating func keepUnsent(_ message: JSONValue) -> Bool {
        guard !isClosed, message["type"]?.string == "chat", let channel = message["channel"]?.string, let text = message["text"]?.string else { return false }
        if let id = message["id"]?.int { pending[id] = nil }
        keptChat.append(.say(channel: channel, text: text))
        return true
    }

    /// Parses and performs a typed line; a line that is not a command gives a refusal line.
    public mutating func perform(line: String) -> [Effect] {
        do { return perform(try Command.parse(line)) } catch { return [refuse(error.message(t))] }
    }

    /// A line read in the plain mode. It runs once the seat is in (before the first snapshot it waits, so a script can
    /// pipe commands in however fast the connection comes up) and once the line before it has its answer: its ack or
    /// refusal, and the update showing its change (or `lineTimeout` without one: it then goes on with a warning).
    public mutating func submit(line: String, now: Int64 = 0) -> [Effect] {
        queuedLines.append(line)
        return runQueuedLines(now: now)
    }

    /// What the plain mode does as time passes: the next line, once the one before has waited long enough.
    public mutating func tick(now: Int64) -> [Effect] { runQueuedLines(now: now) }

    /// Runs the waiting lines in the order they were read, each once the one before has its answer.
    mutating func runQueuedLines(now: Int64) -> [Effect] {
        var effects: [Effect] = []
        while hasSnapshot {
            if let wait = lineWait {
                if wait.ids.isEmpty, lastSeq >= wait.seq || now - (wait.answeredAt ?? now) >= Self.updateGrace {
                    lineWait = nil
                } else if now - wait.since >= Self.lineTimeout {
                    lineWait = nil
                    if !queuedLines.isEmpty { effects.append(.notice("[warning] " + t.text("terminal.plain.no_answer", ["seconds": t.number(Int(Self.lineTimeout / 1000))]))) }
                } else {
                    break
                }
            }
            guard !queuedLines.isEmpty else { break }
            let ran = perform(line: queuedLines.removeFirst())
            effects += ran
            let ids = ran.compactMap { if case .send(let m) = $0 { m["id"]?.int } else { nil } }
            if !ids.isEmpty { lineWait = LineWait(ids: Set(ids), since: now) }
            if ran.contains(where: { if case .quit = $0 { true } else { false } }) { break }
        }
        return effects
    }

    /// A request answered (acked with its change's `seq`, refused, or answered by a snapshot): the line that sent it
    /// waits no more for it.
    mutating func lineAnswered(_ id: Int, seq: Int?, now: Int64) {
        guard var wait = lineWait, wait.ids.remove(id) != nil else { return }
        wait.seq = max(wait.seq, seq ?? 0)
        if wait.ids.isEmpty { wait.answeredAt = now }
        lineWait = wait
    }

    /// A draft change sent again under a new id (`resend`): the line waits for that one instead.
    mutating func lineReissued(_ id: Int, as new: Int) {
        guard lineWait?.ids.remove(id) != nil else { return }
        lineWait?.ids.insert(new)
    }

    mutating func refuse(_ message: String) -> Effect {
        say("✗ " + message, error: true)
        return .notice("[error] " + message)
    }

    /// Why the server would refuse these parameters (`bad_parameter`), in words that say what is allowed: the
    /// number's range or the choices. Nil when they are fine, or when the action is not in this seat's view.
    func paramProblem(_ action: String, _ params: [String: JSONValue]) -> String? {
        guard let a = view.action(action) else { return nil }
        for p in a.params {
            let name = p.label.map { "\(TerminalText.sanitize($0)) (\(p.id))" } ?? p.id
            let value = params[p.id]
            if p.choices.isEmpty {
                guard p.min != nil || p.max != nil else { continue }
                let n = value?.int
                if n == nil || n! < (p.min ?? Int.min) || n! > (p.max ?? Int.max) {
                    return t.text("terminal.status.param_range", ["param": name, "min": p.min.map(t.number) ?? "…", "max": p.max.map(t.number) ?? "…"])
                }
            } else if !p.choices.contains(where: { $0.id == value?.string }) {
                let choices = p.choices.map { $0.name == $0.id ? $0.id : "\($0.id) (\(TerminalText.sanitize($0.name)))" }.joined(separator: ", ")
                return t.text("terminal.status.param_choices", ["param": name, "choices": choices])
            }
        }
        return nil
    }

    /// A track's, flag's or project's name for an `adjust` target's id; the id when the view names none.
    func targetName(_ id: String) -> String {
        let name = view.tracks.first { $0.id == id }?.name ?? view.flags.first { $0.id == id }?.name ?? view.projects.first { $0.id == id }?.name
        return TerminalText.sanitize(name ?? id)
    }

    /// The newest turn with results that has been adjudicated: this turn's once its adjudication has run, else the
    /// one before.
    var lastAdjudicatedTurn: Int? {
        let done = ["adjudication", "results", "ended"].contains(view.phase) ? view.turn : view.turn - 1
        return TurnSummary.turns(records).first { $0 <= done }
    }

    /// While `:adjust` is typed, what it does (sets a value, never adds to it) and, once the target is typed, that
    /// target's value now and its range: an instructor who means "lower trust by 5" is told before sending `-5`.
    public var adjustHint: String? {
        guard let input = ui.input, input.purpose == .command else { return nil }
        let words = input.text.split(separator: " ")
        guard words.first?.lowercased() == "adjust" else { return nil }
        let id = words.count > 1 ? String(words[1]) : ""
        if let track = view.tracks.first(where: { $0.id == id }) {
            return t.phrase("terminal.hint.adjust_track", ["target": TerminalText.sanitize(track.name), "value": String(track.value),
                                                           "min": String(track.min), "max": String(track.max)])
        }
        if let flag = view.flags.first(where: { $0.id == id }) {
            return t.phrase("terminal.hint.adjust_flag", ["target": TerminalText.sanitize(flag.name), "value": valueWords(flag.value ? 1 : 0, of: id)])
        }
        if let project = view.projects.first(where: { $0.id == id }) {
            return t.phrase("terminal.hint.adjust_project", ["target": TerminalText.sanitize(project.name), "position": stagePosition(project),
                                                             "stage": valueWords(project.index, of: id), "count": t.number(max(1, project.statuses.count))])
        }
        return t.text("terminal.hint.adjust")
    }

    /// A target's value now, as `adjust` sets it: a track's number, a flag's 1 or 0, a project's stage.
    func currentValue(of target: String) -> Int? {
        view.tracks.first { $0.id == target }?.value ?? view.flags.first { $0.id == target }.map { $0.value ? 1 : 0 }
            ?? view.projects.first { $0.id == target }?.index
    }

    /// The value `adjust` sets: the one given, kept within a track's range (as the update shows it).
    func settable(_ value: Int, of target: String) -> Int {
        guard let track = view.tracks.first(where: { $0.id == target }) else { return value }
        return Swift.min(Swift.max(value, track.min), track.max)
    }

    /// An `adjust` value as the records say it: a flag's as yes or no, a track's or project's as its number.
    func valueWords(_ value: Int, of target: String) -> String {
        RecordText(names: ViewNames(view), language: t.language).value(value, of: target)
    }

    /// Sends a change to the team's draft made on the draft the view shows now, with that draft as its `base`: if a
    /// teammate changed the draft meanwhile, the server refuses it (`draft_changed`) and `redoEdit` makes the change
    /// again on the teammate's draft, instead of this one replacing it.
    mutating func editDraft(_ edit: DraftEdit, what: Said, tries: Int = 0) -> Effect {
        let base = myDraft
        var what = what
        what.edit = edit
        what.base = base
        what.tries = tries
        return setOrders(edit.applied(to: base) ?? base, base: base, what: what)
    }

    mutating func setOrders(_ draft: DraftInfo, base: DraftInfo, what: Said) -> Effect {
        request(ClientRequest.SetOrders(orders: Self.orders(draft), consents: Self.consents(draft),
                                        base: TeamOrders(orders: Self.orders(base), consents: Self.consents(base) ?? [:])), what)
    }

    static func orders(_ draft: DraftInfo) -> [Order] { draft.orders.compactMap { $0.json.decoded(as: Order.self) } }
    static func consents(_ draft: DraftInfo) -> [String: ConsentDecision]? { draft.consents.compactMapValues(ConsentDecision.init(rawValue:)) }

    /// A draft change the server refused as made from a stale draft (`draft_changed`): made again on the draft the
    /// view shows now, a few times at most (`DraftEdit.tries`). The teammate's update comes before the refusal; if the
    /// view still shows the draft the change was made from (the update was lost to a gap and a resync is on its way),
    /// the change waits for the next draft to arrive. Nil when the tries are spent: the refusal is then said.
    mutating func redoEdit(_ what: Said, replacing id: Int) -> [Effect]? {
        guard let edit = what.edit, what.tries < DraftEdit.tries else { return nil }
        if what.base == myDraft {
            parkedEdits.append((id, what))
            return []
        }
        return resend(edit, what, replacing: id)
    }

    mutating func resend(_ edit: DraftEdit, _ what: Said, replacing id: Int) -> [Effect] {
        guard edit.applied(to: myDraft) != nil else {
            // The draft is already as the change would leave it (a teammate made the same change): done.
            lineAnswered(id, seq: nil, now: 0)
            if !what.quiet { say("✓ " + what.done) }
            return [.notice("[ok] \(what.done)")]
        }
        let effect = editDraft(edit, what: what, tries: what.tries + 1)
        if case .send(let m) = effect, let new = m["id"]?.int { lineReissued(id, as: new) }
        return [effect]
    }

    /// The parked draft changes, once the view shows a newer draft than the one each was made from.
    mutating func resendParkedEdits() -> [Effect] {
        guard !parkedEdits.isEmpty else { return [] }
        var effects: [Effect] = []
        let parked = parkedEdits
        parkedEdits = []
        for (id, what) in parked {
            if what.base == myDraft { parkedEdits.append((id, what)); continue }
            if let edit = what.edit { effects += resend(edit, what, replacing: id) }
        }
        return effects
    }

    /// `all`, `team` (or their words in the interface's language: `전체`, `팀`), a team by id or name in the reader's
    /// language (the pair channel with it; for the instructor, that team's channel), or a full channel name.
    public func resolveChannel(_ name: String) -> String {
        let n = name.lowercased()
        if n == "all" || n == t.text("terminal.channel.all").lowercased() { return "all" }
        if let team = myTeam, n == "team" || n == "팀" || n == t.text("terminal.channel.team").lowercased() { return "team:\(team)" }
        if n.hasPrefix("team:") || n.hasPrefix("pair:") { return n }
        let id = view.teams.first { $0.id == n }?.id ?? view.teams.first { team in
            let full = TerminalText.sanitize(team.name).lowercased()
            return full == n || shortTeamName(team.id).lowercased() == n
                || full.range(of: " (").map { String(full[..<$0.lowerBound]) == n } == true
        }?.id
        if let id, let team = myTeam, id != team { return ClientState.pairChannel(team, id) }
        if let id, isInstructor { return "team:\(id)" }
        return n
    }

    // MARK: Lines for the plain mode

    public func boardLines(now: Int64?) -> [String] {
        var lines = [t.text("terminal.plain.state", ["title": TerminalText.sanitize(view.title), "room": room, "turn": String(view.turn), "turns": String(view.turns),
                                                     "date": TerminalText.sanitize(view.date), "phase": phaseName(view.phase)])
                     + (now.map { " " + clockLabel(now: $0) } ?? "")]
        for track in view.tracks {
            lines.append(t.text("terminal.plain.track", ["name": TerminalText.sanitize(track.name), "value": String(track.value), "min": String(track.min), "max": String(track.max)])
                         + (track.level.map { " \(TerminalText.sanitize($0))" } ?? ""))
        }
        for p in view.projects {
            lines.append(t.text("terminal.plain.project", ["name": TerminalText.sanitize(p.name), "status": p.status.replacingUnderscores,
                                                                "step": stagePosition(p)]))
        }
        for f in view.flags {
            lines.append(t.text("terminal.plain.flag", ["name": TerminalText.sanitize(f.name), "value": t.text(f.value ? "terminal.plain.yes" : "terminal.plain.no")]))
        }
        for team in view.teams {
            lines.append(t.text("terminal.plain.team", ["id": team.id, "name": TerminalText.sanitize(team.name)]) + (team.locked ? t.text("terminal.plain.locked") : "")
                         + (team.budget.map { t.text("terminal.plain.budget", ["budget": String($0)]) } ?? "")
                         + (botWords(team.id).map { " — " + $0 } ?? ""))
        }
        if let o = view.outcome {
            lines.append(t.text("terminal.plain.outcome", ["name": TerminalText.sanitize(o.name), "text": TerminalText.sanitize(o.text)]))
        }
        return lines
    }

    public func actionLines() -> [String] {
        if view.actions.isEmpty { return [t.text("terminal.plain.no_actions")] }
        return view.actions.map { a in
            var line = "\(a.id): \(TerminalText.sanitize(a.name)) — " + t.text("terminal.actions.cost", ["cost": String(a.cost)]) + (a.chance.map { ", \($0)%" } ?? "")
            if a.covert { line += t.text("terminal.plain.covert") }
            if !a.params.isEmpty {
                // The id to type, with the scenario's label beside it (`amount (how much to give up)=1~4`).
                let params = a.params.map { p in
                    let name = p.label.map { "\(p.id) (\(TerminalText.sanitize($0)))" } ?? p.id
                    return p.choices.isEmpty ? t.text("terminal.plain.param_range", ["param": name, "min": p.min.map(t.number) ?? "…", "max": p.max.map(t.number) ?? "…"])
                        : "\(name)=" + p.choices.map(\.id).joined(separator: "|")
                }
                line += t.text("terminal.plain.params", ["params": params.joined(separator: " ")])
            }
            if !a.consentFrom.isEmpty {
                let teams = a.consentFrom.map { TerminalText.sanitize(view.teamName($0)) }.joined(separator: ", ")
                line += t.text(a.consentRule == "all" ? "terminal.plain.consent_all" : "terminal.plain.consent_veto", ["teams": teams])
            }
            if !a.available { line += t.text("terminal.plain.not_now", ["reason": TerminalText.sanitize(a.reason ?? t.text("terminal.actions.unavailable"))]) }
            return line
        }
    }

    public func draftLines() -> [String] {
        if isInstructor {
            return view.teams.map { t in
                let d = view.orders[t.id] ?? DraftInfo()
                let orders = commitments(of: t.id).compactMap { c in
                    c.commitment.action.map { "🔒 \(RecordWords.actionName($0, in: view)) " + self.t.text("terminal.draft.deal", ["deal": self.t.number(c.deal)])
                        + stepMark($0, team: t.id) }
                } + d.orders.map { RecordWords.actionName($0.action, in: view) }
                let over = overBudget(of: t.id)
                return "\(TerminalText.sanitize(t.name))\(t.locked ? self.t.text("terminal.plain.locked") : "")\(botWords(t.id).map { " [\($0)]" } ?? "")"
                    + (over > 0 ? " " + self.t.text("terminal.drafts.over_budget", ["over": self.t.number(over)]) : "") + ": "
                    + (orders.isEmpty ? self.t.text("terminal.plain.no_orders") : orders.joined(separator: ", "))
            }
        }
        let d = myDraft
        let spent = mySpent + committedCost(of: myTeam)
        var lines = [t.text("terminal.plain.draft", ["spent": String(spent), "budget": myBudget.map(String.init) ?? "?", "left": String((myBudget ?? 0) - spent)])
                     + (myTeamLocked ? t.text("terminal.plain.draft_locked") : "")]
        if draftIsTheBots { lines.append("  " + t.text("terminal.draft.by_bot")) }
        for c in commitments(of: myTeam) {
            lines.append("  🔒 \(commitmentText(c.commitment)) — " + t.text("terminal.draft.deal", ["deal": t.number(c.deal)]) + " (\(c.cost))")
        }
        for (i, o) in d.orders.enumerated() {
            let params = paramsText(o.params, of: o.action)
            lines.append("  \(i + 1). \(RecordWords.actionName(o.action, in: view))\(params.isEmpty ? "" : " · " + params)"
                         + (orderWarning(o.action).map { " " + $0 } ?? ""))
        }
        for c in view.consents where d.consents[c.action] != nil || consentDecision(c.action).deal != nil {
            lines.append("  ? \(TerminalText.sanitize(c.name)): \(consentDecisionText(c.action))")
        }
        return lines
    }

    public func dealLines() -> [String] {
        if view.deals.isEmpty { return [t.text("terminal.plain.no_deals")] }
        return view.deals.flatMap { d in [dealText(d) + " — " + dealEffect(d)] + dealNoteLines(d).map { "  " + $0 } }
    }

    public func consentLines() -> [String] {
        if view.consents.isEmpty { return [t.text("terminal.plain.no_consents")] }
        return view.consents.map { c in
            let teams = c.teams.map { TerminalText.sanitize(view.teamName($0)) }.joined(separator: ", ")
            let rule = consentRuleText(c)
            return "\(c.action): " + t.text("terminal.deals.decision", ["name": TerminalText.sanitize(c.name), "teams": teams, "rule": rule, "decision": consentDecisionText(c.action)])
        }
    }
}
