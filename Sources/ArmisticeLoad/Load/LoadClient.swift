import ArmisticeTransport
import Foundation
import Synchronization

/// What a load client is in its room.
package enum LoadRole: Sendable, Equatable {
    case instructor, student, observer, mirror
}

/// Receives every message of every load client, on the socket pool's event-loop thread: must be quick, never block.
package protocol LoadSink: Sendable {
    func received(_ client: LoadClient, type: String?, text: String, at ns: UInt64)
}

/// Counters shared by all clients of a run.
package final class LoadCounters: Sendable {
    package let sent = Atomic<Int>(0)
    package let received = Atomic<Int>(0)
    package let bytesReceived = Atomic<Int>(0)
    private let errorCodes = Mutex<[String: Int]>([:])
    private let closeCodes = Mutex<[String: Int]>([:])

    package func error(_ code: String) { errorCodes.withLock { $0[code, default: 0] += 1 } }
    package func closed(_ code: UInt16?) { closeCodes.withLock { $0[code.map(String.init) ?? "none", default: 0] += 1 } }
    package var errors: [String: Int] { errorCodes.withLock { $0 } }
    package var closes: [String: Int] { closeCodes.withLock { $0 } }
    package func resetErrors() { errorCodes.withLock { $0 = [:] } }
}

/// One bot's connection: hands every message to the run's sink and answers pending requests.
package final class LoadClient: Sendable {
    package let index: Int
    package let room: Int
    package let team: Int
    package let role: LoadRole
    package let connection: LoadSocket
    private let counters: LoadCounters
    private let sink: any LoadSink
    private struct State {
        var nextRequest = 0
        var waiters: [String: CheckedContinuation<String?, Never>] = [:]
        var closed = false
        /// The generator closed it itself (a room replaced after its match ended): not counted as the server's close.
        var closing = false
        var seat = 0
    }
    private let state = Mutex(State())

    package init(index: Int, room: Int, team: Int, role: LoadRole, connection: LoadSocket, counters: LoadCounters, sink: any LoadSink) {
        self.index = index
        self.room = room
        self.team = team
        self.role = role
        self.connection = connection
        self.counters = counters
        self.sink = sink
    }

    /// The seat number (`s3` → 3) once seated.
    package var seat: Int {
        get { state.withLock { $0.seat } }
        set { state.withLock { $0.seat = newValue } }
    }

    package var isClosed: Bool { state.withLock { $0.closed } }

    /// Reads every message as it arrives, on the pool's event-loop thread (no task switch per message, so the generator
    /// takes less of the machine it shares with the server, and a message is timed when it arrives).
    package func startReading() {
        connection.handleEvents { [self] event in
            switch event {
            case .text(let text): receivedText(text, at: Now.ns())
            case .closed(let code, _): closed(code)
            }
        }
    }

    private func receivedText(_ text: String, at now: UInt64) {
        counters.received.add(1, ordering: .relaxed)
        counters.bytesReceived.add(text.utf8.count, ordering: .relaxed)
        let type = JSONScan.messageType(text)
        switch type ?? "" {
        case "ack", "error", "welcome", "room_created", "joined", "pong", "resumed":
            if type == "error" { counters.error(JSONScan.string("\"code\":\"", in: text) ?? "?") }
            if let id = JSONScan.string("\"id\":\"", in: text),
               let waiter = state.withLock({ $0.waiters.removeValue(forKey: id) }) {
                waiter.resume(returning: text)
                return
            }
        default: break
        }
        sink.received(self, type: type, text: text, at: now)
    }

    private func closed(_ code: UInt16?) {
        let waiters = state.withLock { s -> [CheckedContinuation<String?, Never>] in
            if !s.closing { counters.closed(code) }
            s.closed = true
            defer { s.waiters.removeAll() }
            return Array(s.waiters.values)
        }
        for w in waiters { w.resume(returning: nil) }
    }

    /// Closes the connection from this side; the close is not counted among the server's.
    package func close() {
        state.withLock { $0.closing = true }
        connection.close()
    }

    /// Sends a message without waiting for its reply.
    package func send(_ text: String) {
        counters.sent.add(1, ordering: .relaxed)
        connection.send(text)
    }

    /// Sends a request (a JSON object text without an `id`) and returns its reply (`ack`, `error`, `joined`, …),
    /// or nil if the connection closed or nothing came within `timeout`.
    package func call(_ json: String, timeout: Duration = .seconds(30)) async -> String? {
        let id = state.withLock { s -> String in
            s.nextRequest += 1
            return "q\(index).\(s.nextRequest)"
        }
        let text = "{\"id\":\"\(id)\"," + json.dropFirst()
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            if let w = state.withLock({ $0.waiters.removeValue(forKey: id) }) { w.resume(returning: nil) }
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let closed = state.withLock { s -> Bool in
                if s.closed { return true }
                s.waiters[id] = continuation
                return false
            }
            if closed {
                continuation.resume(returning: nil)
                return
            }
            send(text)
        }
    }
}
