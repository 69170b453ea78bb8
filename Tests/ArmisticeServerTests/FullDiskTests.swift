import Foundation
import Testing
@testable import ArmisticeServer

/// A full disk (simulated through the store's fault seam): nothing unwritten is acknowledged or sent, the room
/// says honestly why it is away, and it comes back by itself once its log can be written again.
@Suite(.serialized) struct FullDiskTests {
    @Test(.timeLimit(.minutes(1))) func aRoomComesBackOnceTheDiskHasSpace() async throws {
        let faults = StorageFaults()
        let live = try LiveServer(storageFaults: faults)
        defer { live.stop() }
        let instructor = try await live.client("instructor")
        let created = try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": 3])
        let code = try #require(created["room"] as? String)
        let kim = try await live.client("kim")
        let joined = try await kim.request(["type": "join", "code": code, "name": "Kim", "team": "dprk"])
        let token = try #require(joined["token"] as? String)
        #expect(try await kim.request(["type": "chat", "channel": "all", "text": "saved"])["type"] as? String == "ack")

        // The disk fills: the chat that cannot be written is neither acknowledged nor sent to anyone.
        faults.diskFull = true
        let lost = try? await kim.request(["type": "chat", "channel": "all", "text": "unsaved"], timeout: .seconds(3))
        #expect(lost == nil, "\(String(describing: lost))")
        #expect(kim.closed?.code == 1011)
        #expect(kim.all("ack").count == 1, "only the chat that was written is acknowledged")
        await instructor.drain()
        for c in [kim, instructor] {
            #expect(!c.received.contains { ($0["message"] as? [String: Any])?["text"] as? String == "unsaved" })
        }

        // Meanwhile the seat and the code say why, and that it is worth trying again.
        let back = try await live.client("kim again")
        let refused = try await back.request(["type": "resume", "token": token])
        #expect(refused["code"] as? String == "storage_unavailable", "\(refused)")
        #expect((refused["message"] as? String)?.contains("try again") == true)
        let newcomer = try await live.client("newcomer")
        #expect(try await newcomer.request(["type": "join", "code": code, "name": "Lee"])["code"] as? String == "storage_unavailable")
        // The join page's lookup of the code says the same, and charges nothing: a class refreshing it more often than
        // the wrong-code budget allows (40) is not locked out once the room is back.
        for _ in 0..<45 {
            let lookup = httpGet(port: live.port, path: "/api/rooms/\(code)")
            #expect(lookup.status == 503)
            #expect(String(decoding: lookup.body, as: UTF8.self).contains("storage_unavailable"))
        }
        // A room created now is refused, and leaves no log behind.
        let other = try await live.client("other instructor")
        let failedCreate = try? await other.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization"], timeout: .seconds(3))
        #expect(failedCreate == nil)

        // Space is freed: the room comes back by itself, without what was never written.
        faults.diskFull = false
        var resumed: [String: Any] = [:]
        for _ in 0..<40 {
            resumed = try await back.request(["type": "resume", "token": token])
            if resumed["type"] as? String == "resumed" { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(resumed["type"] as? String == "resumed", "\(resumed)")
        try await back.waitFor { $0["type"] as? String == "snapshot" }
        let chat = back.received.last { $0["type"] as? String == "snapshot" }?["chat"] as? [[String: Any]] ?? []
        #expect(chat.map { $0["text"] as? String } == ["saved"])
        #expect(try await back.request(["type": "chat", "channel": "all", "text": "back"])["type"] as? String == "ack")
        #expect(httpGet(port: live.port, path: "/api/rooms/\(code)").status == 200)
        #expect(try await newcomer.request(["type": "join", "code": code, "name": "Lee", "team": "rok"])["type"] as? String == "joined")

        let logs = try FileManager.default.contentsOfDirectory(atPath: live.data + "/matches").filter { $0.hasSuffix(".jsonl") }
        #expect(logs == ["\(code).jsonl"], "a failed creation leaves no log: \(logs)")
    }

    @Test func anEmptyLogIsSetAsideAtStartNotReportedUnrecoverable() throws {
        let data = makeTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: data + "/matches", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: data + "/matches/EMPTY2.jsonl", contents: Data()))
        let live = try LiveServer(data: data)
        defer { live.stop() }
        #expect(live.server.recovery.failed.isEmpty, "\(live.server.recovery.failed)")
        #expect(!FileManager.default.fileExists(atPath: data + "/matches/EMPTY2.jsonl"))
    }
}
