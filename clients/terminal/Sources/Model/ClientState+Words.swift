import ArmisticeLocale

/// The protocol's words (phases, decisions, deal statuses, roles) as the interface's language writes them.
extension ClientState {
    /// The catalog's word for one of the protocol's values, `PREFIX.VALUE`, or `otherwise` for a value it has no word
    /// for (a newer server's).
    private func word(_ prefix: String, _ value: String, otherwise: @autoclosure () -> String) -> String {
        let key = "\(prefix).\(value)"
        let text = t.text(key)
        return text == key ? otherwise() : text
    }

    /// A phase (`setup`, `briefing`, … `ended`).
    public func phaseName(_ phase: String) -> String { word("terminal.phase", phase, otherwise: phase) }

    /// A consent decision (`approve`, `block`, `undecided`).
    public func decisionName(_ decision: String) -> String { word("terminal.decision", decision, otherwise: decision) }

    /// A deal's status in capitals (English) or in words (Korean): `OPEN`, `CARRIED OUT`, `협상 중`.
    public func dealStatusName(_ status: String) -> String {
        word("terminal.deal", status, otherwise: status.replacingOccurrences(of: "_", with: " ").uppercased())
    }

    /// A seat's role (`player`, `observer`, `instructor`).
    public func roleName(_ role: String) -> String { word("terminal.role", role, otherwise: role) }
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
    /// The item's line in the Control pane.
    public func label(_ t: Catalog) -> String {
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
        case .end: t.text("terminal.control.end")
        }
    }
}
