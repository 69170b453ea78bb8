/// Reassembles the chunks libwebsockets delivers into whole messages and enforces the size cap.
///
/// A value with no I/O: the service thread feeds it each chunk with lws's fragment flags and acts on
/// the returned verdict, so the rules can be tested without sockets.
struct MessageAssembler {
    /// What the caller should do after a chunk.
    enum Verdict: Equatable {
        /// The message is not complete yet.
        case pending
        /// A whole, valid UTF-8 text message.
        case text(String)
        /// The whole message was dropped; keep the connection.
        case rejected(InboundRejection)
        /// The text message was not valid UTF-8 (lws normally closes first with 1007).
        case invalidUTF8
        /// The message grew beyond the hard limit: close the connection with 1009.
        case abort(bytes: Int)
        /// The message came in more pieces than `maxChunks` (a flood of tiny fragments, which no budget counts while
        /// the message is under way): close the connection with 1008.
        case tooFragmented
    }

    /// Largest accepted message, in bytes.
    let limit: Int
    /// Beyond this many bytes of one message, the connection is closed.
    let hardLimit: Int
    /// Beyond this many pieces of one message (fragments, or the reads lws splits a frame into), the connection is
    /// closed: a 64 KiB message in 16-byte fragments still fits, a flood of 1-byte continuation frames does not.
    static let maxChunks = 4_096

    private var buffer: [UInt8] = []
    private var received = 0
    private var chunks = 0
    private var isBinary = false
    private var discarding = false

    init(limit: Int, hardLimitFactor: Int = 16) {
        self.limit = max(1, limit)
        let (product, overflow) = self.limit.multipliedReportingOverflow(by: max(1, hardLimitFactor))
        hardLimit = overflow ? Int.max : product
    }

    /// Feeds one chunk. `first` and `final` are lws_is_first_fragment / lws_is_final_fragment;
    /// `binary` is lws_frame_is_binary for the message.
    mutating func consume(_ chunk: UnsafeRawBufferPointer, first: Bool, final: Bool, binary: Bool) -> Verdict {
        if first {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            received = 0
            chunks = 0
            isBinary = binary
            discarding = binary
        }
        chunks += 1
        if chunks > Self.maxChunks {
            reset()
            return .tooFragmented
        }
        received += chunk.count
        if received > hardLimit {
            let total = received
            reset()
            return .abort(bytes: total)
        }
        if !discarding {
            if received > limit {
                discarding = true
                buffer.removeAll()
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
        guard final else { return .pending }
        defer { reset() }
        if isBinary { return .rejected(.binaryFrame) }
        if discarding { return .rejected(.tooLarge(bytes: received)) }
        guard let text = String(validating: buffer, as: UTF8.self) else { return .invalidUTF8 }
        return .text(text)
    }

    private mutating func reset() {
        if buffer.capacity > 64 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
        received = 0
        chunks = 0
        isBinary = false
        discarding = false
    }
}
