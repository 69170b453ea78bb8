/// Short-lived view tickets: a teacher's page asks for one (with the secret in a header) to open one match's report
/// or replay by an ordinary link, which cannot carry headers. A ticket names one room and one principal, is 128
/// random bits, and lasts `lifetimeMs`; it never carries the secret. Thread-safe; kept in memory only (a
/// `TicketStore`, as the sign-in sessions are).
public final class ArchiveTickets: Sendable {
    private struct View: Sendable {
        var code: String
        var principal: Principal
    }
    private let store: TicketStore<View>
    public var lifetimeMs: Int64 { store.lifetimeMs }

    public init(lifetimeMs: Int64 = 3_600_000) {
        store = TicketStore(lifetimeMs: lifetimeMs)
    }

    /// A new ticket for a room; returns it and when it expires.
    public func issue(code: String, for principal: Principal, now: Int64) -> (ticket: String, expires: Int64) {
        store.issue(View(code: code, principal: principal), now: now)
    }

    /// Who a ticket speaks for, if it is valid for this room now.
    public func principal(_ ticket: String, code: String, now: Int64) -> Principal? {
        guard let view = store.claim(ticket, now: now)?.claim, view.code == code else { return nil }
        return view.principal
    }

    /// Forgets every ticket of a room (it was deleted).
    public func revoke(code: String) {
        store.revokeAll { $0.code == code }
    }
}
