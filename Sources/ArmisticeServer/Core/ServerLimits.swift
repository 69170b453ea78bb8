/// The server's limits. The defaults suit a classroom; tests shrink them.
public struct ServerLimits: Sendable, Hashable {
    /// The transport's inbound message cap (reported to clients in `welcome`).
    public var maxMessageBytes = 65_536
    public var chatMaxLength = 500
    public var nameMaxLength = 40
    /// Per connection: a burst of this many messages, refilled at `messagesPerSecond`.
    public var messageBurst = 40
    public var messagesPerSecond = 20.0
    /// Messages refused for flooding before the connection is closed.
    public var floodCloseAfter = 40
    /// Per address: wrong join codes and bad tokens allowed in a burst, refilled at `joinFailuresPerSecond`.
    public var joinFailureBurst = 8
    public var joinFailuresPerSecond = 0.2
    public var maxRooms = 1000
    public var maxSeatsPerRoom = 64
    /// Messages kept per room for resuming clients (a client further behind gets a snapshot instead).
    public var backlog = 1024
    /// Bytes of recent messages kept per room for resuming clients: with armistice.v2's small updates, minutes of a
    /// busy class; at most 256 MiB over `maxRooms` rooms.
    public var backlogBytes = 262_144
    public var chatHistory = 300
    /// A connection whose queue stays full this long is dropped.
    public var slowReaderDropMs: Int64 = 15_000
    /// How often a slow reader is offered a fresh snapshot.
    public var resyncIntervalMs: Int64 = 1_000
    /// After a restart, a running phase gets at least this much time so students can reconnect.
    public var restartGraceMs: Int64 = 60_000
    public var maxExtendSeconds = 3_600
    /// Finished rooms with nobody connected are let go after this long.
    public var finishedRoomLingerMs: Int64 = 3_600_000

    public init() {}
}
