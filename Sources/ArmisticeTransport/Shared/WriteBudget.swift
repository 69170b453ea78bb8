/// How much one WRITEABLE callback may write to one connection before the service thread moves on to the others.
///
/// libwebsockets' mirror plugin writes queued messages until the socket is full; the budget adds a bound so that
/// one connection with a long queue on a fast socket does not hold the service thread while others wait.
struct WriteBudget {
    /// Frames written in one callback at the most, by default.
    static let frames = 16
    /// Payload bytes after which no further frame is started in the same callback, by default.
    static let bytes = 64 * 1024

    /// This budget's frame limit.
    let frameLimit: Int
    /// This budget's byte limit.
    let byteLimit: Int
    /// Frames written so far in this callback.
    private(set) var framesWritten = 0
    /// Payload bytes written so far in this callback.
    private(set) var bytesWritten = 0

    init(frames: Int = WriteBudget.frames, bytes: Int = WriteBudget.bytes) {
        frameLimit = frames
        byteLimit = bytes
    }

    /// Whether no further frame may be started in this callback.
    var isSpent: Bool { framesWritten >= frameLimit || bytesWritten >= byteLimit }

    /// Counts one frame of `count` payload bytes as written; returns whether another may follow in this callback.
    mutating func spend(_ count: Int) -> Bool {
        framesWritten += 1
        bytesWritten += count
        return !isSpent
    }
}
