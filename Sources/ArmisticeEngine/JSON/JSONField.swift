/// One property of a `JSONFields` type: its key as the wire spells it, whether two values have the same property
/// (`==` on the property), and how to write it (straight into the encoder's bytes). Build one with `init(_:_:)`
/// (a `JSONWritable` value), `codable(_:_:)` (any other `Encodable`) or `list(_:patchRank:_:)` (a list whose
/// elements an update may patch one by one). A class, so a table's rows are borrowed, not copied with each of
/// their closures. The closures read the value through a `Lent` (its address for the call), never a copy.
package final class JSONField<Root>: Sendable {
    /// The key, as the wire spells it.
    package let key: StaticString
    // The closures are called through the methods below: a closure read from a row that is itself borrowed (from
    // a table's buffer) is retained for each call, one read from `self` inside a method is not.
    private let writer: @Sendable (Lent<Root>, StreamingJSONEncoder) throws -> Void
    private let writerOrNull: @Sendable (Lent<Root>, StreamingJSONEncoder) throws -> Void
    private let comparer: @Sendable (Lent<Root>, Lent<Root>) -> Bool
    /// For a list of `JSONFields` elements: how it is patched (nil: never).
    package let patch: Patch?
    /// Whether the view diff sends this property (false: `records`, which an update carries beside the view).
    package let diffed: Bool
    /// Whether the property is read from a part that values of the type share (see `JSONFields.sharePart`): an
    /// element patch skips it when both values share that part.
    package let shared: Bool

    /// Patching a list that kept its length: only the elements that changed, and in each only what changed.
    package struct Patch: Sendable {
        /// Its place among the lists of an update's `patches` (the order armistice.v2 has always written them in).
        package let rank: Int
        /// Whether both values have the list with the same number of elements.
        package let applies: @Sendable (Lent<Root>, Lent<Root>) -> Bool
        /// Writes `,"key":{"INDEX":{PROPERTY:value,…},…}` for the elements of the second value that differ from the first.
        package let write: @Sendable (Lent<Root>, Lent<Root>, StreamingJSONEncoder) throws -> Void
    }

    private init(key: StaticString, put: @escaping @Sendable (Lent<Root>, StreamingJSONEncoder) throws -> Void,
                 putOrNull: @escaping @Sendable (Lent<Root>, StreamingJSONEncoder) throws -> Void,
                 same: @escaping @Sendable (Lent<Root>, Lent<Root>) -> Bool, patch: Patch? = nil, diffed: Bool = true, shared: Bool = false) {
        self.key = key
        self.shared = shared
        self.writer = put
        self.writerOrNull = putOrNull
        self.comparer = same
        self.patch = patch
        self.diffed = diffed
    }

    /// Writes `,"key":value`, or nothing when the value is absent (nil). An object's writer turns its first comma into `{`.
    package func put(_ root: Lent<Root>, _ json: StreamingJSONEncoder) throws { try writer(root, json) }

    /// Writes `,"key":value`, or `,"key":null` when the value is absent.
    package func putOrNull(_ root: Lent<Root>, _ json: StreamingJSONEncoder) throws { try writerOrNull(root, json) }

    /// Whether two values have the same property.
    package func same(_ a: Lent<Root>, _ b: Lent<Root>) -> Bool { comparer(a, b) }

    /// A property written by its `JSONWritable` conformance (absent when `get` gives nil). `shared`: it is read from
    /// the part of the value that `JSONFields.sharePart` compares.
    package convenience init<V: JSONWritable & Equatable>(_ key: StaticString, diffed: Bool = true, shared: Bool = false,
                                                          _ get: @escaping @Sendable (Lent<Root>) -> V?) {
        self.init(key: key, put: { root, json in
            guard let value = get(root) else { return }
            json.writeMemberKey(key)
            try value.writeJSON(to: json)
        }, putOrNull: { root, json in
            json.writeMemberKey(key)
            if let value = get(root) { try value.writeJSON(to: json) } else { json.writeNull() }
        }, same: { get($0) == get($1) }, diffed: diffed, shared: shared)
    }

    /// A property written through its `Codable` form (absent when `get` gives nil).
    package static func codable<V: Encodable & Equatable>(_ key: StaticString, _ get: @escaping @Sendable (Lent<Root>) -> V?) -> JSONField {
        return JSONField(key: key, put: { root, json in
            guard let value = get(root) else { return }
            json.writeMemberKey(key)
            try json.encodeValue(value)
        }, putOrNull: { root, json in
            json.writeMemberKey(key)
            if let value = get(root) { try json.encodeValue(value) } else { json.writeNull() }
        }, same: { get($0) == get($1) })
    }

    /// A list that an update patches element by element when it kept its length (`rank`: its place in `patches`).
    package static func list<E: JSONFields>(_ key: StaticString, patchRank rank: Int, _ get: @escaping @Sendable (Lent<Root>) -> [E]?) -> JSONField {
        let value = JSONField(key, get)
        return JSONField(key: key, put: value.writer, putOrNull: value.writerOrNull, same: value.comparer, patch: Patch(rank: rank, applies: { a, b in
            guard let a = get(a), let b = get(b) else { return false }
            return a.count == b.count
        }, write: { a, b, json in
            guard let a = get(a), let b = get(b) else { return }
            let count = min(a.count, b.count)
            json.writeMemberKey(key)
            let start = json.bytes.count
            // The elements are compared and written where they lie, lent by their addresses: an array's subscript
            // copies the element out (a retain for each of its strings and lists), and so does passing it on.
            try a.withUnsafeBufferPointer { a in
                try b.withUnsafeBufferPointer { b in
                    guard let a = a.baseAddress, let b = b.baseAddress else { return }
                    for i in 0..<count where a[i] != b[i] {
                        json.bytes.append(0x2C)
                        json.bytes.append(0x22)
                        json.writeInteger(i)
                        json.bytes.append(0x22)
                        json.bytes.append(0x3A)
                        try E.writeChanges(from: Lent(a + i), to: Lent(b + i), json)
                    }
                }
            }
            json.closeObject(from: start)
        }))
    }
}

/// A value lent to a field table's closures by its address, for one call: a row's getter (`{ $0.name }`) reads the
/// property it names in place. A closure that took the value itself made every row copy all of it first (it is
/// passed to an opaque closure indirectly): 280 bytes for a `Record`, per row, per record written. Only
/// `lend(_:_:)` makes one, and the pointer does not outlive it. Public, not `package`: Swift 6.3 does not inline a
/// `package` member into another module (the server's and the wire's tables), and a subscript that is not inlined
/// reads through the key path at run time.
@dynamicMemberLookup
public struct Lent<Root> {
    @usableFromInline let pointer: UnsafePointer<Root>

    @inlinable init(_ pointer: UnsafePointer<Root>) { self.pointer = pointer }

    @inlinable public subscript<T>(dynamicMember path: KeyPath<Root, T>) -> T { pointer.pointee[keyPath: path] }

    /// Calls `body` with `value` lent.
    @inlinable public static func lend<R, E>(_ value: Root, _ body: (Lent<Root>) throws(E) -> R) throws(E) -> R {
        try withUnsafePointer(to: value) { (p) throws(E) -> R in try body(Lent(p)) }
    }

    /// Calls `body` with two values lent, the first one if there is one. The optional is lent where it lies, by the
    /// address of its value (Swift lays out an optional's value at its start): unwrapping it would copy the value.
    @inlinable public static func lend<R, E>(_ a: Root?, _ b: Root,
                                             _ body: (Lent<Root>?, Lent<Root>) throws(E) -> R) throws(E) -> R {
        try withUnsafePointer(to: a) { (pa) throws(E) -> R in
            try withUnsafePointer(to: b) { (pb) throws(E) -> R in
                try body(a == nil ? nil : Lent(UnsafeRawPointer(pa).assumingMemoryBound(to: Root.self)), Lent(pb))
            }
        }
    }
}

extension UnsafeBufferPointer where Element: AnyObject {
    /// The object at `i`, lent to `body` without a retain (an object read from a buffer is retained for each use,
    /// and a field table's walk reads one per row). Whoever owns the buffer keeps the object alive meanwhile.
    @inlinable public func lend<R>(_ i: Int, _ body: (Element) throws -> R) rethrows -> R {
        try Unmanaged.passUnretained(self[i])._withUnsafeGuaranteedRef(body)
    }
}
