import CLibWebSockets

/// One repeating lws timer (`lws_sul_schedule`) that calls `onTick` on the service thread.
///
/// The `lws_sorted_usec_list_t` lives in C memory followed by an unretained pointer back to this object, which is
/// how the C callback finds it. Service thread only: created, scheduled, fired, cancelled and released there, and
/// released only after `lws_context_destroy`.
final class ServiceTicker {
    private let context: OpaquePointer
    private let interval: Int64
    private let onTick: () -> Void
    private let block: UnsafeMutableRawPointer
    private static let ownerOffset = MemoryLayout<lws_sorted_usec_list_t>.stride

    init(context: OpaquePointer, interval microseconds: Int64, onTick: @escaping () -> Void) {
        self.context = context
        interval = microseconds
        self.onTick = onTick
        block = calloc(1, Self.ownerOffset + MemoryLayout<UnsafeRawPointer>.stride)!
        block.storeBytes(of: UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()), toByteOffset: Self.ownerOffset,
                         as: UnsafeRawPointer.self)
    }

    private var sul: UnsafeMutablePointer<lws_sorted_usec_list_t> {
        block.assumingMemoryBound(to: lws_sorted_usec_list_t.self)
    }

    /// (Re)arms the timer `interval` from now.
    func schedule() {
        lws_sul_schedule(context, 0, sul, { sul in
            guard let sul else { return }
            let owner = UnsafeMutableRawPointer(sul).load(fromByteOffset: ServiceTicker.ownerOffset, as: UnsafeRawPointer.self)
            let ticker = Unmanaged<ServiceTicker>.fromOpaque(owner).takeUnretainedValue()
            ticker.onTick()
            ticker.schedule()
        }, lws_usec_t(interval))
    }

    func cancel() { lws_sul_cancel(sul) }

    deinit { free(block) }
}
