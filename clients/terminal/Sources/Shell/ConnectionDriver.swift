import ArmisticeWire
import ArmisticeLocale
import ArmisticeTransport
import Foundation
import Logging
import Synchronization

/// Keeps one seat connected: connects, says hello, takes the seat (resuming with the stored token when there
/// is one), passes every message to the `Inbox`, and after a dropped connection or a server restart
/// reconnects by itself with a growing pause (up to 5 s), resuming from the last `seq` the interface saw.
/// Stops for good when the seat is removed or refused.
public final class ConnectionDriver: Sendable {
    private struct State {
        var connection: ClientConnection?
        var token: String?
        var seq = 0
        var stopped = false
        var seatRequest: SeatRequest?
        var name: String
        var lang: Language
    }

    private let state: Mutex<State>

    private let url: String
    private let store: SeatStore
    private let inbox: Inbox
    private let pool: WebSocketClientPool

    public init(url: String, token: String?, seatRequest: SeatRequest?, name: String, language: Language = .en, store: SeatStore, inbox: Inbox) {
        self.url = url
        state = Mutex(State(token: token, seatRequest: seatRequest, name: name, lang: language))
        self.store = store
        self.inbox = inbox
        var logger = Logger(label: "armistice.client", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        pool = WebSocketClientPool(logger: logger, enableTLS: url.hasPrefix("wss://"))
    }

    /// The last `seq` the interface applied: the point to resume from.
    public var lastSeq: Int {
        get { state.withLock { $0.seq } }
        set { state.withLock { $0.seq = newValue } }
    }

    /// The language sent in `hello` (after a reconnection too): the one `:lang` last chose.
    public var language: Language {
        get { state.withLock { $0.lang } }
        set { state.withLock { $0.lang = newValue } }
    }

    /// Sends a request; false when there is no connection now.
    @discardableResult
    public func send(_ message: JSONValue) -> Bool {
        guard let c = state.withLock({ $0.connection }) else { return false }
        if case .queued = c.send(message.text) { return true }
        return false
    }

    public func stop() {
        let c = state.withLock { s -> ClientConnection? in
            s.stopped = true
            return s.connection
        }
        c?.close(code: .normal, reason: "bye")
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// The token of the seat taken (or to resume), if any.
    public var token: String? { state.withLock { $0.token } }

    /// The room this client is for, when it knows: its seat token's room, else the code it joins.
    private var room: String? {
        state.withLock { s -> String? in
            if let token = s.token, let dot = token.firstIndex(of: ".") { return String(token[..<dot]) }
            if case .join(let code, _, _, _, _) = s.seatRequest { return ServerAddress.normalizeCode(code) }
            return nil
        }
    }

    /// Runs until `stop()` or a permanent refusal.
    public func run() async {
        var attempt = 0
        while !isStopped {
            inbox.push(.connection(attempt == 0 ? .connecting : .reconnecting(attempt: attempt)))
            if let conn = try? await pool.connect(url: ServerAddress.url(url, room: room), timeout: .seconds(5)) {
                state.withLock { $0.connection = conn }
                if isStopped { conn.close(); break }
                let outcome = await session(conn)
                state.withLock { $0.connection = nil }
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

    enum Outcome { case seated, dropped, refused(ClientState.Closure) }

    /// One connection's life: hello, the seat, then every message until it closes.
    private func session(_ conn: ClientConnection) async -> Outcome {
        conn.send(ClientRequest.Hello(protocol: ProtocolVersion.current, client: "armistice-terminal", lang: language.rawValue).message().text)
        let (token, seq, request) = state.withLock { ($0.token, $0.seq, $0.seatRequest) }
        var resuming = false
        if let token {
            resuming = true
            conn.send(ClientRequest.Resume(token: token, seq: seq > 0 ? seq : nil).message(id: "seat").text)
        } else if let request {
            conn.send(request.message.text)
        } else {
            return .refused(.noSeat)
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
                    let closure = ClientState.Closure.removed(from: m)
                    // A removed seat's token is dead: the same command then asks for a new seat, never "taking back" it.
                    if closure.endsTheSeat { forgetToken() }
                    return .refused(closure)
                case "error" where m["id"]?.string == "seat":
                    let code = m["code"]?.string ?? ""
                    let message = TerminalText.sanitize(m["message"]?.string ?? code)
                    if resuming, let known = ErrorCode(rawValue: code), known == .badToken || known == .tokenExpired {
                        forgetToken()
                        if let request = state.withLock({ $0.seatRequest }) {
                            resuming = false
                            conn.send(request.message.text)
                            continue
                        }
                    }
                    if code == "rate_limited" { conn.close(); return .dropped }
                    inbox.push(.server(text))
                    conn.close()
                    return .refused(.refused(message))
                default: break
                }
            }
            inbox.push(.server(text))
        }
        return seated ? .seated : .dropped
    }

    private func saveSeat(_ m: JSONValue) {
        guard let token = m["token"]?.string, let room = m["room"]?.string else { return }
        let name = state.withLock { s -> String in
            s.token = token
            return s.name
        }
        try? store.save(.init(url: url, room: room, token: token, name: name, team: m["team"]?.string,
                              role: m["role"]?.string ?? "player"))
    }

    private func forgetToken() {
        let old = state.withLock { s -> String? in
            let t = s.token
            s.token = nil
            s.seq = 0
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
