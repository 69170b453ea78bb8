import ArmisticeEngine
import ArmisticeLog
import Foundation
import Synchronization

/// The finished and live matches on disk, as teachers see them: one summary per match log, read from the log (its
/// header, seats and final hash), cached until the file changes. A finished match's ending needs a replay, which
/// takes a while for a long match: it is worked out on a background queue, and `outcome` is absent until then.
/// Thread-safe; reading never touches the rooms thread's state (open rooms' phase and turn come from the
/// `RoomDirectory`).
public final class MatchArchive: Sendable {
    public let directory: String
    /// Scenario id → title, for the list (a log's own title needs its ruleset parsed).
    private let titles: [String: String]
    /// Scenario id → language → title, for the scenarios written in other languages than English.
    private let localizedTitles: [String: [String: String]]
    /// Which other teachers each match is shared with.
    public let shares: RoomShares?
    private struct Cached {
        var size: Int
        var modified: Date?
        var summary: LogSummary
        var entry: ArchiveEntry
    }
    private struct Outcomes {
        /// Per room: the ending's name in English and in the scenario's other languages; "" when the replay found none.
        var known: [String: (name: String, localized: [String: String])] = [:]
        var pending: Set<String> = []
    }
    private let cache = Mutex<[String: Cached]>([:])
    /// Logs being read on the queue for an entry asked for on the HTTP thread.
    private let reading = Mutex<Set<String>>([])
    private let outcomes = Mutex(Outcomes())
    private let queue = DispatchQueue(label: "armistice-archive", qos: .utility)

    /// `directory` is the match logs' folder (`DATA/matches`); `titles` name the scenarios, `localizedTitles` in
    /// their other languages (scenario id → language → title).
    public init(directory: String, titles: [String: String] = [:], localizedTitles: [String: [String: String]] = [:], shares: RoomShares? = nil) {
        self.directory = directory
        self.titles = titles
        self.localizedTitles = localizedTitles
        self.shares = shares
    }

    public func path(_ code: String) -> String { (directory as NSString).appendingPathComponent("\(code).jsonl") }

    /// Every match this principal may see, newest first. `live` holds the rooms open now. `readNow` false (the thread
    /// that answers HTTP): a log not read yet is listed from its first and last lines and read on the archive's queue.
    public func entries(for principal: Principal, live: RoomDirectory?, readNow: Bool = true) -> [ArchiveEntry] {
        let codes = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }
        return codes.compactMap { entry($0, live: live, readNow: readNow) }.filter { principal.mayView(owner: $0.owner, shared: $0.shared ?? []) }
            .sorted { ($0.created, $0.code) > ($1.created, $1.code) }
    }

    /// One match's summary, or nil if it has no readable log. With `readNow` false (the thread that answers HTTP, which
    /// every room's WebSocket shares), a log that changed since it was read is not read here: the entry is made from
    /// its first and last lines (header, owner, whether it ended; no players yet) and the log is read on the archive's
    /// queue. A finished room of 200,000 chat lines (25 MB) held every connection 4–8 s on the first list after a start.
    public func entry(_ code: String, live: RoomDirectory?, readNow: Bool = true) -> ArchiveEntry? {
        guard code.count == Secrets.codeLength, code.allSatisfy(Secrets.codeAlphabet.contains) else { return nil }
        let file = path(code)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = attributes[.modificationDate] as? Date
        var entry: ArchiveEntry
        let hit = cache.withLock { $0[code] }
        if let hit, hit.size == size, hit.modified == modified {
            entry = hit.entry
        } else if !readNow, (attributes[.type] as? FileAttributeType) == .typeRegular {
            if reading.withLock({ $0.insert(code).inserted }) {
                queue.async { [self] in
                    _ = self.entry(code, live: live)
                    _ = reading.withLock { $0.remove(code) }
                }
            }
            var summary = LogSummary()
            guard let quick = summary.readEnds(file, titles: titles) else {
                guard live?[code] == nil else { return nil }
                return finish(Self.damaged(code, modified: modified, why: size > 0 ? "its first line is not a whole match header" : "it cannot be read"),
                              code, live: live)
            }
            entry = quick
        } else {
            // A log only grows: read what was added since (all of it the first time, or if it shrank).
            var summary = hit.flatMap { size >= $0.summary.offset ? $0.summary : nil } ?? LogSummary()
            let read = summary.read(file)
            let built: ArchiveEntry
            if read, let whole = summary.entry(titles: titles) {
                built = whole
            } else {
                // A room being created has no whole header for a moment: only a log that is not open is damaged.
                guard live?[code] == nil, (attributes[.type] as? FileAttributeType) == .typeRegular else { return nil }
                built = Self.damaged(code, modified: modified, why: read || size > 0 ? "its first line is not a whole match header"
                                                                                     : "it cannot be read")
            }
            entry = built
            cache.withLock { $0[code] = Cached(size: size, modified: modified, summary: summary, entry: built) }
        }
        return finish(entry, code, live: live)
    }

    /// An entry as listed now: the open room's phase and turn, the ending's name, the titles, the shares.
    private func finish(_ entry: ArchiveEntry, _ code: String, live: RoomDirectory?) -> ArchiveEntry {
        var entry = entry
        if entry.state != .finished {
            if let open = live?[code] {
                // An open room whose match has ended is finished, even before its final hash line is read.
                entry.state = open.phase == Phase.ended.rawValue ? .finished : .live
                entry.title = open.title
                entry.phase = open.phase
                entry.turn = open.turn
            } else {
                entry.state = .stopped
            }
        }
        var localized: [String: ArchiveEntry.Localized] = [:]
        for (language, title) in localizedTitles[entry.scenario] ?? [:] { localized[language] = .init(title: title) }
        if entry.state == .finished, let ending = outcome(code) {
            entry.outcome = ending.name
            for (language, name) in ending.localized { localized[language, default: .init()].outcome = name }
        }
        entry.localized = localized.isEmpty ? nil : localized
        let shared = shares?.teachers(code) ?? []
        entry.shared = shared.isEmpty ? nil : shared
        return entry
    }

    /// The list entry of a log whose match header cannot be read: `stopped`, the admin's (the owner is in the header),
    /// named by its file, so the admin can download or delete it as the server's start-up message says.
    static func damaged(_ code: String, modified: Date?, why: String) -> ArchiveEntry {
        ArchiveEntry(code: code, scenario: "", title: "\(code).jsonl (damaged match log)", created: modified.map { Int64($0.timeIntervalSince1970 * 1000) } ?? 0,
                     state: .stopped, phase: "setup", turn: 0, players: [],
                     damaged: "\(code).jsonl: \(why), so its scenario, owner and players are unknown; download it to look at it, or delete it")
    }

    /// The records of a match's log (whole lines only; a damaged line is left out, as a replay leaves it out), or nil
    /// if it has no readable header.
    public func records(_ code: String) -> [LogRecord]? {
        MatchStore.read(path: path(code)).flatMap(Self.readable)
    }

    /// Every record a log's bytes hold, without the line being written (an unended last one) and any damaged line:
    /// the archive lists, exports and deletes a match whose log the server could not restore (it is `stopped`).
    static func readable(_ bytes: [UInt8]) -> [LogRecord]? {
        let reader = LogReader(bytes: bytes)
        var records = reader.entries.map(\.record)
        if reader.unendedTail, reader.entries.last?.line == reader.lineCount { records.removeLast() }
        guard records.first?.kind == .match else { return nil }
        return records
    }

    /// Hands over the records of every match log this principal may see (their owner's, the admin's, or shared with
    /// them), one log at a time (so only one is in memory
    /// at once), by code. Reads every log: call it off the thread that answers HTTP.
    public func forEachLog(for principal: Principal, _ body: (String, [LogRecord]) -> Void) {
        let codes = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }
            .filter { $0.count == Secrets.codeLength && $0.allSatisfy(Secrets.codeAlphabet.contains) }.sorted()
        for code in codes {
            guard let records = records(code), let header = records.first,
                  principal.mayView(owner: header.owner, shared: shares?.teachers(code) ?? []) else { continue }
            body(code, records)
        }
    }

    /// Whether a principal may see a match: its owner, the admin, or a teacher it is shared with.
    public func mayView(_ code: String, _ principal: Principal) -> Bool {
        principal.mayView(owner: owner(code), shared: shares?.teachers(code) ?? [])
    }

    /// The owner a log's header names (nil: the admin's, or no such log). Reads the first line only.
    public func owner(_ code: String) -> String? {
        MatchStore.firstRecord(path(code))?.owner
    }

    /// Forgets a match (after its log was deleted).
    func forget(_ code: String) {
        _ = cache.withLock { $0.removeValue(forKey: code) }
        _ = outcomes.withLock { $0.known.removeValue(forKey: code) }
        shares?.forget(code)
    }

    /// A finished match's ending if known (its name, and its name in the scenario's other languages); otherwise
    /// starts working it out (once) and returns nil.
    private func outcome(_ code: String) -> (name: String, localized: [String: String])? {
        let (known, start): ((name: String, localized: [String: String])?, Bool) = outcomes.withLock { o in
            if let ending = o.known[code] { return (ending, false) }
            return (nil, o.pending.insert(code).inserted)
        }
        if start {
            let file = path(code)
            queue.async { [self] in
                var ending = (name: "", localized: [String: String]())
                if let bytes = MatchStore.read(path: file), let log = try? LogReader(bytes: bytes).restorable(),
                   let room = try? MatchReplay.rebuild(log.records, now: 0), let i = room.state.outcome {
                    let ruleset = room.engine.ruleset
                    ending.name = ruleset.outcomes[i].name
                    for language in ruleset.languages where language != "en" {
                        ending.localized[language] = ruleset.localized(to: language).outcomes[i].name
                    }
                }
                outcomes.withLock { o in
                    o.pending.remove(code)
                    o.known[code] = ending
                }
            }
        }
        return known.flatMap { $0.name.isEmpty ? nil : $0 }
    }

    /// Reads a log without replaying it: the header, the seats, and whether it ended (its `final` hash record).
    /// Reads every log's summary into the cache on the archive's queue, so the first list a teacher asks for (on
    /// the thread that answers HTTP) finds them read.
    public func warm() {
        queue.async { [self] in
            let codes = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }
            for code in codes { _ = entry(code, live: nil) }
        }
    }

}

/// A match's summary for the archive list, folded from its log's records as the log grows: a live match's list entry
/// costs only the lines added since it was last read.
struct LogSummary {
    private var header: LogRecord?
    private var players: [String: ArchiveEntry.Player] = [:]
    private var order: [String] = []
    private var names: [String: String] = [:]
    private var finished: LogRecord?
    /// The first record read was not a match header: this is not a match log.
    private var headless = false
    /// Bytes of the file folded in: up to the end of its last whole line.
    private(set) var offset = 0

    /// Folds in the whole lines added to the file since `offset` (a line being written is left for next time).
    /// False when the file cannot be read or does not start with a match header.
    mutating func read(_ path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        guard (try? file.seek(toOffset: UInt64(offset))) != nil, let data = try? file.readToEnd() ?? Data() else { return false }
        guard let lastNewline = data.lastIndex(of: 0x0A) else { return header != nil }
        let reader = LogReader(bytes: Self.withoutChat(data[..<(lastNewline + 1)]))
        for entry in reader.entries { fold(entry.record) }
        offset += lastNewline + 1
        return header != nil
    }

    /// The lines of `bytes` without the chat lines (`"kind":"chat"`, as the server writes them), which the summary
    /// does not use and which are most of a long match's log: 200,000 chat lines (25 MB) cost the first list 4–8 s
    /// decoded, a byte search each undecoded. The bytes `"kind":"chat"` cannot stand inside a JSON string (its quotes
    /// would be escaped), so no other record is left out; a line written otherwise is decoded as before.
    static func withoutChat(_ bytes: Data) -> [UInt8] {
        let marker = Array(#""kind":"chat""#.utf8)
        var kept: [UInt8] = []
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            kept.reserveCapacity(min(raw.count, 1 << 20))
            var start = 0
            while start < raw.count {
                let end = memchr(base + start, 0x0A, raw.count - start).map { base.distance(to: UnsafeRawPointer($0)) + 1 } ?? raw.count
                let isChat = marker.withUnsafeBytes { Self.contains(base + start, end - start, $0) }
                if !isChat { kept.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<end])) }
                start = end
            }
        }
        return kept
    }

    /// Whether `count` bytes at `start` contain `needle` (memchr for its first byte, then memcmp).
    private static func contains(_ start: UnsafeRawPointer, _ count: Int, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, needle.count <= count else { return false }
        var from = 0
        while from + needle.count <= count, let hit = memchr(start + from, Int32(first), count - needle.count + 1 - from) {
            let at = start.distance(to: UnsafeRawPointer(hit))
            if memcmp(start + at, needle.baseAddress!, needle.count) == 0 { return true }
            from = at + 1
        }
        return false
    }

    /// The entry from the log's first and last lines only (its header, and its `final` hash line when that is the last
    /// line): no players. Nil when the first line is not a whole match header. Leaves `offset` at 0 (nothing folded).
    mutating func readEnds(_ path: String, titles: [String: String]) -> ArchiveEntry? {
        guard let first = MatchStore.firstRecord(path) else { return nil }
        fold(first)
        if let last = MatchStore.finalHash(path: path) { fold(last) }
        return entry(titles: titles)
    }

    private mutating func fold(_ r: LogRecord) {
        if header == nil {
            guard !headless, r.kind == .match, r.room != nil, r.roomSettings != nil else { headless = true; return }
            header = r
            return
        }
        if r.kind == .hash, r.reason == "final" { finished = r }
        guard let seat = r.seat else { return }
        switch r.kind {
        case .join:
            names[seat] = r.name ?? seat
            if r.seatRole == .player {
                players[seat] = .init(name: r.name ?? seat, team: r.team, bot: r.bot)
                order.append(seat)
            }
        case .seat where r.removed == true:
            return
        case .seat where r.seatRole != .player:
            players[seat] = nil
        case .seat:
            if players[seat] == nil { order.append(seat) }
            players[seat] = .init(name: names[seat] ?? seat, team: r.team)
        default: break
        }
    }

    /// The list entry, as far as the log has been read (nil before its header).
    func entry(titles: [String: String]) -> ArchiveEntry? {
        guard let header, let code = header.room, let settings = header.roomSettings else { return nil }
        var seen: Set<String> = []
        let seats = order.filter { seen.insert($0).inserted }
        return ArchiveEntry(code: code, scenario: settings.ruleset, title: titles[settings.ruleset] ?? settings.ruleset, created: header.t ?? 0,
                            state: finished != nil ? .finished : .stopped, phase: finished != nil ? "ended" : "setup",
                            turn: finished?.turn ?? 0, players: seats.compactMap { players[$0] }, finished: finished?.t,
                            owner: header.owner, nicknames: settings.nicknames)
    }
}
