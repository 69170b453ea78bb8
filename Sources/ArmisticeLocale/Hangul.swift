/// Hangul syllables taken apart (Unicode's arithmetic on U+AC00…U+D7A3), for the particles (`Josa`) and for ids made
/// from Korean names (`romanized`).
public enum Hangul {
    /// A syllable's initial, medial and final jamo indexes (19 × 21 × 28; final 0 is none), or nil for any other scalar.
    public static func parts(of scalar: Unicode.Scalar) -> (initial: Int, medial: Int, final: Int)? {
        guard (0xAC00...0xD7A3).contains(scalar.value) else { return nil }
        let index = Int(scalar.value - 0xAC00)
        return (index / 588, (index % 588) / 28, index % 28)
    }

    private static let initials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    private static let medials = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
                                  "yu", "eu", "ui", "i"]
    private static let finals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
                                 "t", "ng", "t", "t", "k", "t", "p", "t"]

    /// The text with each Hangul syllable spelt in the Revised Romanization's letters, syllable by syllable (김지우 →
    /// gimjiu, 이선생 → iseonsaeng; an initial ㄹ as r). It does not apply the sound changes between syllables, so
    /// it is a readable, stable spelling for an id, not a name's official romanization. Other characters are kept.
    public static func romanized(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            guard let (i, m, f) = parts(of: scalar) else { out.unicodeScalars.append(scalar); continue }
            out += initials[i] + medials[m] + finals[f]
        }
        return out
    }
}
