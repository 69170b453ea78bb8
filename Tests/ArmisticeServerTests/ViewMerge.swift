import Foundation

/// What a client does with an armistice.v2 `update` (docs/protocol.md): the changed fields replace its copy of the
/// view (a field set to null is gone), then each patched list element gets its changed properties. Tests keep the result in the message as `view`, so they can read every
/// snapshot and update alike.
enum ViewMerge {
    /// `held` is the client's view (records left out), kept across reconnections as a real client keeps it.
    static func materialize(_ message: [String: Any], held: inout [String: Any]?) -> [String: Any] {
        switch message["type"] as? String {
        case "snapshot":
            var view = message["view"] as? [String: Any]
            view?["records"] = nil
            held = view
            return message
        case "update":
            if var view = message["view"] as? [String: Any] {   // armistice.v1
                view["records"] = nil
                held = view
                return message
            }
            var view = held ?? [:]
            for (key, value) in message["changes"] as? [String: Any] ?? [:] {
                if value is NSNull { view[key] = nil } else { view[key] = value }
            }
            for (key, elements) in message["patches"] as? [String: [String: [String: Any]]] ?? [:] {
                guard var list = view[key] as? [[String: Any]] else { continue }
                for (index, properties) in elements {
                    guard let i = Int(index), list.indices.contains(i) else { continue }
                    for (property, value) in properties {
                        if value is NSNull { list[i][property] = nil } else { list[i][property] = value }
                    }
                }
                view[key] = list
            }
            held = view
            var m = message
            m["view"] = view
            return m
        default:
            return message
        }
    }
}
