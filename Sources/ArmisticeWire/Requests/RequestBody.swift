/// A request's body: its fields as the wire carries them, the `type` that names it, and who may send it.
public protocol RequestBody: Codable, Sendable, Hashable {
    /// The request's `type` on the wire.
    static var type: String { get }
    /// Who may send it.
    static var authority: RequestAuthority { get }
    /// The request this body makes.
    var request: ClientRequest { get }
}

extension RequestBody {
    /// The message a client sends: the body's fields, its `type` and, when given, the `id` the answer echoes.
    public func message(id: JSONValue? = nil) -> JSONValue {
        var fields = JSONValue(encoding: self)?.object ?? [:]
        fields["type"] = .string(Self.type)
        if let id { fields["id"] = id }
        return .object(fields)
    }
}
