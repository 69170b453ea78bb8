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
        public init(url: String, room: String, token: String, name: String, team: String?, role: String) {
            self.url = url; self.room = room; self.token = token; self.name = name; self.team = team; self.role = role
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

    public func save(_ entry: Entry) throws {
        var entries = all().filter { !($0.url == entry.url && $0.room == entry.room && $0.role == entry.role) }
        entries.append(entry)
        try store(Array(entries.suffix(200)))
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
