/// One instructor account as it is stored in `DATA/teachers.json`: never the secret, only a salted hash of it.
public struct TeacherAccount: Sendable, Hashable, Codable {
    /// A short id made from the name (`kim`, `kim-2`): what rooms record as their owner.
    public var id: String
    public var name: String
    /// 16 random bytes, hex.
    public var salt: String
    /// SHA-256 of the salt's bytes followed by the secret's UTF-8, hex.
    public var hash: String
    /// Milliseconds since 1970.
    public var created: Int64
}
