#if canImport(Glibc)
import Glibc
#endif

/// Reads a few fields out of a server message without parsing it. The load generator receives tens of thousands
/// of messages a second, updates among them of 20 KB or more, and needs only their type, id, cause and its own
/// markers: a full JSON parse of each would make the generator, not the server, the bottleneck.
///
/// The server writes object keys in no fixed order, so nothing here relies on order. It relies on the shapes in
/// docs/protocol.md: only an `update` has a `cause` object (flat: `type`, `by`, `reason`); replies, chat, roster
/// and clock events are small and their only `"type":"…"` is the top-level one.
package enum JSONScan {
    /// The bytes of `text`, contiguous.
    package static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { body(UnsafeRawBufferPointer($0)) }!
    }

    /// The offset just past the first `needle` in `bytes[from..<min(count, limit)]`, or nil. `anchor` is the index of
    /// a byte of the needle that is rare in JSON (say a `{`), found with memchr; the rest is compared around it.
    package static func end(of needle: StaticString, in bytes: UnsafeRawBufferPointer, from: Int = 0, limit: Int = .max, anchor: Int = 0) -> Int? {
        let stop = min(bytes.count, limit)
        let n = needle.utf8CodeUnitCount
        guard let base = bytes.baseAddress, from + n <= stop else { return nil }
        let key = Int32(needle.utf8Start[anchor])
        var i = from + anchor
        while i < stop {
            guard let hit = memchr(base + i, key, stop - i) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit)) - anchor
            if at + n > stop { return nil }
            if at >= from, memcmp(base + at, needle.utf8Start, n) == 0 { return at + n }
            i = at + anchor + 1
        }
        return nil
    }

    /// A run of bytes up to (not including) the next `"`, from `start`.
    package static func stringValue(in bytes: UnsafeRawBufferPointer, at start: Int) -> String? {
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") { return nil }
            i += 1
        }
        guard i < bytes.count else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    /// An unsigned decimal integer starting at `start`.
    package static func intValue(in bytes: UnsafeRawBufferPointer, at start: Int) -> Int? {
        var i = start
        var value = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
        }
        return i > start ? value : nil
    }

    /// Messages up to this size are scanned whole; larger ones are updates (found by their cause) or snapshots.
    package static let smallMessage = 8192

    /// The message's top-level `type`: `update` for anything with a cause; for small messages their `type`;
    /// nil for other large messages (snapshots) and for text that is not an armistice message.
    package static func messageType(_ text: String) -> String? {
        withBytes(text) { b in
            if end(of: "\"cause\":{", in: b, anchor: 8) != nil { return "update" }
            guard b.count <= smallMessage, let at = end(of: "\"type\":\"", in: b) else { return nil }
            return stringValue(in: b, at: at)
        }
    }

    /// An update's causes: each input it covers (usually one: `cause`; several are listed in `causes`), as the
    /// input's type, the seat number that gave it (`s3` → 3; nil for the clock) and the reason.
    package static func causes(_ text: String) -> [(type: String?, by: Int?, reason: String?)] {
        withBytes(text) { b in
            func object(at start: Int) -> (value: (type: String?, by: Int?, reason: String?), end: Int) {
                var close = start
                while close < b.count, b[close] != UInt8(ascii: "}") { close += 1 }
                let type = end(of: "\"type\":\"", in: b, from: start, limit: close).flatMap { stringValue(in: b, at: $0) }
                let by = end(of: "\"by\":\"s", in: b, from: start, limit: close).flatMap { intValue(in: b, at: $0) }
                let reason = end(of: "\"reason\":\"", in: b, from: start, limit: close).flatMap { stringValue(in: b, at: $0) }
                return ((type, by, reason), close)
            }
            guard let first = end(of: "\"cause\":{", in: b, anchor: 8) else { return [] }
            let cause = object(at: first)
            guard cause.end + 12 <= b.count, let list = end(of: "\"causes\":[", in: b, from: cause.end, limit: cause.end + 12) else {
                return [cause.value]
            }
            var all: [(type: String?, by: Int?, reason: String?)] = []
            var i = list
            while i < b.count, b[i] == UInt8(ascii: "{") {
                let next = object(at: i + 1)
                all.append(next.value)
                i = next.end + 1
                if i < b.count, b[i] == UInt8(ascii: ",") { i += 1 }
            }
            return all
        }
    }

    /// The string value of the first `"key":"…"` (the key given with its quotes, colon and opening quote).
    package static func string(_ keyAndQuote: StaticString, in text: String, limit: Int = .max) -> String? {
        withBytes(text) { bytes in
            guard let at = end(of: keyAndQuote, in: bytes, limit: limit) else { return nil }
            return stringValue(in: bytes, at: at)
        }
    }
}
