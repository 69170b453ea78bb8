import CLibWebSockets
import Logging
import Synchronization

/// Routes libwebsockets' own log lines (errors and warnings only) to swift-log.
///
/// lws has one process-wide log sink, so the most recently installed logger receives lws's lines,
/// at `.warning` or quieter.
enum LibWebSocketsLog {
    private static let sink = Mutex<Logger?>(nil)
    private static let installed = Mutex(false)

    /// Makes `logger` the destination. The first call also sets lws's log level and emit function
    /// (process globals, so they are set once, before any context exists) and ignores SIGPIPE.
    static func install(_ logger: Logger) {
        var lwsLogger = logger
        lwsLogger[metadataKey: "source"] = "libwebsockets"
        sink.withLock { $0 = lwsLogger }
        installed.withLock { done in
            guard !done else { return }
            done = true
            clws_ignore_sigpipe()
            lws_set_log_level(LLL_ERR | LLL_WARN, { level, line in
                LibWebSocketsLog.emit(level: level, line: line)
            })
        }
    }

    /// At most `linesPerSecond` of lws's lines a second reach the log; the rest are counted and said in one line.
    /// (Out of file descriptors, lws retries `accept` in a tight loop and logs each failure: a million lines in
    /// seconds would fill the disk that holds the match logs.)
    static let linesPerSecond = 20
    private static let budget = Mutex(LineBudget(perSecond: linesPerSecond))

    private static func emit(level: Int32, line: UnsafePointer<CChar>?) {
        guard let line, let logger = sink.withLock({ $0 }) else { return }
        let (allowed, dropped) = budget.withLock { $0.admit(second: MonotonicTime.now() / 1_000_000_000) }
        if dropped > 0 { logger.warning("\(dropped) more libwebsockets lines were not logged (at most \(linesPerSecond) a second)") }
        guard allowed else { return }
        var text = String(cString: line)
        while text.last?.isNewline == true { text.removeLast() }
        // lws reports some routine events (a peer vanishing) as errors: keep them at warning.
        if level & LLL_ERR != 0 {
            logger.warning("\(text)")
        } else {
            logger.notice("\(text)")
        }
    }
}

/// So many lines a second, and a count of the rest: `admit` says whether this line goes out, and how many were held
/// back in the seconds before it (to be said once).
struct LineBudget {
    let perSecond: Int
    private var second: UInt64 = 0
    private var lines = 0
    private var held = 0

    init(perSecond: Int) { self.perSecond = perSecond }

    mutating func admit(second now: UInt64) -> (allowed: Bool, held: Int) {
        var told = 0
        if now != second {
            told = held
            (second, lines, held) = (now, 0, 0)
        }
        lines += 1
        if lines > perSecond { held += 1 }
        return (lines <= perSecond, told)
    }
}
