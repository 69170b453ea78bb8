/// A key press, as the interface understands it (the ncurses backend translates its codes to these).
public enum Key: Sendable, Equatable {
    case char(Character)
    case up, down, left, right, tab, backTab, enter, escape, backspace, delete, pageUp, pageDown, home, end
    /// Ctrl-U: clears the input line, as in shells.
    case clearLine
}
