import ArmisticeEngine
import Foundation

/// How the report's JSON writes the engine's views (format 2). Written whole, one view per distinct (step, viewpoint),
/// they made an 8-turn class's file 13.4 MB, nearly all of it the same parts over and over: every view repeats every
/// action with its description and parameters, the map, the catalog, the objectives, though a step changes only a few
/// values. So the file keeps, per field of a view, a table of its distinct values (`viewParts[field]`; for a field
/// that is a list, of its distinct elements), and each view is a map from field to an index in that table (a list
/// field: a list of indices, one per element, in order). Nothing is left out: a view is rebuilt exactly from it
/// (`AfterActionReport.decode(json:)` here, `ReplayData.view` in the browser). In memory `views` stays `[GameView]`.
enum ViewTable {
    static let partsKey = "viewParts"

    /// The two members the JSON gets for `views`: `viewParts` and `views`, as JSON texts. Each view is encoded once
    /// (keys sorted) and cut into its fields and their elements as encoded, so a part's text is the encoder's own and
    /// equal parts are equal texts.
    static func encode(_ views: [GameView]) throws -> (parts: String, views: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var parts: [String: [String]] = [:]
        var seen: [String: [String: Int]] = [:]
        func index(_ field: String, _ text: String) -> Int {
            if let k = seen[field]?[text] { return k }
            let k = parts[field, default: []].count
            parts[field, default: []].append(text)
            seen[field, default: [:]][text] = k
            return k
        }
        var maps: [String] = []
        for view in views {
            let bytes = Array(try encoder.encode(view))
            var fields: [String] = []
            for (key, value) in members(of: bytes) {
                let field = String(decoding: bytes[key], as: UTF8.self)
                if bytes[value.lowerBound] == UInt8(ascii: "[") {
                    let at = elements(of: bytes, in: value).map { String(index(field, String(decoding: bytes[$0], as: UTF8.self))) }
                    fields.append("\"\(field)\":[\(at.joined(separator: ","))]")
                } else {
                    fields.append("\"\(field)\":\(index(field, String(decoding: bytes[value], as: UTF8.self)))")
                }
            }
            maps.append("{" + fields.joined(separator: ",") + "}")
        }
        let table = parts.keys.sorted().map { "\"\($0)\":[" + parts[$0]!.joined(separator: ",") + "]" }
        return ("{" + table.joined(separator: ",") + "}", "[" + maps.joined(separator: ",") + "]")
    }

    /// The members of the compact JSON object `b` (an encoder's output, no spaces): each key's range (inside its
    /// quotes) and its value's.
    private static func members(of b: [UInt8]) -> [(key: Range<Int>, value: Range<Int>)] {
        var out: [(Range<Int>, Range<Int>)] = []
        var i = 1
        while i < b.count, b[i] == UInt8(ascii: "\"") {
            let keyEnd = end(of: b, at: i)
            let valueEnd = end(of: b, at: keyEnd + 1)
            out.append(((i + 1)..<(keyEnd - 1), (keyEnd + 1)..<valueEnd))
            i = valueEnd + 1
        }
        return out
    }

    /// The elements of the compact JSON array at `range` in `b`.
    private static func elements(of b: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound + 1
        while i < range.upperBound - 1 {
            let e = end(of: b, at: i)
            out.append(i..<e)
            i = e + 1
        }
        return out
    }

    /// Where the JSON value starting at `i` in `b` ends (one past its last byte).
    private static func end(of b: [UInt8], at start: Int) -> Int {
        var i = start, depth = 0
        repeat {
            switch b[i] {
            case UInt8(ascii: "\""):
                i += 1
                while b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; i += 1
            default:
                if depth == 0 {
                    while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"), b[i] != UInt8(ascii: "]") { i += 1 }
                    return i
                }
                i += 1
            }
        } while depth > 0
        return i
    }

    /// A report's JSON object with its views rebuilt whole from `viewParts` (format 2); unchanged when it has none.
    static func expand(_ object: inout [String: Any]) {
        guard let parts = object[partsKey] as? [String: [Any]], let maps = object["views"] as? [[String: Any]] else { return }
        object["views"] = maps.map { map in
            var view: [String: Any] = [:]
            for (field, at) in map {
                let table = parts[field] ?? []
                if let list = at as? [Int] { view[field] = list.map { table[$0] } } else if let k = at as? Int { view[field] = table[k] }
            }
            return view
        }
        object[partsKey] = nil
    }
}
