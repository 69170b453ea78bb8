import Foundation

/// The seat tokens this user holds, in a file only the user can read (mode 0600, in a 0700 folder):
/// `$XDG_STATE_HOME/armistice/seats.json`, else `~/.local/state/armistice/seats.json`. Reopening the
/// terminal and running the same command resumes the seat.
public struct SeatStore: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var url: String
        public var room: String
        public var token: String
        public var name: String
        public var team: String?
        public var role: String
        /// How many of the seat's news and intelligence items its News pane has shown: a window that resumes the
        /// seat marks only those after them as unread (absent in a file written before it was kept).
        public var newsSeen: Int?
        public init(url: String, room: String, token: String, name: String, team: String?, role: String, newsSeen: Int? = nil) {
            self.url = url; self.room = room; self.token = token; self.name = name; self.team = team; self.role = role
            self.newsSeen = newsSeen
        }
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// The per-user file, from the environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SeatStore {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            base = state
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return SeatStore(path: base + "/armistice/seats.json")
    }

    public func all() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path),
              let entries = try? JSONDecoder().decode([Entry].self, from: data) else { return [] }
        return entries
    }

    /// The newest seat for a server and room (and, when given, a role).
    public func find(url: String, room: String, role: String? = nil) -> Entry? {
        all().last { $0.url == url && $0.room == room && (role == nil || $0.role == role) }
    }

    /// What the file holds for a `join`: the seats kept for a server, room and role, each name's newest once.
    public enum Lookup: Sendable, Equatable {
        /// No seat to take back: a new one is asked for.
        case none
        /// The seat to take back.
        case seat(Entry)
        /// Several students share this account and none was named: which one is asking must be said (`--name`).
        case several([Entry])

        /// The one seat found, if it is one.
        public var seat: Entry? { if case .seat(let entry) = self { entry } else { nil } }
    }

    /// The seat `join` takes back: with a name, that name's seat (in any case and spacing), never another student's;
    /// without one, the only seat kept for the room and role, or `several` when students sharing the account have one
    /// each.
    public func lookUp(url: String, room: String, role: String, name: String?) -> Lookup {
        var seats: [Entry] = []
        for entry in all() where entry.url == url && entry.room == room && entry.role == role {
            seats.removeAll { Self.sameName($0.name, entry.name) }
            seats.append(entry)
        }
        if let name { return seats.last { Self.sameName($0.name, name) }.map(Lookup.seat) ?? .none }
        switch seats.count {
        case 0: return .none
        case 1: return .seat(seats[0])
        default: return .several(seats)
        }
    }

    /// Names compared as a student retypes them: in any case, with runs of spaces as one.
    static func sameName(_ a: String, _ b: String) -> Bool { JoinCheck.folded(a) == JoinCheck.folded(b) }

    /// Keeps the seat, in place of the same seat and of the room's older seat of that role and name (students sharing
    /// one account keep one seat each); the same seat saved again keeps what it had read.
    public func save(_ entry: Entry) throws {
        var entry = entry
        let kept = all()
        if entry.newsSeen == nil { entry.newsSeen = kept.last { $0.url == entry.url && $0.token == entry.token }?.newsSeen }
        var entries = kept.filter {
            !($0.url == entry.url && $0.room == entry.room
              && ($0.token == entry.token || ($0.role == entry.role && Self.sameName($0.name, entry.name))))
        }
        entries.append(entry)
        try store(Array(entries.suffix(200)))
    }

    /// What the seat with this token had read, if it is kept.
    public func newsSeen(url: String, token: String) -> Int? {
        all().last { $0.url == url && $0.token == token }?.newsSeen
    }

    /// Notes how many news items the seat with this token has read (nothing when the seat is not kept).
    public func setNewsSeen(_ count: Int, url: String, token: String) throws {
        var entries = all()
        guard let i = entries.lastIndex(where: { $0.url == url && $0.token == token }), entries[i].newsSeen != count else { return }
        entries[i].newsSeen = count
        try store(entries)
    }

    public func remove(url: String, room: String, token: String) throws {
        try store(all().filter { !($0.url == url && $0.room == room && $0.token == token) })
    }

    func store(_ entries: [Entry]) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entries)
        let temp = path + ".tmp\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, 0o600)
        close(fd)
        guard written == data.count else { unlink(temp); throw CocoaError(.fileWriteUnknown) }
        guard rename(temp, path) == 0 else { unlink(temp); throw CocoaError(.fileWriteUnknown) }
    }
}
