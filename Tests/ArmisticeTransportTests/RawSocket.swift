import ArmisticeTestSupport
import Foundation

/// A tiny blocking TCP client for tests: raw HTTP requests, a WebSocket handshake that then
/// never reads, and garbage bytes. Run it through `offload` so it does not block the test pool.
final class RawSocket: Sendable {
    let fd: Int32

    init?(port: Int, receiveBuffer: Int32? = nil) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            Foundation.close(fd)
            return nil
        }
    }

    deinit { Foundation.close(fd) }

    func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    /// Reads until the peer closes, `stop` says the bytes so far are enough, or 5 s pass.
    func read(until stop: ([UInt8]) -> Bool = { _ in false }) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !stop(result) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            result += buffer[0..<n]
        }
        return result
    }

    /// Sends a WebSocket upgrade request and reads the response headers.
    func handshake(path: String = "/ws") -> String {
        write("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        let bytes = read(until: { $0.count >= 4 && Array($0.suffix(4)) == Array("\r\n\r\n".utf8) })
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A parsed HTTP/1.1 response.
struct RawHTTPResponse {
    var status: Int
    var headers: [String: String]
    var body: String

    /// Sends one request with `Connection: close` and reads the whole response.
    static func fetch(port: Int, path: String, method: String = "GET", headers: [String: String] = [:], body: String = "") -> RawHTTPResponse? {
        guard let socket = RawSocket(port: port) else { return nil }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if !body.isEmpty { request += "Content-Length: \(body.utf8.count)\r\n" }
        request += "\r\n" + body
        socket.write(request)
        let raw = socket.read(until: { bytes in
            // Stop once the declared body has arrived (the server may keep the socket open).
            guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
            let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
            return bytes.count - end.upperBound >= length
        })
        guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var parsed: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawHTTPResponse(status: status, headers: parsed, body: String(decoding: raw[end.upperBound...], as: UTF8.self))
    }
}

