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
    /// Journals whose room files were synced but which could not be deleted (a read-only folder): deleting them is
    /// tried again at every later checkpoint.
    private let undeleted = Mutex<[String]>([])

    private let faults: StorageFaults?

    init(logger: Logger?, faults: StorageFaults? = nil) {
        self.logger = logger
        self.faults = faults
    }

    /// Checkpoints finished (room files synced and the old journal deleted).
    var checkpoints: Int { completed.load(ordering: .relaxed) }

    /// Syncs `descriptors` (and closes them), then deletes `journal` unless a sync failed or `problem` is set; a
    /// journal kept is replayed at the next start, which repairs what the failed sync may have lost. Journals an
    /// earlier checkpoint synced but could not delete are deleted too (with no `journal` and no descriptors, that is
    /// all it does).
    func submit(descriptors: [Int32], journal: String?, problem: String?) {
        queue.async { [self] in
            let failure = Self.sync(descriptors)
            if let problem = problem ?? failure {
                logger?.error("journal checkpoint failed; the journal is kept and replayed at the next start",
                              metadata: ["journal": "\(journal ?? "-")", "problem": "\(problem)"])
                return
            }
            let synced = undeleted.withLock { list in defer { list = [] }; return list } + (journal.map { [$0] } ?? [])
            var kept: [String] = []
            for file in synced {
                guard faults?.failUnlink() != true, unlink(file) == 0 || errno == ENOENT else {
                    let error = FileIO.lastError
                    kept.append(file)
                    // Harmless: its lines are in the synced room files; replaying it at a start changes nothing.
                    logger?.error("journal checkpoint failed; the old journal could not be deleted: it is tried again at the next checkpoint (and at a clean shutdown), and if it is still there at the next start it is replayed, which changes nothing",
                                  metadata: ["journal": "\(file)", "problem": "\(error)"])
                    continue
                }
                if file == journal { completed.add(1, ordering: .relaxed) }
            }
            undeleted.withLock { $0 = kept }
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
