import CLibWebSockets
import Dispatch

/// Hands the heap's free pages back to the system after a wave of closed sockets. glibc's malloc gives each thread
/// that allocates an arena of its own and keeps, inside each arena, what was freed there for later: after a flood of
/// connections is closed the memory is free but still resident (measured: 15,000 silent sockets from one machine
/// left about 60 MB behind each time, 46 MB grew to 215 MB over a few floods; `malloc_trim(0)` gave 185 → 46 MB
/// back). `malloc_trim` walks every arena, locking each in turn, so it runs on a background queue, not on the service
/// thread, and at most once per interval.
enum MemoryReturn {
    /// Whether it is time: `closed` sockets since the last return, which was at `last` (monotonic ns, 0: never), and
    /// whether any closed in the last second. It waits for a wave of closes to end (a flood is reaped over seconds)
    /// and for `intervalSeconds` since the last return; while sockets close every second (a busy server's steady
    /// coming and going) it returns memory every ten intervals.
    static func isDue(closed: Int, closingNow: Bool, last: UInt64, now: UInt64, after: Int, intervalSeconds: Int) -> Bool {
        guard after > 0, closed >= after else { return false }
        guard last != 0 else { return !closingNow }
        let since = now &- last, interval = UInt64(max(0, intervalSeconds)) * 1_000_000_000
        return since >= (closingNow ? 10 * interval : interval)
    }

    /// Gives the free pages back, off the calling thread; `done` runs on that background thread afterwards.
    static func handBack(done: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .utility).async {
            _ = malloc_trim(0)
            done()
        }
    }
}
