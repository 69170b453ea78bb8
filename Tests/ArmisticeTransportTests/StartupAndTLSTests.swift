import Foundation
import Testing
@testable import ArmisticeTransport

@Suite("Start-up errors, client errors and TLS")
struct StartupAndTLSTests {
    @Test func aTakenPortIsReportedAsAddressInUse() async throws {
        let harness = try Harness()
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: harness.port)
        configuration.protocolName = "armistice.v1"
        let second = WebSocketServer(configuration: configuration, delegate: RecordingDelegate(), logger: testLogger())
        #expect(throws: TransportError.self) { try second.start() }
        do {
            try second.start()
        } catch let error as TransportError {
            #expect(error.code == .addressInUse)
        }
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
        let pool = WebSocketClientPool(logger: testLogger())
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
        let pool = WebSocketClientPool(logger: testLogger())
        let client = try await pool.connect(url: harness.url)
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        await offload { pool.shutdown() }
        #expect(try await client.nextEvent() == .closed(code: 1001, reason: "client shutting down"))
        #expect(await eventually { harness.delegate.state.withLock { $0.closed.count } == 1 })
        await #expect(throws: TransportError.self) { try await pool.connect(url: harness.url) }
        await harness.stop()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
    func tlsEchoWithASelfSignedCertificate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                             "-keyout", key, "-out", cert]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)

        let harness = try Harness {
            $0.tlsCertificatePath = cert
            $0.tlsPrivateKeyPath = key
        }
        let client = try await harness.pool.connect(url: "wss://127.0.0.1:\(harness.port)/ws", allowSelfSigned: true)
        client.send("over tls")
        #expect(try await client.receive() == "over tls")
        await harness.stop()
    }
}
