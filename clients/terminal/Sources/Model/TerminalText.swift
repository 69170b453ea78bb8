/// Makes text that other people wrote (names, chat, notes, news) safe to put on a terminal, and measures it.
///
/// `sanitize` removes every escape sequence (CSI, OSC, DCS and the other string sequences, in their 7-bit and
/// 8-bit forms, plus two-character escapes), every other C0 and C1 control character, DEL, and the Unicode
/// direction overrides and isolates, so nothing can move the cursor, change colours, set the title or
/// reorder the line. Tabs become spaces; newlines are kept only when asked (chat), else become spaces.
public enum TerminalText {
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            let v = s.value
            switch v {
            case 0x1B: // ESC
                guard let next = scalars.first else { continue }
                switch next.value {
                case 0x5B: scalars.removeFirst(); skipCSI(&scalars)                 // ESC [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: scalars.removeFirst(); skipString(&scalars) // OSC DCS SOS PM APC
                case 0x20...0x2F: // ESC, intermediates, then one final byte
                    while let c = scalars.first, (0x20...0x2F).contains(c.value) { scalars.removeFirst() }
                    if !scalars.isEmpty { scalars.removeFirst() }
                default:
                    // A two-character escape (ESC 7, ESC c, ESC M, …): drop the next printable ASCII character.
                    if (0x30...0x7E).contains(next.value) { scalars.removeFirst() }
                }
            case 0x9B: skipCSI(&scalars)                              // 8-bit CSI
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipString(&scalars)   // 8-bit OSC DCS SOS PM APC
            case 0x0A, 0x0D:
                if v == 0x0D, scalars.first?.value == 0x0A { continue } // CR LF: one newline
                out.append(keepNewlines ? "\n" : " ")
            case 0x09: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: continue // direction marks and overrides
            case 0x2028, 0x2029: out.append(keepNewlines ? "\n" : " ")
            case 0xFEFF, 0xFFF9...0xFFFB: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Skips a control sequence's parameters and intermediates and its final byte (0x40–0x7E).
    private static func skipCSI(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let c = scalars.popFirst() {
            if (0x40...0x7E).contains(c.value) { return }
            if !(0x20...0x3F).contains(c.value) { return } // malformed: stop at anything unexpected
        }
    }

    /// Skips a string sequence up to its terminator: BEL, ST (0x9C) or ESC \.
    private static func skipString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let c = scalars.popFirst() {
            if c.value == 0x07 || c.value == 0x9C { return }
            if c.value == 0x1B {
                if scalars.first?.value == 0x5C { scalars.removeFirst() }
                return
            }
        }
    }

    /// How many terminal columns a character takes: 2 for East Asian wide and full-width characters, 0 for
    /// marks that combine with the previous one, else 1.
    public static func width(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func width(_ text: String) -> Int { text.reduce(0) { $0 + width($1) } }

    /// Cuts text to at most `columns` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = width(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The end of text that fits in `columns` columns (an input line shows what was typed last), in one pass.
    public static func tail(_ text: String, fitting columns: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            used += width(text[before])
            if used > columns { break }
            start = before
        }
        return String(text[start...])
    }

    /// Pads (or cuts) text to exactly `columns` columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(cut)))
    }

    /// Breaks text into lines of at most `columns` columns, at spaces where it can.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = width(word)
                if used > 0 && used + 1 + w > columns {
                    lines.append(line); line = ""; used = 0
                }
                while w > columns { // a word longer than a line: cut it
                    var head = ""
                    var hw = 0
                    var rest = Substring(word)
                    while let c = rest.first, hw + width(c) <= columns - (used > 0 ? used + 1 : 0) || hw == 0 {
                        head.append(c); hw += width(c); rest = rest.dropFirst()
                        if hw >= columns { break }
                    }
                    if used > 0 { line += " " }
                    line += head
                    lines.append(line); line = ""; used = 0
                    word = String(rest); w = width(word)
                }
                if w == 0 { continue }
                if used > 0 { line += " "; used += 1 }
                line += word
                used += w
            }
            lines.append(line)
        }
        return lines
    }
}
