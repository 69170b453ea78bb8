/// A value `StreamingJSONEncoder` writes straight into its bytes, without `Codable` (the same JSON as its `Codable`
/// form with snake_case keys).
package protocol JSONWritable {
    func writeJSON(to json: StreamingJSONEncoder) throws
}

extension String: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeString(self) }
}

extension Int: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeInteger(self) }
}

extension Int64: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeInteger(self) }
}

extension Bool: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeBool(self) }
}

extension Double: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) { json.writeDouble(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        if let self { try self.writeJSON(to: json) } else { json.writeNull() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        json.bytes.append(0x5B)
        for i in indices {
            if i > startIndex { json.bytes.append(0x2C) }
            try self[i].writeJSON(to: json)
        }
        json.bytes.append(0x5D)
    }
}

/// In the dictionary's own order, as `Codable` writes it; keys as the encoder writes keys.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    package func writeJSON(to json: StreamingJSONEncoder) throws {
        json.bytes.append(0x7B)
        var first = true
        for (key, value) in self {
            if !first { json.bytes.append(0x2C) }
            first = false
            json.writeKey(key)
            try value.writeJSON(to: json)
        }
        json.bytes.append(0x7D)
    }
}
