/// What the service thread knows about whether a connection's peer is still there: when it was last heard from
/// (any frame or pong) and whether a ping is owed or out. A value that decides; the core does the I/O.
struct Liveness: Sendable, Equatable {
    /// What a sweep should do about one connection.
    enum Action: Sendable, Equatable {
        case nothing
        /// Ask for WRITEABLE: the next callback sends a ping (`takePing()`).
        case ping
        /// Silent for too long: drop the connection (no close handshake with a peer that does not answer).
        case hangUp
    }

    /// Monotonic nanoseconds when the peer was last heard from (or the connection opened).
    private(set) var lastHeard: UInt64
    /// A sweep asked for a ping that no WRITEABLE has sent yet.
    private(set) var pingOwed = false
    /// A ping went out (or is owed) since the peer was last heard from: do not ping again.
    private(set) var pinged = false

    init(openedAt now: UInt64) { lastHeard = now }

    /// The peer sent something (a message fragment or a pong).
    mutating func heard(at now: UInt64) {
        lastHeard = now
        pinged = false
        pingOwed = false
    }

    /// The connection was given up on: later checks say `.nothing` while lws closes it.
    private(set) var hungUp = false

    /// The sweep's decision at `now`: `.ping` once per silence, `.hangUp` once.
    mutating func check(at now: UInt64, policy: IdlePolicy) -> Action {
        guard !hungUp else { return .nothing }
        let silent = now >= lastHeard ? now - lastHeard : 0
        if silent >= policy.hangUpAfter {
            hungUp = true
            return .hangUp
        }
        if silent >= policy.pingAfter && !pinged {
            pinged = true
            pingOwed = true
            return .ping
        }
        return .nothing
    }

    /// In WRITEABLE: whether to write a ping now (true at most once per `.ping`).
    mutating func takePing() -> Bool {
        guard pingOwed else { return false }
        pingOwed = false
        return true
    }
}
