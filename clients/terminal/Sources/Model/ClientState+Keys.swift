import ArmisticeWire
extension ClientState {
    /// The panes in Tab order for this seat.
    public var panes: [Pane] {
        if isInstructor { return [.control, .board, .draft, .talk, .deals, .news, .results] }
        if myTeam == nil { return [.board, .talk, .news, .results] }
        return [.board, .actions, .draft, .talk, .deals, .news, .results, .brief]
    }

    /// News and intelligence records so far (the News pane's unread mark counts those not yet shown).
    public var newsCount: Int { records.filter { $0.kind == "news" || $0.kind == "intel" }.count }

    /// Handles one key press.
    public mutating func handle(key: Key) -> [Effect] {
        if var input = ui.input { return handleInput(key, &input) }
        if let modal = ui.modal { return handleModal(key, modal) }
        if status != nil, key != .char("?") { status = nil; statusIsError = false }
        switch key {
        case .tab, .right: move(by: 1); return []
        case .backTab, .left: move(by: -1); return []
        case .char("?"): ui.modal = .help; return []
        case .char("q"), .char("Q"): ui.modal = .confirmQuit; return []
        case .char(":"): ui.input = TextInput(purpose: .command, prompt: ":"); return []
        case .char("L") where myTeam != nil:
            ui.modal = .confirm(prompt: lockPrompt, command: .lock)
            return []
        case .char(let c) where c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= panes.count { focus(panes[n - 1]) }
            return []
        default: break
        }
        return handlePane(key)
    }

    /// The question before locking, with what the lock leaves as it is: a draft over budget, points not spent,
    /// consent questions not answered (and what no answer counts as); it says that a lock cannot be undone.
    public var lockPrompt: String { (lockWarnings + [t.text("terminal.confirm.lock")]).joined(separator: " ") }

    /// What locking now leaves as it is: orders over budget, points not spent, consent questions not decided (each
    /// with what it counts as). The full screen asks with them; the plain mode says them as `[warning]` lines.
    public var lockWarnings: [String] {
        var parts: [String] = []
        if let warning = overBudgetWarning { parts.append(warning) }
        if let budget = myBudget {
            let left = budget - mySpent - committedCost(of: myTeam)
            if left > 0 { parts.append(t.text("terminal.confirm.unspent", ["left": t.number(left), "budget": t.number(budget)], count: left)) }
        }
        let undecided = view.consents.filter { consentDecision($0.action).decision == "undecided" }
        if !undecided.isEmpty {
            let list = undecided.map { "\(TerminalText.sanitize($0.name)): \(consentDecisionText($0.action))" }.joined(separator: "; ")
            parts.append(t.text("terminal.confirm.undecided", ["list": list], count: undecided.count))
        }
        return parts
    }

    /// The question a command asks before it is sent, however it was given (a key or a typed `:lock`, `:accept N`):
    /// locking always (it is final), accepting a deal when it would take my team past its budget. Nil when it goes at once.
    public func confirmation(for command: Command) -> String? {
        switch command {
        case .lock where myTeam != nil: return lockPrompt
        case .respond(let id, true, _): return acceptNotice(id).map { $0 + " " + t.text("terminal.confirm.accept") }
        case .respond(let id, false, false): return t.phrase("terminal.confirm.reject", ["deal": String(id)])
        // Ending the match cannot be undone: a typed `:end` asks what the Control pane's item asks (its reason kept).
        case .end where you.role == "instructor": return t.text(view.outcome == nil ? "terminal.confirm.end" : "terminal.confirm.end_decided")
        default: return nil
        }
    }

    mutating func move(by step: Int) {
        let list = panes
        let i = list.firstIndex(of: ui.focus) ?? 0
        focus(list[(i + step + list.count) % list.count])
    }

    public mutating func focus(_ pane: Pane) {
        if ui.focus == .news || pane == .news { ui.newsSeen = newsCount }
        ui.focus = pane
        if Layout.isFlexible(pane) { ui.lastFlex = pane }
        if pane == .talk { unread[ui.channel] = nil }
    }

    mutating func moveCursor(_ pane: Pane, by step: Int, count: Int) {
        guard count > 0 else { ui.cursors[pane] = 0; return }
        ui.cursors[pane] = min(count - 1, max(0, ui.cursor(pane) + step))
    }

    mutating func handlePane(_ key: Key) -> [Effect] {
        let pane = ui.focus
        let step: Int? = switch key {
        case .up: -1
        case .down: 1
        case .pageUp: -10
        case .pageDown: 10
        case .home: -100_000
        case .end: 100_000
        default: nil
        }
        switch pane {
        case .actions:
            if let step { moveCursor(pane, by: step, count: view.actions.count); return [] }
            guard key == .enter || key == .char("a") || key == .char(" "), view.actions.indices.contains(ui.cursor(pane)) else { return [] }
            let action = view.actions[ui.cursor(pane)]
            if action.params.isEmpty { return perform(.add(action: action.id, params: [:])) }
            ui.modal = .params(ParamForm(action: action))
            return []
        case .draft:
            let lines = draftItems
            if step != nil { scroll(pane, key); return [] }
            guard lines.indices.contains(ui.cursor(pane)) else { return [] }
            switch (lines[ui.cursor(pane)], key) {
            case (.order(let i), .char("d")), (.order(let i), .delete), (.order(let i), .backspace), (.order(let i), .char("x")):
                return perform(.remove(i + 1))
            case (.consent(let action), .enter), (.consent(let action), .char(" ")):
                if let c = commitments(of: myTeam).first(where: { $0.commitment.consent == action }) {
                    return [refuse(t.phrase("terminal.status.deal_settles", ["deal": String(c.deal), "decision": decisionName(c.commitment.decision ?? "approve")]))]
                }
                let next: String? = switch myDraft.consents[action] {
                case nil: "approve"
                case "approve": "block"
                default: nil
                }
                return perform(.consent(action: action, decision: next))
            default: return []
            }
        case .talk:
            let list = channels
            if key == .up || key == .down {
                let i = list.firstIndex(of: ui.channel) ?? 0
                ui.channel = list[min(list.count - 1, max(0, i + (key == .up ? -1 : 1)))]
                unread[ui.channel] = nil
                ui.cursors[.talk] = 0
                return []
            }
            if key == .pageUp { ui.cursors[.talk] = ui.cursor(.talk) + 5; return [] }
            if key == .pageDown { ui.cursors[.talk] = max(0, ui.cursor(.talk) - 5); return [] }
            if key == .enter || key == .char("m") {
                if you.role == "observer" { return [refuse(t.text("terminal.status.observer_chat"))] }
                if isClosed { return [refuse(t.text("terminal.status.closed_chat"))] }
                ui.input = TextInput(purpose: .chat(ui.channel), prompt: "\(channelLabel(ui.channel))> ")
            }
            return []
        case .deals:
            if step != nil { scroll(pane, key); return [] }
            let decides: [Key] = [.char("a"), .enter, .char("r"), .char("w"), .char("n")]
            if matchOver, decides.contains(key) { return [refuse(t.text(view.phase == "ended" ? "terminal.status.match_over" : "terminal.status.ending_decided"))] }
            if key == .char("n") {
                ui.input = TextInput(purpose: .command, prompt: ":", text: "deal ")
                // In words, with an example made of this scenario's actions (never a bare `(P=V,…)`).
                say(dealExample.map { t.text("terminal.deals.template", ["example": $0]) } ?? t.text("terminal.deals.template_plain"))
                return []
            }
            if key == .char("c"), foldedDealCount > 0 {
                ui.showOldDeals.toggle()
                ui.cursors[.deals] = min(ui.cursor(.deals), max(0, shownDeals.count - 1))
                return []
            }
            guard let deal = selectedDeal else { return [] }
            switch key {
            case .char("a"), .enter:
                // Accepting past the budget asks first, naming the orders that would then not be paid.
                let accept = Command.respond(deal: deal.id, accept: true)
                if let question = confirmation(for: accept) {
                    ui.modal = .confirm(prompt: question, command: accept)
                    return []
                }
                return perform(accept)
            case .char("r"):
                let reject = Command.respond(deal: deal.id, accept: false)
                ui.modal = .confirm(prompt: confirmation(for: reject) ?? "", command: reject)
                return []
            case .char("w"):
                // Only the team that proposed a deal can withdraw it; a party that does not want it rejects it.
                if let me = myTeam, deal.proposer != me {
                    return [refuse(t.phrase("terminal.status.not_proposer", ["deal": t.number(deal.id), "team": TerminalText.sanitize(view.teamName(deal.proposer))]))]
                }
                return perform(.withdraw(deal.id))
            default: return []
            }
        case .control:
            let items = controlItems
            if step != nil { scroll(pane, key); return [] }
            guard key == .enter, items.indices.contains(ui.cursor(pane)) else { return [] }
            return controlAction(items[ui.cursor(pane)])
        case .board, .news, .results, .brief:
            if step != nil { scroll(pane, key) }
            if pane == .results, key == .char("f") { ui.fullLog.toggle(); ui.tops[.results] = 0 }
            if pane == .board, key == .char("m"), view.map != nil { ui.showMap.toggle(); ui.tops[.board] = 0 }
            return []
        }
    }

    /// The lines of the Draft pane a cursor can stop on.
    public enum DraftItem: Equatable { case order(Int), consent(String) }
    public var draftItems: [DraftItem] {
        guard myTeam != nil else { return [] }
        // Once the match is over no decision is asked.
        return myDraft.orders.indices.map(DraftItem.order) + (matchOver ? [] : view.consents.map { .consent($0.action) })
    }

    /// The Control pane's commands now: "start" only before the match has started; none once it has ended (the
    /// server refuses the clock then). While the last phase runs after the scenario decided the ending, the clock's
    /// commands stay (more time to read the results) and skip or end close the match, keeping that ending; firing an
    /// event or adjusting a track would change a board whose ending and scores are already fixed, so they go.
    public var controlItems: [ControlItem] {
        if view.phase == "ended" { return [] }
        return ControlItem.allCases.filter { item in
            switch item {
            case .start: view.phase == "setup"
            case .event, .adjust: view.outcome == nil
            default: true
            }
        }
    }

    mutating func controlAction(_ item: ControlItem) -> [Effect] {
        switch item {
        case .start: return perform(.start)
        case .pause: return perform(clock.paused ? .unpause : .pause)
        case .extend: return perform(.extend(60))
        case .shorten: return perform(.extend(-60))
        case .skip: return perform(.skip)
        case .joining: return perform(.setJoining(open: joiningClosed))
        case .news, .event, .adjust, .move, .bot:
            ui.input = TextInput(purpose: .command, prompt: ":", text: item.template)
            return []
        case .end:
            ui.modal = .confirm(prompt: confirmation(for: .end(nil)) ?? "", command: .end(nil))
            return []
        }
    }

    mutating func handleModal(_ key: Key, _ modal: Modal) -> [Effect] {
        switch modal {
        case .help:
            ui.modal = nil
            return []
        case .text(let title, let lines, let top):
            let maxTop = Renderer.textDialogMaxTop(lines, self)
            let page = max(1, Renderer.textDialogRows(self) - 1)
            let next: Int? = switch key {
            case .up: top - 1
            case .down: top + 1
            case .pageUp: top - page
            case .pageDown, .char(" "): top + page
            case .home: 0
            case .end: maxTop
            default: nil
            }
            // Any other key closes it, as it closes the help.
            ui.modal = next.map { .text(title: title, lines: lines, top: min(max(0, $0), maxTop)) }
            return []
        case .confirmQuit:
            if key == .char("y") || key == .char("Y") || key == .char("q") { return [.quit] }
            ui.modal = nil
            return []
        case .confirm(_, let command):
            ui.modal = nil
            if key == .char("y") || key == .char("Y") || (key == .enter && !command.isReject) { return perform(command.confirmed) }
            return []
        case .params(var form):
            let p = form.action.params[form.field]
            switch key {
            case .escape, .char("q"): ui.modal = nil; return []
            case .up: form.field = max(0, form.field - 1)
            case .down, .tab: form.field = min(form.action.params.count - 1, form.field + 1)
            case .left, .right, .char("-"), .char("+"):
                let delta = key == .left || key == .char("-") ? -1 : 1
                if p.choices.isEmpty {
                    let n = (form.values[form.field].int ?? 0) + delta
                    form.values[form.field] = .number(Double(min(p.max ?? Int.max, max(p.min ?? Int.min, n))))
                } else {
                    let ids = p.choices.map(\.id)
                    let i = ids.firstIndex(of: form.values[form.field].string ?? "") ?? 0
                    form.values[form.field] = .string(ids[(i + delta + ids.count) % ids.count])
                }
            case .char(let c) where c.isNumber && p.choices.isEmpty:
                let digit = c.wholeNumberValue ?? 0
                let typed = (form.values[form.field].int ?? 0) * 10 + digit
                form.values[form.field] = .number(Double(typed > (p.max ?? Int.max) ? digit : typed))
            case .backspace:
                if p.choices.isEmpty { form.values[form.field] = .number(Double((form.values[form.field].int ?? 0) / 10)) }
            case .enter:
                ui.modal = nil
                var params: [String: JSONValue] = [:]
                for (i, p) in form.action.params.enumerated() { params[p.id] = form.values[i] }
                return perform(.add(action: form.action.id, params: params))
            default: break
            }
            ui.modal = .params(form)
            return []
        }
    }

    mutating func handleInput(_ key: Key, _ input: inout TextInput) -> [Effect] {
        // A refused line kept open: a `:` typed first starts a new command in its place (never `:extend abc:skip`).
        let wasRefused = input.refused
        input.refused = false
        // A `:` typed on an empty command line (after Ctrl-U, say) is the one that opens it, never `::deal`.
        if input.purpose == .command, key == .char(":"), wasRefused || input.text.isEmpty {
            input.text = ""
            ui.input = input
            return []
        }
        switch key {
        case .escape:
            ui.input = nil
            return []
        case .enter:
            ui.input = nil
            let text = input.text
            switch input.purpose {
            case .chat(let channel):
                guard !text.trimmingSpaces.isEmpty else { return [] }
                // Longer than the server takes: refused here, the whole message kept to shorten (never cut).
                if text.count > TextInput.limit {
                    input.refused = true
                    ui.input = input
                    say("✗ " + t.text("terminal.status.chat_too_long", ["count": t.number(text.count), "limit": t.number(TextInput.limit)]), error: true)
                    return []
                }
                // Offline, the message stays in the input line, to be sent with Enter once the connection is back; in a
                // window that will not reconnect it stays too (to copy), with why it cannot go.
                if isClosed {
                    ui.input = input
                    say("✗ " + t.text("terminal.status.closed_chat"), error: true)
                    return []
                }
                guard connection == .online else {
                    ui.input = input
                    say(t.text("terminal.status.chat_kept"), error: true)
                    return []
                }
                return remembering(input) { $0.perform(.say(channel: channel, text: text)) }
            case .command:
                guard !text.trimmingSpaces.isEmpty else { return [] }
                // A typed command asks what its key asks (a lock, an accept past the budget) before it is sent.
                if let command = try? Command.parse(text), let question = confirmation(for: command) {
                    ui.modal = .confirm(prompt: question, command: command)
                    return []
                }
                let effects = remembering(input) { $0.perform(line: text) }
                // A line refused here stays in the input line, to correct rather than type again (one the server
                // refuses opens again when its answer comes: `apply`).
                if effects.count == 1, case .notice(let line) = effects[0], line.hasPrefix("[error] ") {
                    input.refused = true
                    ui.input = input
                }
                // What a command prints: several lines open in a dialog to scroll; one is said in the footer (a
                // refusal has said itself), without the plain mode's tag.
                let notices = effects.compactMap { if case .notice(let line) = $0 { line } else { nil } }
                if !notices.isEmpty, notices.count == effects.count {
                    if notices.count > 1 {
                        ui.modal = .text(title: ":" + text.trimmingSpaces, lines: notices.map(Self.untagged), top: 0)
                    } else if !notices[0].hasPrefix("[error] ") {
                        say(Self.untagged(notices[0]), error: notices[0].hasPrefix("[warning] "))
                    }
                }
                return effects
            }
        case .backspace, .delete:
            if !input.text.isEmpty { input.text.removeLast() }
        case .clearLine:
            // Ctrl-U, as in shells.
            input.text = ""
        case .char(let c):
            // The server takes 500 characters at most: the footer counts from 400 on, in red past the limit (a chat
            // message past it is refused on Enter, kept whole). The line itself holds four times that.
            if input.text.count < TextInput.capacity { input.text.append(c) } else { say(t.text("terminal.status.input_full", ["limit": t.number(TextInput.capacity)]), error: true) }
        case .pageUp where isTypingDeal(input), .pageDown where isTypingDeal(input):
            // The list of what a deal may name is longer than the pane: it scrolls while the line stays open.
            ui.input = input
            scroll(.deals, key)
            return []
        case .tab:
            break
        default:
            break
        }
        ui.input = input
        if isTypingDeal(input) {
            // The Deals pane lists what a deal may name, narrowed as the line changes: it shows, from its top.
            if ui.focus != .deals, panes.contains(.deals) { focus(.deals) }
            ui.tops[.deals] = 0
        }
        return []
    }

    /// Performs what a line typed asked, noting the line on each request it makes: a refusal from the server opens
    /// it again with its text.
    mutating func remembering(_ input: TextInput, _ body: (inout ClientState) -> [Effect]) -> [Effect] {
        let first = nextRequestID
        let effects = body(&self)
        for id in first..<max(first, nextRequestID) { pending[id]?.line = input }
        return effects
    }

    /// Whether the command line holds a deal being typed (the Deals pane then lists what it may name).
    func isTypingDeal(_ input: TextInput) -> Bool {
        input.purpose == .command && input.text.lowercased().hasPrefix("deal")
    }
}

extension ClientState {
    /// A plain-mode line without its leading tag (`[warning] `, `[news] `); a tag with more in it (`[chat all] `) stays.
    static func untagged(_ line: String) -> String {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]"),
              line[line.index(after: line.startIndex)..<close].allSatisfy(\.isLetter),
              line[close...].hasPrefix("] ") else { return line }
        return String(line[line.index(close, offsetBy: 2)...])
    }
}

/// The instructor's commands in the Control pane.
public enum ControlItem: CaseIterable, Sendable {
    case start, pause, extend, shorten, skip, news, event, adjust, move, bot, joining, end


    var template: String {
        switch self {
        case .news: "news "
        case .event: "event "
        case .adjust: "adjust "
        case .move: "move "
        case .bot: "bot "
        default: ""
        }
    }
}
