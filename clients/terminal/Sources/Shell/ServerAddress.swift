/// Turns what a person types for HOST into the WebSocket URL: `host`, `host:port`, `http(s)://…` or
/// `ws(s)://…`. Without a port, 8080 (the server's default) for plain addresses.
public enum ServerAddress {
    public static func url(_ host: String) -> String {
        var h = host.trimmingSpaces
        var scheme = "ws"
        for (prefix, s) in [("ws://", "ws"), ("wss://", "wss"), ("http://", "ws"), ("https://", "wss")] where h.lowercased().hasPrefix(prefix) {
            scheme = s
            h = String(h.dropFirst(prefix.count))
            let hasPath = h.contains("/")
            return "\(scheme)://\(h)\(hasPath ? "" : "/ws")"
        }
        if let slash = h.firstIndex(of: "/") { h = String(h[..<slash]) }
        let hasPort = h.split(separator: ":").count == 2 || (h.hasPrefix("[") && h.contains("]:"))
        return "\(scheme)://\(h)\(hasPort ? "" : ":8080")/ws"
    }

    /// The WebSocket URL for one room: `?room=CODE` added (nil: the URL as it is), so that a cluster's HAProxy
    /// routes the connection to the room's node (docs/scaling.md).
    public static func url(_ url: String, room: String?) -> String {
        guard let room, !room.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + "room=" + room
    }

    /// A join code as the server compares it: upper case, without spaces or dashes.
    public static func normalizeCode(_ code: String) -> String {
        String(code.uppercased().filter { $0 != " " && $0 != "-" })
    }
}
