import ArmisticeWire
/// The panes of the full-screen interface. `control` is the instructor's.
public enum Pane: String, Sendable, CaseIterable {
    case board, actions, draft, talk, deals, news, results, brief, control

}

/// The interface's own state: which pane has the focus, cursors, and the dialog or input line open.
public struct UIState: Sendable {
    public var focus: Pane = .actions
    /// The pane shown in the changing slot when the focus is on a fixed one.
    public var lastFlex: Pane = .actions
    public var cursors: [Pane: Int] = [:]
    /// Each pane's first line on screen (Talk and Actions place their own lines).
    public var tops: [Pane: Int] = [:]
    /// The screen's size when it was last drawn: scrolling goes as far as the pane's last line at this size.
    public var screen = (width: 80, height: 24)
    public var channel = "all"
    /// The Results pane shows every record of each turn instead of its summary.
    public var fullLog = false
    /// The Board pane shows the scenario's map (its places and their state) instead of the tracks.
    public var showMap = false
    /// The Deals pane lists the closed deals of earlier turns too (`c`); folded away by default.
    public var showOldDeals = false
    /// How many news and intelligence records the News pane has shown: the rest are unread.
    public var newsSeen = 0
    public var modal: Modal?
    public var input: TextInput?
    public init() {}

    public func cursor(_ pane: Pane) -> Int { cursors[pane] ?? 0 }
    public func top(_ pane: Pane) -> Int { tops[pane] ?? 0 }
}

/// A dialog over the panes.
public enum Modal: Sendable, Equatable {
    case help
    case confirmQuit
    /// Yes or no; yes performs the command.
    case confirm(prompt: String, command: Command)
    case params(ParamForm)
    /// The lines an informational command (`:help`, `:state`, `:draft`, …) prints, to scroll and close.
    case text(title: String, lines: [String], top: Int)
}

/// Choosing an action's parameters before it goes into the draft.
public struct ParamForm: Sendable, Equatable {
    public var action: ActionInfo
    public var values: [JSONValue]
    public var field = 0

    init(action: ActionInfo) {
        self.action = action
        values = action.params.map { p in
            if let first = p.choices.first { return .string(first.id) }
            return .number(Double(p.min ?? 0))
        }
    }
}

/// The one-line editor at the bottom of the screen.
public struct TextInput: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case chat(String)
        case command
    }
    public var purpose: Purpose
    public var prompt: String
    public var text = ""
    /// The line came back refused (by this client or by the server) and stays open to be corrected: a `:` typed
    /// first starts a new command in its place; any other key edits it.
    public var refused = false
    /// The longest line the server takes (a chat message, docs/protocol.md): a longer one may be typed or pasted,
    /// the footer counts it, and a chat message past it is refused here, kept to be shortened.
    public static let limit = 500
    /// What the line holds at most (a paste past it is cut, and the footer says so).
    public static let capacity = 4 * limit
}
