import Testing
@testable import ArmisticeServer

/// Chat, deal notes, news and reasons are bounded by their UTF-8 bytes as sent before they are cleaned: counting a
/// native string's bytes costs nothing, cleaning costs by the code point (a 60 KB chat message cost the rooms thread
/// about 12 ms to clean before it was refused). So text whose bytes are over the bound is refused even when what
/// cleaning would leave fits; the codes are the ones for text too long.
@Suite struct RawTextBoundTests {
    /// 400 letters among 1,700 zero-width spaces (3 bytes each): 5,500 bytes sent, 400 once cleaned.
    static let padded = String(repeating: "x\u{200B}\u{200B}\u{200B}\u{200B}", count: 400) + String(repeating: "\u{200B}", count: 100)

    @Test func chatOverItsBytesAsSentIsRefusedBeforeCleaning() {
        #expect(Self.padded.utf8.count > ServerLimits().chatMaxBytes)
        #expect(TextSanitizer.chat(Self.padded).count == 400)
        #expect(TextSanitizer.chat(Self.padded, maxBytes: ServerLimits().chatMaxBytes) == nil)
        let c = Classroom()
        c.start()
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "chat", "channel": "all", "text": Self.padded])) == "chat_too_long")
        // At the bound, the same text is cleaned and sent.
        let atBound = String(repeating: "x\u{200B}", count: 500)
        #expect(atBound.utf8.count == 2_000)
        #expect(CoreHarness.errorCode(c.h.send(c.member("usa").client, ["type": "chat", "channel": "all", "text": atBound])) == nil)
        #expect(c.h.room.chat.last?.text == String(repeating: "x", count: 500))
    }

    @Test func notesNewsAndReasonsOverTheirBytesAsSentAreRefusedBeforeCleaning() {
        let c = Classroom()
        c.start()
        let news = Self.padded + Self.padded   // 11,000 bytes sent (news: 4 × 2,000), 800 characters cleaned
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_news", "text": news])) == "too_long")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "adjust", "target": "tension", "value": 3, "reason": Self.padded])) == "too_long")
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "end", "reason": Self.padded])) == "too_long")
        #expect(c.h.room.state.phase != .ended)
        c.skip(to: "negotiation")
        let deal: [String: Any] = ["type": "propose_deal", "note": Self.padded,
                                   "commitments": [["team": "dprk", "action": "restore_contact"], ["team": "rok", "action": "alliance_working_group"]]]
        #expect(CoreHarness.errorCode(c.h.send(c.member("dprk").client, deal)) == "too_long")
        #expect(c.h.room.state.deals.isEmpty)
    }
}
