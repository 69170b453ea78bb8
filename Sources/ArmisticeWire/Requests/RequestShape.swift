/// A bounded look at a message's shape before any JSON decoder sees it: one pass over the bytes, constant memory,
/// no allocation. A decoder's cost grows much faster than the size for deep or busy documents (Foundation's
/// grows roughly with the cube of the nesting depth), so anything deeper or busier than a request can be is
/// refused here, and only messages whose decoding cost is bounded by their size reach the decoder.
public struct RequestShape: Sendable, Hashable {
    /// The deepest nesting of arrays and objects a message may have. A request needs four levels at most
    /// (the message, `orders`, an order, its `params`).
    public var maxDepth: Int
    /// The most JSON values (scalars, arrays, objects) a message may hold. The largest request, 32 orders with a
    /// few parameters each and the consents, holds a few hundred.
    public var maxValues: Int

    /// The server's defaults (`ServerLimits`; `welcome` reports the limits a server applies).
    public static let defaultMaxDepth = 32
    public static let defaultMaxValues = 2_048

    public init(maxDepth: Int = defaultMaxDepth, maxValues: Int = defaultMaxValues) {
        self.maxDepth = maxDepth
        self.maxValues = maxValues
    }

    /// Nil when the message's shape is within bounds; otherwise the refusal. It does not check that the text is
    /// valid JSON (the decoder does, at a cost now bounded by the size): it counts brackets and separators
    /// outside strings. A top-level `id` that is a list or an object is refused here too: the decoder's failed
    /// attempts to read it as a string and as a number cost far more than its size (the campaign found a 17 KB id
    /// of nested lists costing 20 ms; docs/reliability.md). So is a top-level `type` that is not a string (an outside
    /// tester's 21 KB `type` of nested lists cost 10–20 ms in the decoders before it was refused `bad_request`).
    public func check(_ text: String) -> ServerError? {
        var text = text
        return text.withUTF8 { check(bytes: $0) }
    }

    public func check(bytes: UnsafeBufferPointer<UInt8>) -> ServerError? {
        var depth = 0
        var values = 1
        var inString = false
        var escaped = false
        // Where the current top-level string started; which of the keys "id" and "type" the last one was; and
        // whether the next value is that key's.
        var stringStart = -1
        var lastKey = TopKey.other
        var valueOf = TopKey.other
        var idIsContainer = false
        var typeIsNotString = false
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            defer { i += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    lastKey = stringStart >= 0 ? TopKey(bytes, from: stringStart + 1, to: i) : .other
                }
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if valueOf != .other {
                if valueOf == .id, byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { idIsContainer = true }
                if valueOf == .type, byte != UInt8(ascii: "\"") { typeIsNotString = true }
                valueOf = .other
            }
            if byte == UInt8(ascii: ":"), depth == 1 { valueOf = lastKey }
            if byte != UInt8(ascii: "\"") { lastKey = .other }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = depth == 1 ? i : -1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    return ServerError(.tooComplex, key: "error.too_complex.depth", ["max": .number(maxDepth), "needed": .number(4)])
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                values += 1
                if values > maxValues {
                    return ServerError(.tooComplex, key: "error.too_complex.values", ["max": .number(maxValues)])
                }
            default: break
            }
        }
        // After the scan, so that what is too deep or too busy is still named so.
        if idIsContainer { return RequestID.refusal }
        if typeIsNotString { return ServerError(.badRequest, key: "error.bad_request.no_type") }
        return nil
    }

    /// The top-level keys the scan watches: a value of the wrong kind there is refused before any decoder reads it.
    private enum TopKey {
        case id, type, other

        /// The key spelled by `bytes[from..<to]` (a string's contents, without its quotes).
        init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            func spells(_ word: StaticString) -> Bool {
                word.withUTF8Buffer { w in w.count == to - from && (0..<w.count).allSatisfy { bytes[from + $0] == w[$0] } }
            }
            self = spells("id") ? .id : spells("type") ? .type : .other
        }
    }
}
