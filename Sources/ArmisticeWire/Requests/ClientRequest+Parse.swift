import ArmisticeEngine
import ArmisticeErrors
import Foundation

/// Why a text message is not a request, with the request id when one could be read.
public struct ParseFailure: Error, Sendable {
    public var error: ServerError
    public var id: JSONValue?
    public init(_ error: ServerError, _ id: JSONValue?) {
        self.error = error
        self.id = id
    }
}

/// A request as it arrived: its decoded body and the `id` to echo.
public struct ParsedRequest: Sendable, Hashable {
    public var id: JSONValue?
    public var type: String
    public var request: ClientRequest

    public init(id: JSONValue?, type: String, request: ClientRequest) {
        self.id = id
        self.type = type
        self.request = request
    }

    /// Who may send it (the instructor's, for a type no body names: it cannot be parsed so).
    public var authority: RequestAuthority { ClientRequest.body(ofType: type)?.authority ?? .instructor }
}

extension ClientRequest {
    /// Parses one text message. Throws `ServerError` with the code that names what is wrong; `id` is the request's
    /// id when one could be read, so even a refusal answers the right request.
    public static func parse(_ text: String, shape: RequestShape = RequestShape()) -> Result<ParsedRequest, ParseFailure> {
        // Nothing too deep or too busy reaches a decoder (see RequestShape).
        if let refusal = shape.check(text) { return .failure(ParseFailure(refusal, nil)) }
        if let (type, id) = bareForm(text), let request = bare[type] { return .success(ParsedRequest(id: id, type: type, request: request)) }
        let data = Data(text.utf8)
        // A well-formed request is read in one pass (id, type and body together). A body that is wrong is refused
        // from that pass's error: decoding again would cost a value of the wrong kind (a list or an object where
        // the body takes a string or a number) twice more, and nested lists cost the decoders far more than their size
        // (docs/reliability.md). Anything else wrong is read again below, step by step, to say exactly what.
        do {
            let whole = try JSONDecoder().decode(WholeRequest.self, from: data)
            return bounded(ParsedRequest(id: whole.id, type: whole.type, request: whole.request))
        } catch let failure as BodyFailure {
            if let refusal = failure.refusal { return .failure(ParseFailure(refusal, failure.id)) }
        } catch {}
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return .failure(ParseFailure(ServerError(.malformedJSON, key: "error.malformed_json.parse"), nil))
        }
        guard let object = value as? [String: Any] else {
            return .failure(ParseFailure(ServerError(.notAnObject, key: "error.not_an_object.object"), nil))
        }
        let id: JSONValue?
        switch RequestID.read(object["id"]) {
        case .success(let read): id = read
        case .failure(let error): return .failure(ParseFailure(error, nil))
        }
        guard let type = object["type"] as? String else {
            return .failure(ParseFailure(ServerError(.badRequest, key: "error.bad_request.no_type"), id))
        }
        do {
            let request = try decode(type: type, data: data)
            return bounded(ParsedRequest(id: id, type: type, request: request))
        } catch let error as ServerError {
            return .failure(ParseFailure(error, id))
        } catch let error as DecodingError {
            return .failure(ParseFailure(refusal(error, type: type, in: object), id))
        } catch {
            return .failure(ParseFailure(ServerError(.badRequest, key: "error.bad_request.other", ["type": .text(type), "problem": .text("\(error)")]), id))
        }
    }

    /// The request, or the refusal of its first string field over its byte bound (`RequestFieldBounds`), before
    /// anything reads the text.
    private static func bounded(_ parsed: ParsedRequest) -> Result<ParsedRequest, ParseFailure> {
        if let refusal = RequestFieldBounds.refusal(parsed.request, type: parsed.type) { return .failure(ParseFailure(refusal, parsed.id)) }
        return .success(parsed)
    }

    /// The request each type makes when its message is only its type (and an id): types whose body has no required
    /// field (lock, skip, ping, …), decoded once. Such a message, the commonest kind, is looked up, not decoded.
    private static let bare: [String: ClientRequest] = Dictionary(uniqueKeysWithValues: types.compactMap { type in
        (try? JSONDecoder().decode(WholeRequest.self, from: Data(#"{"type":"\#(type)"}"#.utf8))).map { (type, $0.request) }
    })

    /// The type and id of a message written exactly `{"type":"NAME"}`, `{"type":"NAME","id":ID}` or
    /// `{"id":ID,"type":"NAME"}`: NAME of lowercase letters and `_`, ID a string of letters, digits and `.:_-` (at most
    /// `RequestID.maxBytes`) or a whole number of at most 15 digits without a leading zero (exact as a `Double`).
    /// Nil for anything else, which the decoder reads.
    static func bareForm(_ text: String) -> (type: String, id: JSONValue?)? {
        var scan = BareScan(bytes: Array(text.utf8))
        guard scan.take("{") else { return nil }
        var type: String?, id: JSONValue?
        repeat {
            if type == nil, scan.take(#""type":""#) {
                guard let name = scan.name() else { return nil }
                type = name
            } else if id == nil, scan.take(#""id":"#) {
                guard let read = scan.id() else { return nil }
                id = read
            } else {
                return nil
            }
        } while scan.take(",")
        guard let type, scan.take("}"), scan.atEnd else { return nil }
        return (type, id)
    }

    /// Reads the few shapes `bareForm` accepts, byte by byte.
    private struct BareScan {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - at >= count else { return false }
            let matches = literal.withUTF8Buffer { lit in (0..<count).allSatisfy { bytes[at + $0] == lit[$0] } }
            if matches { at += count }
            return matches
        }

        /// `[a-z_]+"` after the opening quote.
        mutating func name() -> String? {
            let from = at
            while at < bytes.count, (bytes[at] >= UInt8(ascii: "a") && bytes[at] <= UInt8(ascii: "z")) || bytes[at] == UInt8(ascii: "_") { at += 1 }
            guard at > from, at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            defer { at += 1 }
            return String(decoding: bytes[from..<at], as: UTF8.self)
        }

        mutating func id() -> JSONValue? {
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: "\"") {
                let from = at + 1
                var end = from
                while end < bytes.count, Self.isIDByte(bytes[end]) { end += 1 }
                guard end < bytes.count, bytes[end] == UInt8(ascii: "\""), end - from <= RequestID.maxBytes else { return nil }
                at = end + 1
                return .string(String(decoding: bytes[from..<end], as: UTF8.self))
            }
            let from = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            let digits = at - from
            guard digits >= 1, digits <= 15, digits == 1 || bytes[from] != UInt8(ascii: "0") else { return nil }
            return .number(Double(bytes[from..<at].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }))
        }

        static func isIDByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    static func decode(type: String, data: Data) throws -> ClientRequest {
        let d = JSONDecoder()
        return try decode(type: type) { t in try d.decode(t, from: data) }
    }

    /// The request of a `type`, its body read by `read` (given the body's type).
    static func decode(type: String, body read: (any RequestBody.Type) throws -> any RequestBody) throws -> ClientRequest {
        guard let body = body(ofType: type) else {
            throw ServerError(.unknownType, key: "error.unknown_type.unknown", ["type": .text(String(type.unicodeScalars.prefix(40))),
                                                                           "suggestion": .didYouMean(Suggestion.closest(type, in: types))])
        }
        return try read(body).request
    }

    /// What is wrong, naming the field, as the refusal of a `type` request. A number of the wrong kind (a fraction,
    /// or too big) is reported by the decoder without a field, so the fields holding such numbers are found in the
    /// message itself.
    static func refusal(_ error: DecodingError, type: String, in object: [String: Any]) -> ServerError {
        if case .dataCorrupted(let ctx) = error, let (path, number) = misfitNumber(in: object, at: ctx.codingPath.map(\.stringValue)) {
            let arguments: [String: ErrorArgument] = ["type": .text(type), "field": .text(path), "value": .text(number)]
            return path == "seed"
                ? ServerError(.badRequest, key: "error.bad_request.seed", arguments.merging(["max": .text(String(UInt64.max))]) { a, _ in a })
                : ServerError(.badRequest, key: "error.bad_request.whole_number", arguments)
        }
        return refusal(error, type: type)
    }

    /// The first number under `prefix` that is not a whole number an `Int` (or, for `seed`, a `UInt64`) can hold.
    private static func misfitNumber(in value: Any, at prefix: [String], path: [String] = []) -> (String, String)? {
        if let key = prefix.first {
            if let object = value as? [String: Any], let inner = object[key] { return misfitNumber(in: inner, at: Array(prefix.dropFirst()), path: path + [key]) }
            if let array = value as? [Any], let i = Int(key), array.indices.contains(i) { return misfitNumber(in: array[i], at: Array(prefix.dropFirst()), path: path + ["[\(i)]"]) }
            return nil
        }
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() where !(path.isEmpty && key == "id") { if let found = misfitNumber(in: object[key]!, at: [], path: path + [key]) { return found } }
        case let array as [Any]:
            for (i, element) in array.enumerated() { if let found = misfitNumber(in: element, at: [], path: path + ["[\(i)]"]) { return found } }
        case let n as NSNumber where !(value is Bool) && !(value is String):
            let text = "\(n)"
            let whole = path.last == "seed" ? UInt64(text) != nil : Int(text) != nil
            if !whole { return (path.joined(separator: ".").replacingOccurrences(of: ".[", with: "["), text) }
        default: break
        }
        return nil
    }

    static func refusal(_ error: DecodingError, type: String) -> ServerError {
        func path(_ keys: [CodingKey]) -> ErrorArgument {
            .text(keys.reduce(into: "") { text, key in
                if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            })
        }
        let request = ErrorArgument.text(type)
        switch error {
        case .keyNotFound(let key, let ctx):
            return ServerError(.badRequest, key: "error.bad_request.missing_field", ["type": request, "field": path(ctx.codingPath + [key])])
        case .typeMismatch(let kind, let ctx):
            return ServerError(.badRequest, key: "error.bad_request.field_type", ["type": request, "field": path(ctx.codingPath), "kind": typeName(kind)])
        case .valueNotFound(let kind, let ctx):
            return ServerError(.badRequest, key: "error.bad_request.field_null", ["type": request, "field": path(ctx.codingPath), "kind": typeName(kind)])
        case .dataCorrupted(let ctx):
            guard !ctx.codingPath.isEmpty else {
                return ServerError(.badRequest, key: "error.bad_request.other", ["type": request, "problem": .text(ctx.debugDescription)])
            }
            // A consent decision is the one closed set of words a request holds.
            if ctx.codingPath.contains(where: { $0.stringValue == "consents" || $0.stringValue == "decision" }) {
                return ServerError(.badRequest, key: "error.bad_request.decision", ["type": request, "field": path(ctx.codingPath)])
            }
            return ServerError(.badRequest, key: "error.bad_request.field_invalid", ["type": request, "field": path(ctx.codingPath)])
        @unknown default:
            return ServerError(.badRequest, key: "error.bad_request.other", ["type": request, "problem": .text("invalid message")])
        }
    }

    private static func typeName(_ type: Any.Type) -> ErrorArgument {
        let key = switch type {
        case is String.Type: "error.bad_request.kind_string"
        case is Int.Type, is UInt64.Type: "error.bad_request.kind_integer"
        case is Bool.Type: "error.bad_request.kind_boolean"
        case is ParameterValue.Type: "error.bad_request.kind_parameter"
        default: "\(type)".contains("Array") ? "error.bad_request.kind_list" : "error.bad_request.kind_object"
        }
        return .phrase(ErrorDetail(key))
    }
}

/// "Did you mean" for short names (edit distance at most 2).
enum Suggestion {
    /// Bounded in bytes, not characters: one character may hold thousands of combining marks, and comparing such
    /// characters normalises them each time (the campaign found a 40 KB one-character type costing the transport's
    /// thread a good part of a second; docs/reliability.md).
    static func closest(_ word: String, in candidates: [String]) -> String? {
        guard word.utf8.count <= 64, word.count <= 40 else { return nil }
        let w = Array(word)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c))
            if d <= 2, best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A whole request read in one pass: `id`, `type` and the body of that type from the same object.
private struct WholeRequest: Decodable {
    var id: JSONValue?
    var type: String
    var request: ClientRequest

    enum Keys: String, CodingKey { case id, type }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = c.contains(.id) ? try RequestID.decode(c, forKey: .id) : nil
        type = try c.decode(String.self, forKey: .type)
        do {
            request = try ClientRequest.decode(type: type) { t in try t.init(from: decoder) }
        } catch {
            throw BodyFailure(id: id, type: type, error: error)
        }
    }
}

/// Why the body of a request whose `id` and `type` were read is not a request of that type.
private struct BodyFailure: Error {
    var id: JSONValue?
    var type: String
    var error: any Error

    /// The refusal, when this error alone says it: an unknown type, and a field missing, null or of the wrong kind.
    /// Nil for a value the decoder read but could not take (a number with a fraction, a word not in a closed set),
    /// which the message itself is read again for, to name the field and the number.
    var refusal: ServerError? {
        switch error {
        case let error as ServerError: error
        case let error as DecodingError:
            if case .dataCorrupted = error { nil } else { ClientRequest.refusal(error, type: type) }
        default: nil
        }
    }
}

/// A request's `id`: a string of at most `maxBytes` UTF-8 bytes, or a number, echoed exactly in the reply.
enum RequestID {
    static let maxBytes = 128
    static let refusal = ServerError(.badRequest, key: "error.bad_request.id", ["max": .number(maxBytes)])

    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K) throws -> JSONValue {
        if let s = try? c.decode(String.self, forKey: key), s.utf8.count <= maxBytes { return .string(s) }
        if let n = try? c.decode(Double.self, forKey: key) { return .number(n) }
        throw refusal
    }

    /// The id read from JSONSerialization's value (nil when absent).
    static func read(_ value: Any?) -> Result<JSONValue?, ServerError> {
        guard let value, !(value is NSNull) else { return .success(nil) }
        if let s = value as? String { return s.utf8.count <= maxBytes ? .success(.string(s)) : .failure(refusal) }
        if let n = value as? NSNumber, !Self.isBool(n) { return .success(.number(n.doubleValue)) }
        return .failure(refusal)
    }

    private static func isBool(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c" || type(of: n) == type(of: NSNumber(value: true))
    }
}
