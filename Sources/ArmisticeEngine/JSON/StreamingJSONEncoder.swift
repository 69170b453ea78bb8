/// A fast JSON encoder for the server's outgoing messages: it writes bytes as it goes, with keys in snake_case,
/// instead of building a tree first (Foundation's `JSONEncoder` managed about 10 MB/s here, which made encoding
/// views most of a move's cost). Types with a field table (`JSONFields`: the view, its elements, records) and the
/// other `JSONWritable` values are written straight from their properties; anything else through `Codable`.
/// Output: compact JSON, slashes unescaped, integral doubles without a fraction. Not thread-safe: one per thread.
package final class StreamingJSONEncoder {
    /// What has been written so far (`encode` starts afresh; `write` appends to what is there). Not checked for
    /// overlapping access at run time: every writer appends to it, often a few bytes at a time, and the checks were
    /// about a twentieth of writing an update; one encoder is only ever used by one thread, one write at a time.
    @exclusivity(unchecked) package var bytes: [UInt8] = []
    fileprivate var keyCache: [String: [UInt8]] = [:]

    package init() {}

    /// The value's JSON.
    package func encode(_ value: some Encodable) throws -> [UInt8] {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(32_768)
        try encodeValue(value)
        return bytes
    }

    /// Appends the value's JSON to `bytes`.
    package func encodeValue<T: Encodable>(_ value: T) throws {
        // Metatype checks are cheap; dynamic casts on every value are not.
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Int.self { writeInteger(value as! Int); return }
        if T.self == Bool.self { writeBool(value as! Bool); return }
        if T.self == Double.self { writeDouble(value as! Double); return }
        // The types every message carries many of, written from their field tables (the same JSON as Codable's).
        if T.self == GameView.self { try (value as! GameView).writeJSON(to: self); return }
        if T.self == Record.self { try (value as! Record).writeJSON(to: self); return }
        if let writable = value as? any JSONWritable { try writable.writeJSON(to: self); return }
        let encoder = ValueEncoder(self)
        try value.encode(to: encoder)
        encoder.finish()
    }

    /// Appends text as it is (already JSON, or a part of it).
    package func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes as they are (JSON already encoded, or a part of it).
    package func append(raw json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    /// Appends text as it is (already JSON, or a part of it).
    package func append(raw text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package func writeBool(_ value: Bool) { append(value ? "true" : "false") }

    package func writeNull() { append("null") }

    /// Writes `,"key":` for a row of a field table (its key spelled as the wire spells it); `closeObject` turns an
    /// object's first comma into `{`. From the key's static bytes: nothing to retain.
    package func writeMemberKey(_ key: StaticString) {
        bytes.append(0x2C)
        bytes.append(0x22)
        append(key)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    /// Ends an object whose members were each written after a comma from `start` on: the first comma becomes `{`
    /// (`{}` when nothing was written).
    package func closeObject(from start: Int) {
        if bytes.count == start { bytes.append(0x7B) } else { bytes[start] = 0x7B }
        bytes.append(0x7D)
    }

    fileprivate func writeKey(_ key: CodingKey) { writeKey(key.stringValue) }

    /// Writes `"name":`, in snake_case (an object key the way Codable's keys and dictionary keys are written).
    package func writeKey(_ name: String) {
        var name = name
        // Most keys are lower-case already: written as they are, no lookup.
        let plain: Bool = name.withUTF8 { buffer in
            for b in buffer where (b >= 0x41 && b <= 0x5A) || b == 0x22 || b == 0x5C || b < 0x20 { return false }
            bytes.append(0x22)
            bytes.append(contentsOf: buffer)
            bytes.append(0x22)
            bytes.append(0x3A)
            return true
        }
        if plain { return }
        if let cached = keyCache[name] {
            bytes.append(contentsOf: cached)
            return
        }
        var out: [UInt8] = [0x22]
        var first = true
        for b in name.utf8 {
            if b >= 0x41, b <= 0x5A {
                if !first { out.append(0x5F) }
                out.append(b + 0x20)
            } else {
                JSONText.appendEscaped(b, to: &out)
            }
            first = false
        }
        out.append(0x22)
        out.append(0x3A)
        if keyCache.count < 4096 { keyCache[name] = out }
        bytes.append(contentsOf: out)
    }

    package func writeString(_ s: String) { JSONText.appendString(s, to: &bytes, shortEscapes: false) }

    package func writeInteger<T: BinaryInteger>(_ value: T) { JSONText.appendInteger(value, to: &bytes) }

    package func writeDouble(_ d: Double) {
        guard d.isFinite else { writeNull(); return }
        if let whole = JSONText.wholeNumber(d) { writeInteger(whole); return }
        bytes.append(contentsOf: "\(d)".utf8)
    }
}

/// What a value opened, so its closing bracket can be written when it is done.
private final class ContainerState {
    enum Kind { case object, array }
    let kind: Kind
    var count = 0
    var closed = false
    /// A nested container still open inside this one: closed before this one writes again.
    var child: ContainerState?
    /// A nested single-value encoder still pending inside this one.
    var childEncoder: ValueEncoder?

    init(kind: Kind) { self.kind = kind }
}

/// The encoder handed to one value's `encode(to:)`.
private final class ValueEncoder: Encoder {
    let json: StreamingJSONEncoder
    var state: ContainerState?
    var wroteSingle = false
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ json: StreamingJSONEncoder) { self.json = json }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if state == nil {
            json.bytes.append(0x7B)
            state = ContainerState(kind: .object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(json: json, state: state!))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if state == nil {
            json.bytes.append(0x5B)
            state = ContainerState(kind: .array)
        }
        return UnkeyedContainer(json: json, state: state!)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Closes what this value opened (or writes `{}` for a value that opened nothing).
    func finish() {
        if let state { close(state) } else if !wroteSingle { json.bytes.append(contentsOf: [0x7B, 0x7D]) }
    }

    func close(_ state: ContainerState) {
        guard !state.closed else { return }
        closeChildren(state, json: json)
        state.closed = true
        json.bytes.append(state.kind == .object ? 0x7D : 0x5D)
    }
}

private func closeChildren(_ state: ContainerState, json: StreamingJSONEncoder) {
    if let child = state.child {
        state.child = nil
        if !child.closed {
            closeChildren(child, json: json)
            child.closed = true
            json.bytes.append(child.kind == .object ? 0x7D : 0x5D)
        }
    }
    if let encoder = state.childEncoder {
        state.childEncoder = nil
        encoder.finish()
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let json: StreamingJSONEncoder
    let state: ContainerState
    var codingPath: [CodingKey] { [] }

    private func key(_ key: Key) {
        closeChildren(state, json: json)
        if state.count > 0 { json.bytes.append(0x2C) }
        state.count += 1
        json.writeKey(key)
    }

    mutating func encodeNil(forKey k: Key) throws { key(k); json.writeNull() }
    mutating func encode(_ value: Bool, forKey k: Key) throws { key(k); json.writeBool(value) }
    mutating func encode(_ value: String, forKey k: Key) throws { key(k); json.writeString(value) }
    mutating func encode(_ value: Double, forKey k: Key) throws { key(k); json.writeDouble(value) }
    mutating func encode(_ value: Float, forKey k: Key) throws { key(k); json.writeDouble(Double(value)) }
    mutating func encode(_ value: Int, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: Int8, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: Int16, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: Int32, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: Int64, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: UInt, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: UInt8, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: UInt16, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: UInt32, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode(_ value: UInt64, forKey k: Key) throws { key(k); json.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey k: Key) throws { key(k); try json.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey k: Key) -> KeyedEncodingContainer<NestedKey> {
        key(k)
        json.bytes.append(0x7B)
        let child = ContainerState(kind: .object)
        state.child = child
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(json: json, state: child))
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> UnkeyedEncodingContainer {
        key(k)
        json.bytes.append(0x5B)
        let child = ContainerState(kind: .array)
        state.child = child
        return UnkeyedContainer(json: json, state: child)
    }

    mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey k: Key) -> Encoder {
        key(k)
        let encoder = ValueEncoder(json)
        state.childEncoder = encoder
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let json: StreamingJSONEncoder
    let state: ContainerState
    var codingPath: [CodingKey] { [] }
    var count: Int { state.count }

    private func element() {
        closeChildren(state, json: json)
        if state.count > 0 { json.bytes.append(0x2C) }
        state.count += 1
    }

    mutating func encodeNil() throws { element(); json.writeNull() }
    mutating func encode(_ value: Bool) throws { element(); json.writeBool(value) }
    mutating func encode(_ value: String) throws { element(); json.writeString(value) }
    mutating func encode(_ value: Double) throws { element(); json.writeDouble(value) }
    mutating func encode(_ value: Int) throws { element(); json.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { element(); json.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { element(); json.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { element(); try json.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        json.bytes.append(0x7B)
        let child = ContainerState(kind: .object)
        state.child = child
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(json: json, state: child))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        element()
        json.bytes.append(0x5B)
        let child = ContainerState(kind: .array)
        state.child = child
        return UnkeyedContainer(json: json, state: child)
    }

    mutating func superEncoder() -> Encoder {
        element()
        let encoder = ValueEncoder(json)
        state.childEncoder = encoder
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }
    var json: StreamingJSONEncoder { encoder.json }

    private func mark() { encoder.wroteSingle = true }

    mutating func encodeNil() throws { mark(); json.writeNull() }
    mutating func encode(_ value: Bool) throws { mark(); json.writeBool(value) }
    mutating func encode(_ value: String) throws { mark(); json.writeString(value) }
    mutating func encode(_ value: Double) throws { mark(); json.writeDouble(value) }
    mutating func encode(_ value: Float) throws { mark(); json.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { mark(); json.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { mark(); json.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { mark(); try json.encodeValue(value) }
}
