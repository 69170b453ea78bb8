import ArmisticeEngine
import Foundation

extension Record {
    /// A record as a view carries it (docs/protocol.md: the engine's fields, `visible_to` in snake_case); nil when
    /// it is not one (an unknown kind, a field of the wrong type).
    init?(wire j: JSON) {
        guard case .object(var fields) = j else { return nil }
        if let seen = fields.removeValue(forKey: "visible_to") { fields["visibleTo"] = seen }
        guard let data = try? JSONEncoder().encode(JSON.object(fields)) else { return nil }
        guard let record = try? JSONDecoder().decode(Record.self, from: data) else { return nil }
        self = record
    }
}
