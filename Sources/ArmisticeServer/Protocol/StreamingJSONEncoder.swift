import ArmisticeEngine
/// A fast JSON encoder for the server's outgoing messages: it writes bytes as `encode(to:)` runs, with keys in
/// snake_case, instead of building a tree first (Foundation's `JSONEncoder` managed about 10 MB/s here, which
/// made encoding views most of a move's cost). Output: compact JSON, slashes unescaped, integral doubles
/// without a fraction. Not thread-safe: one per thread.
final class StreamingJSONEncoder {
    fileprivate var bytes: [UInt8] = []
    fileprivate var keyCache: [String: [UInt8]] = [:]

    init() {}

    func encode(_ value: some Encodable) throws -> [UInt8] {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(32_768)
        try encodeValue(value)
        return bytes
    }

    fileprivate func encodeValue<T: Encodable>(_ value: T) throws {
        // Metatype checks are cheap; dynamic casts on every value are not.
        if T.self == String.self { writeString(value as! String); return }
        if T.self == Int.self { writeInteger(value as! Int); return }
        if T.self == Bool.self { bytes.append(contentsOf: (value as! Bool) ? Self.trueBytes : Self.falseBytes); return }
        if T.self == Double.self { writeDouble(value as! Double); return }
        // The types every update carries many of, written without Codable's per-field dispatch (same JSON).
        if T.self == Record.self { try writeRecord(value as! Record); return }
        if T.self == GameView.ActionInfo.self { try writeAction(value as! GameView.ActionInfo); return }
        if T.self == GameView.TrackInfo.self { try writeTrack(value as! GameView.TrackInfo); return }
        if T.self == GameView.TeamInfo.self { writeTeam(value as! GameView.TeamInfo); return }
        let encoder = ValueEncoder(self)
        try value.encode(to: encoder)
        encoder.finish()
    }

    static let trueBytes = Array("true".utf8)
    static let falseBytes = Array("false".utf8)
    static let nullBytes = Array("null".utf8)

    fileprivate func writeKey(_ key: CodingKey) {
        var name = key.stringValue
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
                appendEscaped(b, to: &out)
            }
            first = false
        }
        out.append(0x22)
        out.append(0x3A)
        if keyCache.count < 4096 { keyCache[name] = out }
        bytes.append(contentsOf: out)
    }

    private func appendEscaped(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x09: out.append(0x5C); out.append(0x74)
        case 0x00..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        default: out.append(b)
        }
    }

    fileprivate func writeString(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { buffer in
            var start = 0
            for i in 0..<buffer.count {
                let b = buffer[i]
                if b == 0x22 || b == 0x5C || b < 0x20 {
                    if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i])) }
                    appendEscaped(b, to: &bytes)
                    start = i + 1
                }
            }
            if buffer.count > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count])) }
        }
        bytes.append(0x22)
    }

    fileprivate func writeInteger<T: BinaryInteger>(_ value: T) {
        if value == 0 { bytes.append(0x30); return }
        if value < 0 { bytes.append(0x2D) }
        var v = value.magnitude
        let start = bytes.count
        while v > 0 {
            bytes.append(UInt8(truncatingIfNeeded: v % 10) + 0x30)
            v /= 10
        }
        bytes[start...].reverse()
    }

    // MARK: Hand-written types (the keys their Codable conformance would write, in the same order, nil left out)

    /// Writes `{`, then runs `body` with a function that writes each key (and the comma before it), then `}`.
    private func object(_ body: (_ key: (StaticString) -> Void) throws -> Void) rethrows {
        bytes.append(0x7B)
        var first = true
        try body { name in
            if !first { self.bytes.append(0x2C) }
            first = false
            self.bytes.append(0x22)
            self.bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            self.bytes.append(0x22)
            self.bytes.append(0x3A)
        }
        bytes.append(0x7D)
    }

    private func writeRecord(_ r: Record) throws {
        try object { key in
            key("kind"); writeString(r.kind.rawValue)
            key("turn"); writeInteger(r.turn)
            if let v = r.visibleTo { key("visible_to"); try encodeValue(v) }
            if let v = r.phase { key("phase"); writeString(v.rawValue) }
            if let v = r.team { key("team"); writeString(v) }
            if let v = r.action { key("action"); writeString(v) }
            if let v = r.params { key("params"); try encodeValue(v) }
            if let v = r.result { key("result"); writeString(v) }
            if let v = r.chance { key("chance"); writeInteger(v) }
            if let v = r.roll { key("roll"); writeInteger(v) }
            if let v = r.modifiers { key("modifiers"); try encodeValue(v) }
            if let v = r.reason { key("reason"); writeString(v) }
            if let v = r.target { key("target"); writeString(v) }
            if let v = r.from { key("from"); writeInteger(v) }
            if let v = r.to { key("to"); writeInteger(v) }
            if let v = r.text { key("text"); writeString(v) }
            if let v = r.event { key("event"); writeString(v) }
            if let v = r.deal { key("deal"); writeInteger(v) }
            if let v = r.outcome { key("outcome"); writeString(v) }
            if let v = r.scores { key("scores"); try encodeValue(v) }
            if let v = r.hash { key("hash"); writeString(v) }
        }
    }

    private func writeAction(_ a: GameView.ActionInfo) throws {
        try object { key in
            key("id"); writeString(a.id)
            key("team"); writeString(a.team)
            key("name"); writeString(a.name)
            key("description"); writeString(a.description)
            key("cost"); writeInteger(a.cost)
            key("covert"); bytes.append(contentsOf: a.covert ? Self.trueBytes : Self.falseBytes)
            key("params"); try encodeValue(a.params)
            if let v = a.chance { key("chance"); writeInteger(v) }
            if let v = a.consentFrom { key("consent_from"); try encodeValue(v) }
            if let v = a.consentRule { key("consent_rule"); writeString(v) }
            key("available"); bytes.append(contentsOf: a.available ? Self.trueBytes : Self.falseBytes)
            if let v = a.reason { key("reason"); writeString(v) }
            if let v = a.checkedOnResolution { key("checked_on_resolution"); try encodeValue(v) }
        }
    }

    private func writeTrack(_ t: GameView.TrackInfo) throws {
        try object { key in
            key("id"); writeString(t.id)
            key("name"); writeString(t.name)
            key("description"); writeString(t.description)
            key("value"); writeInteger(t.value)
            key("min"); writeInteger(t.min)
            key("max"); writeInteger(t.max)
            if let v = t.level { key("level"); writeString(v) }
            if let v = t.hiddenFrom { key("hidden_from"); try encodeValue(v) }
        }
    }

    private func writeTeam(_ t: GameView.TeamInfo) {
        object { key in
            key("id"); writeString(t.id)
            key("name"); writeString(t.name)
            key("colour"); writeString(t.colour)
            key("locked"); bytes.append(contentsOf: t.locked ? Self.trueBytes : Self.falseBytes)
            if let v = t.brief { key("brief"); writeString(v) }
            if let v = t.budget { key("budget"); writeInteger(v) }
        }
    }

    fileprivate func writeDouble(_ d: Double) {
        guard d.isFinite else { bytes.append(contentsOf: Self.nullBytes); return }
        if d == d.rounded(), abs(d) < 1e15 { writeInteger(Int64(d)); return }
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

    mutating func encodeNil(forKey k: Key) throws { key(k); json.bytes.append(contentsOf: StreamingJSONEncoder.nullBytes) }
    mutating func encode(_ value: Bool, forKey k: Key) throws { key(k); json.bytes.append(contentsOf: value ? StreamingJSONEncoder.trueBytes : StreamingJSONEncoder.falseBytes) }
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

    mutating func encodeNil() throws { element(); json.bytes.append(contentsOf: StreamingJSONEncoder.nullBytes) }
    mutating func encode(_ value: Bool) throws { element(); json.bytes.append(contentsOf: value ? StreamingJSONEncoder.trueBytes : StreamingJSONEncoder.falseBytes) }
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

    mutating func encodeNil() throws { mark(); json.bytes.append(contentsOf: StreamingJSONEncoder.nullBytes) }
    mutating func encode(_ value: Bool) throws { mark(); json.bytes.append(contentsOf: value ? StreamingJSONEncoder.trueBytes : StreamingJSONEncoder.falseBytes) }
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
