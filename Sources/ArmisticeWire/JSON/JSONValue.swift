import ArmisticeEngine
import Foundation

/// Any JSON value, as the protocol carries it. The server uses it to echo a request's `id` exactly as sent; clients
/// read server messages leniently through it (a missing or odd field never loses the whole message) and merge
/// armistice.v2 updates into their view with it (`ViewMerge`).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if let whole = JSONText.wholeNumber(n) { try c.encode(whole) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Parses one message; nil when the text is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Any encodable value as JSON (nil if it does not encode): a request body becomes the object sent.
    public init?(encoding value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value),
              let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        self = json
    }

    /// This value read as a `Decodable` type (nil if it is not one): a client's draft order becomes an engine `Order`.
    public func decoded<T: Decodable>(as type: T.Type) -> T? {
        guard let data = try? JSONEncoder().encode(self) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// Compact JSON text with sorted keys.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var int: Int? {
        if case .number(let n) = self, n.isFinite, abs(n) < 9e15 { return Int(n) }
        return nil
    }

    public var int64: Int64? {
        if case .number(let n) = self, n.isFinite, abs(n) < 9e18 { return Int64(n) }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements of an array; empty for anything else.
    public var array: [JSONValue] {
        if case .array(let a) = self { return a }
        return []
    }

    /// The members of an object; empty for anything else.
    public var object: [String: JSONValue] {
        if case .object(let o) = self { return o }
        return [:]
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// A parameter value or an id as a person reads it: numbers without a fraction, strings as they are.
    public var display: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return JSONText.wholeNumber(n).map { String($0) } ?? String(n)
        case .string(let s): return s
        case .array(let a): return a.map(\.display).joined(separator: ",")
        case .object: return text
        }
    }
}
