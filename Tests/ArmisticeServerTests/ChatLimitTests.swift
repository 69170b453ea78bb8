import Foundation
import Testing
@testable import ArmisticeServer

/// Chat and names are bounded in bytes and code points, not only characters, so no one can bloat what everyone
/// is sent; names show something and do not pose as the instructor.
@Suite struct ChatLimitTests {
    static func roomWithStudent(_ h: CoreHarness) -> (CoreHarness.Seated, String, CoreHarness.Seated) {
        let (instructor, code) = h.createRoom()
        return (instructor, code, h.join(code, name: "Kim", team: "dprk"))
    }

    static var generous: ServerLimits {
        var limits = ServerLimits()
        limits.messageBurst = 10_000
        limits.floodCloseAfter = 10_000
        return limits
    }

    static func acked(_ replies: [[String: Any]]) -> Bool { replies.contains { $0["type"] as? String == "ack" } }

    @Test func combiningMarksDoNotStretchTheCharacterLimit() {
        let h = CoreHarness()
        let (_, _, kim) = Self.roomWithStudent(h)
        // 500 characters, each a letter with nine combining marks: 10,000 bytes.
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 9), count: 500)
        #expect(heavy.count == 500)
        let replies = h.send(kim.client, ["type": "chat", "id": 1, "channel": "all", "text": heavy])
        #expect(CoreHarness.errorCode(replies) == "chat_too_long")
        let message = replies.first { $0["type"] as? String == "error" }?["message"] as? String ?? ""
        #expect(message.contains("bytes") && message.contains("shorten"), "\(message)")
        // 500 plain accented letters (1,000 bytes) are fine.
        let ok = h.send(kim.client, ["type": "chat", "id": 2, "channel": "all", "text": String(repeating: "é", count: 500)])
        #expect(Self.acked(ok))
    }

    @Test func lineBreaksAreLimited() {
        let h = CoreHarness()
        let (_, _, kim) = Self.roomWithStudent(h)
        let tall = Array(repeating: "x", count: 200).joined(separator: "\n")
        #expect(CoreHarness.errorCode(h.send(kim.client, ["type": "chat", "channel": "all", "text": tall])) == "chat_too_long")
        let short = Array(repeating: "x", count: 5).joined(separator: "\n")
        #expect(Self.acked(h.send(kim.client, ["type": "chat", "channel": "all", "text": short])))
        // Line separators are not a way around it: they are stripped.
        let sneaky = Array(repeating: "x", count: 200).joined(separator: "\u{2028}")
        let replies = h.send(kim.client, ["type": "chat", "channel": "all", "text": sneaky])
        #expect(Self.acked(replies))
        #expect(h.room.chat.last?.text == String(repeating: "x", count: 200))
    }

    @Test func aSnapshotCarriesABoundedTailOfChat() throws {
        let h = CoreHarness(limits: Self.generous)
        let (_, code, kim) = Self.roomWithStudent(h)
        let big = String(repeating: "é", count: 500)
        for i in 0..<300 {
            h.now += 1_000
            let replies = h.send(kim.client, ["type": "chat", "id": i, "channel": "all", "text": "\(i) " + big.dropFirst(4)])
            #expect(Self.acked(replies))
        }
        let observer = h.connect(address: "10.0.0.9")
        let replies = h.send(observer, ["type": "join", "code": code, "name": "Projector", "role": "observer"])
        let snapshot = try #require(replies.first { $0["type"] as? String == "snapshot" })
        let chat = try #require(snapshot["chat"] as? [[String: Any]])
        let bytes = try JSONSerialization.data(withJSONObject: chat).count
        #expect(bytes <= ServerLimits().snapshotChatBytes + 4_096, "the snapshot carries \(bytes) bytes of chat")
        #expect(!chat.isEmpty && chat.count <= ServerLimits().snapshotChatEntries)
        #expect((chat.last?["text"] as? String)?.hasPrefix("299 ") == true, "the newest message is there")
        // Everything said is still in the log.
        #expect(h.logs[code, default: []].filter { $0.contains(#""kind":"chat""#) }.count == 300)
    }

    @Test func namesLoseSeparatorsAndAreBoundedInBytes() {
        #expect(TextSanitizer.name("Ada\u{2028}Love\u{2029}lace") == "AdaLovelace")
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 9), count: 40)
        let cut = TextSanitizer.name(heavy, limit: 40, maxScalars: 80, maxBytes: 160)
        #expect(cut.unicodeScalars.count <= 80 && cut.utf8.count <= 160 && !cut.isEmpty)
    }

    @Test(arguments: ["\u{0301}\u{0301}\u{0301}", "\u{0300}\u{20DD} \u{0301}", "\u{3164}", "\u{2800}\u{2800}", "\u{2060}\u{034F}"])
    func aNameThatShowsNothingIsRefused(name: String) {
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        let id = h.connect(address: "10.0.0.3")
        #expect(CoreHarness.errorCode(h.send(id, ["type": "join", "code": code, "name": name])) == "bad_name")
    }

    @Test(arguments: ["Instructor", "instructor", "INSTRUCTOR", " Instructor ", "I n s t r u c t o r", "1nstruct0r", "The Instructor",
                      "\u{FF29}\u{FF4E}\u{FF53}\u{FF54}\u{FF52}\u{FF55}\u{FF43}\u{FF54}\u{FF4F}\u{FF52}", "Instruct\u{043E}r", "Ínstrúctor", "교사", "김 교사", "교 사", "강사님", "선생님", "김선생님", "이선생", "박 강사", "교사님"])
    func aStudentCannotBeCalledInstructor(name: String) {
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        let id = h.connect(address: "10.0.0.3")
        let replies = h.send(id, ["type": "join", "code": code, "name": name])
        #expect(CoreHarness.errorCode(replies) == "bad_name", "\(name): \(replies)")
    }

    @Test func ordinaryNamesAndTheInstructorItselfAreFine() {
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        // Real names that begin with a title's syllables: the surname 강 and the given name 사랑, 사라, 사윤; 교 and 사랑.
        for name in ["Constructor Bob", "Kim Jae-won", "Zoë", "李明", "김교민", "사교", "강사랑", "강사라", "강사윤", "교사랑", "선생민"] { _ = h.join(code, name: name) }
        let teacher = h.connect(address: "10.0.0.4")
        let replies = h.send(teacher, ["type": "join", "code": code, "name": "Instructor", "role": "instructor", "key": CoreHarness.key])
        #expect(replies.contains { $0["type"] as? String == "joined" })
    }
}
