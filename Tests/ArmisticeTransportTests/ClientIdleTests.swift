import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTransport

/// The client pool's own idle sweep (it keeps no lws validity timer): it pings a quiet server and drops one that
/// stops answering.
struct ClientIdleTests {
    @Test func aQuietServerThatAnswersPingsStaysConnected() async throws {
        let harness = try Harness(echo: true)
        let pool = WebSocketClientPool(logger: testLogger(), idlePolicy: IdlePolicy(pingSeconds: 1, hangUpSeconds: 4))
        let client = try await pool.connect(url: harness.url)
        // Nothing but pings and pongs for 6 s: without the pongs the pool would have dropped the connection at 4 s.
        // (A pong has 2-3 s to arrive, which even a loaded machine manages.)
        try await Task.sleep(for: .seconds(6))
        client.send("still here")
        #expect(try await client.receive() == "still here")
        await offload { pool.shutdown() }
        await harness.stop()
    }

    @Test func aServerThatStopsAnsweringIsDroppedWithoutACloseFrame() async throws {
        let frozen = DispatchSemaphore(value: 0)
        let delegate = FreezingDelegate(release: frozen)
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.pingIntervalSeconds = 600
        configuration.idleTimeoutSeconds = 1_200
        let server = WebSocketServer(configuration: configuration, delegate: delegate, logger: testLogger())
        let port = try server.start()
        let pool = WebSocketClientPool(logger: testLogger(), idlePolicy: IdlePolicy(pingSeconds: 1, hangUpSeconds: 2))
        let client = try await pool.connect(url: "ws://127.0.0.1:\(port)/ws")
        // The server's only service thread blocks in the delegate: its kernel still takes the bytes, but nothing
        // answers a ping, as with a peer whose process hangs or whose network vanished.
        client.send("freeze")
        let event = try await client.nextEvent(timeout: .seconds(15))
        #expect(event == .closed(code: nil, reason: ""))
        frozen.signal()
        await offload {
            pool.shutdown()
            server.shutdown()
        }
    }
}

/// Blocks the server's service thread on "freeze" until `release` is signalled.
private final class FreezingDelegate: WebSocketServerDelegate {
    let release: DispatchSemaphore
    init(release: DispatchSemaphore) { self.release = release }
    func connectionOpened(_ id: ConnectionID, remoteAddress: String) {}
    func connection(_ id: ConnectionID, receivedText text: String) {
        if text == "freeze" { release.wait() }
    }
    func connection(_ id: ConnectionID, rejected reason: InboundRejection) {}
    func connectionClosed(_ id: ConnectionID) {}
    func handleHTTP(_ request: HTTPRequest) -> HTTPResponse? { nil }
}
