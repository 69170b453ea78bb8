import Synchronization

/// How many rooms each of a server's shards (rooms threads) holds, for the server-wide `maxRooms`. Each shard sets
/// its own count as its rooms come and go, and claims a place before it makes a room, under one lock: two shards
/// making rooms at once cannot both take the last place. (The room directory, copied after each batch, lags.)
public final class RoomCount: Sendable {
    /// Shard → its rooms.
    private let counts = Mutex<[Int: Int]>([:])

    public init() {}

    /// Rooms on every shard.
    public var total: Int { counts.withLock { $0.values.reduce(0, +) } }

    /// Counts one more room on `shard` if the server holds fewer than `limit`; false when it is full. The shard's next
    /// `set` replaces the claim by its true count (so a claim whose room is not made is not counted for long).
    func claim(shard: Int, limit: Int) -> Bool {
        counts.withLock { counts in
            guard counts.values.reduce(0, +) < limit else { return false }
            counts[shard, default: 0] += 1
            return true
        }
    }

    /// A shard's rooms now.
    func set(shard: Int, to count: Int) { counts.withLock { $0[shard] = count } }
}
