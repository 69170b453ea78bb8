#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The server-wide write-ahead journal, `DATA/journal/NNNNNNNN.wal`: every match-log line of a batch is appended
/// here as a `JournalEntry` and the file is fdatasynced once, so a batch costs one sync however many rooms it
/// touched. A file is opened at the first append after a rotation, and reserved ahead of its entries (see
/// `reserve`): past the last entry it reads as zeros, which recovery skips. Used from one thread (the store's).
final class MatchJournal {
    let directory: String
    private var fd: Int32 = -1
    /// The open file's path, nil between a rotation and the next append.
    private(set) var path: String?
    /// Bytes of entries in the open file (where the next append goes).
    private(set) var size = 0
    /// Bytes the open file holds, entries and the zeros reserved after them (see `reserve`).
    private var allocated = 0
    private var openedAt: UInt64 = 0
    private var nextNumber: Int
    private let faults: StorageFaults?

    init(directory: String, faults: StorageFaults? = nil) throws {
        self.directory = directory
        self.faults = faults
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        nextNumber = (Self.numbers(in: directory).max() ?? 0) + 1
    }

    deinit { if fd >= 0 { _ = close(fd) } }

    /// Seconds since the open file was created (0 if none is open).
    var age: Double { path == nil ? 0 : Double(DispatchTime.now().uptimeNanoseconds - openedAt) / 1e9 }

    /// Appends encoded entries and fdatasyncs them. After a failure the file must be rotated: what it holds past
    /// the last successful append is unknown.
    func append(_ bytes: [UInt8]) throws(MatchLogError) {
        if path == nil { try openNext() }
        if size + bytes.count > allocated { reserve(size + bytes.count) }
        guard faults?.failWrite() != true, FileIO.write(fd, bytes, at: size) else { throw MatchLogError("journal write to \(path!) failed: \(FileIO.lastError)") }
        size += bytes.count
        guard fdatasync(fd) == 0 else { throw MatchLogError("journal fdatasync of \(path!) failed: \(FileIO.lastError)") }
    }

    /// Closes the open file, if any, and returns its path; the next append starts a new one.
    func rotate() -> String? {
        guard let old = path else { return nil }
        _ = close(fd)
        fd = -1
        path = nil
        size = 0
        allocated = 0
        return old
    }

    private func openNext() throws(MatchLogError) {
        let name = Self.fileName(nextNumber)
        let next = (directory as NSString).appendingPathComponent(name)
        let fd = open(next, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MatchLogError("cannot create the journal \(next): \(FileIO.lastError)") }
        // The new file's directory entry must be durable before anything in it counts.
        guard FileIO.syncDirectory(directory) else {
            _ = close(fd)
            unlink(next)
            throw MatchLogError("cannot sync the journal directory \(directory): \(FileIO.lastError)")
        }
        nextNumber += 1
        self.fd = fd
        path = next
        size = 0
        allocated = 0
        openedAt = DispatchTime.now().uptimeNanoseconds
    }

    /// The file grows by this much at a time, ahead of the entries.
    static let reserveStep = 4 << 20

    /// Makes the file hold at least `bytes` (reading as zeros past the entries), in steps of `reserveStep`. An append
    /// inside the reserved space leaves the file's size as it is, so most fdatasyncs need no commit of the
    /// filesystem's own journal (on ext4, only the first write into each newly reserved block does); an append that
    /// made the file longer needs one every time. Where the filesystem cannot reserve space (or the disk is full), the
    /// appends make the file longer themselves, as before.
    private func reserve(_ bytes: Int) {
        let target = (bytes / Self.reserveStep + 1) * Self.reserveStep
        if posix_fallocate(fd, off_t(allocated), off_t(target - allocated)) == 0 { allocated = target } else { allocated = Int.max }
    }

    static func fileName(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits + ".wal"
    }

    /// The journal files to replay, oldest first.
    static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".wal") && number($0) != nil }
            .sorted { number($0)! < number($1)! }
    }

    /// The numbers of every file in the directory, kept damaged ones included (so a new file never reuses one).
    private static func numbers(in directory: String) -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).compactMap(number)
    }

    private static func number(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || name.dropFirst(digits.count).first != "." ? nil : Int(digits)
    }
}
