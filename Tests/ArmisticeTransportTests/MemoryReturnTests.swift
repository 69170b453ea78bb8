import ArmisticeTestSupport
import Testing
@testable import ArmisticeTransport

struct MemoryReturnTests {
    private let second: UInt64 = 1_000_000_000

    @Test func memoryIsHandedBackOnceAWaveOfClosesHasEnded() {
        // Fewer closes than the threshold, or none asked for: never.
        #expect(!MemoryReturn.isDue(closed: 999, closingNow: false, last: 0, now: 5 * second, after: 1_000, intervalSeconds: 30))
        #expect(!MemoryReturn.isDue(closed: 50_000, closingNow: false, last: 0, now: 5 * second, after: 0, intervalSeconds: 30))
        // A flood being reaped: wait until the closing stops, then at once.
        #expect(!MemoryReturn.isDue(closed: 6_000, closingNow: true, last: 0, now: 5 * second, after: 1_000, intervalSeconds: 30))
        #expect(MemoryReturn.isDue(closed: 6_000, closingNow: false, last: 0, now: 6 * second, after: 1_000, intervalSeconds: 30))
        // The next one no sooner than the interval after the last.
        #expect(!MemoryReturn.isDue(closed: 6_000, closingNow: false, last: 6 * second, now: 35 * second, after: 1_000, intervalSeconds: 30))
        #expect(MemoryReturn.isDue(closed: 6_000, closingNow: false, last: 6 * second, now: 36 * second, after: 1_000, intervalSeconds: 30))
        // Sockets closing every second (a busy server's coming and going): every ten intervals.
        #expect(!MemoryReturn.isDue(closed: 6_000, closingNow: true, last: 6 * second, now: 305 * second, after: 1_000, intervalSeconds: 30))
        #expect(MemoryReturn.isDue(closed: 6_000, closingNow: true, last: 6 * second, now: 306 * second, after: 1_000, intervalSeconds: 30))
    }

    @Test func aServerHandsMemoryBackAfterManySocketsClosedAndCountsIt() async throws {
        let harness = try Harness { $0.memoryReturnAfterClosedSockets = 40 }
        let port = harness.port
        // Forty sockets that each ask for a page and go: fewer would not do it.
        let answered = await offload {
            (0..<40).filter { _ in RawHTTPResponse.fetch(port: port, path: "/nothing-here")?.status != nil }.count
        }
        #expect(answered == 40)
        #expect(await eventually(timeout: .seconds(10)) { harness.server.statistics.memoryReturns == 1 })
        await harness.stop()
    }

    @Test func noMemoryIsHandedBackWhenItIsTurnedOff() async throws {
        let harness = try Harness { $0.memoryReturnAfterClosedSockets = 0 }
        let port = harness.port
        _ = await offload { (0..<40).map { _ in RawHTTPResponse.fetch(port: port, path: "/nothing-here")?.status } }
        try await Task.sleep(for: .seconds(3))
        #expect(harness.server.statistics.memoryReturns == 0)
        await harness.stop()
    }
}
