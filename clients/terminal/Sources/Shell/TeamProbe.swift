import ArmisticeTransport
import Logging

/// Finds a room's team ids before joining, to offer them when the student gave none: a `join` naming no
/// real team is refused with `unknown_team`, whose message lists the teams, and takes no seat.
public enum TeamProbe {
    public static func teams(url: String, code: String) async -> [String]? {
        let logger = Logger(label: "armistice.probe", factory: { _ in SwiftLogNoOpLogHandler() })
        let pool = WebSocketClientPool(logger: logger, enableTLS: url.hasPrefix("wss://"))
        defer { pool.shutdown() }
        guard let conn = try? await pool.connect(url: url, timeout: .seconds(5)) else { return nil }
        conn.send(JSON.object(["type": "hello", "protocol": "armistice.v1"]).text)
        conn.send(JSON.object(["type": "join", "id": "probe", "code": .string(code), "name": "probe", "team": "-"]).text)
        while let text = try? await conn.receive(timeout: .seconds(5)) {
            guard let m = JSON.parse(text), m["id"]?.string == "probe" else { continue }
            conn.close()
            return teamList(fromError: m["message"]?.string ?? "")
        }
        return nil
    }

    /// The ids after "the teams are " in an `unknown_team` message.
    public static func teamList(fromError message: String) -> [String]? {
        guard let range = message.firstRange(of: "the teams are ") else { return nil }
        return message[range.upperBound...].split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            .map { TerminalText.sanitize($0) }
    }
}
