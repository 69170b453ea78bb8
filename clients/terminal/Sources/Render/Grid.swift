/// How a cell is drawn. The ncurses backend maps these to attributes and colour pairs (colour only
/// when allowed: NO_COLOR keeps bold, reverse and dim).
public struct CellStyle: Sendable, Hashable {
    public enum Tone: Sendable, Hashable { case plain, good, bad, warn, accent, muted }
    public var tone: Tone = .plain
    public var bold = false
    public var reverse = false
    public init(tone: Tone = .plain, bold: Bool = false, reverse: Bool = false) {
        self.tone = tone; self.bold = bold; self.reverse = reverse
    }
    public static let plain = CellStyle()
    public static let bold = CellStyle(bold: true)
    public static let reverse = CellStyle(reverse: true)
    public static let good = CellStyle(tone: .good)
    public static let bad = CellStyle(tone: .bad)
    public static let warn = CellStyle(tone: .warn)
    public static let accent = CellStyle(tone: .accent)
    public static let muted = CellStyle(tone: .muted)
}

/// A screen's worth of characters and styles, drawn without a terminal. The renderer draws into it; the
/// ncurses backend copies it to the terminal; tests read its text.
public struct Grid: Sendable {
    public struct Cell: Sendable, Hashable {
        public var character: Character = " "
        public var style = CellStyle.plain
        /// The right half of a wide character: drawn by the cell to its left.
        public var continuation = false
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes text at (x, y), at most `limit` columns (to the right edge by default), sanitized: nothing
    /// written here can be a control character. Returns the columns used.
    @discardableResult
    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var col = x
        for c in TerminalText.sanitize(text) {
            let w = TerminalText.width(c)
            if w == 0 { continue }
            if col + w > end { break }
            set(col, y, Cell(character: c, style: style))
            if w == 2 { set(col + 1, y, Cell(character: " ", style: style, continuation: true)) }
            col += w
        }
        return col - x
    }

    /// Dims a rectangle: its cells keep their characters, shown muted (a window that is no longer live).
    public mutating func dim(_ x: Int, _ y: Int, _ w: Int, _ h: Int) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                cells[row * width + col].style.tone = .muted
                cells[row * width + col].style.reverse = false
            }
        }
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ style: CellStyle = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { set(col, row, Cell(character: " ", style: style)) }
        }
    }

    /// Sets one cell. Writing over half of a wide character blanks its other half, so a row never holds a wide
    /// character without the column it covers (a dialog's border over Hangul keeps the row 80 columns wide).
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        if cells[i].continuation, !cell.continuation, x > 0 { cells[i - 1] = Cell(character: " ", style: cells[i - 1].style) }
        if !cells[i].continuation, x + 1 < width, cells[i + 1].continuation {
            cells[i + 1] = Cell(character: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// One row as text, wide characters once, trailing spaces kept.
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].continuation { s.append(self[x, y].character) }
        return s
    }

    /// The whole screen as text, one line per row, trailing spaces removed (as `tmux capture-pane` shows it).
    public var text: String {
        (0..<height).map { y in
            var line = row(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
