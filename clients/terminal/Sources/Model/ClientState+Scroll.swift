extension ClientState {
    /// Moves a pane's cursor or scrolls it, so that every line of every pane can be reached at any screen size.
    ///
    /// In a pane with items (the Draft's orders and decisions, the Deals' cards, the Control's commands): ↑↓ go from
    /// item to item, the view following; ↓ on the last item scrolls on, line by line, to the lines after it, and ↑
    /// scrolls back until the item's first line shows. PgUp/PgDn scroll a page, the cursor moving to an item on
    /// screen when its own has left it. Home/End: the first item and the top, the last item and the end. A pane
    /// without items (Board, News, Results, Brief, the instructor's Draft) scrolls by lines.
    mutating func scroll(_ pane: Pane, _ key: Key) {
        var m = Renderer.scrollMetrics(pane, self)
        let page = max(1, m.height - 1)
        var top = min(max(0, ui.top(pane)), m.maxTop)
        guard !m.items.isEmpty else {
            switch key {
            case .up: top -= 1
            case .down: top += 1
            case .pageUp: top -= page
            case .pageDown: top += page
            case .home: top = 0
            case .end: top = m.maxTop
            default: break
            }
            ui.tops[pane] = min(max(0, top), m.maxTop)
            return
        }
        let old = min(max(0, ui.cursor(pane)), m.items.count - 1)
        var cursor = old
        let height = m.height
        func visible(_ r: Range<Int>) -> Bool { r.lowerBound < top + height && r.upperBound > top }
        switch key {
        case .down:
            if cursor < m.items.count - 1 { cursor += 1 } else { top += 1 }
        case .up:
            if m.items[cursor].lowerBound < top || cursor == 0 { top -= 1 } else { cursor -= 1 }
        case .pageDown:
            top = min(top + page, m.maxTop)
            if !visible(m.items[cursor]), let i = m.items.firstIndex(where: visible) { cursor = i }
        case .pageUp:
            top = max(0, top - page)
            if !visible(m.items[cursor]), let i = m.items.lastIndex(where: visible) { cursor = i }
        case .home:
            cursor = 0
            top = 0
        case .end:
            cursor = m.items.count - 1
        default: break
        }
        if cursor != old {
            // The lines may change with the cursor (the Control pane lists the events under its item): a page keeps
            // the new item on the row it had; a step keeps the top and brings the item into view.
            let row = m.items[cursor].lowerBound - top
            ui.cursors[pane] = cursor
            m = Renderer.scrollMetrics(pane, self)
            let item = m.items[min(cursor, m.items.count - 1)]
            if key == .pageUp || key == .pageDown { top = item.lowerBound - row }
            if key == .up || key == .down {
                if item.upperBound > top + m.height { top = min(item.lowerBound, item.upperBound - m.height) }
                if item.lowerBound < top { top = item.lowerBound }
                // On the first item, the lines before it (the Draft's budget, the room's code) show with it.
                if cursor == 0, item.upperBound <= m.height { top = 0 }
            }
        }
        if key == .end { top = m.maxTop }
        ui.tops[pane] = min(max(0, top), m.maxTop)
    }
}
