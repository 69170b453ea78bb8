import CLibWebSockets

/// An immutable, encoded WebSocket frame payload that many recipients can share: one buffer
/// with `LWS_PRE` bytes of headroom in front, written to every socket without copying.
///
/// Safety rule for `@unchecked Sendable`: the payload bytes are written once in `init` and never
/// again on the server path. The headroom in front is scratch space where libwebsockets puts the
/// frame header during `lws_write`; that happens only on a service thread, and the header bytes are
/// identical for every server-side write of the same frame. Client frames (which lws masks in place)
/// are never shared: each client `send` builds its own frame.
public final class OutboundFrame: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let headroom: Int
    /// Payload size in bytes.
    public let count: Int
    /// Whether the frame goes out as a binary (rather than text) message.
    let isBinary: Bool

    /// Encodes `text` as a UTF-8 text frame.
    public convenience init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Wraps bytes that are already valid UTF-8 as a text frame.
    public convenience init(bytes: [UInt8]) {
        self.init(bytes: bytes, binary: false)
    }

    init(bytes: [UInt8], binary: Bool) {
        headroom = clws_pre()
        count = bytes.count
        isBinary = binary
        base = UnsafeMutableRawPointer.allocate(byteCount: headroom + max(count, 1), alignment: 16)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: headroom)
        bytes.withUnsafeBytes { source in
            if let address = source.baseAddress, count > 0 {
                (base + headroom).copyMemory(from: address, byteCount: count)
            }
        }
    }

    /// The first payload byte; `LWS_PRE` writable bytes precede it. Service thread only.
    var payload: UnsafeMutablePointer<UInt8> {
        (base + headroom).assumingMemoryBound(to: UInt8.self)
    }

    /// Service thread: hands the whole frame to lws in one `lws_write`. Returns false if lws took less (an error: lws
    /// buffers a partial send itself), in which case the callback must fail the connection by returning -1.
    func write(to wsi: OpaquePointer) -> Bool {
        Int(lws_write(wsi, payload, count, isBinary ? LWS_WRITE_BINARY : LWS_WRITE_TEXT)) >= count
    }

    /// Bytes of the unmasked (server-to-client) frame header, RFC 6455 section 5.2: 2, 4 or 10.
    var headerCount: Int { count < 126 ? 2 : count < 65_536 ? 4 : 10 }

    /// Service thread: copies the whole frame as a server sends it (FIN set, unmasked header, then the payload) to
    /// `destination`, which has room for `headerCount + count` bytes. The same bytes `write(to:)` has lws put on the
    /// wire for a server connection (`rops_write_role_protocol_ws` with no extension negotiated).
    func copyWire(to destination: UnsafeMutablePointer<UInt8>) {
        destination[0] = 0x80 | (isBinary ? 0x2 : 0x1)
        switch headerCount {
        case 2:
            destination[1] = UInt8(count)
        case 4:
            destination[1] = 126
            destination[2] = UInt8(truncatingIfNeeded: count >> 8)
            destination[3] = UInt8(truncatingIfNeeded: count)
        default:
            destination[1] = 127
            for i in 0..<8 { destination[2 + i] = UInt8(truncatingIfNeeded: UInt64(count) >> (56 - 8 * UInt64(i))) }
        }
        (destination + headerCount).update(from: payload, count: count)
    }

    deinit { base.deallocate() }
}
