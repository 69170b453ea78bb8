import CLibWebSockets

/// Service thread: writes the frames one WRITEABLE callback takes for one connection with one `lws_write`.
///
/// lws 4.1 sends each `lws_write` with its own `send` (on loopback, one TCP segment whose receive side the kernel
/// runs in the sender's thread), so a callback with several frames queued copies them, each behind the header lws
/// would have written, into one buffer and hands that to lws as `LWS_WRITE_RAW`: the ws role passes raw bytes to
/// `lws_issue_raw` untouched, which buffers an unsent rest itself (as for any write) and reports the pipe choked
/// until it is flushed. Server frames are unmasked and no extension is negotiated, so the bytes are the ones lws
/// would have sent frame by frame. A lone frame goes out as before, with no copy.
final class FrameCoalescer {
    /// The frames taken for the connection being written; reused from callback to callback.
    var frames: [OutboundFrame] = []
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init() {
        capacity = 16 * 1024
        buffer = .allocate(capacity: clws_pre() + capacity)
    }

    /// Writes `frames` to `wsi`. Returns false if lws took less than all of it (an error: the callback must return -1).
    func write(to wsi: OpaquePointer) -> Bool {
        guard frames.count > 1 else { return frames.first.map { $0.write(to: wsi) } ?? true }
        let total = frames.reduce(0) { $0 + $1.headerCount + $1.count }
        reserve(total)
        var cursor = buffer + clws_pre()
        for frame in frames {
            frame.copyWire(to: cursor)
            cursor += frame.headerCount + frame.count
        }
        // LWS_WRITE_RAW is a macro for LWS_WRITE_HTTP, which Swift does not import.
        return Int(lws_write(wsi, buffer + clws_pre(), total, LWS_WRITE_HTTP)) >= total
    }

    private func reserve(_ count: Int) {
        guard count > capacity else { return }
        buffer.deallocate()
        capacity = max(count, capacity * 2)
        buffer = .allocate(capacity: clws_pre() + capacity)
    }

    deinit { buffer.deallocate() }
}
