import ArmisticeTransport
import Foundation
import Logging

/// Deletes finished matches whose match ended more than `days` days ago: their logs and rendered reports. Looks at
/// start and then every `every` seconds, on its own thread; each deletion goes through the rooms thread like a
/// teacher's, which refuses any room still live. Logged at info level.
///
/// Safety rule for `@unchecked Sendable`: `thread` is touched only by `start` and `stop`; `stopping` only under
/// `condition`.
final class RetentionService: @unchecked Sendable {
    let days: Int
    let every: Double
    private let context: ArchiveContext
    private let logger: Logger
    private let condition = NSCondition()
    private var stopping = false
    private var thread: Thread?

    init(days: Int, every: Double, context: ArchiveContext, logger: Logger) {
        self.days = days
        self.every = max(every, 0.05)
        self.context = context
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in
            ThreadName.setCurrent("arm-retention")
            repeat { sweep(now: Int64(Date().timeIntervalSince1970 * 1000)) } while !waitOrStop()
        }
        thread.name = "armistice-retention"
        self.thread = thread
        thread.start()
    }

    /// Stops the thread (a sweep under way finishes its current deletion first).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits `every` seconds; true if told to stop.
    private func waitOrStop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let until = Date().addingTimeInterval(every)
        while !stopping, Date() < until { _ = condition.wait(until: until) }
        return stopping
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    /// The finished matches past retention, as of `now`.
    func expired(now: Int64) -> [ArchiveEntry] {
        let cutoff = now - Int64(days) * 86_400_000
        return context.archive.entries(for: .admin, live: context.rooms.directory)
            .filter { $0.state == .finished && ($0.finished ?? now) < cutoff }
    }

    private func sweep(now: Int64) {
        let old = expired(now: now)
        for entry in old {
            if isStopping { return }
            let result = context.rooms.deleteMatch(entry.code, archive: context.archive, reports: context.reports, tickets: context.tickets,
                                                      why: "retention")
            let ended = Date(timeIntervalSince1970: Double(entry.finished ?? 0) / 1000)
            if result == .deleted {
                logger.info("retention: finished match deleted", metadata: ["room": "\(entry.code)", "ended": "\(ended)", "days": "\(days)"])
            } else {
                logger.info("retention: finished match not deleted", metadata: ["room": "\(entry.code)", "result": "\(result)"])
            }
        }
    }
}
