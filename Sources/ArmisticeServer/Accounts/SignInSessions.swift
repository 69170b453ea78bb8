/// Sign-in sessions (docs/protocol.md, "Instructor accounts and the archive"): once the instructor key or a teacher's
/// secret has been accepted, `POST /api/teacher/session` gives a session, `session-` and 128 random bits in hex, that
/// names the admin or that teacher and lasts 12 hours. It is accepted wherever a key is and, since it cannot be
/// guessed, never charged to the address's budget of wrong keys nor refused for it (`InstructorKeyCheck`): a teacher
/// signed in before a student at the same address starts sending wrong keys keeps working.
///
/// Kept in memory only, in a `TicketStore` as the view tickets are: a restart ends every session. A teacher's session
/// also ends with their account or their secret: at each use it is checked against the accounts file as it is now
/// (`armistice teacher remove`, `armistice teacher reset`). Thread-safe.
public final class SignInSessions: Sendable {
    /// What every session starts with: a value with it is looked up here only, never compared with the keys.
    public static let prefix = "session-"
    /// 12 hours: a school day, so a morning's sign-in lasts until the last class.
    public static let lifetimeMs: Int64 = 12 * 3_600_000
    /// At most this many sessions live per principal (the admin, or one teacher): the next one ends the oldest. A
    /// teacher signs in once per tab, so a school day's tabs and devices fit many times over, while a script holding a
    /// valid secret cannot grow the table (and the time each sign-in takes to tidy it) without bound.
    public static let perPrincipal = 100

    private struct Holder: Sendable {
        var principal: Principal
        /// The teacher's stored secret hash when the session was opened: a reset secret ends the session.
        var secretHash: String?
    }
    private let store: TicketStore<Holder>

    private let perPrincipal: Int

    public init(lifetimeMs: Int64 = SignInSessions.lifetimeMs, perPrincipal: Int = SignInSessions.perPrincipal) {
        store = TicketStore(prefix: Self.prefix, lifetimeMs: lifetimeMs)
        self.perPrincipal = perPrincipal
    }

    /// Whether a presented value is a session (by its prefix), whatever it is worth.
    public static func isSession(_ value: String) -> Bool { value.hasPrefix(prefix) }

    /// A new session for a principal whose key was just accepted: the session and when it ends (ms since 1970); nil
    /// for a teacher the accounts no longer hold.
    public func open(for principal: Principal, accounts: TeacherAccounts?, now: Int64) -> (session: String, expires: Int64)? {
        let holder: Holder
        switch principal {
        case .admin:
            holder = Holder(principal: .admin, secretHash: nil)
        case .teacher(let id):
            guard let account = accounts?.all.first(where: { $0.id == id }) else { return nil }
            holder = Holder(principal: principal, secretHash: account.hash)
        }
        let (session, expires) = store.issue(holder, now: now, limit: (perPrincipal, { $0.principal == principal }))
        return (session, expires)
    }

    /// Who a session names while it lasts, and when it ends; nil for an unknown or expired one, or a teacher whose account
    /// is gone or whose secret was reset since (that session is then forgotten).
    public func holder(_ session: String, accounts: TeacherAccounts?, now: Int64) -> (principal: Principal, expires: Int64)? {
        guard let (holder, expires) = store.claim(session, now: now) else { return nil }
        if case .teacher(let id) = holder.principal {
            guard let current = accounts?.all.first(where: { $0.id == id }), current.hash == holder.secretHash else {
                store.revoke(session)
                return nil
            }
        }
        return (holder.principal, expires)
    }

    /// Ends a session (signing out).
    public func close(_ session: String) {
        store.revoke(session)
    }

    /// How many sessions are held.
    public var count: Int { store.count }
}
