/// The byte-level pieces of JSON text that the message encoder (`StreamingJSONEncoder`) and the log-line writer
/// share: numbers and escaped strings.
package enum JSONText {
    /// A double that is a whole number of at most this size is written without a fraction (`7`, not `7.0`): every
    /// integer up to 2^53 is exact in a double, so an id sent as a number comes back as it was sent.
    package static func wholeNumber(_ d: Double) -> Int64? {
        d == d.rounded() && abs(d) <= 9_007_199_254_740_992 ? Int64(d) : nil
    }

    /// Appends the decimal digits of `value` (any integer of at most 64 bits: every one the wire and the log hold).
    /// Generic callers in other modules get this unspecialized, so the digits are worked out on a `UInt64`, not
    /// through `BinaryInteger`'s witnesses once per digit.
    package static func appendInteger<T: BinaryInteger>(_ value: T, to bytes: inout [UInt8]) {
        appendDigits(negative: value < 0, UInt64(value.magnitude), to: &bytes)
    }

    /// Appends `-` if `negative`, then the decimal digits of `magnitude`.
    private static func appendDigits(negative: Bool, _ magnitude: UInt64, to bytes: inout [UInt8]) {
        if magnitude == 0 { bytes.append(0x30); return }
        if negative { bytes.append(0x2D) }
        var v = magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            var i = raw.count
            while v > 0 {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
            }
            bytes.append(contentsOf: raw[i...])
        }
    }

    /// Appends `s` as a JSON string: `"`, `\` and control characters escaped, everything else as it is.
    /// `shortEscapes`: backspace and form feed as `\b` and `\f` (Foundation's way, the log's) rather than `\u0008`
    /// and `\u000c` (the wire's).
    package static func appendString(_ s: String, to bytes: inout [UInt8], shortEscapes: Bool) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { buffer in
            var start = 0
            for i in 0..<buffer.count {
                let b = buffer[i]
                if b == 0x22 || b == 0x5C || b < 0x20 {
                    if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i])) }
                    appendEscaped(b, to: &bytes, shortEscapes: shortEscapes)
                    start = i + 1
                }
            }
            if buffer.count > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count])) }
        }
        bytes.append(0x22)
    }

    /// Appends one byte of a string, escaped if JSON needs it.
    package static func appendEscaped(_ b: UInt8, to out: inout [UInt8], shortEscapes: Bool = false) {
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x0A: out.append(0x5C); out.append(0x6E)
        case 0x0D: out.append(0x5C); out.append(0x72)
        case 0x09: out.append(0x5C); out.append(0x74)
        case 0x08 where shortEscapes: out.append(0x5C); out.append(0x62)
        case 0x0C where shortEscapes: out.append(0x5C); out.append(0x66)
        case 0x00..<0x20:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex.utf8Start[Int(b >> 4)], hex.utf8Start[Int(b & 0xF)]])
        default: out.append(b)
        }
    }
}
