#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import Synchronization

/// Checkpoints the journal off the rooms' thread: fdatasyncs the room files written while a journal file was
/// current, then deletes that file. Checkpoints run one at a time, in order. It owns the descriptors it is handed
/// (duplicates, or files the store has closed) and closes them, so the store may close its own at any time.
final class JournalCheckpointer: Sendable {
    private let queue = DispatchQueue(label: "armistice-journal-checkpoint")
    private let completed = Atomic<Int>(0)
    private let logger: Logger?

    init(logger: Logger?) { self.logger = logger }

    /// Checkpoints finished (room files synced and the old journal deleted).
    var checkpoints: Int { completed.load(ordering: .relaxed) }

    /// Syncs `descriptors` (and closes them), then deletes `journal` unless a sync failed or `problem` is set; a
    /// journal kept is replayed at the next start, which repairs what the failed sync may have lost.
    func submit(descriptors: [Int32], journal: String?, problem: String?) {
        queue.async { [self] in
            let failure = Self.sync(descriptors)
            if let problem = problem ?? failure {
                logger?.error("journal checkpoint failed; the journal is kept and replayed at the next start",
                              metadata: ["journal": "\(journal ?? "-")", "problem": "\(problem)"])
                return
            }
            if let journal { unlink(journal) }
            completed.add(1, ordering: .relaxed)
        }
    }

    /// Syncs and closes the descriptors on up to 16 threads: concurrent syncs share the disk's cache flushes (on
    /// this project's disk 1,000 files take ~65 ms so, against ~3.5 s one after another). Returns the first failure.
    private static func sync(_ descriptors: [Int32]) -> String? {
        let problem = Mutex<String?>(nil)
        let group = DispatchGroup()
        let width = min(16, descriptors.count)
        for k in 0..<width {
            group.enter()
            Thread {
                for fd in stride(from: k, to: descriptors.count, by: width).map({ descriptors[$0] }) {
                    if fdatasync(fd) != 0 {
                        let error = FileIO.lastError
                        problem.withLock { $0 = $0 ?? "fdatasync of a match log failed: \(error)" }
                    }
                    _ = close(fd)
                }
                group.leave()
            }.start()
        }
        group.wait()
        return problem.withLock { $0 }
    }

    /// Waits for every submitted checkpoint.
    func wait() { queue.sync {} }
}
