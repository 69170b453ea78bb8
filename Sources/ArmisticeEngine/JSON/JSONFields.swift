/// A type whose properties are listed once, in `jsonFields`: that table writes its JSON, the properties that changed
/// between two values (an element patch), and decides equality property by property.
package protocol JSONFields: JSONWritable, Equatable {
    /// Every property, in the order its `Codable` form writes them.
    static var jsonFields: [JSONField<Self>] { get }
    /// Whether two values share the part that the fields marked `shared` read (the same storage, so the same
    /// properties): an element patch then compares only the other fields. False unless a type has such a part.
    static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool
}

// The tables are walked through their buffers, each row lent: an array's element is retained for each use.
extension JSONFields {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        try Lent.lend(self) { value in
            try Self.jsonFields.withUnsafeBufferPointer { rows in
                for i in rows.indices { try rows.lend(i) { try $0.put(value, json) } }
            }
        }
        json.closeObject(from: start)
    }

    package static func sharePart(_ a: Lent<Self>, _ b: Lent<Self>) -> Bool { false }

    /// Writes the properties of `new` that differ from `old`, as an object (null: the property is now absent).
    package static func writeChanges(from old: Lent<Self>, to new: Lent<Self>, _ json: StreamingJSONEncoder) throws {
        let start = json.bytes.count
        let shared = sharePart(old, new)
        try jsonFields.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                try rows.lend(i) { row in
                    if !(shared && row.shared), !row.same(old, new) { try row.putOrNull(new, json) }
                }
            }
        }
        json.closeObject(from: start)
    }
}
