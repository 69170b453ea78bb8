#if canImport(Glibc)
import Glibc
#endif
import ArmisticeTransport
import Foundation
import Logging

/// What every socket benchmark starts with: a child server on a fresh data folder, its instructor key, a client pool
/// and the WebSocket address. `close()` stops the pool and the server and removes the folder.
package final class BenchBed: Sendable {
    package let server: BenchServer
    package let key = UUID().uuidString
    package let pool: WebSocketClientPool
    package let url: String
    private let data = NSTemporaryDirectory() + "armistice-bench-" + UUID().uuidString

    package init(rulesets: String) throws {
        var logger = Logger(label: "armistice.bench")
        logger.logLevel = .error
        server = try BenchServer(data: data, rulesets: rulesets, key: key)
        pool = WebSocketClientPool(logger: logger)
        url = "ws://127.0.0.1:\(server.port)/ws"
    }

    package func close() {
        pool.shutdown()
        server.stop()
        try? FileManager.default.removeItem(atPath: data)
    }
}

/// The server under test, as a child process of this one.
package struct BenchServer {
    package let process = Process()
    package let port: Int

    package init(data: String, rulesets: String, key: String) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--rulesets", rulesets,
                             "--web", "/nonexistent", "--instructor-key", key, "--log-level", "error"]
        process.standardError = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var text = ""
        var port = 0
        while port == 0 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"listening on port (\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: " ").last!) ?? 0
            }
        }
        guard port > 0 else { process.terminate(); throw BenchFailure("the server did not start: \(text)") }
        self.port = port
    }

    package func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// Resident and peak memory in MiB, from /proc.
    package func memory() -> (rss: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return (0, 0) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }

    /// A plain HTTP GET on loopback; the body, or nil.
    package static func get(port: Int, path: String) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        return text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) }
    }

    /// The server's /metrics, as name → value (labels kept in the name).
    package func metrics() -> [String: Double] {
        guard let text = Self.get(port: port, path: "/metrics") else { return [:] }
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { result[String(parts[0])] = v }
        }
        return result
    }
}
