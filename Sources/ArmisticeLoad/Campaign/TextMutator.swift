/// Damages text files the way editors, disks and attackers do: lines deleted, repeated, swapped or re-indented,
/// bytes replaced, the file cut short, values replaced by ones out of every range, YAML's own traps (anchors and
/// aliases, tags, merge keys, deep flow collections) and bytes that are not UTF-8.
package struct TextMutator {
    package var rng: SplitMix64

    package init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    package static let specials: [String] = [":", "- ", "&a ", "*a", "!!binary ", "!!python/object:os.system ", "|", ">", "{", "[", "}", "]", "\"", "'",
                                     "#", "\t", "%YAML 1.1\n", "@", "`", "? ", "<<: *a", "---\n", "...\n", "\u{0}", "\u{FEFF}", "\r", "~", "null",
                                     "1e400", "-9223372036854775809", "0x7fffffffffffffff", ".inf", ".nan", "((((((((((", "tension +", " and and ",
                                     String(repeating: "a", count: 5_000), "é\u{301}\u{302}", "\u{202E}", "'''", "\\", "!!str", "!<tag:x>"]

    /// An alias bomb, a deep flow collection, a merge-key loop or a huge document fragment, to be spliced in.
    package mutating func trap() -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            var s = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            let levels = Int.random(in: 2...12, using: &rng)
            for i in 1...levels { s += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]\n" }
            return s + "? *a\(levels)\n: boom\n"
        case 1: return "deep: " + String(repeating: "[", count: Int.random(in: 50...20_000, using: &rng)) + String(repeating: "]", count: Int.random(in: 0...50, using: &rng)) + "\n"
        case 2: return "base: &b {x: 1}\nloop: &l\n  <<: *b\n  self: *l\n"
        case 3: return "big: " + String(repeating: "- x\n", count: Int.random(in: 1_000...50_000, using: &rng))
        case 4: return "k: " + String(repeating: "{a: ", count: Int.random(in: 50...5_000, using: &rng)) + "1" + String(repeating: "}", count: 3) + "\n"
        default: return String(repeating: "  ", count: Int.random(in: 100...2_000, using: &rng)) + "x: y\n"
        }
    }

    /// The text with one to four mutations, as bytes (some mutations are not UTF-8).
    package mutating func mutate(_ text: String) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var bytesAfter: [(Int, [UInt8])] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !lines.isEmpty else { lines = [""]; continue }
            let i = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<11, using: &rng) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
            case 3: lines[i] = (rng.chance(50) ? "  " : "") + String(lines[i].dropFirst(rng.chance(50) ? 2 : 0))
            case 4:
                var scalars = Array(lines[i].unicodeScalars)
                if !scalars.isEmpty { scalars.removeSubrange(Int.random(in: 0..<scalars.count, using: &rng)...) }
                lines[i] = String(String.UnicodeScalarView(scalars)) + Self.specials.randomElement(using: &rng)!
            case 5:
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + Self.specials.randomElement(using: &rng)!
                } else {
                    lines[i] += Self.specials.randomElement(using: &rng)!
                }
            case 6: lines.insert(trap(), at: i)
            case 7: lines.removeSubrange(i...)
            case 8: bytesAfter.append((i, (0..<Int.random(in: 1...6, using: &rng)).map { _ in UInt8.random(in: 0x80...0xFF, using: &rng) }))
            case 9: lines[i] = lines[i].replacingOccurrences(of: " ", with: "\t")
            default:
                var scalars = Array(lines[i].unicodeScalars)
                if !scalars.isEmpty { scalars[Int.random(in: 0..<scalars.count, using: &rng)] = Self.specials.randomElement(using: &rng)!.unicodeScalars.first ?? "x" }
                lines[i] = String(String.UnicodeScalarView(scalars))
            }
        }
        var out: [UInt8] = []
        for (n, line) in lines.enumerated() {
            out += Array(line.utf8)
            for (at, bytes) in bytesAfter where at == n { out += bytes }
            if n < lines.count - 1 { out.append(0x0A) }
        }
        if rng.chance(10) { out.removeSubrange(Int.random(in: 0...out.count, using: &rng)...) }
        return out
    }
}
