import Testing
@testable import ArmisticeTerminal

@Suite struct SanitizerTests {
    @Test func removesCSIAndOSCAndTwoCharacterEscapes() {
        #expect(TerminalText.sanitize("\u{1B}[2J\u{1B}[HHi\u{1B}[31m red\u{1B}[0m") == "Hi red")
        #expect(TerminalText.sanitize("a\u{1B}]0;pwned title\u{07}b") == "ab")
        #expect(TerminalText.sanitize("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(TerminalText.sanitize("x\u{1B}7\u{1B}cy\u{1B}(0z") == "xyz")
        #expect(TerminalText.sanitize("\u{1B}P1$qm\u{1B}\\ok") == "ok")
    }

    @Test func removesEightBitControlsAndC0() {
        #expect(TerminalText.sanitize("a\u{9B}31mb\u{9D}2;t\u{9C}c") == "abc")
        #expect(TerminalText.sanitize("bell\u{07}back\u{08}space\u{7F}nul\u{00}") == "bellbackspacenul")
        #expect(TerminalText.sanitize("tab\there") == "tab here")
    }

    @Test func newlinesKeptOnlyWhenAsked() {
        #expect(TerminalText.sanitize("one\r\ntwo\rthree") == "one two three")
        #expect(TerminalText.sanitize("one\r\ntwo\nthree", keepNewlines: true) == "one\ntwo\nthree")
    }

    @Test func removesDirectionOverrides() {
        #expect(TerminalText.sanitize("abc\u{202E}fed\u{202C}\u{2066}x\u{2069}") == "abcfedx")
    }

    @Test func keepsOrdinaryTextAndHangul() {
        #expect(TerminalText.sanitize("Kim Jong-un 김정은 — «peace» ✓") == "Kim Jong-un 김정은 — «peace» ✓")
    }

    @Test func unterminatedSequencesAreDroppedWhole() {
        #expect(TerminalText.sanitize("safe\u{1B}]0;never ends") == "safe")
        #expect(TerminalText.sanitize("safe\u{1B}[") == "safe")
        #expect(TerminalText.sanitize("safe\u{1B}") == "safe")
    }

    @Test func widthCountsWideCharactersTwice() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("김정은") == 6)
        #expect(TerminalText.truncate("김정은 위원장", to: 5) == "김정…")
        #expect(TerminalText.wrap("the quick brown fox jumps", to: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func gridNeverHoldsAControlCharacter() {
        var g = Grid(width: 30, height: 2)
        g.put(0, 0, "\u{1B}[2J\u{1B}[1;1HEvil\u{1B}]0;t\u{07}\u{9B}5n name")
        #expect(g.row(0).hasPrefix("Evil name"))
        for cell in g.cells {
            for scalar in cell.character.unicodeScalars { #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value)) }
        }
    }
}
