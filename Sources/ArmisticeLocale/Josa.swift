/// Korean particles that depend on the word before them: templates write both forms, `을(를)`, `이(가)`, `은(는)`,
/// `와(과)`, `(으)로`, and `resolvingParticles` keeps the one the preceding syllable (or digit) takes (the report's
/// story, the server's refusals, the record texts (`RecordText`) and the scenario's texts filled in (`RecordTranslator`)
/// use it; the browser's catalog.js does the same).
public enum Josa {
    /// The particle pairs as templates write them: the written marker, the form after a final consonant, the form after a vowel.
    public static let pairs: [(marker: String, consonant: String, vowel: String)] = [
        ("을(를)", "을", "를"), ("이(가)", "이", "가"), ("은(는)", "은", "는"), ("와(과)", "과", "와"), ("(으)로", "으로", "로"),
    ]

    /// Whether the text before a particle ends in a final consonant (`nil` when that can't be told), and whether it is ㄹ.
    /// Closing quotes are skipped; a gloss or a unit in parentheses is not read aloud before the particle, so the word
    /// before it decides ("국제원자력기구(IAEA)" takes 를, as 기구 does; "DPRK (North Korea)" as DPRK; "인구(백만 명)" as
    /// 인구), while a Hangul parenthesis set off by a space is part of the name, read aloud, and decides ("아르본 (상류)"
    /// takes 와, as 상류 does). A code or an abbreviation
    /// in capitals ("4TZUMU", "IAEA", "UN") is read letter by letter, as Korean reads them: only L and R (엘, 알) and
    /// M and N (엠, 엔) end in a consonant. An English word in small letters can't be told (`nil`).
    public static func final(of text: Substring) -> (consonant: Bool, rieul: Bool)? {
        let skipped: Set<Character> = ["”", "’", "\"", "'", "]", "」", "』", " "]
        var rest = text
        while let last = rest.last {
            if skipped.contains(last) { rest = rest.dropLast(); continue }
            guard last == ")" else { break }
            guard let open = openingParenthesis(of: rest) else { rest = rest.dropLast(); continue }
            let before = rest[..<open]
            let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            // A parenthesis with nothing before it is read for itself: "(IAEA)"; so is one set off by a space that ends
            // in Hangul, a part of the name: "아르본 (상류)". One glued to the word is a gloss or a unit: "인구(백만 명)".
            let partOfName = before.last?.isWhitespace == true && endsInHangul(inside, skipping: skipped)
            rest = !before.contains { !$0.isWhitespace } || partOfName ? inside : before
        }
        if let last = rest.last, last.isASCII, last.isLetter {
            let word = rest.reversed().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            guard !word.contains(where: \.isLowercase) else { return nil }
            switch last {
            case "L", "R": return (true, true)
            case "M", "N": return (true, false)
            default: return (false, false)
            }
        }
        // A number read aloud: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구; 10, 20… 십, 100 백, 1000 천.
        if let last = rest.last, last.isASCII, let digit = last.wholeNumberValue {
            if digit == 0, rest.dropLast().last?.isNumber == true { return (true, false) }
            return ([0, 1, 3, 6, 7, 8].contains(digit), [1, 7, 8].contains(digit))
        }
        guard let scalar = rest.last?.unicodeScalars.first, let jong = Hangul.parts(of: scalar)?.final else { return nil }
        return (jong != 0, jong == 8)
    }

    /// Whether the text's last character, past closing quotes and spaces, is a Hangul syllable.
    static func endsInHangul(_ text: Substring, skipping skipped: Set<Character>) -> Bool {
        guard let last = text.last(where: { !skipped.contains($0) }), let scalar = last.unicodeScalars.first else { return false }
        return Hangul.parts(of: scalar) != nil
    }

    /// Where the parenthesis that closes `text` opens, or nil when it does not.
    static func openingParenthesis(of text: Substring) -> Substring.Index? {
        var depth = 0
        var i = text.endIndex
        while i > text.startIndex {
            i = text.index(before: i)
            if text[i] == ")" { depth += 1 } else if text[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// The text as a reader of `language` reads it: in Korean with every particle marker resolved, in any other
    /// language as it is (an English text may hold "(s)" or "(or)", which are not particles).
    public static func resolvingParticles(_ text: String, in language: Language) -> String {
        language == .ko ? resolvingParticles(text) : text
    }

    /// The text with every particle marker resolved.
    public static func resolvingParticles(_ text: String) -> String {
        var out = text
        for (marker, consonant, vowel) in pairs {
            var from = out.startIndex
            while let range = out.range(of: marker, range: from..<out.endIndex) {
                // An English word before it: the marker stays as written, both forms.
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
