import ArmisticeLocale
import Foundation

/// Runs the client: the connection in a task, and the interface (full-screen or plain) on its own thread,
/// which alone owns the `ClientState`.
public enum TerminalClient {
    /// How the client ended: the user quit (or a script's input ended), or the server refused or removed the seat.
    public enum Ending: Sendable, Equatable { case quit, refused }

    @discardableResult
    public static func run(_ given: ClientOptions) async -> Ending {
        var found = given
        // The room's team names in every language, for a deal typed with a team's name (`ClientState.typedTeam`).
        if found.teams.isEmpty, case .join(let code, _, _, _, _)? = found.seatRequest {
            found.teams = await TeamProbe.teams(url: found.url, code: code, language: found.language.rawValue)
        }
        let options = found
        let inbox = Inbox()
        let driver = ConnectionDriver(url: options.url, token: options.token, seatRequest: options.seatRequest,
                                      name: options.name, language: options.language, store: options.store, inbox: inbox)
        let network = Task { await driver.run() }
        let ending = await withCheckedContinuation { (done: CheckedContinuation<Ending, Never>) in
            let thread = Thread {
                let seat = InterfaceSeat(driver: driver, inbox: inbox, options: options)
                let state = options.plain ? PlainInterface(seat: seat).run() : FullScreenInterface(seat: seat).run()
                done.resume(returning: Self.ending(of: state))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        driver.stop()
        network.cancel()
        _ = await network.value
        return ending
    }

    /// A window whose connection ended for good (a refusal, a removal) ends as refused, whatever key closed it.
    static func ending(of state: ClientState) -> Ending {
        if case .closed = state.connection { return .refused }
        return .quit
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// What both interfaces (full-screen and plain) share: the connection, what arrives, and the seat's options.
struct InterfaceSeat {
    let driver: ConnectionDriver
    let inbox: Inbox
    let options: ClientOptions

    /// The state an interface starts from: the seat's name, server and language, and what the seat file says it
    /// had read when it resumes a seat.
    func startingState() -> ClientState {
        var state = ClientState()
        state.language = options.language
        state.you.name = options.name
        state.server = options.url
        state.teamChoices = options.teams
        state.color = options.color
        if let token = options.token { state.newsSeenBefore = options.store.newsSeen(url: options.url, token: token) }
        return state
    }

    /// Applies a message from the server, keeping the sequence number the next resume asks from.
    func apply(_ text: String, to state: inout ClientState) -> [Effect] {
        let effects = state.apply(message: text, now: TerminalClient.nowMs())
        driver.lastSeq = state.lastSeq
        return effects
    }

    /// Carries out what the state asks: sends each request, following what the next `hello` must repeat; a request
    /// the connection cannot take goes to `unsent`, told whether the state kept it (a chat, sent with the next seat);
    /// each notice goes to `notice`. True when the interface should quit.
    func carryOut(_ effects: [Effect], _ state: inout ClientState, notice: (String) -> Void,
                  unsent: (_ kept: Bool, _ state: inout ClientState) -> Void) -> Bool {
        for effect in effects {
            switch effect {
            case .send(let message):
                driver.follow(message)
                if !driver.send(message) { unsent(state.keepUnsent(message), &state) }
            case .notice(let line): notice(line)
            case .quit: return true
            }
        }
        return false
    }

    /// Keeps in the seat file how many news items the seat has read (those the News pane shows count as read), so
    /// that a window resuming the seat marks only newer ones as unread; `kept` is the count last written.
    func keepNewsSeen(_ state: ClientState, kept: inout Int?) {
        guard state.hasSnapshot, let token = driver.token else { return }
        let seen = state.ui.focus == .news ? state.newsCount : state.ui.newsSeen
        guard seen != kept else { return }
        kept = seen
        try? options.store.setNewsSeen(seen, url: options.url, token: token)
    }
}

/// The full-screen interface's loop: apply what arrived, draw, read a key, act.
struct FullScreenInterface {
    let seat: InterfaceSeat

    /// Runs until the user quits; the state it ended in.
    func run() -> ClientState {
        var state = seat.startingState()
        let screen = CursesScreen(color: state.color)
        defer { screen.end() }
        var lastDraw: Int64 = 0
        var dirty = true
        var lastSize = screen.size
        var keptNewsSeen = state.newsSeenBefore
        defer { seat.keepNewsSeen(state, kept: &keptNewsSeen) }
        while true {
            seat.keepNewsSeen(state, kept: &keptNewsSeen)
            for item in seat.inbox.drain() {
                dirty = true
                switch item {
                case .server(let text):
                    if carryOut(seat.apply(text, to: &state), &state) { return state }
                case .connection(let c):
                    if case .closed = state.connection { continue } // a removal stays shown
                    state.connection = c
                case .line, .endOfInput: break
                }
            }
            let now = TerminalClient.nowMs()
            if state.expireStatus(now: now) { dirty = true }
            let size = screen.size
            if size != lastSize { dirty = true; lastSize = size; screen.forgetScreen() }
            state.ui.screen = (size.width, size.height)
            if dirty || now - lastDraw >= 500 {
                screen.draw(Renderer.render(state, width: size.width, height: size.height, now: now))
                lastDraw = now
                dirty = false
            }
            guard let read = screen.readKey() else { continue }
            dirty = true
            // Every key already typed is handled before the next frame: a paste is one redraw, not one a character.
            for key in ([read] + screen.typedKeys()).compactMap({ $0 }) {
                if carryOut(state.handle(key: key), &state) { return state }
            }
        }
    }

    /// Sends the requests (a notice has no place here: the screen shows the state); true when the interface should quit.
    func carryOut(_ effects: [Effect], _ state: inout ClientState) -> Bool {
        seat.carryOut(effects, &state, notice: { _ in }) { kept, state in
            // A chat the drop caught is kept and sent with the next seat, as a `say` typed offline.
            state.say(state.t.text(kept ? "terminal.plain.chat_kept" : "terminal.status.not_connected"), error: true)
        }
    }
}

/// The plain line mode: every event as one line on standard output, commands typed one per line.
struct PlainInterface {
    let seat: InterfaceSeat
    var inbox: Inbox { seat.inbox }

    /// Runs until `quit`, the end of its input, or the end of the seat (a refusal, a removal: the window stops, as the
    /// full-screen one does); the state it ended in.
    func run() -> ClientState {
        var state = seat.startingState()
        let reader = Thread { [inbox] in
            while let line = readLine(strippingNewline: true) { inbox.push(.line(line)) }
            inbox.push(.endOfInput)
        }
        reader.start()
        emit(state.t.text("terminal.plain.welcome"))
        var inputEnded = false
        var endedAt: Int64 = 0
        while true {
            for item in inbox.drain(waiting: 0.2) {
                switch item {
                case .server(let text):
                    if carryOut(seat.apply(text, to: &state), &state) { return state }
                case .connection(let c):
                    if case .closed = state.connection { return state }
                    if c != state.connection {
                        state.connection = c
                        emit("[connection] " + state.plainConnectionLine)
                    }
                case .line(let line):
                    if line.trimmingSpaces.isEmpty { continue }
                    if carryOut(state.submit(line: line, now: TerminalClient.nowMs()), &state) { return state }
                case .endOfInput:
                    inputEnded = true
                    endedAt = TerminalClient.nowMs()
                }
                // The seat is gone (removed, refused): nothing typed here can reach the room any more.
                if case .closed = state.connection { return state }
            }
            // A line waiting for the answer to the one before goes once it has come (or has not, in time).
            if carryOut(state.tick(now: TerminalClient.nowMs()), &state) { return state }
            // Scripts pipe commands and close their input: leave once every request is answered.
            if inputEnded, state.pending.isEmpty, state.lineWait == nil, state.keptChat.isEmpty, state.queuedLines.isEmpty, state.hasSnapshot { return state }
            if inputEnded, TerminalClient.nowMs() - endedAt > 15_000, !state.hasSnapshot || state.queuedLines.isEmpty {
                // The seat never came in: say that what was piped in did not run, rather than leave in silence.
                if !state.queuedLines.isEmpty { emit(state.t.text("terminal.plain.not_connected")) }
                return state
            }
        }
    }

    func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalText.sanitize(line, keepNewlines: false) + "\n").utf8))
    }

    func carryOut(_ effects: [Effect], _ state: inout ClientState) -> Bool {
        seat.carryOut(effects, &state, notice: emit) { kept, state in
            emit(kept ? "[warning] " + state.t.text("terminal.plain.chat_kept") : state.t.text("terminal.plain.not_connected"))
        }
    }
}
