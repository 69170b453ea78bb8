import ArmisticeWire
import ArmisticeLocale
import ArmisticeTransport
import Foundation
import Logging

/// Keeps one seat connected: connects, says hello, takes the seat (resuming with the stored token when there
/// is one), passes every message to the `Inbox`, and after a dropped connection or a server restart
/// reconnects by itself with a growing pause (up to 5 s), resuming from the last `seq` the interface saw.
/// Stops for good when the seat is removed or refused.
public final class ConnectionDriver: @unchecked Sendable {
    // Safety: every mutable field below is touched only under `lock`.
    private let lock = NSLock()
    private var connection: ClientConnection?
    private var token: String?
    private var seq = 0
    private var stopped = false
    private var seatRequest: SeatRequest?
    private var name: String
    private var lang: Language

    private let url: String
    private let store: SeatStore
    private let inbox: Inbox
    private let pool: WebSocketClientPool

    public init(url: String, token: String?, seatRequest: SeatRequest?, name: String, language: Language = .en, store: SeatStore, inbox: Inbox) {
        self.url = url
        self.lang = language
        self.token = token
        self.seatRequest = seatRequest
        self.name = name
        self.store = store
        self.inbox = inbox
        var logger = Logger(label: "armistice.client", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        pool = WebSocketClientPool(logger: logger, enableTLS: url.hasPrefix("wss://"))
    }

    /// The last `seq` the interface applied: the point to resume from.
    public var lastSeq: Int {
        get { lock.withLock { seq } }
        set { lock.withLock { seq = newValue } }
    }

    /// The language sent in `hello` (after a reconnection too): the one `:lang` last chose.
    public var language: Language {
        get { lock.withLock { lang } }
        set { lock.withLock { lang = newValue } }
    }

    /// Sends a request; false when there is no connection now.
    @discardableResult
    public func send(_ message: JSONValue) -> Bool {
        guard let c = lock.withLock({ connection }) else { return false }
        if case .queued = c.send(message.text) { return true }
        return false
    }

    public func stop() {
        let c = lock.withLock { () -> ClientConnection? in
            stopped = true
            return connection
        }
        c?.close(code: .normal, reason: "bye")
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// The room this client is for, when it knows: its seat token's room, else the code it joins.
    private var room: String? {
        lock.withLock {
            if let token, let dot = token.firstIndex(of: ".") { return String(token[..<dot]) }
            if case .join(let code, _, _, _, _) = seatRequest { return ServerAddress.normalizeCode(code) }
            return nil
        }
    }

    /// Runs until `stop()` or a permanent refusal.
    public func run() async {
        var attempt = 0
        while !isStopped {
            inbox.push(.connection(attempt == 0 ? .connecting : .reconnecting(attempt: attempt)))
            if let conn = try? await pool.connect(url: ServerAddress.url(url, room: room), timeout: .seconds(5)) {
                lock.withLock { connection = conn }
                if isStopped { conn.close(); break }
                let outcome = await session(conn)
                lock.withLock { connection = nil }
                switch outcome {
                case .refused(let why):
                    inbox.push(.connection(.closed(why)))
                    return
                case .seated:
                    attempt = 0
                case .dropped:
                    break
                }
            }
            if isStopped { break }
            attempt += 1
            inbox.push(.connection(.reconnecting(attempt: attempt)))
            let pause = min(5.0, 0.25 * Double(1 << min(attempt, 5)))
            try? await Task.sleep(for: .milliseconds(Int(pause * 1000)))
        }
        pool.shutdown()
    }

    enum Outcome { case seated, dropped, refused(String) }

    /// One connection's life: hello, the seat, then every message until it closes.
    private func session(_ conn: ClientConnection) async -> Outcome {
        conn.send(ClientRequest.Hello(protocol: ProtocolVersion.current, client: "armistice-terminal", lang: language.rawValue).message().text)
        let (token, seq, request) = lock.withLock { (self.token, self.seq, self.seatRequest) }
        var resuming = false
        if let token {
            resuming = true
            conn.send(ClientRequest.Resume(token: token, seq: seq > 0 ? seq : nil).message(id: "seat").text)
        } else if let request {
            conn.send(request.message.text)
        } else {
            return .refused("no seat to take")
        }
        var seated = false
        for await event in conn.messages {
            guard case .text(let text) = event else { break }
            if let m = JSONValue.parse(text), let type = m["type"]?.string {
                switch type {
                case "room_created", "joined":
                    seated = true
                    saveSeat(m)
                case "resumed":
                    seated = true
                case "removed":
                    inbox.push(.server(text))
                    conn.close()
                    return .refused("removed from the room: " + TerminalText.sanitize(m["reason"]?.string ?? ""))
                case "error" where m["id"]?.string == "seat":
                    let code = m["code"]?.string ?? ""
                    let message = TerminalText.sanitize(m["message"]?.string ?? code)
                    if resuming && [.badToken, .tokenExpired].contains(ErrorCode(rawValue: code)) {
                        forgetToken()
                        if let request = lock.withLock({ seatRequest }) {
                            resuming = false
                            conn.send(request.message.text)
                            continue
                        }
                    }
                    if code == "rate_limited" { conn.close(); return .dropped }
                    inbox.push(.server(text))
                    conn.close()
                    return .refused("refused: \(message)")
                default: break
                }
            }
            inbox.push(.server(text))
        }
        return seated ? .seated : .dropped
    }

    private func saveSeat(_ m: JSONValue) {
        guard let token = m["token"]?.string, let room = m["room"]?.string else { return }
        let name = lock.withLock { () -> String in
            self.token = token
            return self.name
        }
        try? store.save(.init(url: url, room: room, token: token, name: name, team: m["team"]?.string,
                              role: m["role"]?.string ?? "player"))
    }

    private func forgetToken() {
        let old = lock.withLock { () -> String? in
            let t = token
            token = nil
            seq = 0
            return t
        }
        if let old, let room = old.split(separator: ".").first { try? store.remove(url: url, room: String(room), token: old) }
    }
}

extension ConnectionDriver {
    /// Follows what the interface sends that the next `hello` must repeat: the language `set_language` chose.
    func follow(_ message: JSONValue) {
        if message["type"]?.string == "set_language", let tag = message["lang"]?.string { language = Language(parsing: tag) }
    }
}
