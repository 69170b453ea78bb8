import Dispatch
import Synchronization
import Testing
@testable import ArmisticeServer

/// A student's export is read on a background queue, never on the thread that asks (the one answering HTTP).
@Suite struct ArchiveExportsTests {
    private final class Count: Sendable {
        let value = Mutex(0)
    }

    @Test func anExportIsMadeOffTheCallingThreadAndAnsweredPendingUntilMade() {
        let queue = DispatchQueue(label: "test-exports")
        queue.suspend()
        let exports = ArchiveExports(queue: queue)
        let made = Count()
        let make: @Sendable () -> [UInt8] = {
            made.value.withLock { $0 += 1 }
            return Array("{}".utf8)
        }
        #expect(exports.export(name: "Falcon", for: .teacher(id: "kim"), now: 0, make: make) == .pending)
        #expect(exports.export(name: " falcon ", for: .teacher(id: "kim"), now: 10, make: make) == .pending, "the same student, still being made")
        #expect(made.value.withLock { $0 } == 0, "nothing is read on the caller's thread")
        queue.resume()
        queue.sync {}
        #expect(made.value.withLock { $0 } == 1, "made once")
        #expect(exports.export(name: "FALCON", for: .teacher(id: "kim"), now: 20, make: make) == .ready(Array("{}".utf8)))
        // Collected: the next request makes a fresh one (the logs may have changed).
        #expect(exports.export(name: "Falcon", for: .teacher(id: "kim"), now: 30, make: make) == .pending)
        queue.sync {}
        #expect(made.value.withLock { $0 } == 2)
    }

    @Test func anotherTeachersRequestForTheSameNameIsItsOwnExport() {
        let queue = DispatchQueue(label: "test-exports")
        let exports = ArchiveExports(queue: queue)
        #expect(exports.export(name: "Falcon", for: .teacher(id: "kim"), now: 0) { Array("kim".utf8) } == .pending)
        #expect(exports.export(name: "Falcon", for: .teacher(id: "lee"), now: 0) { Array("lee".utf8) } == .pending)
        queue.sync {}
        #expect(exports.export(name: "Falcon", for: .teacher(id: "lee"), now: 1) { [] } == .ready(Array("lee".utf8)))
        #expect(exports.export(name: "Falcon", for: .teacher(id: "kim"), now: 1) { [] } == .ready(Array("kim".utf8)))
    }

    @Test func tooManyExportsAtOnceAreRefusedAndUncollectedOnesExpire() {
        let queue = DispatchQueue(label: "test-exports")
        let exports = ArchiveExports(queue: queue, limit: 2, keepMilliseconds: 1_000)
        #expect(exports.export(name: "a", for: .admin, now: 0) { [1] } == .pending)
        #expect(exports.export(name: "b", for: .admin, now: 0) { [2] } == .pending)
        #expect(exports.export(name: "c", for: .admin, now: 0) { [3] } == .busy)
        queue.sync {}
        #expect(exports.export(name: "c", for: .admin, now: 5_000) { [3] } == .pending, "the uncollected ones were dropped")
        #expect(exports.export(name: "a", for: .admin, now: 5_000) { [1] } == .pending, "made again")
    }
}
