extension Renderer {
    /// The scenario's map as a list in the Board pane (key m): a heading, then "Place ▸ state (was: …)", whole words per line.
    static func mapLines(_ s: ClientState, width: Int) -> [Line] {
        guard let map = s.view.map else { return [] }
        let rows = map.lines(view: s.view, records: s.records)
        var lines = wrapped("\(map.title) (m: back to the tracks)", width, .bold)
        if let turn = TurnSummary.turns(s.records).first, rows.contains(where: \.changed) {
            lines.append(Line("Changed over turn \(turn) in bold", .muted))
        }
        for row in rows {
            lines += wrapped(row.text, width, row.changed ? CellStyle(tone: .warn, bold: true) : .plain, indent: 2)
        }
        if rows.isEmpty { lines.append(Line("No place on the map shows anything you can see.", .muted)) }
        return lines
    }
}

extension Renderer {
    /// The instructor's events, each with what firing it will do, under the control pane's "fire an event" item
    /// while it is chosen.
    static func eventLines(_ s: ClientState, width: Int) -> [Line] {
        guard !s.view.events.isEmpty else { return [] }
        var lines = [Line("Events (fire with :event ID):", .bold)]
        for event in s.view.events {
            let text = event.lines
            lines += wrapped(text[0], width, CellStyle(tone: .accent), indent: 2)
            for more in text.dropFirst() { lines += wrapped("  " + more, width, .muted, indent: 4) }
        }
        return lines
    }
}
