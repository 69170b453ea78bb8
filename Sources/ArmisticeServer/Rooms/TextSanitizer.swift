/// Cleans text that people type: control and bidirectional-override characters go, whitespace is trimmed.
public enum TextSanitizer {
    /// A display name: one line, no control characters, at most `limit` characters.
    public static func name(_ text: String, limit: Int = 40) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isStripped($0, keepNewline: false) }))
        return String(cleaned.trimmingWhitespace().prefix(limit))
    }

    /// Chat text: newlines kept, other control characters stripped, trimmed.
    public static func chat(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isStripped($0, keepNewline: true) })).trimmingWhitespace()
    }

    static func isStripped(_ s: Unicode.Scalar, keepNewline: Bool) -> Bool {
        if keepNewline, s == "\n" { return false }
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true              // C0 and C1 controls
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // zero-width and direction overrides
        case 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
