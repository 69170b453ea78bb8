extension Renderer {
    /// The scenario's map as a list in the Board pane (key m): a heading, then "Place ▸ state (was: …)", whole words per line.
    static func mapLines(_ s: ClientState, width: Int) -> [Line] {
        guard let map = s.view.map else { return [] }
        let rows = map.lines(view: s.view, records: s.records, t: s.t)
        let title = map.title.isEmpty ? s.t.text("terminal.map.title") : map.title
        var lines = wrapped(s.t.text("terminal.map.heading", ["title": title]), width, .bold)
        if let turn = TurnSummary.turns(s.records).first, rows.contains(where: \.changed) {
            lines.append(Line(s.t.text("terminal.map.changed", ["turn": String(turn)]), .muted))
        }
        for row in rows {
            lines += wrapped(row.text, width, row.changed ? CellStyle(tone: .warn, bold: true) : .plain, indent: 2)
        }
        if rows.isEmpty { lines.append(Line(s.t.text("terminal.map.none"), .muted)) }
        return lines
    }
}

extension Renderer {
    /// The instructor's events, each with what firing it will do, under the control pane's "fire an event" item
    /// while it is chosen.
    static func eventLines(_ s: ClientState, width: Int) -> [Line] {
        guard !s.view.events.isEmpty else { return [] }
        var lines = [Line(s.t.text("terminal.event.heading"), .bold)]
        for event in s.view.events {
            let text = event.lines(s.t)
            lines += wrapped(text[0], width, CellStyle(tone: .accent), indent: 2)
            for more in text.dropFirst() { lines += wrapped("  " + more, width, .muted, indent: 4) }
        }
        return lines
    }
}
