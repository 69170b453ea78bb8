/// When a silent connection is pinged and when it is given up on.
///
/// This replaces lws's retry/validity policy (`secs_since_valid_ping` / `secs_since_valid_hangup`): in lws 4.1 that
/// policy keeps one timer per connection in a sorted list and re-inserts it (a walk of the whole list) on every ping
/// and pong, which at 10,000 connections cost a fifth of the server's CPU. Here one sweep a second checks every
/// connection's `Liveness` instead, and lws keeps no per-connection timer.
struct IdlePolicy: Sendable, Equatable {
    /// Silence (nanoseconds) after which a ping is sent.
    let pingAfter: UInt64
    /// Silence (nanoseconds) after which the connection is dropped; greater than `pingAfter`.
    let hangUpAfter: UInt64

    /// Seconds as lws took them: ping at least 1 s, hang up at least 1 s after the ping.
    init(pingSeconds: Int, hangUpSeconds: Int) {
        let ping = min(max(pingSeconds, 1), 65_000)
        let hangUp = min(max(hangUpSeconds, ping + 1), 65_535)
        pingAfter = UInt64(ping) * 1_000_000_000
        hangUpAfter = UInt64(hangUp) * 1_000_000_000
    }

    /// How often the service thread should sweep: often enough that a ping or hang-up is at most ~1 s late.
    static let sweepIntervalMicroseconds: Int64 = 1_000_000
}
