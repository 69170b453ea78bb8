import ArmisticeWire

/// The server's limits. The defaults suit a classroom; tests shrink them.
public struct ServerLimits: Sendable, Hashable {
    /// The transport's inbound message cap (reported to clients in `welcome`).
    public var maxMessageBytes = 65_536
    /// Chat, in characters (grapheme clusters); also bounded in code points, UTF-8 bytes and line breaks, so
    /// combining marks or blank lines cannot make one message large.
    public var chatMaxLength = 500
    public var chatMaxScalars = 1_000
    public var chatMaxBytes = 2_000
    public var chatMaxLineBreaks = 20
    /// Display names, in characters, code points and UTF-8 bytes (longer names are cut).
    public var nameMaxLength = 40
    public var nameMaxScalars = 80
    public var nameMaxBytes = 160
    /// Per connection: a burst of this many messages, refilled at `messagesPerSecond`.
    public var messageBurst = 40
    public var messagesPerSecond = 20.0
    /// A message costs one more of the burst per started `bytesPerToken` beyond its first (a 64 KiB message costs 4).
    public var bytesPerToken = 16_384
    /// A message's shape, checked before it is decoded (see `RequestShape`): nesting depth and JSON values.
    public var maxDepth = RequestShape.defaultMaxDepth
    public var maxValues = RequestShape.defaultMaxValues
    /// Messages refused for flooding before the connection is closed.
    public var floodCloseAfter = 40
    /// Requests waiting for the rooms thread, per connection and in all; past either, a request is refused with
    /// `server_busy` (the rooms thread is behind; nothing was done).
    public var maxQueuedPerConnection = 64
    public var maxQueued = 50_000
    /// A connection that has not said `hello` this long after opening is closed (1008).
    public var helloDeadlineMs: Int64 = 30_000
    /// Per address: wrong join codes (and unknown codes looked up over HTTP) allowed in a burst, refilled at
    /// `joinFailuresPerSecond`. A correct code costs nothing; one wrong code every 5 s never uses the budget up; and
    /// at the refill rate guessing one class's code takes 56 years on average (docs/protocol.md has the arithmetic).
    public var joinFailureBurst = 40
    public var joinFailuresPerSecond = 0.25
    /// Per connection: bad seat tokens before the connection is closed (tokens are unguessable, so a valid token
    /// always resumes and an address is never charged for tokens).
    public var badTokensPerConnection = 5
    /// Per address: wrong instructor keys (in `create_room`, `join` as instructor, and the log download) allowed in a
    /// burst, refilled at `keyFailuresPerSecond`. Past it, keys from that address are not even compared.
    public var keyFailureBurst = 10
    public var keyFailuresPerSecond = 0.1
    public var maxRooms = 1000
    public var maxSeatsPerRoom = 64
    /// Messages kept per room for resuming clients (a client further behind gets a snapshot instead).
    public var backlog = 1024
    /// Bytes of recent messages kept per room for resuming clients: with armistice.v2's small updates, minutes of a
    /// busy class; at most 256 MiB over `maxRooms` rooms.
    public var backlogBytes = 262_144
    /// Chat messages kept per room for snapshots (all of it stays in the log).
    public var chatHistory = 300
    /// What one snapshot carries of the chat its seat reads: the newest messages, at most this many and this
    /// many bytes of text, names and channels.
    public var snapshotChatEntries = 100
    public var snapshotChatBytes = 32_768
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
