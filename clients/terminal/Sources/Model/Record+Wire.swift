import ArmisticeEngine
import ArmisticeWire

extension Record {
    /// A record as a view carries it (docs/protocol.md: the engine's fields, `visible_to` in snake_case); nil when
    /// it is not one (an unknown kind, a field of the wrong type).
    init?(wire j: JSONValue) {
        guard case .object(var fields) = j else { return nil }
        if let seen = fields.removeValue(forKey: "visible_to") { fields["visibleTo"] = seen }
        guard let record = JSONValue.object(fields).decoded(as: Record.self) else { return nil }
        self = record
    }
}
