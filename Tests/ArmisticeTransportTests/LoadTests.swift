import Foundation
import Testing
@testable import ArmisticeTransport

/// Opt-in: `ARMISTICE_TRANSPORT_LOAD=4000 swift test --filter LoadTests` (server and clients share
/// this process, so it needs about two file descriptors per connection).
@Suite("Many connections on one pool", .enabled(if: ProcessInfo.processInfo.environment["ARMISTICE_TRANSPORT_LOAD"] != nil))
struct LoadTests {
    @Test func manyClientsOnOnePoolReceiveABroadcast() async throws {
        let count = Int(ProcessInfo.processInfo.environment["ARMISTICE_TRANSPORT_LOAD"] ?? "") ?? 2_000
        let harness = try Harness(echo: false)
        let started = ContinuousClock.now
        var clients: [ClientConnection] = []
        clients.reserveCapacity(count)
        try await withThrowingTaskGroup(of: ClientConnection.self) { group in
            var launched = 0
            while launched < min(count, 200) {
                group.addTask { try await harness.pool.connect(url: harness.url, timeout: .seconds(20)) }
                launched += 1
            }
            while let client = try await group.next() {
                clients.append(client)
                if launched < count {
                    group.addTask { try await harness.pool.connect(url: harness.url, timeout: .seconds(20)) }
                    launched += 1
                }
            }
        }
        let connected = ContinuousClock.now - started
        #expect(await eventually(timeout: .seconds(30)) { harness.delegate.openedIDs.count == count })
        print("load: server saw all \(count) after \(ContinuousClock.now - started)")
        let broadcastStart = ContinuousClock.now
        harness.server.send(OutboundFrame("{\"type\":\"tick\"}"), to: harness.delegate.openedIDs)
        let received = try await withThrowingTaskGroup(of: Bool.self) { group in
            for client in clients { group.addTask { try await client.receive(timeout: .seconds(30)) == "{\"type\":\"tick\"}" } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let broadcast = ContinuousClock.now - broadcastStart
        print("load: \(count) connections in \(connected), broadcast delivered to \(received) in \(broadcast)")
        #expect(received == count)
        let stopStart = ContinuousClock.now
        await harness.stop()
        print("load: shut down in \(ContinuousClock.now - stopStart)")
    }
}
