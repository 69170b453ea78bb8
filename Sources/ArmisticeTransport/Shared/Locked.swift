import Foundation

/// A value guarded by a lock, for the one state that holds libwebsockets' C pointers (`ServiceLoop`): `Mutex`, the
/// lock everything else uses, hands values out only as `sending`, which raw pointers are not. Safety rule: the value
/// is only reached inside `withLock`.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value. Never call a delegate, or an lws function
    /// that can invoke callbacks, inside `body`.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
