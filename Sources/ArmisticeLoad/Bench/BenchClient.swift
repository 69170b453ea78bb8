#if canImport(Glibc)
import Glibc
#endif
import ArmisticeTransport
import ArmisticeWire
import Foundation
import Logging

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
package final class MoveWaiter: @unchecked Sendable {
    package init() {}

    private let lock = NSLock()
    private var by = ""
    private var generation = 0
    private var remaining = 0
    private var last: UInt64 = 0
    private var continuation: CheckedContinuation<UInt64?, Never>?

    package func arm(by: String, count: Int) {
        lock.lock()
        self.by = by
        generation += 1
        remaining = count
        continuation = nil
        lock.unlock()
    }

    package func observe(by: String, at time: UInt64) {
        lock.lock()
        guard by == self.by, remaining > 0 else { lock.unlock(); return }
        remaining -= 1
        last = time
        let done = remaining == 0 ? continuation : nil
        if done != nil { continuation = nil }
        lock.unlock()
        done?.resume(returning: time)
    }

    private func expire(_ armed: Int) {
        lock.lock()
        guard generation == armed else { lock.unlock(); return }
        let stale = continuation
        continuation = nil
        remaining = 0
        lock.unlock()
        stale?.resume(returning: nil)
    }

    package func wait(timeoutMs: Int) async -> UInt64? {
        await withCheckedContinuation { (c: CheckedContinuation<UInt64?, Never>) in
            lock.lock()
            if remaining == 0 {
                lock.unlock()
                c.resume(returning: last)
                return
            }
            continuation = c
            let armed = generation
            lock.unlock()
            Task {
                try? await Task.sleep(for: .milliseconds(timeoutMs))
                self.expire(armed)
            }
        }
    }
}

/// A message count shared by the reader tasks.
package final class MessageCounter: @unchecked Sendable {
    package init() {}

    private let lock = NSLock()
    private var count = 0
    package func add() { lock.lock(); count += 1; lock.unlock() }
    package var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
