#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Fetches and parses the server's Prometheus text (`GET /metrics`) over a plain socket.
package struct MetricsScrape: Sendable {
    /// Each sample by its full name with labels, e.g. `armistice_errors_total{code="wrong_phase"}`.
    package var samples: [String: Double] = [:]

    package subscript(_ name: String) -> Double { samples[name] ?? 0 }

    /// The change of every counter from `earlier` to this one.
    package func delta(since earlier: MetricsScrape) -> [String: Double] {
        var d: [String: Double] = [:]
        for (k, v) in samples { d[k] = v - (earlier.samples[k] ?? 0) }
        return d
    }

    package static func parse(_ text: String) -> MetricsScrape {
        var m = MetricsScrape()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            m.samples[String(line[..<space])] = value
        }
        return m
    }

    /// GET http://host:port/metrics; nil when the server does not answer with 200 within 5 s.
    package static func fetch(host: String, port: Int) -> MetricsScrape? {
        guard let body = HTTPGet.fetch(host: host, port: port, path: "/metrics") else { return nil }
        return parse(body)
    }
}

/// A minimal blocking HTTP/1.0 GET, enough for /metrics on loopback.
package enum HTTPGet {
    package static func fetch(host: String, port: Int, path: String, timeoutSeconds: Int = 5) -> String? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return nil }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard RawSocket.writeAll(fd, request) else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 200") || text.hasPrefix("HTTP/1.0 200"), let split = text.range(of: "\r\n\r\n") else { return nil }
        return String(text[split.upperBound...])
    }
}
