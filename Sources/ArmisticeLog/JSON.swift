/// A small, fast JSON parser: the package's one reader of JSON text outside `JSONDecoder`. `MatchLog` reads a record
/// with it first and falls back to `JSONDecoder` for anything it does not recognise, so the decoder stays the
/// authority on what a line means and on error messages; this only makes the common lines cheap (the replay speed
/// target is 200,000 records a second). Package-visible so other tools of the package can scan JSON with it.
package enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(key: String, value: JSON)])

    package subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        for pair in pairs.reversed() where pair.key == key { return pair.value }
        return nil
    }

    /// Parses one JSON text; nil if it is not JSON (trailing spaces allowed).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSON? {
        var scanner = JSONScanner(bytes: bytes)
        guard let value = scanner.value() else { return nil }
        scanner.skipSpace()
        return scanner.i == bytes.count ? value : nil
    }
}
