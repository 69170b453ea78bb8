/// A type whose properties are listed once, in `jsonFields`: that table writes its JSON, the properties that changed
/// between two values (an element patch), and decides equality property by property.
package protocol JSONFields: JSONWritable, Equatable {
    /// Every property, in the order its `Codable` form writes them.
    static var jsonFields: [JSONField<Self>] { get }
    /// Whether two values share the part that the fields marked `shared` read (the same storage, so the same
    /// properties): an element patch then compares only the other fields. False unless a type has such a part.
    static func sharePart(_ a: Self, _ b: Self) -> Bool
}

extension JSONFields {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        try Lent.lend(self) { value in
            for field in Self.jsonFields { try field.put(value, json) }
        }
        json.closeObject(from: start)
    }

    package static func sharePart(_ a: Self, _ b: Self) -> Bool { false }

    /// Writes the properties of `self` that differ from `old`, as an object (null: the property is now absent).
    package func writeChanges(from old: Self, to json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        let shared = Self.sharePart(old, self)
        try Lent.lend(old, self) { old, new in
            for field in Self.jsonFields where !(shared && field.shared) && !field.same(old, new) { try field.putOrNull(new, json) }
        }
        json.closeObject(from: start)
    }
}
