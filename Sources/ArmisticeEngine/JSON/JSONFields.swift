/// A type whose properties are listed once, in `jsonFields`: that table writes its JSON, the properties that changed
/// between two values (an element patch), and decides equality property by property.
package protocol JSONFields: JSONWritable, Equatable {
    /// Every property, in the order its `Codable` form writes them.
    static var jsonFields: [JSONField<Self>] { get }
}

extension JSONFields {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        for field in Self.jsonFields { try field.put(self, json) }
        json.closeObject(from: start)
    }

    /// Writes the properties of `self` that differ from `old`, as an object (null: the property is now absent).
    package func writeChanges(from old: Self, to json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        for field in Self.jsonFields where !field.same(old, self) { try field.putOrNull(self, json) }
        json.closeObject(from: start)
    }
}
