import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTransport

@Suite("Start-up and client errors")
struct StartupTests {
    @Test func aTakenPortIsReportedAsAddressInUse() async throws {
        let harness = try Harness()
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: harness.port)
        configuration.protocolNames = ["armistice.v1"]
        let second = WebSocketServer(configuration: configuration, delegate: RecordingDelegate(), logger: testLogger())
        #expect(throws: TransportError.self) { try second.start() }
        do {
            try second.start()
        } catch let error as TransportError {
            #expect(error.code == .addressInUse)
        }
        await harness.stop()
    }

    @Test func serviceThreadsAreNamedForTheKernel() async throws {
        let harness = try Harness()
        _ = try await harness.connect()
        #expect(await eventually { threadNames().isSuperset(of: ["arm-lws", "arm-lws-client"]) })
        await harness.stop()
    }

    @Test func aMissingCertificateIsATLSError() {
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.tlsCertificatePath = "/nonexistent/cert.pem"
        configuration.tlsPrivateKeyPath = "/nonexistent/key.pem"
        let server = WebSocketServer(configuration: configuration, delegate: RecordingDelegate(), logger: testLogger())
        #expect(throws: TransportError(.tlsConfiguration, "TLS certificate /nonexistent/cert.pem is missing or unreadable")) {
            try server.start()
        }
    }

    @Test func connectingToAClosedPortFails() async throws {
        let pool = WebSocketClientPool(logger: testLogger(), enableTLS: false)
        // Find a port nobody listens on: start and stop a server.
        let harness = try Harness()
        let port = harness.port
        await harness.stop()
        do {
            _ = try await pool.connect(url: "ws://127.0.0.1:\(port)/ws", timeout: .seconds(3))
            Issue.record("connect should have failed")
        } catch let error as TransportError {
            #expect(error.code == .connectionFailed || error.code == .handshakeFailed)
        }
        do {
            _ = try await pool.connect(url: "http://example.com/")
            Issue.record("connect should have failed")
        } catch let error as TransportError {
            #expect(error.code == .invalidURL)
        }
        await offload { pool.shutdown() }
    }

    @Test func poolShutdownClosesItsConnections() async throws {
        let harness = try Harness()
        let pool = WebSocketClientPool(logger: testLogger(), enableTLS: false)
        let client = try await pool.connect(url: harness.url)
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        await offload { pool.shutdown() }
        #expect(try await client.nextEvent() == .closed(code: 1001, reason: "client shutting down"))
        #expect(await eventually { harness.delegate.state.withLock { $0.closed.count } == 1 })
        await #expect(throws: TransportError.self) { try await pool.connect(url: harness.url) }
        await harness.stop()
    }
}
