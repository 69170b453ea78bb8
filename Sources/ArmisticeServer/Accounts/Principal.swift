/// Who presented a key: the server's admin (the global instructor key, sees every room) or one teacher.
public enum Principal: Sendable, Hashable {
    case admin
    case teacher(id: String)

    /// The owner recorded in a new room's log header (nil for the admin's rooms).
    public var ownerID: String? {
        if case .teacher(let id) = self { return id }
        return nil
    }

    /// Whether this principal may see and control a room owned by `owner` (nil: the admin's).
    public func mayAccess(owner: String?) -> Bool {
        switch self {
        case .admin: true
        case .teacher(let id): owner == id
        }
    }

    /// Whether this principal may see a match (not control it): the owner's, the admin's, or shared with them.
    public func mayView(owner: String?, shared: [String]) -> Bool {
        if mayAccess(owner: owner) { return true }
        if case .teacher(let id) = self { return shared.contains(id) }
        return false
    }

    /// Who a key belongs to: the admin's instructor key, a teacher's secret, or nobody (nil).
    public static func of(key: String, instructorKey: String, accounts: TeacherAccounts?) -> Principal? {
        if Secrets.equal(key, instructorKey) { return .admin }
        return accounts?.authenticate(key).map { .teacher(id: $0.id) }
    }
}
