#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A test seam for the match store: while `diskFull` is set, every write the store makes (room logs, the
/// journal, the writability probe) fails with ENOSPC, as on a full disk, without filling a real one; while
/// `journalUndeletable` is set, a checkpoint cannot delete its old journal.
/// Reads and truncation still work, as they do on a full disk. Safe from any thread (a mutex).
public final class StorageFaults: Sendable {
    private let full = Mutex(false)

    public init() {}

    public var diskFull: Bool {
        get { full.withLock { $0 } }
        set { full.withLock { $0 = newValue } }
    }

    private let locked = Mutex(false)

    /// While set, deleting a checkpointed journal fails with EACCES, as in a folder made read-only.
    public var journalUndeletable: Bool {
        get { locked.withLock { $0 } }
        set { locked.withLock { $0 = newValue } }
    }

    /// True (with errno set to EACCES) when deleting a journal must fail.
    func failUnlink() -> Bool {
        guard journalUndeletable else { return false }
        errno = EACCES
        return true
    }

    /// True (with errno set to ENOSPC) when a write must fail.
    func failWrite() -> Bool {
        guard diskFull else { return false }
        errno = ENOSPC
        return true
    }
}
