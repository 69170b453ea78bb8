import Foundation

/// Runs blocking work (a child process, a blocking socket, a sleep) on a thread of its own, so that it never ties up
/// Swift's cooperative pool. That pool has one thread per core (two on the CI machine) and runs every test of the
/// run, synchronous ones included: a test that waits there for a child holds a thread that every other running
/// test's tasks need, and a wait of tens of seconds lets the servers of other tests close connections that waited
/// too long for their `hello`.
public func offload<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// `offload` for work that throws.
public func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await offload { Result { try body() } }.get()
}

/// A failure a test throws with a message that says what it waited for and what it saw.
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
