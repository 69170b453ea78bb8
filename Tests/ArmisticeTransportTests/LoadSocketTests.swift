import ArmisticeLoad
import Crypto
import Foundation
import Testing
@testable import ArmisticeTransport

/// The load generator's own WebSocket client (`LoadSocket`, on SwiftNIO) against the transport's server: what the
/// generator's figures rest on.
@Suite("The load generator's socket")
struct LoadSocketTests {
    /// What one socket received, in order.
    final class Received: Sendable {
        let events = Locked<[ClientEvent]>([])
        var texts: [String] { events.withLock { $0.compactMap { if case .text(let t) = $0 { t } else { nil } } } }
        var closes: [ClientEvent] { events.withLock { $0.filter { if case .closed = $0 { true } else { false } } } }
    }

    func open(_ harness: Harness, _ pool: LoadSocketPool) async throws -> (LoadSocket, Received) {
        let socket = try await pool.connect(url: harness.url, timeout: .seconds(10))
        let received = Received()
        socket.handleEvents { event in received.events.withLock { $0.append(event) } }
        return (socket, received)
    }

    @Test func textsGoBothWaysInOrderIncludingALargeOne() async throws {
        let harness = try Harness { $0.maxMessageBytes = 1 << 21 }
        let pool = LoadSocketPool(subprotocol: "armistice.v2", maxMessageBytes: 1 << 22)
        let (socket, received) = try await open(harness, pool)
        let large = String(repeating: "한국어 and ASCII ", count: 40_000)
        let sent = ["one", large, "three"] + (0..<200).map { "m\($0)" }
        for text in sent { socket.send(text) }
        #expect(await eventually(timeout: .seconds(10)) { received.texts.count == sent.count })
        #expect(received.texts == sent)
        #expect(harness.delegate.state.withLock { $0.texts.map(\.1) } == sent)
        pool.shutdown()
        await harness.stop()
    }

    @Test func whatArrivesBeforeTheHandlerIsHandedToItFirst() async throws {
        let harness = try Harness(echo: true, welcome: "{\"type\":\"hi\"}")
        let pool = LoadSocketPool(subprotocol: nil, maxMessageBytes: 1 << 16)
        let socket = try await pool.connect(url: harness.url, timeout: .seconds(10))
        // Let the welcome arrive before anyone listens.
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        try await Task.sleep(for: .milliseconds(100))
        let received = Received()
        socket.handleEvents { event in received.events.withLock { $0.append(event) } }
        socket.send("after")
        #expect(await eventually { received.texts.count == 2 })
        #expect(received.texts == ["{\"type\":\"hi\"}", "after"])
        pool.shutdown()
        await harness.stop()
    }

    @Test func aMessageInTheSameReadAsTheUpgradeIsKept() async throws {
        // A one-shot server that writes its 101 and a text frame with one send(), so they arrive in one read.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length); return getsockname(listener, $0, &length) }
        }
        listen(listener, 1)
        let port = Int(UInt16(bigEndian: address.sin_port))
        // The server's blocking calls run on a thread started here, not in a task: other suites keep the test pool
        // busy, and a task started now might not run before the client's upgrade times out. None waits over 10 s.
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let served = Locked<Bool?>(nil)
        let serve = { @Sendable () -> Bool in
            defer { close(listener) }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var wait = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.reversed().starts(with: Array("\n\r\n\r".utf8)) {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { return false }
                request += buffer[0..<n]
            }
            let head = String(decoding: request, as: UTF8.self)
            guard let line = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("sec-websocket-key:") }) else { return false }
            let key = line.dropFirst("sec-websocket-key:".count).trimmingCharacters(in: .whitespaces)
            let accept = Data(Insecure.SHA1.hash(data: Data((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
            let text = Array("{\"type\":\"early\"}".utf8)
            let reply = Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n".utf8)
                + [0x81, UInt8(text.count)] + text
            guard reply.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == reply.count else { return false }
            _ = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }  // until the client closes
            return true
        }
        Thread { served.withLock { $0 = serve() } }.start()
        let pool = LoadSocketPool(subprotocol: nil, maxMessageBytes: 1 << 16)
        let socket = try await pool.connect(url: "ws://127.0.0.1:\(port)/", timeout: .seconds(10))
        let received = Received()
        socket.handleEvents { event in received.events.withLock { $0.append(event) } }
        #expect(await eventually { received.texts == ["{\"type\":\"early\"}"] })
        socket.close()
        #expect(await eventually(timeout: .seconds(15)) { served.withLock { $0 } != nil })
        #expect(served.withLock { $0 } == true)
        pool.shutdown()
    }

    @Test func theServersCloseCodeAndReasonArrive() async throws {
        let harness = try Harness()
        let pool = LoadSocketPool(subprotocol: "armistice.v2", maxMessageBytes: 1 << 16)
        let (_, received) = try await open(harness, pool)
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        harness.server.close(harness.delegate.openedIDs[0], code: .policyViolation, reason: "go away")
        #expect(await eventually { received.closes.count == 1 })
        #expect(received.closes == [.closed(code: 1008, reason: "go away")])
        #expect(await eventually { harness.delegate.closedIDs.count == 1 })
        pool.shutdown()
        await harness.stop()
    }

    @Test func closingFromThisSideReachesTheServer() async throws {
        let harness = try Harness()
        let pool = LoadSocketPool(subprotocol: "armistice.v2", maxMessageBytes: 1 << 16)
        let (socket, received) = try await open(harness, pool)
        #expect(await eventually { harness.delegate.openedIDs.count == 1 })
        socket.close()
        #expect(await eventually { harness.delegate.closedIDs.count == 1 })
        #expect(await eventually { received.closes.count == 1 })
        pool.shutdown()
        await harness.stop()
    }

    @Test func pingsAreAnsweredSoAQuietSocketIsKept() async throws {
        let harness = try Harness {
            $0.pingIntervalSeconds = 1
            $0.idleTimeoutSeconds = 4
        }
        let pool = LoadSocketPool(subprotocol: "armistice.v2", maxMessageBytes: 1 << 16)
        let (socket, received) = try await open(harness, pool)
        try await Task.sleep(for: .seconds(6))
        #expect(received.closes.isEmpty)
        #expect(harness.delegate.closedIDs.isEmpty)
        socket.send("still here")
        #expect(await eventually { received.texts == ["still here"] })
        pool.shutdown()
        await harness.stop()
    }

    @Test func aRefusedUpgradeOrAClosedPortIsAnError() async throws {
        let harness = try Harness()
        let pool = LoadSocketPool(subprotocol: "no-such-protocol", maxMessageBytes: 1 << 16)
        await #expect(throws: (any Error).self) { try await pool.connect(url: harness.url, timeout: .seconds(5)) }
        await #expect(throws: (any Error).self) { try await pool.connect(url: "wss://127.0.0.1:\(harness.port)/ws", timeout: .seconds(5)) }
        let port = harness.port
        await harness.stop()
        await #expect(throws: (any Error).self) { try await pool.connect(url: "ws://127.0.0.1:\(port)/ws", timeout: .seconds(5)) }
        pool.shutdown()
    }
}
