import Foundation
import Synchronization

/// Short-lived view tickets: a teacher's page asks for one (with the secret in a header) to open one match's report
/// or replay by an ordinary link, which cannot carry headers. A ticket names one room and one principal, is 128
/// random bits, and lasts `lifetimeMs`; it never carries the secret. Thread-safe; kept in memory only.
public final class ArchiveTickets: Sendable {
    public let lifetimeMs: Int64
    private struct Ticket {
        var code: String
        var principal: Principal
        var expires: Int64
    }
    private let tickets = Mutex<[String: Ticket]>([:])

    public init(lifetimeMs: Int64 = 3_600_000) {
        self.lifetimeMs = lifetimeMs
    }

    /// A new ticket for a room; returns it and when it expires.
    public func issue(code: String, for principal: Principal, now: Int64) -> (ticket: String, expires: Int64) {
        let ticket = Secrets.instructorKey()
        let expires = now + lifetimeMs
        tickets.withLock { all in
            all = all.filter { $0.value.expires > now }
            all[Secrets.tokenHash(ticket)] = Ticket(code: code, principal: principal, expires: expires)
        }
        return (ticket, expires)
    }

    /// Who a ticket speaks for, if it is valid for this room now.
    public func principal(_ ticket: String, code: String, now: Int64) -> Principal? {
        tickets.withLock { all in
            guard let t = all[Secrets.tokenHash(ticket)], t.code == code, t.expires > now else { return nil }
            return t.principal
        }
    }

    /// Forgets every ticket of a room (it was deleted).
    public func revoke(code: String) {
        tickets.withLock { all in all = all.filter { $0.value.code != code } }
    }
}
