#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What replaying the journal at start did: it puts back every journaled line a room file lost (a power cut can
/// drop writes that were never synced to the room's own file), then removes the journal.
public struct JournalRecovery: Sendable {
    /// Journal files read, oldest first.
    public var journals: [String] = []
    /// Whole entries read.
    public var entries = 0
    /// Lines written back, by room.
    public var repaired: [String: Int] = [:]
    /// Torn last lines ignored (never acknowledged).
    public var tornLines = 0
    /// Problems: damaged entries skipped, rooms that could not be repaired. Damaged journals are kept as
    /// `NNNNNNNN.wal.damaged`.
    public var problems: [String] = []

    public var isEmpty: Bool { journals.isEmpty }

    /// Replays the journal folders one after another (every shard's: a room's lines are all in one shard's journal,
    /// since a run never moves a room between shards). Journals of a folder replayed before are gone, so replaying
    /// again is cheap. Journal names past the first folder are given with their folder (`shard-1/00000001.wal`).
    /// With `removeEmpty`, a `shard-K` folder left empty is removed (only before any shard's store has made its own).
    static func run(journalDirectories: [String], matchesDirectory: String, removeEmpty: Bool) -> JournalRecovery {
        var report = JournalRecovery()
        for (index, directory) in journalDirectories.enumerated() {
            let part = run(journalDirectory: directory, matchesDirectory: matchesDirectory)
            let folder = index == 0 ? "" : (directory as NSString).lastPathComponent + "/"
            report.journals += part.journals.map { folder + $0 }
            report.entries += part.entries
            report.repaired.merge(part.repaired) { $0 + $1 }
            report.tornLines += part.tornLines
            report.problems += part.problems.map { $0.hasPrefix("room ") ? $0 : folder + $0 }
            // A shard's folder left empty goes (a later run may have fewer shards); its store makes it again.
            if index > 0, removeEmpty { rmdir(directory) }
        }
        return report
    }

    /// Replays every journal file in `journalDirectory` into the room files in `matchesDirectory`, syncs what it
    /// changed, then deletes the journal (or renames a damaged file). Never throws: what it cannot do, it reports.
    static func run(journalDirectory: String, matchesDirectory: String) -> JournalRecovery {
        var report = JournalRecovery()
        var rooms: [String: RoomFile] = [:]
        defer { for room in rooms.values where room.fd >= 0 { _ = close(room.fd) } }
        var damagedFiles: Set<String> = []
        var created = false
        let names = MatchJournal.files(in: journalDirectory)
        for name in names {
            report.journals.append(name)
            let path = (journalDirectory as NSString).appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
                report.problems.append("\(name): cannot read")
                damagedFiles.insert(name)
                continue
            }
            var damaged = 0
            var start = 0
            while start < bytes.count {
                // Zero bytes are not entries: the file is reserved ahead of its entries (see `MatchJournal.reserve`),
                // and what a crash left unwritten there reads as zeros.
                if bytes[start] == 0 {
                    guard let next = bytes[start...].firstIndex(where: { $0 != 0 }) else { break }
                    start = next
                }
                guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                    report.tornLines += 1   // the last append was cut off: it was never acknowledged
                    break
                }
                defer { start = end + 1 }
                guard let entry = JournalEntry.parse(bytes[start..<end]) else { damaged += 1; continue }
                report.entries += 1
                if rooms[entry.room] == nil {
                    rooms[entry.room] = RoomFile.open((matchesDirectory as NSString).appendingPathComponent("\(entry.room).jsonl"),
                                                      create: entry.offset == 0)
                    if rooms[entry.room]!.created { created = true }
                    if let problem = rooms[entry.room]!.broken { report.problems.append("room \(entry.room): \(problem)") }
                }
                if let problem = rooms[entry.room]!.apply(entry) {
                    report.problems.append("room \(entry.room): \(problem)")
                } else if rooms[entry.room]!.wrote {
                    report.repaired[entry.room, default: 0] += 1
                    rooms[entry.room]!.wrote = false
                }
            }
            if damaged > 0 {
                report.problems.append("\(name): \(damaged) damaged entr\(damaged == 1 ? "y" : "ies") skipped")
                damagedFiles.insert(name)
            }
        }
        guard !names.isEmpty else { return report }

        var synced = true
        for (code, room) in rooms where room.fd >= 0 && report.repaired[code] != nil {
            if fsync(room.fd) != 0 { synced = false; report.problems.append("room \(code): fsync failed: \(FileIO.lastError)") }
        }
        if created || !report.repaired.isEmpty, !FileIO.syncDirectory(matchesDirectory) {
            synced = false
            report.problems.append("cannot sync \(matchesDirectory): \(FileIO.lastError)")
        }
        guard synced else {
            report.problems.append("the journal is kept, to be replayed again at the next start")
            return report
        }
        for name in names {
            let path = (journalDirectory as NSString).appendingPathComponent(name)
            if damagedFiles.contains(name) { rename(path, path + ".damaged") } else { unlink(path) }
        }
        _ = FileIO.syncDirectory(journalDirectory)
        return report
    }

    /// A room file being repaired.
    private struct RoomFile {
        var fd: Int32
        var size: Int
        var created = false
        /// Set when the last `apply` wrote bytes.
        var wrote = false
        /// Why this room's later entries are skipped.
        var broken: String?

        static func open(_ path: String, create: Bool) -> RoomFile {
            let existed = access(path, F_OK) == 0
            let fd = Glibc.open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o600)
            guard fd >= 0 else { return RoomFile(fd: -1, size: 0, broken: "cannot open \(path): \(FileIO.lastError)") }
            guard let size = FileIO.size(fd) else { return RoomFile(fd: fd, size: 0, broken: "cannot stat \(path): \(FileIO.lastError)") }
            return RoomFile(fd: fd, size: size, created: !existed)
        }

        /// Makes the file hold the entry's line at its offset. Returns a problem the first time the room breaks.
        mutating func apply(_ entry: JournalEntry) -> String? {
            wrote = false
            guard broken == nil else { return nil }
            let bytes = entry.roomBytes
            let end = entry.offset + bytes.count
            if size >= end {
                if FileIO.read(fd, count: bytes.count, at: entry.offset) == bytes { return nil }
            } else if size < entry.offset {
                broken = "the journal has a line at byte \(entry.offset) but the file has only \(size) bytes; later lines not restored"
                return broken
            } else if ftruncate(fd, off_t(entry.offset)) != 0 {
                broken = "cannot truncate to \(entry.offset): \(FileIO.lastError)"
                return broken
            }
            guard FileIO.write(fd, bytes, at: entry.offset) else {
                broken = "cannot write at \(entry.offset): \(FileIO.lastError)"
                return broken
            }
            size = max(size, end)
            wrote = true
            return nil
        }
    }
}
