/// A JSON value as the campaign writes it: like JSON, but a `raw` token is written as it is, so that a frame can
/// carry what no encoder would produce (numbers past any range, lone surrogate escapes, duplicate keys).
package indirect enum FuzzJSON: Sendable {
    case object([(String, FuzzJSON)])
    case array([FuzzJSON])
    case string(String)
    case raw(String)

    package static func number(_ n: Int) -> FuzzJSON { .raw(String(n)) }

    package var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    package func write(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (i, value) in elements.enumerated() {
                if i > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .string(let s): Self.quote(s, into: &out)
        case .raw(let token): out += token
        }
    }

    package static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
