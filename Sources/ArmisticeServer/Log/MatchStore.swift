#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The match logs on disk: one append-only JSON Lines file per room, `DATA/matches/CODE.jsonl`.
/// `append` writes a batch and fsyncs every file it touched (group commit). Used from one thread; reading a
/// finished log for download may happen on any thread.
public final class MatchStore {
    public let directory: String
    private var files: [String: Int32] = [:]

    public init(dataDirectory: String) throws {
        directory = (dataDirectory as NSString).appendingPathComponent("matches")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { for fd in files.values { _ = Glibc.close(fd) } }

    public func path(_ code: String) -> String { (directory as NSString).appendingPathComponent("\(code).jsonl") }

    /// The codes of every log on disk.
    public func codes() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// A log's bytes.
    public static func read(path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// Reads a log for recovery; a torn last line is cut off the file so appends continue after the last whole record.
    public func load(_ code: String) throws -> MatchLogReader {
        guard let bytes = Self.read(path: path(code)) else { throw MatchLogError("cannot read \(path(code))") }
        let reader = try MatchLogReader(bytes: bytes)
        if reader.tornTail != nil {
            guard truncate(path(code), off_t(reader.validBytes)) == 0 else { throw MatchLogError("cannot cut the torn tail of \(path(code))") }
        }
        return reader
    }

    /// Appends lines (each one JSON record) to their rooms' logs, then fsyncs each touched file once.
    /// Returns the rooms whose write failed.
    public func append(_ lines: [CoreOutput.LogLine]) -> [String: String] {
        guard !lines.isEmpty else { return [:] }
        var batches: [String: [UInt8]] = [:]
        var order: [String] = []
        for l in lines {
            if batches[l.room] == nil { order.append(l.room) }
            batches[l.room, default: []].append(contentsOf: l.line.utf8)
            batches[l.room]!.append(0x0A)
        }
        var failures: [String: String] = [:]
        var touched: [(String, Int32)] = []
        var created = false
        for room in order {
            if files[room] == nil, !FileManager.default.fileExists(atPath: path(room)) { created = true }
            guard let fd = descriptor(room) else { failures[room] = "cannot open \(path(room)): \(String(cString: strerror(errno)))"; continue }
            let bytes = batches[room]!
            var written = 0
            var failed = false
            bytes.withUnsafeBytes { buffer in
                while written < buffer.count {
                    let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 { if errno == EINTR { continue }; failed = true; return }
                    written += n
                }
            }
            if failed { failures[room] = "write to \(path(room)) failed: \(String(cString: strerror(errno)))"; continue }
            touched.append((room, fd))
        }
        if created {
            // A new file's directory entry must be durable too.
            let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dir >= 0 { _ = fsync(dir); _ = Glibc.close(dir) }
        }
        if touched.count == 1 {
            if fsync(touched[0].1) != 0 { failures[touched[0].0] = "fsync failed: \(String(cString: strerror(errno)))" }
        } else if touched.count > 1 {
            nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Int32>.allocate(capacity: touched.count)
            defer { results.deallocate() }
            let fds = touched.map(\.1)
            DispatchQueue.concurrentPerform(iterations: fds.count) { i in results[i] = fsync(fds[i]) }
            for (i, t) in touched.enumerated() where results[i] != 0 { failures[t.0] = "fsync failed" }
        }
        return failures
    }

    /// Closes a room's file (it can be reopened).
    public func close(_ code: String) {
        if let fd = files.removeValue(forKey: code) { _ = Glibc.close(fd) }
    }

    private func descriptor(_ code: String) -> Int32? {
        if let fd = files[code] { return fd }
        let fd = open(path(code), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        files[code] = fd
        return fd
    }
}
