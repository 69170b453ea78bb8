import ArmisticeLocale

/// The protocol's words (phases, decisions, deal statuses, roles) as the interface's language writes them.
extension ClientState {
    /// Where a project stands, counted from 1 in every place the terminal says it: "2 of 4" ("4단계 중 2단계"), as
    /// students count; the scenario's index (from 0) is the protocol's and is never shown.
    public func stagePosition(_ p: ProjectInfo) -> String {
        t.text("terminal.project.position", ["position": t.number(p.index + 1), "count": t.number(max(1, p.statuses.count))])
    }

    public func phaseName(_ phase: String) -> String {
        switch phase {
        case "setup": t.text("terminal.phase.setup")
        case "briefing": t.text("terminal.phase.briefing")
        case "negotiation": t.text("terminal.phase.negotiation")
        case "orders": t.text("terminal.phase.orders")
        case "adjudication": t.text("terminal.phase.adjudication")
        case "results": t.text("terminal.phase.results")
        case "ended": t.text("terminal.phase.ended")
        default: phase
        }
    }

    /// Why the clock changed (a `clock` message's `reason`: `pause`, `unpause`, `extend`, `restart`).
    public func clockReasonName(_ reason: String) -> String {
        switch reason {
        case "pause": t.text("terminal.clock.reason.pause")
        case "unpause": t.text("terminal.clock.reason.unpause")
        case "extend": t.text("terminal.clock.reason.extend")
        case "restart": t.text("terminal.clock.reason.restart")
        default: TerminalText.sanitize(reason)
        }
    }

    /// A consent decision (`approve`, `block`, `undecided`).
    public func decisionName(_ decision: String) -> String {
        switch decision {
        case "approve": t.text("terminal.decision.approve")
        case "block": t.text("terminal.decision.block")
        case "undecided": t.text("terminal.decision.undecided")
        default: decision
        }
    }

    /// A deal's status in capitals (English) or in words (Korean): `OPEN`, `CARRIED OUT`, `협상 중`.
    public func dealStatusName(_ status: String) -> String {
        switch status {
        case "open": t.text("terminal.deal.open")
        case "agreed": t.text("terminal.deal.agreed")
        case "rejected": t.text("terminal.deal.rejected")
        case "withdrawn": t.text("terminal.deal.withdrawn")
        case "carried_out": t.text("terminal.deal.carried_out")
        case "expired": t.text("terminal.deal.expired")
        default: status.replacingOccurrences(of: "_", with: " ").uppercased()
        }
    }

    /// A seat's role (`player`, `observer`, `instructor`).
    public func roleName(_ role: String) -> String {
        switch role {
        case "player": t.text("terminal.role.player")
        case "observer": t.text("terminal.role.observer")
        case "instructor": t.text("terminal.role.instructor")
        default: role
        }
    }
}

extension Pane {
    /// The pane's name on its tab and title bar.
    public func title(_ t: Catalog) -> String {
        switch self {
        case .board: t.text("terminal.pane.board")
        case .actions: t.text("terminal.pane.actions")
        case .draft: t.text("terminal.pane.draft")
        case .talk: t.text("terminal.pane.talk")
        case .deals: t.text("terminal.pane.deals")
        case .news: t.text("terminal.pane.news")
        case .results: t.text("terminal.pane.results")
        case .brief: t.text("terminal.pane.brief")
        case .control: t.text("terminal.pane.control")
        }
    }
}

extension ControlItem {
    /// The item's line in the Control pane; the door's item says what choosing it does now (`joiningClosed`: the
    /// room is closed to new students, so it opens it).
    public func label(_ t: Catalog, joiningClosed: Bool = false) -> String {
        switch self {
        case .start: t.text("terminal.control.start")
        case .pause: t.text("terminal.control.pause")
        case .extend: t.text("terminal.control.extend")
        case .shorten: t.text("terminal.control.shorten")
        case .skip: t.text("terminal.control.skip")
        case .news: t.text("terminal.control.news")
        case .event: t.text("terminal.control.event")
        case .adjust: t.text("terminal.control.adjust")
        case .move: t.text("terminal.control.move")
        case .bot: t.text("terminal.control.bot_item")
        case .joining: t.text(joiningClosed ? "terminal.control.open_joining" : "terminal.control.close_joining")
        case .end: t.text("terminal.control.end")
        }
    }
}
