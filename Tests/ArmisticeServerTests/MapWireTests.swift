import Foundation
import Testing
@testable import ArmisticeServer

/// The map and the event preview on the wire (docs/protocol.md, "The view"): in every snapshot, a place a team may
/// not see left out of that team's map, the instructor's events saying what they do, and students seeing an
/// injected event by its name.
@Suite struct MapWireTests {
    @Test func everySeatGetsTheMapAndAPlaceOnAHiddenTrackOnlyWhereItMaySeeIt() throws {
        let c = Classroom()
        func places(_ seat: CoreHarness.Seated) throws -> [String] {
            let map = try #require(c.h.view(seat.client)?["map"] as? [String: Any])
            #expect(map["box"] as? [Double] == [0, 0, 380, 620])
            #expect((map["shapes"] as? [[String: Any]])?.contains { $0["id"] as? String == "dmz" && $0["kind"] as? String == "line" } == true)
            return (map["places"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try places(c.member("dprk")).contains("smuggling"))
        #expect(try places(c.instructor).contains("smuggling"))
        for seat in [c.member("rok"), c.member("usa"), c.member("un"), c.observer] {
            let ids = try places(seat)
            #expect(!ids.contains("smuggling"))
            #expect(ids.contains("yongbyon"))
        }
        let yongbyon = try #require((c.h.view(c.member("rok").client)?["map"] as? [String: Any])?["places"] as? [[String: Any]])
            .first { $0["id"] as? String == "yongbyon" }
        #expect((yongbyon?["shows"] as? [String: String]) == ["kind": "track", "id": "denuclearization"])
        #expect((yongbyon?["states"] as? [[String: String]])?.contains(["value": "4", "text": "under inspection"]) == true)
        // An update that does not change the map does not carry it again (the first update carries every field).
        c.start()
        c.skip(to: "negotiation")
        let update = try #require(c.h.last(c.member("rok").client, type: "update"))
        #expect((update["changes"] as? [String: Any])?["map"] == nil)
    }

    @Test func theInstructorReadsWhatAnEventDoesAndStudentsSeeItsName() throws {
        let c = Classroom()
        c.start()
        let events = try #require(c.h.view(c.instructor.client)?["events"] as? [[String: Any]])
        let incident = try #require(events.first { $0["id"] as? String == "dmz_incident" })
        #expect(incident["effects"] as? [String] == ["Military tension +1", "Inter-Korean trust −10",
                                                       "Comprehensive Military Agreement measures in force −1"])
        #expect(incident["condition"] as? String == "Military tension ≥ 8")
        #expect((incident["news"] as? String)?.contains("Shots are exchanged") == true)
        #expect(c.h.view(c.member("rok").client)?["events"] == nil)
        #expect(CoreHarness.errorCode(c.h.send(c.instructor.client, ["type": "inject_event", "event": "dmz_incident"])) == nil)
        let records = try #require(c.h.last(c.member("rok").client, type: "update")?["records"] as? [[String: Any]])
        let event = try #require(records.first { $0["kind"] as? String == "event" })
        #expect(event["text"] as? String == "Incident in the DMZ")
        #expect(event["result"] as? String == "injected")
    }
}
