#if canImport(Glibc)
import Glibc
#endif
import ArmisticeTransport
import ArmisticeWire
import Foundation
import Logging
import Synchronization

package struct BenchFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One benchmark client. `@unchecked Sendable`: set up by one task, then read by its reader task only.
package final class BenchClient: @unchecked Sendable {
    package let connection: ClientConnection
    package let name: String
    package var seat = ""
    package var team = -1
    package var room = -1
    private var nextID = 0

    package init(_ connection: ClientConnection, name: String) {
        self.connection = connection
        self.name = name
    }

    package static func connect(_ pool: WebSocketClientPool, url: String, name: String) async throws -> BenchClient {
        let c = BenchClient(try await pool.connect(url: url, timeout: .seconds(30)), name: name)
        _ = try await c.request(ClientRequest.Hello(protocol: ProtocolVersion.current).message().text)
        return c
    }

    package func send(_ text: String) { connection.send(text) }

    /// Sends a request (a JSON object without an id) and returns the reply that echoes the id it is given.
    package func request(_ json: String) async throws -> String {
        nextID += 1
        let id = "\(name)-\(nextID)"
        connection.send("{\"id\":\"\(id)\"," + json.dropFirst())
        let marker = "\"id\":\"\(id)\""
        while true {
            guard let text = try await connection.receive(timeout: .seconds(30)) else { throw BenchFailure("\(name): connection closed") }
            if text.contains(marker) { return text }
        }
    }

    /// Counts every message; reports set_orders updates to the room's waiter.
    package func read(counter: MessageCounter, waiter: MoveWaiter?) async {
        for await event in connection.messages {
            guard case .text(let text) = event else { return }
            counter.add()
            if team >= 0, let waiter, text.contains("\"set_orders\""), text.contains("\"type\":\"update\""),
               let by = JSONScan.string("\"by\":\"", in: text) {
                waiter.observe(by: by, at: DispatchTime.now().uptimeNanoseconds)
            }
        }
    }
}

/// Waits for one move's updates to reach every member of the team.
package final class MoveWaiter: Sendable {
    package init() {}

    private struct State {
        var by = ""
        var generation = 0
        var remaining = 0
        var last: UInt64 = 0
        var continuation: CheckedContinuation<UInt64?, Never>?
    }

    private let state = Mutex(State())

    package func arm(by: String, count: Int) {
        state.withLock { s in
            s.by = by
            s.generation += 1
            s.remaining = count
            s.continuation = nil
        }
    }

    package func observe(by: String, at time: UInt64) {
        let done = state.withLock { s -> CheckedContinuation<UInt64?, Never>? in
            guard by == s.by, s.remaining > 0 else { return nil }
            s.remaining -= 1
            s.last = time
            guard s.remaining == 0 else { return nil }
            defer { s.continuation = nil }
            return s.continuation
        }
        done?.resume(returning: time)
    }

    private func expire(_ armed: Int) {
        let stale = state.withLock { s -> CheckedContinuation<UInt64?, Never>? in
            guard s.generation == armed else { return nil }
            defer {
                s.continuation = nil
                s.remaining = 0
            }
            return s.continuation
        }
        stale?.resume(returning: nil)
    }

    package func wait(timeoutMs: Int) async -> UInt64? {
        await withCheckedContinuation { (c: CheckedContinuation<UInt64?, Never>) in
            // nil: every update is in already (`last` is when the final one came).
            let (armed, last) = state.withLock { s -> (Int?, UInt64) in
                guard s.remaining > 0 else { return (nil, s.last) }
                s.continuation = c
                return (s.generation, s.last)
            }
            guard let armed else {
                c.resume(returning: last)
                return
            }
            Task {
                try? await Task.sleep(for: .milliseconds(timeoutMs))
                self.expire(armed)
            }
        }
    }
}

/// A message count shared by the reader tasks.
package final class MessageCounter: Sendable {
    package init() {}

    private let count = Mutex(0)
    package func add() { count.withLock { $0 += 1 } }
    package var value: Int { count.withLock { $0 } }
}
