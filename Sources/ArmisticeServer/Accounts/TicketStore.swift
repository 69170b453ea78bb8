import Synchronization

/// Bearer tickets kept in memory only: each is `prefix` followed by 128 random bits in hex, stands for one claim until
/// it expires, and is stored only as its SHA-256. The archive's view tickets (`ArchiveTickets`) and the sign-in
/// sessions (`SignInSessions`) are two such stores. Thread-safe: the rooms threads and the HTTP thread read it.
public final class TicketStore<Claim: Sendable>: Sendable {
    /// What every ticket of this store starts with ("" for none); a value without it is not looked up.
    public let prefix: String
    public let lifetimeMs: Int64
    private struct Entry: Sendable {
        var claim: Claim
        var expires: Int64
    }
    private let entries = Mutex<[String: Entry]>([:])

    public init(prefix: String = "", lifetimeMs: Int64) {
        self.prefix = prefix
        self.lifetimeMs = lifetimeMs
    }

    /// A new ticket for a claim; returns it and when it expires. Expired tickets are forgotten on the way. With a
    /// `limit`, at most `limit.count` live tickets are kept whose claims `limit.same` matches (the new one included):
    /// the oldest of them (the soonest to expire) are forgotten to make room.
    public func issue(
        _ claim: Claim, now: Int64, limit: (count: Int, same: (Claim) -> Bool)? = nil
    ) -> (ticket: String, expires: Int64) {
        let ticket = prefix + Secrets.instructorKey()
        let expires = now + lifetimeMs
        let hash = Secrets.tokenHash(ticket)
        entries.withLock { all in
            all = all.filter { $0.value.expires > now }
            if let limit {
                let same = all.filter { limit.same($0.value.claim) }
                if same.count >= limit.count {
                    let oldest = same.sorted { $0.value.expires < $1.value.expires }.prefix(same.count - limit.count + 1)
                    for (key, _) in oldest { all[key] = nil }
                }
            }
            all[hash] = Entry(claim: claim, expires: expires)
        }
        return (ticket, expires)
    }

    /// What a ticket stands for and when it expires, while it is valid; nil for an unknown, expired or revoked one.
    public func claim(_ ticket: String, now: Int64) -> (claim: Claim, expires: Int64)? {
        guard ticket.hasPrefix(prefix) else { return nil }
        let hash = Secrets.tokenHash(ticket)
        return entries.withLock { all -> (claim: Claim, expires: Int64)? in
            guard let entry = all[hash], entry.expires > now else { return nil }
            return (entry.claim, entry.expires)
        }
    }

    /// Forgets one ticket.
    public func revoke(_ ticket: String) {
        let hash = Secrets.tokenHash(ticket)
        entries.withLock { all in all[hash] = nil }
    }

    /// Forgets every ticket whose claim matches.
    public func revokeAll(where matches: (Claim) -> Bool) {
        entries.withLock { all in all = all.filter { !matches($0.value.claim) } }
    }

    /// How many tickets are held (expired ones not yet forgotten included).
    public var count: Int { entries.withLock { $0.count } }
}
