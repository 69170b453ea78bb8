/// Holds an object that only the service thread touches.
///
/// Safety rule for `@unchecked Sendable`: `value` is used only from lws callbacks, which all run on
/// the loop's single service thread (checked by an assertion in debug builds).
final class ServiceThreadConfined<Value: AnyObject>: @unchecked Sendable {
    private let wrapped: Value
    private let loop: ServiceLoop

    init(_ value: Value, loop: ServiceLoop) {
        wrapped = value
        self.loop = loop
    }

    /// The confined object. Service thread only.
    var value: Value {
        assert(loop.isOnServiceThread, "service-thread state touched from another thread")
        return wrapped
    }
}
