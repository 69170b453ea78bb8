import CNcurses
import Foundation

/// The ncurses backend: copies a `Grid` to the terminal and reads keys. The only code that touches
/// ncurses; used from one thread (the interface's loop).
final class CursesScreen {
    private let color: Bool
    private var pairs: [CellStyle.Tone: Int32] = [:]

    init(color: Bool) {
        // The reader's locale, for wide characters; a locale the machine has not generated (LANG=ko_KR.UTF-8 on a
        // fresh Debian) fails, and ncurses would then draw Hangul as garbage: fall back to C.UTF-8, which every glibc
        // has. The interface's language is chosen separately (--lang, or the same variables: Language.fromEnvironment).
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        timeout(100)
        self.color = color && has_colors()
        if self.color {
            start_color()
            use_default_colors()
            let tones: [(CellStyle.Tone, Int16)] = [(.good, Int16(COLOR_GREEN)), (.bad, Int16(COLOR_RED)), (.warn, Int16(COLOR_YELLOW)),
                                                    (.accent, Int16(COLOR_CYAN)), (.muted, Int16(COLOR_BLUE))]
            for (i, (tone, fg)) in tones.enumerated() {
                init_pair(Int16(i + 1), fg, -1)
                pairs[tone] = Int32(i + 1)
            }
        }
    }

    var size: (width: Int, height: Int) { (Int(cnc_cols()), Int(cnc_lines())) }

    func attributes(_ style: CellStyle) -> Int32 {
        var a = cnc_a_normal()
        if style.bold { a |= cnc_a_bold() }
        if style.reverse { a |= cnc_a_reverse() }
        if let pair = pairs[style.tone], color { a |= cnc_color_pair(pair) }
        else if style.tone == .muted && !style.reverse { a |= cnc_a_dim() }
        return a
    }

    func draw(_ grid: Grid) {
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let style = grid[x, y].style
                var run = ""
                let start = x
                while x < grid.width, grid[x, y].style == style {
                    if !grid[x, y].continuation { run.append(grid[x, y].character) }
                    x += 1
                }
                cnc_attrset(attributes(style))
                // The bottom-right cell would scroll some terminals: leave it.
                if y == grid.height - 1 && x == grid.width && !run.isEmpty { run.removeLast() }
                cnc_mvaddstr(Int32(y), Int32(start), run)
            }
        }
        cnc_attrset(cnc_a_normal())
        refresh()
    }

    /// The keys already typed (a paste, fast typing), read without waiting, at most `limit`: the interface handles
    /// them all before it draws again, so a paste costs one frame, not one a character. `.some(nil)` for a code it
    /// does not use (a resize among them).
    func typedKeys(limit: Int = 4096) -> [Key?] {
        timeout(0)
        defer { timeout(100) }
        var keys: [Key?] = []
        while keys.count < limit, let key = readKey() { keys.append(key) }
        return keys
    }

    /// Forgets what the terminal shows, so that the next `draw` paints every cell: after a resize, the cell this
    /// never writes (the bottom-right one) would otherwise keep what the larger window had there.
    func forgetScreen() {
        wclear(cnc_stdscr())
    }

    /// The next key, waiting up to the timeout set at start (100 ms); nil for none. `.resize` is not a
    /// key: a resize returns nil and the caller redraws at the new size.
    func readKey() -> Key?? {
        var code: UInt32 = 0
        let r = cnc_get_wch(&code)
        if r == Int32(CNC_ERR) { return nil }
        if r == Int32(CNC_KEY_CODE_YES) {
            switch Int32(code) {
            case Int32(CNC_KEY_UP): return .some(.up)
            case Int32(CNC_KEY_DOWN): return .some(.down)
            case Int32(CNC_KEY_LEFT): return .some(.left)
            case Int32(CNC_KEY_RIGHT): return .some(.right)
            case Int32(CNC_KEY_BTAB): return .some(.backTab)
            case Int32(CNC_KEY_ENTER): return .some(.enter)
            case Int32(CNC_KEY_BACKSPACE): return .some(.backspace)
            case Int32(CNC_KEY_DC): return .some(.delete)
            case Int32(CNC_KEY_PPAGE): return .some(.pageUp)
            case Int32(CNC_KEY_NPAGE): return .some(.pageDown)
            case Int32(CNC_KEY_HOME): return .some(.home)
            case Int32(CNC_KEY_END): return .some(.end)
            default: return .some(nil) // resize and keys we do not use
            }
        }
        switch code {
        case 9: return .some(.tab)
        case 10, 13: return .some(.enter)
        case 27: return .some(.escape)
        case 8, 127: return .some(.backspace)
        case 21: return .some(.clearLine) // Ctrl-U
        case 0..<32: return .some(nil)
        default:
            guard let scalar = Unicode.Scalar(code) else { return .some(nil) }
            return .some(.char(Character(scalar)))
        }
    }

    func end() {
        endwin()
    }
}
