import Testing
@testable import ArmisticeServer

@Suite struct TextSanitizerTests {
    @Test func namesLoseControlCharactersAndDirectionOverrides() {
        #expect(TextSanitizer.name("  Ada\u{0007}\u{202E} Lovelace\n ") == "Ada Lovelace")
    }

    @Test func chatKeepsNewlinesButNotOtherControls() {
        #expect(TextSanitizer.chat("hi\u{0000}\nthere\u{001B}[31m") == "hi\nthere[31m")
    }

    @Test func namesAreCappedInLength() {
        #expect(TextSanitizer.name(String(repeating: "x", count: 100), limit: 40).count == 40)
    }
}
