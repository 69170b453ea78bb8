import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTransport

@Suite("HTTP on the WebSocket port")
struct HTTPTests {
    @Test func healthzGoesThroughTheDelegateWithSecurityHeaders() async throws {
        let harness = try Harness()
        let port = harness.port
        let response = await offload { RawHTTPResponse.fetch(port: port, path: "/healthz") }
        #expect(response?.status == 200)
        #expect(response?.body == "ok\n")
        #expect(response?.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(response?.headers["x-content-type-options"] == "nosniff")
        #expect(response?.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        #expect(response?.headers["content-security-policy"]?.contains("connect-src 'self' ws: wss:") == true)
        await harness.stop()
    }

    @Test func apiRequestsCarryQueryHeadersAndBody() async throws {
        let harness = try Harness()
        let port = harness.port
        let get = await offload {
            RawHTTPResponse.fetch(port: port, path: "/api/echo?room=alpha&turn=3", headers: ["X-Instructor-Key": "secret"])
        }
        #expect(get?.status == 200)
        #expect(get?.headers["content-type"] == "application/json")
        #expect(get?.body == "{\"method\":\"GET\",\"query\":\"room=alpha&turn=3\",\"key\":\"secret\",\"body\":\"\"}")
        let post = await offload {
            RawHTTPResponse.fetch(port: port, path: "/api/echo", method: "POST",
                                  headers: ["Content-Type": "application/json", "Authorization": "Bearer t"], body: "hi")
        }
        #expect(post?.body == "{\"method\":\"POST\",\"query\":\"\",\"key\":\"-\",\"body\":\"hi\"}")
        let request = harness.delegate.state.withLock { $0.requests.last }
        #expect(request?.headers["authorization"] == "Bearer t")
        #expect(request?.headers["content-type"] == "application/json")
        #expect(request?.remoteAddress.contains("127.0.0.1") == true)
        await harness.stop()
    }

    @Test func largeBodiesAndOversizedRequests() async throws {
        let harness = try Harness { $0.maxMessageBytes = 1_000 }
        let port = harness.port
        let (big, tooLarge) = await offload {
            (RawHTTPResponse.fetch(port: port, path: "/api/big"),
             RawHTTPResponse.fetch(port: port, path: "/api/echo", method: "POST", body: String(repeating: "z", count: 5_000)))
        }
        #expect(big?.status == 200)
        #expect(big?.body == String(repeating: "0123456789", count: 10_000))
        #expect(tooLarge?.status == 413)
        await harness.stop()
    }

    @Test func staticFilesAreServedFromTheRoot() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "<!doctype html><title>Armistice</title>".write(to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "console.log('armistice')".write(to: root.appendingPathComponent("app.js"), atomically: true, encoding: .utf8)
        let harness = try Harness { $0.staticRoot = root.path }
        let port = harness.port
        let (index, script, missing, escape, health) = await offload {
            (RawHTTPResponse.fetch(port: port, path: "/"),
             RawHTTPResponse.fetch(port: port, path: "/app.js"),
             RawHTTPResponse.fetch(port: port, path: "/nope.css"),
             RawHTTPResponse.fetch(port: port, path: "/../../etc/passwd"),
             RawHTTPResponse.fetch(port: port, path: "/healthz"))
        }
        #expect(index?.status == 200)
        #expect(index?.body == "<!doctype html><title>Armistice</title>")
        #expect(index?.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(index?.headers["x-content-type-options"] == "nosniff")
        #expect(script?.status == 200)
        #expect(script?.headers["content-type"]?.hasPrefix("text/javascript") == true)
        #expect(script?.body == "console.log('armistice')")
        #expect(missing?.status == 404)
        #expect(escape?.status != 200)
        #expect(health?.body == "ok\n")
        await harness.stop()
    }

    @Test func contentTypesByExtension() {
        #expect(StaticFiles.contentType(forFile: "a.html").hasPrefix("text/html"))
        #expect(StaticFiles.contentType(forFile: "a.css").hasPrefix("text/css"))
        #expect(StaticFiles.contentType(forFile: "a.svg") == "image/svg+xml")
        #expect(StaticFiles.contentType(forFile: "a.png") == "image/png")
        #expect(StaticFiles.contentType(forFile: "a.json") == "application/json")
        #expect(StaticFiles(root: "/tmp").resolve("/../etc/passwd") == nil)
    }
}
