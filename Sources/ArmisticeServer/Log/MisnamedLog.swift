/// A match log whose file name is not the room its header names (`DATA/matches/MMMMMM.jsonl` holding room ZZRJRH,
/// say after a copy under another name). A room's lines are written to the file named for its code, so such a log
/// would be split in two: the store settles it when it opens, before the journal is replayed.
public struct MisnamedLog: Sendable, Hashable, CustomStringConvertible {
    public enum Action: Sendable, Hashable {
        /// Renamed to the header's code (no log of that room was there): the room is loaded under its own code.
        case renamed(to: String)
        /// Not loaded, moved aside to this path: a log of the header's room is there already, or the header names
        /// no room code.
        case setAside(to: String)
    }

    /// The file as it was found.
    public var file: String
    /// The room its header names (as written there).
    public var room: String
    public var action: Action

    public var description: String {
        switch action {
        case .renamed(let target):
            "match log \(file) holds room \(room) (its header says so): renamed to \(target), and the room is loaded as \(room) "
                + "(a room's log must be named for its code; a log cannot be given to another room by renaming it)"
        case .setAside(let target) where room.isEmpty || !MisnamedLog.isCode(room):
            "match log \(file) has a header naming no room code (\"\(room)\"): not loaded, moved to \(target). "
                + "If it is a log of yours, name it CODE.jsonl after the room in its header and restart"
        case .setAside(let target):
            "match log \(file) holds room \(room) (its header says so), and a log of \(room) is already there: this one was "
                + "not loaded and was moved to \(target). Compare the two, keep the right one as \(room).jsonl in the same "
                + "folder, and restart"
        }
    }

    /// Whether a header's room is a room code (a file can be named for it).
    static func isCode(_ room: String) -> Bool {
        room.count == Secrets.codeLength && room.allSatisfy(Secrets.codeAlphabet.contains)
    }
}
