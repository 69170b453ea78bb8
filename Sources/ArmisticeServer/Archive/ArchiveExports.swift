import Dispatch
import Foundation
import Synchronization

/// Students' exports being made. Reading every log a teacher may see takes a while (a thousand matches are tens of
/// megabytes), so it never happens on the thread that answers HTTP (it would hold up every WebSocket): the first
/// request starts it on a background queue and is answered `export_pending`; asking again gets the export once it is
/// made (then it is forgotten: the next request makes a fresh one). An export nobody collects is dropped after
/// `keepMilliseconds`. Thread-safe.
public final class ArchiveExports: Sendable {
    /// Who asked for whose data.
    struct Key: Hashable, Sendable {
        var principal: Principal
        var name: String
    }

    /// Where one export stands.
    public enum Status: Sendable, Equatable {
        /// The export's JSON.
        case ready([UInt8])
        /// Being made: ask again in a moment.
        case pending
        /// Too many exports are being made or waiting to be collected: ask again later.
        case busy
    }

    private struct Job {
        var made: [UInt8]?
        var started: Int64
    }

    private let queue: DispatchQueue
    private let jobs = Mutex<[Key: Job]>([:])
    /// How many exports may be under way or uncollected at once.
    public let limit: Int
    public let keepMilliseconds: Int64

    /// `queue` does the reading (tests pass a suspended one to see that the caller never does).
    public init(queue: DispatchQueue = DispatchQueue(label: "armistice-exports", qos: .utility), limit: Int = 16,
                keepMilliseconds: Int64 = 5 * 60_000) {
        self.queue = queue
        self.limit = limit
        self.keepMilliseconds = keepMilliseconds
    }

    /// The export of `name`'s data as `principal` may see it, if made; otherwise starts making it (once) with `make`
    /// and says it is pending.
    public func export(name: String, for principal: Principal, now: Int64, make: @escaping @Sendable () -> [UInt8]) -> Status {
        let key = Key(principal: principal, name: StudentExport.key(name))
        enum Step { case deliver([UInt8]), wait, start, refuse }
        let step: Step = jobs.withLock { jobs in
            jobs = jobs.filter { $0.value.made == nil || now - $0.value.started < keepMilliseconds }
            if let job = jobs[key] {
                guard let made = job.made else { return .wait }
                jobs[key] = nil
                return .deliver(made)
            }
            guard jobs.count < limit else { return .refuse }
            jobs[key] = Job(made: nil, started: now)
            return .start
        }
        switch step {
        case .deliver(let bytes): return .ready(bytes)
        case .wait: return .pending
        case .refuse: return .busy
        case .start:
            queue.async { [self] in
                let bytes = make()
                jobs.withLock { $0[key]?.made = bytes }
            }
            return .pending
        }
    }
}
