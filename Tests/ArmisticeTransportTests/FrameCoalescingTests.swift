import ArmisticeTestSupport
import Testing
@testable import ArmisticeTransport

@Suite("Several frames in one write")
struct FrameCoalescingTests {
    /// RFC 6455 section 5.2, server to client: FIN and the opcode, then the length in 7, 7+16 or 7+64 bits, no mask.
    static func expectedWire(_ payload: [UInt8], opcode: UInt8 = 0x1) -> [UInt8] {
        let n = payload.count
        let length: [UInt8] = n < 126 ? [UInt8(n)]
            : n < 65_536 ? [126, UInt8(n >> 8), UInt8(n & 0xff)]
            : [127] + (0..<8).map { UInt8((UInt64(n) >> (56 - 8 * UInt64($0))) & 0xff) }
        return [0x80 | opcode] + length + payload
    }

    @Test(arguments: [0, 1, 125, 126, 65_535, 65_536, 70_000])
    func aFrameIsCopiedWithTheHeaderLwsWrites(size: Int) {
        let payload = (0..<size).map { UInt8(truncatingIfNeeded: $0 * 7) }
        for binary in [false, true] {
            let frame = OutboundFrame(bytes: payload, binary: binary)
            var wire = [UInt8](repeating: 0, count: frame.headerCount + frame.count)
            wire.withUnsafeMutableBufferPointer { frame.copyWire(to: $0.baseAddress!) }
            #expect(wire == Self.expectedWire(payload, opcode: binary ? 0x2 : 0x1))
        }
    }

    @Test func oneFrameForManyConnectionsSaysWhichQueuesWereFullAndWakesOnce() {
        let table = OutboxTable(limit: 2)
        for id: UInt64 in 1...4 { _ = table.open(id) }
        // 2 is full, 3 is closing, 5 was never opened.
        _ = table.enqueue(OutboundFrame("a"), to: 2)
        _ = table.enqueue(OutboundFrame("b"), to: 2)
        _ = table.requestClose(3, code: 1000, reason: "bye")
        _ = table.takeScheduled()   // the service thread took the wake-up and the scheduled ids
        let ids = [1, 2, 3, 4, 5].map { ConnectionID(rawValue: $0) }
        let x = OutboundFrame("x")
        let y = OutboundFrame("y")
        let (first, wake) = table.enqueue(x, to: ids)
        #expect(first == BatchSendResult(queued: 2, full: [ConnectionID(rawValue: 2)]))
        #expect(wake)
        // The wake-up is still pending: a second frame needs none, and each id is scheduled once, in order.
        let (second, wakeAgain) = table.enqueue(y, to: ids)
        #expect(second == BatchSendResult(queued: 2, full: [ConnectionID(rawValue: 2)]))
        #expect(!wakeAgain)
        #expect(table.takeScheduled().map(\.id) == [1, 4])
        // Full now: 1 and 4 hold two frames each.
        #expect(table.enqueue(OutboundFrame("z"), to: ids).0 == BatchSendResult(queued: 0, full: [1, 2, 4].map { ConnectionID(rawValue: $0) }))
        var frames: [OutboundFrame] = []
        var budget = WriteBudget(frames: 10)
        #expect(table.take(for: 1, into: &frames, budget: &budget) == .write(more: false))
        #expect(frames.count == 2 && frames[0] === x && frames[1] === y)
    }

    @Test func takingStopsAtTheBudgetAndTheCloseWaitsForEveryFrame() {
        var box = Outbox()
        for i in 0..<5 { box.frames.append(OutboundFrame("\(i)")) }
        box.closeRequest = (1000, "done")
        var taken: [OutboundFrame] = []
        var budget = WriteBudget(frames: 3)
        #expect(box.take(into: &taken, budget: &budget) == .write(more: true))
        #expect(taken.count == 3 && budget.isSpent)
        taken.removeAll()
        budget = WriteBudget(frames: 3)
        #expect(box.take(into: &taken, budget: &budget) == .write(more: true))
        #expect(taken.count == 2 && !budget.isSpent)
        taken.removeAll()
        #expect(box.take(into: &taken, budget: &budget) == .close(code: 1000, reason: "done"))
        #expect(taken.isEmpty)
        box.closeRequest = nil
        #expect(box.take(into: &taken, budget: &budget) == .idle)
    }

    @Test func framesQueuedTogetherReachARawClientByteForByte() async throws {
        // Frames queued before the service thread's callback go out in one write of headers and payloads built here,
        // not by lws: the bytes on the wire must be exactly what lws would have sent frame by frame.
        let harness = try Harness(echo: false)
        let port = harness.port
        let raw = await offload { () -> RawSocket? in
            guard let socket = RawSocket(port: port) else { return nil }
            return socket.handshake().hasPrefix("HTTP/1.1 101") ? socket : nil
        }
        let socket = try #require(raw)
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        let id = harness.delegate.openedIDs[0]
        let texts = (0..<40).map { i in String(repeating: Character(UnicodeScalar(UInt8(65 + i % 26))), count: [3, 125, 126, 300, 70_000][i % 5]) }
        let expected = texts.flatMap { Self.expectedWire(Array($0.utf8)) }
        for text in texts { #expect(harness.server.send(OutboundFrame(text), to: id) == .queued) }
        let received = await offload { socket.read(until: { $0.count >= expected.count }) }
        #expect(received == expected)
        await harness.stop()
    }
}
