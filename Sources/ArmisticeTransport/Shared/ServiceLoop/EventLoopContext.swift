import CLibWebSockets
import Foundation

/// Creates an lws context on a libev loop (epoll) when it can, else on lws's own poll() loop.
///
/// lws 4.1's own loop calls poll() over every descriptor on each service pass, which at 10,000 connections is most
/// of the service thread's time. Debian's lws is built with LWS_WITH_EVLIB_PLUGINS and ships the libev plugin
/// (libwebsockets-evlib-ev); `LWS_SERVER_OPTION_LIBEV` with the loop passed in `foreign_loops` makes lws register
/// its descriptors and timers with that loop, and `ServiceLoop` runs it. `ARMISTICE_LWS_POLL=1` forces poll().
enum EventLoopContext {
    /// The context and, if it runs on libev, the loop (destroy it after `lws_context_destroy`).
    struct Created {
        let context: OpaquePointer
        let eventLoop: UnsafeMutableRawPointer?
    }

    static func create(_ info: inout lws_context_creation_info, allocations: CAllocations) -> Created? {
        if ProcessInfo.processInfo.environment["ARMISTICE_LWS_POLL"] != "1", let loop = clws_ev_loop_new() {
            let loops = allocations.zeroed(UnsafeMutableRawPointer?.self, count: 1)
            loops[0] = loop
            var evInfo = info
            evInfo.foreign_loops = loops
            evInfo.options |= UInt64(LWS_SERVER_OPTION_LIBEV)
            if let context = lws_create_context(&evInfo) { return Created(context: context, eventLoop: loop) }
            // No plugin (or another failure, which the poll() attempt below then reports the usual way).
            clws_ev_loop_destroy(loop)
        }
        return lws_create_context(&info).map { Created(context: $0, eventLoop: nil) }
    }
}
