import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

/// `create_room` with a ruleset variant: the room plays it, the log records it, replays use it.
@Suite struct VariantRoomTests {
    @Test func theCatalogListsEachScenariosVariants() throws {
        let summary = try #require(CoreHarness.catalog.summaries.first { $0.id == "koreanization" })
        let class50 = try #require(summary.variants.first { $0.id == "class-50" })
        #expect(class50.turns == 5)
        #expect(summary.turns == 8)
        #expect(CoreHarness.catalog.summaries.first { $0.id == "coral_strait" }?.variants.isEmpty == true)
    }

    @Test func aRoomPlaysItsVariantAndItsLogReplaysIt() throws {
        let h = CoreHarness()
        let instructor = h.connect()
        let replies = h.send(instructor, ["type": "create_room", "id": 1, "key": CoreHarness.key, "ruleset": "koreanization", "seed": 5,
                                          "variant": "class-50"])
        #expect(CoreHarness.errorCode(replies) == nil)
        #expect(h.room.settings.variant == "class-50")
        #expect(h.room.settings.turns == 5)
        #expect(h.room.engine.ruleset.variant == "class-50")
        #expect(h.room.settings.phases["negotiation"] == 180)
        h.send(instructor, ["type": "start", "id": "s"])
        for _ in 0..<6 { h.send(instructor, ["type": "skip"]) }
        let lines = try #require(h.logs[h.room.code])
        #expect(lines[0].contains("\"variant\":\"class-50\""))
        let reader = try LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).restorable()
        let replay = try MatchReplay.replay(reader.records)
        #expect(replay.hashesChecked >= 1)
        #expect(replay.finalHash == h.room.engine.stateHash(h.room.state))
    }

    @Test func anUnknownVariantIsRefused() {
        let h = CoreHarness()
        let id = h.connect()
        let replies = h.send(id, ["type": "create_room", "id": 1, "key": CoreHarness.key, "ruleset": "coral_strait", "variant": "class-50"])
        #expect(CoreHarness.errorCode(replies) == "bad_settings")
        #expect(h.core.rooms.isEmpty)
    }

    @Test func aRoomWithoutAVariantLogsNone() throws {
        let h = CoreHarness()
        _ = h.createRoom()
        #expect(h.room.settings.variant == nil)
        #expect(h.logs[h.room.code]?.first?.contains("\"variant\":") == false)
    }
}
