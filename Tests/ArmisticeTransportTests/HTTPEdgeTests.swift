import ArmisticeTestSupport
import Foundation
import Testing
@testable import ArmisticeTransport

/// HTTP requests at the edges: bodies on any method, oversized request lines and headers, symbolic links.
@Suite("HTTP edge cases")
struct HTTPEdgeTests {
    /// Status lines in what a raw connection received.
    static func statusLines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "HTTP/1.1 ").dropFirst().map { "HTTP/1.1 " + ($0.components(separatedBy: "\r\n").first ?? "") }
    }

    @Test func aBodyOnAnyMethodGetsOneResponse() async throws {
        let harness = try Harness()
        let port = harness.port
        let received = await offload { () -> [UInt8] in
            guard let socket = RawSocket(port: port) else { return [] }
            // A DELETE with a body, then a GET on the same connection: exactly two responses.
            socket.write("DELETE /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello")
            Thread.sleep(forTimeInterval: 0.3)
            socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            return socket.read()
        }
        #expect(Self.statusLines(received) == ["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"], "\(String(decoding: received, as: UTF8.self))")
        let requests = harness.delegate.state.withLock { $0.requests }
        #expect(requests.map(\.method) == ["DELETE", "GET"])
        #expect(requests.first.map { String(decoding: $0.body, as: UTF8.self) } == "hello")
        await harness.stop()
    }

    /// Outside tester qa6, W2: a body sent a byte every few seconds held its socket for good (153 s; 1,000 sockets
    /// from one address for 60 s), as lws restarts its timeout at every piece. Now the whole body has a deadline.
    @Test func aBodyTrickledSlowerThanItsDeadlineIsDropped() async throws {
        let harness = try Harness { $0.httpBodyTimeoutSeconds = 2 }
        let port = harness.port
        let heldFor = await offload { () -> Double? in
            guard let socket = RawSocket(port: port) else { return nil }
            let start = Date()
            socket.write("POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n")
            var buffer = [UInt8](repeating: 0, count: 1_024)
            while Date().timeIntervalSince(start) < 8 {
                socket.write("x")
                Thread.sleep(forTimeInterval: 0.5)
                let n = buffer.withUnsafeMutableBytes { recv(socket.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { return Date().timeIntervalSince(start) }
            }
            return nil
        }
        let seconds = try #require(heldFor, "the trickled body was still open after 8 s")
        #expect(seconds < 5, "\(seconds)")
        #expect(harness.delegate.state.withLock { $0.requests.isEmpty })
        // A body that arrives in time is still answered.
        let response = await offload { RawHTTPResponse.fetch(port: port, path: "/api/echo", method: "POST", body: "hello") }
        #expect(response?.status == 200)
        await harness.stop()
    }

    @Test func anOverlongURLIsAnswered414() async throws {
        let harness = try Harness()
        let port = harness.port
        let response = await offload { RawHTTPResponse.fetch(port: port, path: "/healthz?x=" + String(repeating: "a", count: 12_000)) }
        #expect(response?.status == 414)
        #expect(harness.delegate.state.withLock { $0.requests.isEmpty })
        await harness.stop()
    }

    @Test func overlongHeadersAreAnswered431() async throws {
        let harness = try Harness()
        let port = harness.port
        let (cookie, split) = await offload {
            (RawHTTPResponse.fetch(port: port, path: "/healthz", headers: ["Cookie": String(repeating: "c", count: 20_000)]),
             RawHTTPResponse.fetch(port: port, path: "/healthz", headers: ["User-Agent": String(repeating: "u", count: 9_000),
                                                                           "Accept": String(repeating: "a", count: 9_000)]))
        }
        #expect(cookie?.status == 431)
        #expect(split?.status == 431)
        // Ordinary requests are unaffected.
        let ok = await offload { RawHTTPResponse.fetch(port: port, path: "/healthz", headers: ["Cookie": "a=b"]) }
        #expect(ok?.status == 200)
        await harness.stop()
    }

    @Test func symbolicLinksOutOfTheRootAreNotFollowed() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-links-\(UUID().uuidString)")
        let root = base.appendingPathComponent("web")
        let outside = base.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try "key".write(to: outside.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
        try "<p>in</p>".write(to: root.appendingPathComponent("inner/page.html"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path, withDestinationPath: outside.appendingPathComponent("key.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("door").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias.html").path, withDestinationPath: "inner/page.html")
        let files = StaticFiles(root: root.path)
        #expect(files.resolve("/leak.txt") == nil)
        #expect(files.resolve("/door/key.txt") == nil)
        #expect(files.resolve("/door") == nil)
        // A link that stays inside the root still works.
        #expect(files.resolve("/alias.html")?.file.hasSuffix("/inner/page.html") == true)
        #expect(files.resolve("/inner/page.html") != nil)
    }
}
