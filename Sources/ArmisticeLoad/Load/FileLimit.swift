#if canImport(Glibc)
import Glibc
#endif

/// The process's limit on open files: every WebSocket is one descriptor, so a load run needs thousands.
package enum FileLimit {
    /// Raises the soft limit on open files to the hard limit; returns the limit now in force.
    @discardableResult
    package static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return -1 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { return Int(raised.rlim_cur) }
        }
        return Int(limit.rlim_cur)
    }
}
