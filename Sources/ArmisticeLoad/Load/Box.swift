import Synchronization

/// A value shared between tasks, behind a lock (a `Mutex` that can be captured by a task).
package final class Box<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    package init(_ value: Value) { mutex = Mutex(value) }

    package func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }

    package var value: Value { mutex.withLock { $0 } }
}
