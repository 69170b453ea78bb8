import Foundation

/// Cleans text that people type: control, separator and bidirectional-override characters go, whitespace is
/// trimmed; and decides whether what is left may be shown.
public enum TextSanitizer {
    /// A display name: one line, no control characters, at most `limit` characters and at most `maxScalars` code
    /// points and `maxBytes` UTF-8 bytes (cut at a character boundary), so combining marks cannot make it huge.
    public static func name(_ text: String, limit: Int = 40, maxScalars: Int = 80, maxBytes: Int = 160) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !isStripped($0, keepNewline: false) }))
        var scalars = 0
        var bytes = 0
        var kept = Substring()
        for character in cleaned.trimmingWhitespace().prefix(limit) {
            scalars += character.unicodeScalars.count
            bytes += character.utf8.count
            guard scalars <= maxScalars, bytes <= maxBytes else { break }
            kept.append(character)
        }
        return String(kept).trimmingWhitespace()
    }

    /// Chat text: newlines kept, other control characters and line separators stripped, trimmed.
    public static func chat(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isStripped($0, keepNewline: true) })).trimmingWhitespace()
    }

    /// Chat text cleaned as `chat(_:)` does, or nil when the text as sent is over `maxBytes` UTF-8 bytes: the bound is
    /// checked first, since counting a native string's bytes costs nothing and cleaning costs by the code point (a
    /// 60 KB message cost the rooms thread about 12 ms to clean before it was refused; docs/reliability.md).
    public static func chat(_ text: String, maxBytes: Int) -> String? {
        guard text.utf8.count <= maxBytes else { return nil }
        return chat(text)
    }

    /// Whether cleaned chat text is over the limits: characters, code points, UTF-8 bytes and line breaks are each
    /// bounded (the refusal, `error.chat_too_long.size`, says them all).
    public static func chatIsOverLimit(_ text: String, limits: ServerLimits) -> Bool {
        let lineBreaks = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return text.utf8.count > limits.chatMaxBytes || text.unicodeScalars.count > limits.chatMaxScalars
            || lineBreaks > limits.chatMaxLineBreaks || text.count > limits.chatMaxLength
    }

    /// Whether cleaned free text (a deal note, news, a reason) is within a size `scale` times a chat message's in
    /// code points, UTF-8 bytes and line breaks (its length in characters is the engine's rule), so combining marks
    /// cannot make a short text huge.
    public static func fits(_ text: String, chatTimes scale: Int, limits: ServerLimits) -> Bool {
        let lineBreaks = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return text.utf8.count <= limits.chatMaxBytes * scale && text.unicodeScalars.count <= limits.chatMaxScalars * scale
            && lineBreaks <= limits.chatMaxLineBreaks * scale
    }

    /// Whether a name shows anything: at least one character that is not a space, a combining mark or invisible.
    public static func isVisible(_ name: String) -> Bool {
        name.unicodeScalars.contains { scalar in
            let p = scalar.properties
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .spaceSeparator, .lineSeparator,
                 .paragraphSeparator, .unassigned, .privateUse, .surrogate:
                return false
            default:
                return !p.isWhitespace && !p.isDefaultIgnorableCodePoint && scalar != "\u{2800}"   // braille blank
            }
        }
    }

    /// Whether a name reads as "Instructor": any case, width, accents, look-alike letters and digits, spacing and
    /// punctuation (“I N S T R U C T O R”, “1nstruct0r”, “Ｉｎｓｔｒｕｃｔｏｒ”, “the instructor”).
    /// In Korean, a name that ends in what a class calls its instructor: 교사, 강사 or 선생, with or without 님 (교사,
    /// 김 교사, 강사님, 이선생, 선생님), spaces and punctuation between the syllables ignored. A title is a word after the
    /// name, so a given name that begins with the same syllables is a name (강사랑: the surname 강 and 사랑).
    public static func impersonatesInstructor(_ name: String) -> Bool {
        if skeleton(name).contains("instructor") { return true }
        var hangul = String(String.UnicodeScalarView(name.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }))
        if hangul.hasSuffix("님") { hangul.removeLast() }
        return koreanTitles.contains { hangul.hasSuffix($0) }
    }

    /// What a Korean class calls its instructor (선생님 is 선생 with 님).
    static let koreanTitles = ["교사", "강사", "선생"]

    /// Lowercase ASCII letters a name looks like, everything else dropped.
    static func skeleton(_ text: String) -> String {
        var letters = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if let mapped = lookalikes[scalar] {
                letters.append(mapped)
            } else if ("a"..."z").contains(scalar) {
                letters.append(scalar)
            }
        }
        return String(letters)
    }

    /// Characters that pass for a Latin letter in a name (after lowercasing and compatibility decomposition).
    static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "!": "i", "|": "i", "l": "i", "$": "s", "+": "t", "@": "a",
        "\u{0430}": "a", "\u{0441}": "c", "\u{0435}": "e", "\u{0456}": "i", "\u{043E}": "o", "\u{0440}": "p",
        "\u{0455}": "s", "\u{0442}": "t", "\u{0443}": "y", "\u{0438}": "n", "\u{0433}": "r", "\u{043A}": "k",
        "\u{03B1}": "a", "\u{03B5}": "e", "\u{03B9}": "i", "\u{03BF}": "o", "\u{03C1}": "p", "\u{03C4}": "t",
        "\u{03BD}": "v", "\u{03B7}": "n", "\u{03C5}": "u", "\u{0131}": "i",
    ]

    static func isStripped(_ s: Unicode.Scalar, keepNewline: Bool) -> Bool {
        if keepNewline, s == "\n" { return false }
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true              // C0 and C1 controls
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // zero-width and direction overrides
        case 0x2028, 0x2029: return true                        // line and paragraph separators
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
