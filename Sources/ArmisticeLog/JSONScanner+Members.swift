extension JSONScanner {
    /// Reads `byte` (after spaces) if it is next: an object's or array's opening bracket.
    package mutating func enter(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// Reads the closing bracket `byte` (after spaces) if it is next: an empty object or array.
    package mutating func leave(_ byte: UInt8) -> Bool {
        closed = enter(byte)
        return closed
    }

    /// After a member: true if a comma follows (another member); false at the closing bracket (`closed` then true)
    /// or anything else (`closed` false: not JSON).
    package mutating func nextMember(closing: UInt8) -> Bool {
        skipSpace()
        closed = false
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: ",") { i += 1; return true }
        if bytes[i] == closing { i += 1; closed = true }
        return false
    }

    /// An object's key with no escapes in it, and its colon: the range of its bytes. Nil otherwise.
    package mutating func key() -> Range<Int>? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        i = end + 1
        guard colon() else { return nil }
        return start..<end
    }

    /// An object's key of any text, and its colon.
    package mutating func keyText() -> String? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string(), colon() else { return nil }
        return key
    }

    /// Whether the key's bytes are `name`.
    package func key(_ key: Range<Int>, is name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<key.count where bytes[key.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Reads `null` if it is next.
    package mutating func null() -> Bool {
        skipSpace()
        guard i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
              bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    /// Whether a string is next.
    package mutating func atString() -> Bool {
        skipSpace()
        return i < bytes.count && bytes[i] == UInt8(ascii: "\"")
    }

    /// A string value; nil if the next value is not one.
    package mutating func text() -> String? { atString() ? string() : nil }

    /// A whole number that fits Int64; nil for anything else (a fraction, an exponent, a string).
    package mutating func int64() -> Int64? {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || (bytes[i] >= 0x30 && bytes[i] <= 0x39), case .int(let n)? = number() else { return nil }
        return n
    }

    /// A whole number that fits Int.
    package mutating func int() -> Int? { int64().flatMap { Int(exactly: $0) } }

    /// `true` or `false`.
    package mutating func bool() -> Bool? {
        skipSpace()
        switch value() {
        case .bool(let b)?: return b
        default: return nil
        }
    }

    /// Reads past any one value; false if it is not JSON.
    package mutating func skip() -> Bool { value() != nil }

    /// The end of the text (after spaces).
    package mutating func atEnd() -> Bool {
        skipSpace()
        return i == bytes.count
    }

    private mutating func colon() -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
        i += 1
        return true
    }
}
