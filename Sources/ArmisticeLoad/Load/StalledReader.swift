#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Blocking socket helpers for the two clients that cannot go through the load socket pool.
package enum RawSocket {
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }
}

/// A student who stops reading: a WebSocket client on a plain socket with a small receive buffer that joins a
/// room and then never reads again. The load socket pool cannot play this part: its event-loop thread always drains
/// the socket into memory, so the server would never see a slow reader.
///
/// Safety rule for `@unchecked Sendable`: `fd` is written once in `init` and closed once in `close()`.
package final class StalledReader: @unchecked Sendable {
    private var fd: Int32 = -1
    package let receiveBuffer: Int

    package struct Failure: Error, CustomStringConvertible { package var description: String }

    /// Connects, upgrades, sends hello and the join request, waits for `joined`, and from then on reads nothing.
    package init(host: String, port: Int, join: String, receiveBuffer: Int = 4096) throws {
        self.receiveBuffer = receiveBuffer
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { throw Failure(description: "cannot resolve \(host)") }
        defer { freeaddrinfo(result) }
        fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var size = Int32(receiveBuffer)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else { throw Failure(description: "connect to \(host):\(port) failed") }
        let upgrade = "GET /ws HTTP/1.1\r\nHost: \(host):\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: armistice.v2\r\n\r\n"
        guard RawSocket.writeAll(fd, Array(upgrade.utf8)) else { throw Failure(description: "upgrade request not sent") }
        var seen: [UInt8] = []
        guard read(until: "\r\n\r\n", into: &seen), String(decoding: seen, as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
            throw Failure(description: "no 101 Switching Protocols")
        }
        guard RawSocket.writeAll(fd, Self.frame(#"{"type":"hello","protocol":"armistice.v2"}"#)),
              RawSocket.writeAll(fd, Self.frame(join)) else { throw Failure(description: "hello/join not sent") }
        guard read(until: "\"type\":\"joined\"", into: &seen) else {
            throw Failure(description: "no joined reply: \(String(decoding: seen.suffix(300), as: UTF8.self))")
        }
    }

    private func read(until marker: String, into seen: inout [UInt8]) -> Bool {
        let needle = Array(marker.utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return false }
            seen.append(contentsOf: buffer[0..<n])
            if seen.count >= needle.count, (0...(seen.count - needle.count)).contains(where: { seen[$0..<($0 + needle.count)].elementsEqual(needle) }) {
                return true
            }
        }
        return false
    }

    /// One masked text frame (clients must mask).
    package static func frame(_ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        var out: [UInt8] = [0x81]
        if payload.count < 126 {
            out.append(0x80 | UInt8(payload.count))
        } else {
            out.append(0x80 | 126)
            out.append(UInt8(payload.count >> 8))
            out.append(UInt8(payload.count & 0xFF))
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        out += mask
        for (i, b) in payload.enumerated() { out.append(b ^ mask[i % 4]) }
        return out
    }

    /// Whether the server has closed the connection (reads nothing: looks at the socket's state only).
    package var serverClosed: Bool {
        guard fd >= 0 else { return true }
        // POLLRDHUP: the peer shut down its side (even with unread data left in the buffer).
        var p = pollfd(fd: fd, events: Int16(0x2000), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return true }
        return p.revents & Int16(0x2018) != 0  // POLLRDHUP | POLLHUP | POLLERR
    }

    package func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
