#if canImport(Glibc)
import ArmisticeLog
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging

/// The match logs on disk: one append-only JSON Lines file per room, `DATA/matches/CODE.jsonl`, behind a
/// write-ahead journal per rooms thread in `DATA/journal/` (see `docs/match-log.md`); one store per rooms thread,
/// each writing only its own rooms' files.
///
/// `append` writes a batch to the room files without syncing them, appends the same lines to the journal and
/// fdatasyncs the journal once (group commit). Every `checkpointBytes` of journal or `checkpointSeconds`, the
/// journal is rotated and a background checkpoint syncs the room files written meanwhile and deletes the old
/// journal. Opening a store first replays any journal left by a crash (`journalRecovery`). Used from one thread;
/// reading a finished log for download may happen on any thread.
public final class MatchStore {
    public let directory: String
    /// What replaying the journal did when the store was opened.
    public let journalRecovery: JournalRecovery
    /// Empty logs found (after the journal was replayed) and removed when the store was opened: rooms whose
    /// creation could not be written, so nothing of them was ever acknowledged.
    public let emptyLogsRemoved: [String]
    /// Logs found under another room's name when the store was opened, and what was done with them (shard 0's store).
    public let misnamedLogs: [MisnamedLog]
    private let faults: StorageFaults?
    private let journal: MatchJournal
    /// `DATA/journal`: shard 0's journal folder, and the parent of the others'.
    private let journalRoot: String
    private let checkpointer: JournalCheckpointer
    private let checkpointBytes: Int
    private let checkpointSeconds: Double
    private var files: [String: RoomFile] = [:]
    /// Per room, the file `load` kept a cut-off tail in (`CODE.jsonl.cut-SECONDS`, beside the log).
    public private(set) var cutTails: [String: String] = [:]
    /// Rooms written since the journal was last rotated: their files must be synced before it is deleted.
    private var unsynced: Set<String> = []
    /// Descriptors of such rooms closed meanwhile, kept open for the next checkpoint.
    private var closedUnsynced: [Int32] = []

    private struct RoomFile {
        var fd: Int32
        /// The file's length: where the next line starts.
        var size: Int
    }

    /// `faults` is a test seam that makes writes fail as on a full disk. `shard` is the rooms thread this store
    /// writes for: shard 0 journals in `DATA/journal/`, shard K in `DATA/journal/shard-K/`. Opening a store replays
    /// every shard's journal left by a crash, whatever number of shards wrote them (the first store opened does it).
    public init(dataDirectory: String, shard: Int = 0, checkpointBytes: Int = 64 << 20, checkpointSeconds: Double = 30,
                logger: Logger? = nil, faults: StorageFaults? = nil) throws {
        directory = (dataDirectory as NSString).appendingPathComponent("matches")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let journalRoot = (dataDirectory as NSString).appendingPathComponent("journal")
        try FileManager.default.createDirectory(atPath: journalRoot, withIntermediateDirectories: true)
        // Before the journal is replayed: its lines go to the file named for their room.
        misnamedLogs = shard == 0 ? Self.settleNames(in: directory) : []
        for misnamed in misnamedLogs {
            switch misnamed.action {
            case .renamed: logger?.warning("\(misnamed)", metadata: ["file": "\(misnamed.file)", "room": "\(misnamed.room)"])
            case .setAside: logger?.error("\(misnamed)", metadata: ["file": "\(misnamed.file)", "room": "\(misnamed.room)"])
            }
        }
        // Shard 0's store is opened first: only it may remove shard folders left empty (the others' are made after it).
        journalRecovery = JournalRecovery.run(journalDirectories: Self.journalDirectories(root: journalRoot), matchesDirectory: directory,
                                              removeEmpty: shard == 0)
        self.journalRoot = journalRoot
        let journalDirectory = shard == 0 ? journalRoot : (journalRoot as NSString).appendingPathComponent("shard-\(shard)")
        // An empty log the journal could not repair lost acknowledged records: it stays, to be reported.
        let damaged = journalRecovery.problems
        emptyLogsRemoved = Self.removeEmptyLogs(in: directory) { code in !damaged.contains { $0.hasPrefix("room \(code):") } }
        if !emptyLogsRemoved.isEmpty {
            logger?.notice("empty match logs removed: rooms whose creation could not be written (nothing in them was acknowledged)",
                           metadata: ["rooms": "\(emptyLogsRemoved.joined(separator: ","))"])
        }
        self.faults = faults
        journal = try MatchJournal(directory: journalDirectory, faults: faults)
        checkpointer = JournalCheckpointer(logger: logger, faults: faults)
        self.checkpointBytes = checkpointBytes
        self.checkpointSeconds = checkpointSeconds
    }

    /// Without `checkpoint(wait:)` first, the journal stays on disk and is replayed by the next store.
    deinit {
        for file in files.values { _ = Glibc.close(file.fd) }
        for fd in closedUnsynced { _ = Glibc.close(fd) }
    }

    /// The journal folders of every shard that ever wrote here: `root` first, then its `shard-K` folders by K.
    static func journalDirectories(root: String) -> [String] {
        let shards = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { name -> (Int, String)? in
                guard name.hasPrefix("shard-"), let k = Int(name.dropFirst(6)) else { return nil }
                return (k, (root as NSString).appendingPathComponent(name))
            }
            .sorted { $0.0 < $1.0 }
        return [root] + shards.map(\.1)
    }

    public func path(_ code: String) -> String { (directory as NSString).appendingPathComponent("\(code).jsonl") }

    /// The journal's directory.
    public var journalDirectory: String { journal.directory }

    /// Checkpoints finished since the store was opened.
    public var checkpoints: Int { checkpointer.checkpoints }

    /// The codes of every log on disk.
    public func codes() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// A log's bytes.
    public static func read(path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// When a log's match ended: the time of its `final` hash line, read from the file's last 64 KiB only (a finished
    /// log is not replayed at start, its code only reserved). Nil for a log that did not end cleanly (a torn or
    /// damaged last line, a final hash line a crash left out) or whose final hash line is further back: those are
    /// read whole, as every other log is.
    public func finalHashTime(_ code: String) -> Int64? {
        Self.finalHash(path: path(code))?.t
    }

    /// The `final` hash line among a log's lines in its last 64 KiB, when the last line is a whole record (lines after
    /// it are what a finished room logs while it lingers: presence, chat).
    static func finalHash(path: String) -> LogRecord? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        guard let size = FileIO.size(fd), size > 1 else { return nil }
        let count = min(size, 65_536)
        var tail = [UInt8](repeating: 0, count: count)
        let got = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(size - count)) }
        guard got == count, tail.last == 0x0A else { return nil }
        // Whole lines only: from the first line start in the window.
        let start = count == size ? 0 : (tail.firstIndex(of: 0x0A).map { $0 + 1 } ?? count)
        guard start < count else { return nil }
        // From the last line back (a finished log usually has one or two lines after its final hash line).
        var end = count
        while end > start {
            let from = tail[start..<(end - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? start
            let reader = LogReader(bytes: Array(tail[from..<end]))
            guard let record = reader.entries.first?.record else { return nil }   // a line that is not a whole record
            if record.kind == .hash, record.reason == "final" { return record }
            end = from
        }
        return nil
    }

    /// Reads a log for recovery; a torn last line is cut off the file so appends continue after the last whole record.
    public func load(_ code: String) throws -> LogReader.Restorable {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path(code), isDirectory: &folder), folder.boolValue {
            var error = MatchLogError("\(path(code)) is a folder, not a match log: nothing is loaded or listed from it. Move it out of "
                                      + "\(directory) (a match log is a file, CODE.jsonl)")
            error.saysWhatToDo = true
            throw error
        }
        guard let bytes = Self.read(path: path(code)) else { throw MatchLogError("cannot read \(path(code))") }
        let log = try LogReader(bytes: bytes).restorable()
        // Its lines would go to another file: never split a room's log.
        if let room = log.records.first?.room, room != code {
            var error = MatchLogError("\(path(code)) holds room \(room) (its header says so), not \(code): not loaded. Name it \(room).jsonl "
                                      + "(if a log of \(room) is there, compare the two and keep one) and restart")
            error.saysWhatToDo = true
            throw error
        }
        if log.tornTail != nil {
            // The cut bytes are kept beside the log (a whole but damaged last line may be an acknowledged record).
            let kept = path(code) + ".cut-\(Int64(Date().timeIntervalSince1970))"
            let fd = open(kept, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            let written = fd >= 0 && FileIO.write(fd, Array(bytes[log.wholeBytes...])) && fdatasync(fd) == 0
            if fd >= 0 { _ = Glibc.close(fd) }
            guard written, FileIO.syncDirectory(directory) else { throw MatchLogError("cannot keep the torn tail of \(path(code)) in \(kept)") }
            cutTails[code] = kept
            guard truncate(path(code), off_t(log.wholeBytes)) == 0 else { throw MatchLogError("cannot cut the torn tail of \(path(code))") }
            files[code]?.size = log.wholeBytes
        }
        return log
    }

    /// Appends lines (each one JSON record) to their rooms' logs and to the journal, then fdatasyncs the journal
    /// once. Returns the rooms whose lines are not durable (all of the batch's if the journal failed).
    public func append(_ lines: [CoreOutput.LogAppend]) -> [String: String] {
        guard !lines.isEmpty else { return [:] }
        var batches: [String: [UInt8]] = [:]
        var order: [String] = []
        for l in lines {
            if batches[l.room] == nil { order.append(l.room) }
            batches[l.room, default: []].append(contentsOf: l.line.utf8)
            batches[l.room]!.append(0x0A)
        }
        var failures: [String: String] = [:]
        // Where each written room's batch starts in its file.
        var starts: [String: Int] = [:]
        var created: [String] = []
        // Rooms whose file this batch creates: if the batch fails, the file goes (nothing in it was acknowledged).
        var fresh: Set<String> = []
        defer { removeFailedNewLogs(fresh.filter { failures[$0] != nil }) }
        for room in order {
            let isNew = files[room] == nil && !FileManager.default.fileExists(atPath: path(room))
            guard let file = descriptor(room) else { failures[room] = "cannot open \(path(room)): \(FileIO.lastError)"; continue }
            if isNew { fresh.insert(room) }
            unsynced.insert(room)
            guard faults?.failWrite() != true, FileIO.write(file.fd, batches[room]!) else {
                failures[room] = "write to \(path(room)) failed: \(FileIO.lastError)"
                close(room)
                continue
            }
            if isNew { created.append(room) }
            starts[room] = file.size
            files[room]!.size += batches[room]!.count
        }
        // A new file's directory entry must be durable too, before anything in it is acknowledged.
        if !created.isEmpty, !FileIO.syncDirectory(directory) {
            for room in created { failures[room] = "cannot sync \(directory): \(FileIO.lastError)"; starts[room] = nil }
        }
        var entries: [UInt8] = []
        entries.reserveCapacity(lines.reduce(0) { $0 + $1.line.utf8.count + 32 })
        for l in lines {
            guard let offset = starts[l.room] else { continue }
            JournalEntry.encode(room: l.room, offset: offset, line: l.line, into: &entries)
            starts[l.room] = offset + l.line.utf8.count + 1
        }
        if !entries.isEmpty {
            do {
                try journal.append(entries)
            } catch {
                for room in starts.keys { failures[room] = "\(error)" }
                checkpoint()   // leave the failed file behind: nothing more is appended after an unknown tail
                return failures
            }
        }
        if journal.size >= checkpointBytes || journal.age >= checkpointSeconds { checkpoint() }
        return failures
    }

    /// Whether the store can write again (after a full disk): writes, syncs and removes a small probe file next to
    /// the logs.
    public func isWritable() -> Bool {
        let probe = (directory as NSString).appendingPathComponent(".write-probe")
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { _ = Glibc.close(fd); unlink(probe) }
        return faults?.failWrite() != true && FileIO.write(fd, [UInt8](repeating: 0x20, count: 65_536)) && fdatasync(fd) == 0
    }

    /// Makes what a room's log holds durable (lines of a batch whose journal write failed may be in it, unsynced),
    /// before a room is brought back from it. False on failure.
    public func syncLog(_ code: String) -> Bool {
        let fd = open(path(code), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { _ = Glibc.close(fd) }
        return fdatasync(fd) == 0
    }

    /// Closes and deletes the logs of rooms created by a batch that could not be written.
    private func removeFailedNewLogs(_ rooms: Set<String>) {
        guard !rooms.isEmpty else { return }
        for room in rooms {
            close(room)
            unlink(path(room))
        }
        _ = FileIO.syncDirectory(directory)
    }

    /// Renames each log whose header names another room to that room's code, or moves it aside (`NAME.jsonl.misnamed`,
    /// which nothing lists or loads) when a log of that room is there already or the header names no code.
    static func settleNames(in directory: String) -> [MisnamedLog] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        var found: [MisnamedLog] = []
        for name in names {
            let file = (directory as NSString).appendingPathComponent(name)
            guard let room = headerRoom(file), room != String(name.dropLast(6)) else { continue }
            let target = (directory as NSString).appendingPathComponent("\(room).jsonl")
            if MisnamedLog.isCode(room), access(target, F_OK) != 0, rename(file, target) == 0 {
                found.append(MisnamedLog(file: file, room: room, action: .renamed(to: target)))
                continue
            }
            var aside = file + ".misnamed"
            var n = 2
            while access(aside, F_OK) == 0 { aside = file + ".misnamed-\(n)"; n += 1 }
            guard rename(file, aside) == 0 else { continue }   // left as it is: `load` refuses it and says why
            found.append(MisnamedLog(file: file, room: room, action: .setAside(to: aside)))
        }
        if !found.isEmpty { _ = FileIO.syncDirectory(directory) }
        return found
    }

    /// The room a log's header names, from its first line (nil: no whole, readable first line).
    static func headerRoom(_ path: String) -> String? {
        firstRecord(path)?.room
    }

    /// A log's match header, from its first line alone (nil: no whole, readable header line in the first 16 MiB; the
    /// header holds the scenario's text).
    static func firstRecord(_ path: String) -> LogRecord? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
            if let end = chunk.firstIndex(of: 0x0A) {
                line += chunk[..<end]
                line.append(0x0A)
                return LogReader(bytes: line).entries.first.flatMap { $0.record.kind == .match ? $0.record : nil }
            }
            line += chunk
            if line.count > 16 << 20 { return nil }
        }
        return nil
    }

    /// Deletes empty `.jsonl` files of rooms `removable` accepts; returns their codes.
    private static func removeEmptyLogs(in directory: String, where removable: (String) -> Bool) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        var removed: [String] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            var st = stat()
            let code = String(name.dropLast(6))
            guard stat(path, &st) == 0, st.st_size == 0, removable(code), unlink(path) == 0 else { continue }
            removed.append(code)
        }
        if !removed.isEmpty { _ = FileIO.syncDirectory(directory) }
        return removed
    }

    /// Rotates the journal and checkpoints the old file in the background: the room files written since the last
    /// rotation are synced, then it is deleted. With `wait`, returns when every checkpoint so far has finished
    /// (clean shutdown: no journal is left).
    public func checkpoint(wait: Bool = false) {
        let old = journal.rotate()
        var descriptors = closedUnsynced
        closedUnsynced = []
        var problem: String?
        for room in unsynced {
            guard let fd = files[room]?.fd else { continue }
            let copy = dup(fd)
            if copy >= 0 {
                descriptors.append(copy)
            } else if fdatasync(fd) != 0 {
                problem = "fdatasync of \(path(room)) failed: \(FileIO.lastError)"
            }
        }
        unsynced = []
        if old != nil || !descriptors.isEmpty || wait {   // waiting: also deletes journals an earlier checkpoint could not
            checkpointer.submit(descriptors: descriptors, journal: old, problem: problem)
        }
        if wait { checkpointer.wait() }
    }

    /// At a clean shutdown, after `checkpoint(wait: true)`: removes a shard's journal folder (`shard-K`), which is
    /// empty then, so a clean data directory has nothing in `DATA/journal/`. The root folder stays.
    public func removeShardJournalDirectory() {
        guard journal.directory != journalRoot else { return }
        rmdir(journal.directory)
    }

    /// Closes a room's file (it can be reopened). A file not yet checkpointed is handed to the next checkpoint.
    public func close(_ code: String) {
        guard let file = files.removeValue(forKey: code) else { return }
        if unsynced.contains(code) { closedUnsynced.append(file.fd) } else { _ = Glibc.close(file.fd) }
    }

    private func descriptor(_ code: String) -> RoomFile? {
        if let file = files[code] { return file }
        let fd = open(path(code), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard let size = FileIO.size(fd) else { _ = Glibc.close(fd); return nil }
        let file = RoomFile(fd: fd, size: size)
        files[code] = file
        return file
    }
}
