import CLibWebSockets

/// Everything the server's service thread owns: the connection table and HTTP exchanges, keyed by
/// the id stored in each wsi's per-session data.
final class ServerServiceState {
    /// Last id handed out (WebSocket connections and HTTP exchanges share the sequence).
    var lastID: UInt64 = 0
    var connections: [UInt64: ServerConnection] = [:]
    var exchanges: [UInt64: HTTPExchange] = [:]
    /// Scratch buffer for HTTP body chunks, with LWS_PRE headroom.
    let scratch: UnsafeMutablePointer<UInt8>
    static let scratchPayload = 16 * 1024
    /// Joins the frames of one WRITEABLE callback into one write.
    let coalescer = FrameCoalescer()
    /// Sockets per peer address, for `Configuration.maxConnectionsPerAddress`.
    var addresses: AddressConnections
    /// Sockets destroyed since memory was last handed back (and that count at the last once-a-second tick), and when
    /// that was (monotonic nanoseconds).
    var socketsClosedSinceMemoryReturn = 0
    var socketsClosedAtLastTick = 0
    var lastMemoryReturn: UInt64 = 0

    init(maxConnectionsPerAddress: Int) {
        scratch = .allocate(capacity: clws_pre() + Self.scratchPayload)
        addresses = AddressConnections(limit: maxConnectionsPerAddress)
    }

    func nextID() -> UInt64 {
        lastID += 1
        return lastID
    }

    deinit { scratch.deallocate() }
}
