/// A rectangle of the screen.
public struct Rect: Sendable, Equatable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
}

/// Where the panes go for a screen size: one pane under 60 columns, two columns up to 119 (the board and
/// the draft on the left, the focused pane on the right), three columns from 120, and the rows share out
/// what the height allows.
public enum Layout {
    /// Panes shown in the changing slot. The board and the draft have fixed places from 60 columns up.
    public static func isFlexible(_ pane: Pane) -> Bool { pane != .board && pane != .draft }

    public static func place(_ state: ClientState, in area: Rect, draftRows: Int) -> [(Pane, Rect)] {
        let focus = state.ui.focus
        let flex = isFlexible(focus) ? focus : (state.panes.contains(state.ui.lastFlex) ? state.ui.lastFlex : state.panes.first { isFlexible($0) } ?? .talk)
        if area.width < 60 || area.height < 8 {
            return [(focus, area)]
        }
        if area.width < 120 {
            let left = area.width / 2
            let right = Rect(x: area.x + left + 1, y: area.y, width: area.width - left - 1, height: area.height)
            return leftColumn(area, width: left, draftRows: draftRows, draft: state.panes.contains(.draft)) + [(flex, right)]
        }
        let colW = (area.width - 2) / 3
        let middle = Rect(x: area.x + colW + 1, y: area.y, width: colW, height: area.height)
        let right = Rect(x: area.x + 2 * colW + 2, y: area.y, width: area.width - 2 * colW - 2, height: area.height)
        // Middle column: the actions (or the instructor's control) and the results; right: the flexible pane and the news.
        let primary: Pane = state.isInstructor ? .control : (state.myTeam == nil ? .results : .actions)
        let secondary: Pane = primary == .results ? .deals : .results
        var middlePanes: [Pane] = [primary, secondary]
        var rightFlex = flex
        if middlePanes.contains(rightFlex) || rightFlex == .news { rightFlex = .talk }
        if !state.panes.contains(secondary) { middlePanes = [primary] }
        var result = leftColumn(area, width: colW, draftRows: draftRows, draft: state.panes.contains(.draft))
        result += split(middle, middlePanes, firstShare: 0.6)
        result += split(right, [rightFlex, .news], firstShare: 0.6)
        return result
    }

    /// The board over the draft; the board alone for a seat with no draft (an observer).
    static func leftColumn(_ area: Rect, width: Int, draftRows: Int, draft: Bool) -> [(Pane, Rect)] {
        guard draft else { return [(.board, Rect(x: area.x, y: area.y, width: width, height: area.height))] }
        let draftH = max(5, min(draftRows, area.height / 2))
        let boardH = area.height - draftH
        return [(.board, Rect(x: area.x, y: area.y, width: width, height: boardH)),
                (.draft, Rect(x: area.x, y: area.y + boardH, width: width, height: draftH))]
    }

    static func split(_ r: Rect, _ panes: [Pane], firstShare: Double) -> [(Pane, Rect)] {
        guard panes.count == 2 else { return panes.map { ($0, r) } }
        let top = max(4, Int(Double(r.height) * firstShare))
        return [(panes[0], Rect(x: r.x, y: r.y, width: r.width, height: top)),
                (panes[1], Rect(x: r.x, y: r.y + top, width: r.width, height: r.height - top))]
    }
}
