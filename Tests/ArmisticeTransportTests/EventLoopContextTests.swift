import CLibWebSockets
import Foundation
import Testing
@testable import ArmisticeTransport

struct EventLoopContextTests {
    /// Debian's lws loads its libev plugin (setup.sh installs it): contexts then run on epoll, not poll().
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ARMISTICE_LWS_POLL"] != "1"))
    func aContextRunsOnALibevLoop() throws {
        let allocations = CAllocations()
        var info = lws_context_creation_info()
        info.port = CONTEXT_PORT_NO_LISTEN
        let created = try #require(EventLoopContext.create(&info, allocations: allocations))
        #expect(created.eventLoop != nil)
        lws_context_destroy(created.context)
        if let loop = created.eventLoop { clws_ev_loop_destroy(loop) }
        allocations.freeAll()
    }
}
