import Foundation

/// A parsed ws:// or wss:// URL.
struct ConnectTarget: Sendable, Equatable {
    var host: String
    var port: Int
    var path: String
    var tls: Bool
    var allowSelfSigned: Bool

    init(url: String, allowSelfSigned: Bool) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "ws" || scheme == "wss", let host = components.host, !host.isEmpty else {
            throw TransportError(.invalidURL, "expected ws://host[:port]/path or wss://…, got \(url)")
        }
        tls = scheme == "wss"
        self.host = host
        port = components.port ?? (tls ? 443 : 80)
        guard (1...65_535).contains(port) else { throw TransportError(.invalidURL, "bad port in \(url)") }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        self.path = path
        self.allowSelfSigned = allowSelfSigned
    }
}
