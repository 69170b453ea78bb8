import ArmisticeWire
import Foundation

/// The tests read messages as JSONSerialization's objects; the view they hold is merged by the wire's `ViewMerge`,
/// as the terminal merges it. The result is kept in each snapshot and update as `view`, so tests read both alike.
extension ViewMerge {
    /// `held` is the client's view (records left out), kept across reconnections as a real client keeps it.
    static func materialize(_ message: [String: Any], held: inout [String: Any]?) -> [String: Any] {
        guard let type = message["type"] as? String, type == "snapshot" || type == "update" else { return message }
        guard let json = jsonValue(message), let view = apply(json, to: held.flatMap(jsonValue)?.object) else { return message }
        held = object(.object(view))
        // A snapshot and an armistice.v1 update carry their whole view (records included) already.
        if type == "snapshot" || message["view"] != nil { return message }
        var m = message
        m["view"] = held
        return m
    }

    static func jsonValue(_ object: [String: Any]) -> JSONValue? {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    private static func object(_ value: JSONValue) -> [String: Any]? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
