import CLibWebSockets
import Foundation

/// Runs `lws_service` for one lws context on its own thread, and offers the one lws call that is
/// safe from other threads (`lws_cancel_service`, via `wake()`).
///
/// The context is destroyed on the service thread when the loop stops, so every lws callback,
/// including those fired during `lws_context_destroy`, runs on that one thread.
final class ServiceLoop: Sendable {
    private struct State {
        var context: OpaquePointer?
        /// The libev loop the context runs on, or nil for lws's own poll() loop.
        var eventLoop: UnsafeMutableRawPointer?
        var thread: pthread_t?
        var started = false
        var finished = false
        var stopRequested = false
    }

    private let state = Locked(State())
    private let finishedSignal = DispatchSemaphore(value: 0)
    /// The thread's name, for Foundation and the kernel (at most 15 bytes).
    private let name: String

    init(name: String) { self.name = name }

    /// Starts the service thread for `context`. `onTick`, if given, runs on that thread about every
    /// `IdlePolicy.sweepIntervalMicroseconds` (one lws timer for the whole context). `onDestroyed` runs on that
    /// thread right after `lws_context_destroy` (free the C memory lws pointed into there).
    func start(_ created: EventLoopContext.Created, onTick: (@Sendable () -> Void)? = nil,
               onDestroyed: @escaping @Sendable () -> Void) {
        state.withLock { s in
            s.context = created.context
            s.eventLoop = created.eventLoop
            s.started = true
        }
        let thread = Thread { [self] in run(onTick: onTick, onDestroyed: onDestroyed) }
        thread.name = name
        thread.start()
    }

    private func run(onTick: (@Sendable () -> Void)?, onDestroyed: @Sendable () -> Void) {
        ThreadName.setCurrent(name)
        let (context, eventLoop) = state.withLock { s in
            s.thread = pthread_self()
            return (s.context, s.eventLoop)
        }
        if let context {
            // Lives until after lws_context_destroy: lws holds a raw pointer to its timer.
            let ticker = onTick.map { ServiceTicker(context: context, interval: IdlePolicy.sweepIntervalMicroseconds, onTick: $0) }
            ticker?.schedule()
            while !state.withLock({ $0.stopRequested }) {
                if let eventLoop {
                    // lws_service would run the loop until it is empty; one round at a time lets a stop through.
                    clws_ev_run_once(eventLoop)
                } else if lws_service(context, 0) < 0 {
                    break
                }
            }
            // From here on `wake()` is a no-op; callbacks fired by destroy still run on this thread.
            state.withLock { $0.context = nil }
            ticker?.cancel()
            lws_context_destroy(context)  // synchronous with libev too (its plugin has no destroy_context1)
            if let eventLoop { clws_ev_loop_destroy(eventLoop) }
            withExtendedLifetime(ticker) {}
        }
        onDestroyed()
        state.withLock { $0.finished = true }
        finishedSignal.signal()
    }

    /// Wakes the service thread (safe from any thread, including the service thread itself).
    func wake() {
        state.withLock { s in
            if let context = s.context { lws_cancel_service(context) }
        }
    }

    /// Asks the loop to stop after the current service pass; it then destroys the context.
    func requestStop() {
        state.withLock { s in
            s.stopRequested = true
            if let context = s.context { lws_cancel_service(context) }
        }
    }

    /// Whether the caller is the service thread.
    var isOnServiceThread: Bool {
        state.withLock { s in s.thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    /// Blocks until the service thread has destroyed the context (returns at once if it never ran).
    /// Must not be called on the service thread.
    func waitUntilFinished() {
        let mustWait = state.withLock { s in s.started && !s.finished }
        guard mustWait else { return }
        finishedSignal.wait()
        finishedSignal.signal()  // let any other waiter through too
    }
}
