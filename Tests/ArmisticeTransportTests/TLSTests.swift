import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTransport

/// Every TLS-enabled lws 4.1 context re-initialises process-global OpenSSL indexes, which can upset
/// TLS handshakes in flight elsewhere, so the tests that create TLS contexts run one at a time (and
/// every other test uses plain-ws contexts).
@Suite("TLS", .serialized)
struct TLSTests {
    @Test func anUnusableCertificateIsATLSError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-badtls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem")
        let key = folder.appendingPathComponent("key.pem")
        try "not a certificate".write(to: cert, atomically: true, encoding: .utf8)
        try "not a key".write(to: key, atomically: true, encoding: .utf8)
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.tlsCertificatePath = cert.path
        configuration.tlsPrivateKeyPath = key.path
        let server = WebSocketServer(configuration: configuration, delegate: RecordingDelegate(), logger: testLogger())
        do {
            try server.start()
            Issue.record("start should have failed")
        } catch let error as TransportError {
            #expect(error.code == .tlsConfiguration)
        }
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
        try await offload { try openssl.run(); openssl.waitUntilExit() }
        try #require(openssl.terminationStatus == 0)

        let harness = try Harness {
            $0.tlsCertificatePath = cert
            $0.tlsPrivateKeyPath = key
        }
        let tlsPool = WebSocketClientPool(logger: testLogger())
        let client = try await tlsPool.connect(url: "wss://127.0.0.1:\(harness.port)/ws", allowSelfSigned: true)
        client.send("over tls")
        #expect(try await client.receive() == "over tls")
        let port = harness.port
        let plain = await offload { RawHTTPResponse.fetch(port: port, path: "/healthz") }
        #expect(plain?.status != 200)  // plain HTTP on the TLS port is not served
        await #expect(throws: TransportError.self) { try await harness.pool.connect(url: "wss://127.0.0.1:\(port)/ws") }
        await offload { tlsPool.shutdown() }
        await harness.stop()
    }
}
