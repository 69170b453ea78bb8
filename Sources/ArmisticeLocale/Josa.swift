/// Korean particles that depend on the word before them: templates write both forms, `을(를)`, `이(가)`, `은(는)`,
/// `와(과)`, `(으)로`, and `resolvingParticles` keeps the one the preceding syllable (or digit) takes (the report's
/// story and the server's refusals use it; the browser's catalog.js does the same).
public enum Josa {
    /// The particle pairs as templates write them: the written marker, the form after a final consonant, the form after a vowel.
    public static let pairs: [(marker: String, consonant: String, vowel: String)] = [
        ("을(를)", "을", "를"), ("이(가)", "이", "가"), ("은(는)", "은", "는"), ("와(과)", "과", "와"), ("(으)로", "으로", "로"),
    ]

    /// Whether the text before a particle ends in a final consonant (`nil` when that can't be told), and whether it is ㄹ.
    public static func final(of text: Substring) -> (consonant: Bool, rieul: Bool)? {
        let skipped: Set<Character> = ["”", "’", "\"", "'", ")", "]", "」", "』", " "]
        var rest = text
        while let last = rest.last, skipped.contains(last) { rest = rest.dropLast() }
        // A number read aloud: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구; 10, 20… 십, 100 백, 1000 천.
        if let last = rest.last, last.isASCII, let digit = last.wholeNumberValue {
            if digit == 0, rest.dropLast().last?.isNumber == true { return (true, false) }
            return ([0, 1, 3, 6, 7, 8].contains(digit), [1, 7, 8].contains(digit))
        }
        guard let scalar = rest.last?.unicodeScalars.first, (0xAC00...0xD7A3).contains(scalar.value) else { return nil }
        let jong = (scalar.value - 0xAC00) % 28
        return (jong != 0, jong == 8)
    }

    /// The text with every particle marker resolved.
    public static func resolvingParticles(_ text: String) -> String {
        var out = text
        for (marker, consonant, vowel) in pairs {
            var from = out.startIndex
            while let range = out.range(of: marker, range: from..<out.endIndex) {
                // A Latin name or a code before it: the marker stays as written, both forms.
                guard let f = final(of: out[..<range.lowerBound]) else { from = range.upperBound; continue }
                let form = marker == "(으)로" ? (f.consonant && !f.rieul ? consonant : vowel) : (f.consonant ? consonant : vowel)
                let offset = out.distance(from: out.startIndex, to: range.lowerBound)
                out.replaceSubrange(range, with: form)
                from = out.index(out.startIndex, offsetBy: offset + form.count)
            }
        }
        return out
    }
}
