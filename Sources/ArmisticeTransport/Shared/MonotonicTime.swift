import Foundation

/// Nanoseconds on the monotonic clock (CLOCK_MONOTONIC), for `Liveness`.
enum MonotonicTime {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
