/// Which rooms thread (shard) holds a room: computed from the room's code alone, so a connection's messages can be
/// routed before any room is looked up, and the same on every start with the same number of shards.
///
/// The hash is FNV-1a over the code's bytes (Swift's `Hasher` is seeded per process, so it would move rooms on
/// every restart). A run with a different number of shards simply places the rooms recovered at start by the new
/// count: nothing on disk records a room's shard. Each shard mints only codes that hash to it.
public struct ShardMap: Sendable, Hashable {
    /// How many shards there are (at least 1).
    public let count: Int

    public init(count: Int) { self.count = max(1, count) }

    /// The shard of a room code (as `Secrets.normalizeCode` leaves it).
    public func shard(of code: String) -> Int {
        guard count > 1 else { return 0 }
        var hash: UInt32 = 2_166_136_261
        for byte in code.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }
}
