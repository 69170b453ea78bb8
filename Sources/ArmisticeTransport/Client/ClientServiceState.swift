import CLibWebSockets
import Foundation

/// Everything a client pool's service thread owns.
final class ClientServiceState {
    var sessions: [UInt64: ClientSession] = [:]
    /// C strings handed to lws_client_connect_via_info, kept until the attempt ends.
    var connectStrings: [UInt64: [UnsafeMutablePointer<CChar>]] = [:]
    /// True while inside lws_client_connect_via_info (callbacks may fire synchronously).
    var insideConnect = false
    /// The frames a WRITEABLE callback takes from the outbox; reused from callback to callback.
    var taken: [OutboundFrame] = []
    /// A retry policy with no validity times, given to every connect: lws then keeps no per-connection validity timer
    /// (`WebSocketClientCore.sweepIdle` pings and hangs up instead). Outlives the context, as lws keeps the pointer.
    let noValidityPolicy: UnsafeMutablePointer<lws_retry_bo_t> = {
        let policy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
        policy.initialize(to: lws_retry_bo_t())
        return policy
    }()

    func releaseStrings(_ id: UInt64) {
        guard let strings = connectStrings.removeValue(forKey: id) else { return }
        for string in strings { free(string) }
    }

    /// A ping's buffer: `LWS_PRE` bytes of headroom for the frame header, then the payload (masked in place).
    let pingBuffer: UnsafeMutablePointer<UInt8> = {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: clws_pre() + IdleSweep.pingPayloadBytes)
        buffer.initialize(repeating: 0, count: clws_pre() + IdleSweep.pingPayloadBytes)
        return buffer
    }()

    deinit {
        noValidityPolicy.deallocate()
        pingBuffer.deallocate()
        for strings in connectStrings.values { for string in strings { free(string) } }
    }
}
