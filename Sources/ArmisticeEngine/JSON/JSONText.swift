/// The byte-level pieces of JSON text that the message encoder (`StreamingJSONEncoder`) and the log-line writer
/// share: numbers and escaped strings.
package enum JSONText {
    /// Appends the decimal digits of `value`.
    package static func appendInteger<T: BinaryInteger>(_ value: T, to bytes: inout [UInt8]) {
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
