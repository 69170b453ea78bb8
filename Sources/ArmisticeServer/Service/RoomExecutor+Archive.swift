import Dispatch
import Foundation
import Synchronization

extension RoomExecutor {
    /// What deleting a match did.
    enum Deletion: Sendable, Equatable {
        case deleted
        /// The match is live: end it first.
        case live
        /// No log has that code.
        case missing
        /// The rooms thread did not answer in time (it is stopping, or far behind).
        case timedOut
    }

    /// Deletes a match's log (and its rendered reports) on the rooms thread, so no room writes to it meanwhile; waits
    /// for the answer. The journal is checkpointed first, so a crash cannot bring the log back from it.
    func deleteMatch(_ code: String, archive: MatchArchive, reports: ArchiveReports?, tickets: ArchiveTickets?, why: String) -> Deletion {
        let result = Mutex<Deletion>(.timedOut)
        let done = DispatchSemaphore(value: 0)
        post(.task { executor, _, out in
            defer { done.signal() }
            let path = executor.store.path(code)
            guard FileManager.default.fileExists(atPath: path) else { result.withLock { $0 = .missing }; return }
            guard executor.core.releaseForDeletion(code, into: &out) else { result.withLock { $0 = .live }; return }
            executor.store.close(code)
            executor.store.checkpoint(wait: true)
            guard unlink(path) == 0 else {
                executor.logger.error("match log could not be deleted", metadata: ["room": "\(code)", "error": "\(FileIO.lastError)"])
                return
            }
            _ = FileIO.syncDirectory(executor.store.directory)
            archive.forget(code)
            reports?.remove(code)
            tickets?.revoke(code: code)
            executor.logger.info("match deleted", metadata: ["room": "\(code)", "by": "\(why)"])
            result.withLock { $0 = .deleted }
        })
        _ = done.wait(timeout: .now() + 15)
        return result.withLock { $0 }
    }
}
