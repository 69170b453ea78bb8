import CLibWebSockets

/// The I/O half of `Liveness`, shared by the server and the client pool: run once a second on the service thread
/// (`ServiceTicker`), and write the pings it asks for from WRITEABLE.
enum IdleSweep {
    /// Asks lws for WRITEABLE on every connection whose ping is due (the callback sends it, `writePingIfOwed`) and has
    /// lws drop, without a close handshake, those silent past the policy's hang-up time (as lws's own validity hangup
    /// did). Returns how many were dropped.
    @discardableResult
    static func run<Connections: Sequence>(over connections: Connections, at now: UInt64, policy: IdlePolicy) -> Int
    where Connections.Element: IdleTracked {
        var dropped = 0
        for connection in connections {
            switch connection.liveness.check(at: now, policy: policy) {
            case .nothing:
                break
            case .ping:
                lws_callback_on_writable(connection.wsi)
            case .hangUp:
                dropped += 1
                // Asynchronous: the connection closes on the next service pass, not while the table is being walked.
                lws_set_timeout(connection.wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC)
            }
        }
        return dropped
    }

    /// Bytes of ping payload. Not zero: lws 4.1 does not pass an empty pong to the protocol callback
    /// (`ops-ws.c`: `if (opcode == LWSWSOPC_PONG && !eb_in.len) goto already_done`), so an empty ping's answer
    /// would never reach `Liveness` and a live but quiet peer would be dropped.
    static let pingPayloadBytes = 8

    /// In WRITEABLE: writes a ping if one is owed, from `buffer` (`LWS_PRE` bytes of headroom, then at least
    /// `pingPayloadBytes` that lws may mask in place). Returns nil if none was owed, else whether lws took it (false:
    /// fail the connection by returning -1).
    static func writePingIfOwed(_ connection: some IdleTracked, buffer: UnsafeMutablePointer<UInt8>) -> Bool? {
        guard connection.liveness.takePing() else { return nil }
        // The payload is zeros, written here: the buffer is shared scratch space (the server's HTTP bodies pass
        // through it), and whatever it last held must never reach a peer.
        let payload = buffer + clws_pre()
        payload.update(repeating: 0, count: pingPayloadBytes)
        return lws_write(connection.wsi, payload, pingPayloadBytes, LWS_WRITE_PING) >= 0
    }
}
