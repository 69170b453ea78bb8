import ArmisticeEngine
import Foundation
import Synchronization

/// The finished and live matches on disk, as teachers see them: one summary per match log, read from the log
/// (header, seats, and for a match not open in memory a replay to find its ending), cached until the file changes.
/// Thread-safe; reading never touches the rooms thread's state (live rooms' phase and turn come from the
/// `RoomDirectory`).
public final class MatchArchive: Sendable {
    public let directory: String
    private struct Cached {
        var size: Int
        var modified: Date?
        var entry: ArchiveEntry
        /// Whether the ending was looked for (a replay), or only the header and seats were read (an open room).
        var replayed: Bool
    }
    private let cache = Mutex<[String: Cached]>([:])

    /// `directory` is the match logs' folder (`DATA/matches`).
    public init(directory: String) {
        self.directory = directory
    }

    public func path(_ code: String) -> String { (directory as NSString).appendingPathComponent("\(code).jsonl") }

    /// Every match this principal may see, newest first. `live` holds the rooms open now.
    public func entries(for principal: Principal, live: RoomDirectory?) -> [ArchiveEntry] {
        let codes = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }
        return codes.compactMap { entry($0, live: live) }.filter { principal.mayAccess(owner: $0.owner) }
            .sorted { ($0.created, $0.code) > ($1.created, $1.code) }
    }

    /// One match's summary, or nil if it has no readable log.
    public func entry(_ code: String, live: RoomDirectory?) -> ArchiveEntry? {
        guard code.count == Secrets.codeLength, code.allSatisfy(Secrets.codeAlphabet.contains) else { return nil }
        let file = path(code)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = attributes[.modificationDate] as? Date
        let open = live?[code].flatMap { $0.phase == Phase.ended.rawValue ? nil : $0 }
        var entry: ArchiveEntry
        if let hit = cache.withLock({ $0[code] }), hit.size == size, hit.modified == modified, hit.replayed || open != nil {
            entry = hit.entry
        } else {
            guard let built = Self.summarize(file, isOpen: open != nil) else { return nil }
            entry = built
            cache.withLock { $0[code] = Cached(size: size, modified: modified, entry: built, replayed: open == nil) }
        }
        if let open {
            entry.state = .live
            entry.title = open.title
            entry.phase = open.phase
            entry.turn = open.turn
        }
        return entry
    }

    /// The records of a match's log (whole lines only).
    public func records(_ code: String) -> [LogRecord]? {
        guard let bytes = MatchStore.read(path: path(code)), let reader = try? MatchLogReader(bytes: bytes) else { return nil }
        return reader.records
    }

    /// The owner a log's header names (nil: the admin's, or no such log). Reads the first line only.
    public func owner(_ code: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path(code)) else { return nil }
        defer { try? handle.close() }
        var line: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
            if let end = chunk.firstIndex(of: 0x0A) { line += chunk[..<end]; break }
            line += chunk
        }
        return (try? JSONDecoder().decode(LogRecord.self, from: Data(line)))?.owner
    }

    /// Forgets a match (after its log was deleted).
    func forget(_ code: String) { _ = cache.withLock { $0.removeValue(forKey: code) } }

    /// Reads a log: the header and seats always; the ending by a replay, unless the room is open (its log is still
    /// growing, and its phase comes from the directory).
    static func summarize(_ path: String, isOpen: Bool) -> ArchiveEntry? {
        guard let bytes = MatchStore.read(path: path), let reader = try? MatchLogReader(bytes: bytes),
              let header = reader.records.first, let code = header.room, let settings = header.settings else { return nil }
        var players: [String: ArchiveEntry.Player] = [:]
        var order: [String] = []
        for r in reader.records {
            guard let seat = r.seat else { continue }
            switch r.kind {
            case .join where r.role == .player:
                players[seat] = .init(name: r.name ?? seat, team: r.team, bot: r.bot)
                order.append(seat)
            case .seat where r.removed == true || r.role != .player:
                if r.removed != true { players[seat] = nil }
            case .seat:
                if players[seat] == nil, let name = reader.records.first(where: { $0.kind == .join && $0.seat == seat })?.name {
                    players[seat] = .init(name: name, team: r.team)
                    order.append(seat)
                } else {
                    players[seat]?.team = r.team
                }
            default: break
            }
        }
        var entry = ArchiveEntry(code: code, scenario: settings.ruleset, title: settings.ruleset, created: header.t, state: .stopped,
                                 phase: Phase.setup.rawValue, turn: 0, players: order.compactMap { players[$0] }, owner: header.owner,
                                 nicknames: settings.nicknames)
        if isOpen {
            entry.state = .live
            return entry
        }
        guard let room = try? MatchReplay.rebuild(reader.records, now: 0) else { return entry }
        entry.title = room.engine.ruleset.title
        entry.phase = room.state.phase.rawValue
        entry.turn = room.state.turn
        if room.isOver {
            entry.state = .finished
            entry.finished = room.finishedAt
            entry.outcome = room.state.outcome.map { room.engine.ruleset.outcomes[$0].name }
        }
        return entry
    }
}
