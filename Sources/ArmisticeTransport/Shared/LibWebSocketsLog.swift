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

    private static func emit(level: Int32, line: UnsafePointer<CChar>?) {
        guard let line, let logger = sink.withLock({ $0 }) else { return }
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
