import Testing
@testable import ArmisticeTransport

@Suite("Message reassembly")
struct MessageAssemblerTests {
    private func feed(_ assembler: inout MessageAssembler, _ bytes: [UInt8], first: Bool, final: Bool,
                      binary: Bool = false) -> MessageAssembler.Verdict {
        bytes.withUnsafeBytes { assembler.consume($0, first: first, final: final, binary: binary) }
    }

    @Test func fragmentsAreJoinedIntoOneMessage() {
        var assembler = MessageAssembler(limit: 100)
        #expect(feed(&assembler, Array("hel".utf8), first: true, final: false) == .pending)
        #expect(feed(&assembler, Array("lo".utf8), first: false, final: true) == .text("hello"))
        #expect(feed(&assembler, Array("again".utf8), first: true, final: true) == .text("again"))
    }

    @Test func oversizedMessageIsRejectedAndTheNextOneAccepted() {
        var assembler = MessageAssembler(limit: 4)
        #expect(feed(&assembler, Array("abc".utf8), first: true, final: false) == .pending)
        #expect(feed(&assembler, Array("def".utf8), first: false, final: true) == .rejected(.tooLarge(bytes: 6)))
        #expect(feed(&assembler, Array("ok".utf8), first: true, final: true) == .text("ok"))
    }

    @Test func aMessageInManySmallFragmentsIsJoinedAndOneInTooManyClosesTheConnection() {
        var assembler = MessageAssembler(limit: 65_536)
        let pieces = MessageAssembler.maxChunks
        #expect(feed(&assembler, [UInt8(ascii: "x")], first: true, final: false) == .pending)
        for _ in 2..<pieces { #expect(feed(&assembler, [UInt8(ascii: "x")], first: false, final: false) == .pending) }
        #expect(feed(&assembler, [UInt8(ascii: "x")], first: false, final: true) == .text(String(repeating: "x", count: pieces)))
        // One byte a fragment, never final: the message stays tiny, so only the count of pieces can stop it.
        #expect(feed(&assembler, [UInt8(ascii: "y")], first: true, final: false) == .pending)
        var verdict = MessageAssembler.Verdict.pending
        for _ in 0..<pieces where verdict == .pending {
            verdict = feed(&assembler, [UInt8(ascii: "y")], first: false, final: false)
        }
        #expect(verdict == .tooFragmented)
        #expect(feed(&assembler, Array("ok".utf8), first: true, final: true) == .text("ok"))
    }

    @Test func binaryIsRejected() {
        var assembler = MessageAssembler(limit: 4)
        #expect(feed(&assembler, [0, 1], first: true, final: true, binary: true) == .rejected(.binaryFrame))
    }

    @Test func beyondTheHardLimitTheConnectionIsAborted() {
        var assembler = MessageAssembler(limit: 2, hardLimitFactor: 2)
        #expect(feed(&assembler, [1, 2, 3], first: true, final: false) == .pending)
        #expect(feed(&assembler, [4, 5], first: false, final: false) == .abort(bytes: 5))
    }

    @Test func invalidUTF8IsReported() {
        var assembler = MessageAssembler(limit: 10)
        #expect(feed(&assembler, [0xff, 0xfe], first: true, final: true) == .invalidUTF8)
    }

    @Test func closeReasonsAreCutAtCharacterBoundaries() {
        let long = String(repeating: "é", count: 100)  // 200 bytes
        let cut = CloseReason.truncate(long)
        #expect(cut.utf8.count == 122)
    }
}
