extension TextSanitizer {
    /// Whether a (sanitized) name is a nickname as a nickname-only room defines it: one word, no white space.
    public static func isNickname(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
