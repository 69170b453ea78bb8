/// Whose instructor key, teacher's secret or sign-in session a request presents: the one decision behind `create_room`,
/// `join` as instructor, the log download and every `/api/teacher/` request (docs/protocol.md, "Rates and budgets").
///
/// A session (`SignInSessions.prefix`) is looked up in the session table only: never compared with the keys, never
/// charged to the address, never refused because of it (128 random bits cannot be guessed, as seat tokens cannot).
/// Anything else is a key: compared unless the address has used up its budget of wrong keys (then it is refused
/// unread, so that a guesser learns nothing), and charged to the address when it is wrong.
struct InstructorKeyCheck {
    let instructorKey: String
    let accounts: TeacherAccounts?
    /// Wrong keys per address (nil: no budget, as in some tests).
    let failures: JoinFailureLimiter?
    /// Sign-in sessions (nil: none are accepted).
    let sessions: SignInSessions?

    /// Why a key was not accepted.
    enum Refusal: Error, Equatable {
        /// The address has used up its wrong keys: this key was not compared.
        case rateLimited
        /// Neither the instructor key nor a teacher's secret (charged to the address).
        case wrongKey
        /// A session that is unknown, expired, or whose teacher was removed or reset (charged to nobody).
        case sessionExpired
    }

    /// A key that was accepted: whose it is, and whether it was a session.
    struct Accepted: Equatable {
        var principal: Principal
        var bySession: Bool
    }

    func check(_ presented: String, from address: String, now: Int64) -> Result<Accepted, Refusal> {
        if SignInSessions.isSession(presented) {
            guard let (principal, _) = sessions?.holder(presented, accounts: accounts, now: now) else { return .failure(.sessionExpired) }
            return .success(Accepted(principal: principal, bySession: true))
        }
        if let failures, !failures.allows(address, now: now) { return .failure(.rateLimited) }
        guard let principal = Principal.of(key: presented, instructorKey: instructorKey, accounts: accounts) else {
            failures?.recordFailure(address, now: now)
            return .failure(.wrongKey)
        }
        return .success(Accepted(principal: principal, bySession: false))
    }
}
