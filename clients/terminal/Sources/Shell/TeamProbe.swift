import ArmisticeWire
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Finds a room's team ids before joining, to offer them when the student gave none: `GET /api/rooms/CODE` on the
/// server's HTTP side (the same port as the WebSocket). A plain HTTP/1.1 GET over a socket, so the client needs no
/// HTTP library; over TLS (`wss://`) it offers no list and the student types a team (or lets the instructor assign).
public enum TeamProbe {
    /// What `GET /api/rooms/CODE` said.
    public enum Answer: Sendable, Equatable {
        /// Each team with its name in the reader's language and every name the room gives it.
        case teams([JoinCheck.TeamChoice])
        /// The server refused: `unknown_room`, `rate_limited`, … with its message.
        case refused(code: String, message: String)
        /// The room exists, but the instructor has closed it to new students (`"joining":"closed"`): a `join` would
        /// be refused with `joining_closed`.
        case closed
    }

    /// Asks the server for a room's public summary; nil when it cannot be reached or answers something unexpected.
    /// Team names are in `language` when the scenario has it (the summary's `localized`), else as the server sent them.
    public static func lookUp(url: String, code: String, language: String = "en", timeoutSeconds: Int = 5) async -> Answer? {
        guard let (host, port) = endpoint(url) else { return nil }
        let path = "/api/rooms/" + ServerAddress.normalizeCode(code).filter { $0.isLetter || $0.isNumber }
        return await Task.detached {
            guard let (status, body) = get(host: host, port: port, path: path, timeoutSeconds: timeoutSeconds) else { return nil }
            return answer(status: status, body: body, language: language)
        }.value
    }

    /// Reads an answer of `GET /api/rooms/CODE`, with team names in `language` where the summary has them (and
    /// every language's names kept, so that a student may type the team's name in any of them).
    public static func answer(status: Int, body: [UInt8], language: String = "en") -> Answer? {
        guard let json = JSONValue.parse(String(decoding: body, as: UTF8.self)) else { return nil }
        if status == 200 {
            if json["joining"]?.string == "closed" { return .closed }
            return .teams(teams(json, language: language))
        }
        guard let code = json["code"]?.string else { return nil }
        return .refused(code: TerminalText.sanitize(code), message: TerminalText.sanitize(json["message"]?.string ?? ""))
    }

    /// The room's teams, whether or not it takes new students: a seat taken back names its team by them.
    public static func teams(url: String, code: String, language: String = "en") async -> [JoinCheck.TeamChoice] {
        guard let (host, port) = endpoint(url) else { return [] }
        let path = "/api/rooms/" + ServerAddress.normalizeCode(code).filter { $0.isLetter || $0.isNumber }
        return await Task.detached {
            guard let (status, body) = get(host: host, port: port, path: path, timeoutSeconds: 5), status == 200,
                  let json = JSONValue.parse(String(decoding: body, as: UTF8.self)) else { return [] }
            return teams(json, language: language)
        }.value
    }

    /// The teams of a room's public summary, each named in `language` where the summary has it, with every
    /// language's names kept (a student may type the team's name in any of them).
    static func teams(_ json: JSONValue, language: String) -> [JoinCheck.TeamChoice] {
        let localized = json["localized"]?.object ?? [:]
        return json["teams"]?.array.compactMap { t in
            guard let id = t["id"]?.string else { return nil }
            let base = t["name"]?.string ?? id
            let translated = localized.keys.sorted().compactMap { localized[$0]?["teams"]?[id]?.string }
            var names: [String] = []
            for name in ([base] + translated).map({ TerminalText.sanitize($0) }) where !names.contains(name) { names.append(name) }
            let name = localized[language]?["teams"]?[id]?.string ?? base
            return JoinCheck.TeamChoice(id: TerminalText.sanitize(id), name: TerminalText.sanitize(name), names: names)
        } ?? []
    }

    /// Host and port of a `ws://host:port/path` URL (nil for `wss://`, which needs TLS).
    static func endpoint(_ url: String) -> (String, Int)? {
        guard url.lowercased().hasPrefix("ws://") else { return nil }
        var rest = Substring(url.dropFirst(5))
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var host = String(rest)
        var port = 80
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":"), let p = Int(after.dropFirst()) { port = p }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = p
        }
        return host.isEmpty ? nil : (host, port)
    }

    /// A blocking GET with `Connection: close`; the status and the body.
    static func get(host: String, port: Int, path: String, timeoutSeconds: Int) -> (Int, [UInt8])? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var fd: Int32 = -1
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let ai = cursor {
            let s = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if s >= 0 {
                var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                // On Linux SO_SNDTIMEO bounds connect() too.
                setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                if connect(s, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { fd = s; break }
                close(s)
            }
            cursor = ai.pointee.ai_next
        }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let hostHeader = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nAccept: application/json\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return nil }
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while response.count < 1_000_000 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        return parse(response)
    }

    /// Splits an HTTP/1.x response into status and body (de-chunked when it was sent in chunks).
    static func parse(_ response: [UInt8]) -> (Int, [UInt8])? {
        guard let split = response.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let head = String(decoding: response[..<split.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/"),
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var body = Array(response[split.upperBound...])
        let chunked = lines.dropFirst().contains { $0.lowercased().hasPrefix("transfer-encoding:") && $0.lowercased().contains("chunked") }
        if chunked {
            var out: [UInt8] = []
            var i = 0
            while let lineEnd = body[i...].firstRange(of: [13, 10]) {
                let sizeText = String(decoding: body[i..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
                if size == 0 { break }
                let start = lineEnd.upperBound
                guard start + size <= body.count else { return nil }
                out += body[start..<(start + size)]
                i = start + size + 2
                guard i <= body.count else { break }
            }
            body = out
        }
        return (status, body)
    }
}
