import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

/// armistice.v2 sends each audience only the view fields that changed; armistice.v1 clients still get whole views.
@Suite struct ProtocolVersionTests {
    /// The view a client holds, without the records (which both snapshot and update handle apart).
    func held(_ h: CoreHarness, _ id: ClientID) -> NSDictionary {
        var view = h.view(id) ?? [:]
        view["records"] = nil
        return NSDictionary(dictionary: view)
    }

    /// Every connection's merged view equals the snapshot it gets when it asks for one now.
    func expectMergedViewsAreCurrent(_ c: Classroom, _ when: String) throws {
        let everyone = [c.instructor, c.observer] + c.students.values.flatMap { $0 }
        for seat in everyone {
            let merged = held(c.h, seat.client)
            let replies = c.h.send(seat.client, ["type": "resync", "id": "r"])
            var fresh = try #require(replies.first { $0["type"] as? String == "snapshot" }?["view"] as? [String: Any])
            fresh["records"] = nil
            #expect(merged.isEqual(to: fresh), "\(when): \(seat.seat)'s merged view differs from its snapshot")
        }
    }

    @Test func aDraftSendsOnlyTheChangedFieldsToTeammates() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        c.h.clear(c.member("dprk", 1).client)
        c.h.send(c.member("dprk", 0).client, ["type": "set_orders", "orders": [["action": "missile_test"]]])
        let update = try #require(c.h.last(c.member("dprk", 1).client, type: "update"))
        let changes = try #require(update["changes"] as? [String: Any])
        #expect(Set(changes.keys).isSubset(of: ["orders", "spent", "actions", "consents", "teams"]))
        #expect(changes["orders"] != nil)
        #expect(changes["catalog"] == nil && changes["tracks"] == nil)
        // Lists that kept their length carry only their changed elements' changed properties.
        for (_, elements) in update["patches"] as? [String: [String: [String: Any]]] ?? [:] {
            #expect(elements.values.allSatisfy { !$0.keys.contains("description") && !$0.keys.contains("name") })
        }
        #expect((update["records"] as? [Any])?.isEmpty == true)
    }

    @Test func aLockSendsOnlyThatTeamsLockedFlag() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "orders")
        c.h.clear(c.observer.client)
        c.h.send(c.member("usa").client, ["type": "lock"])
        let update = try #require(c.h.last(c.observer.client, type: "update"))
        #expect((update["changes"] as? [String: Any])?.isEmpty == true)
        let teams = try #require((update["patches"] as? [String: Any])?["teams"] as? [String: [String: Any]])
        let usa = try #require((c.h.view(c.observer.client)?["teams"] as? [[String: Any]])?.firstIndex { $0["id"] as? String == "usa" })
        #expect(teams.count == 1)
        #expect(NSDictionary(dictionary: teams["\(usa)"] ?? [:]).isEqual(to: ["locked": true]))
    }

    @Test func inputsHandledInOneBatchGoOutAsOneUpdatePerAudience() throws {
        let c = Classroom()
        c.start()
        c.skip(to: "orders")
        let everyone = [c.instructor, c.observer] + c.students.values.flatMap { $0 }
        for seat in everyone { c.h.clear(seat.client) }
        c.h.sendBatch([(c.member("dprk").client, ["type": "set_orders", "id": "o", "orders": [["action": "missile_test"]]])]
                      + ["dprk", "rok", "usa", "un"].map { (c.member($0).client, ["type": "lock", "id": "l"]) })
        for seat in everyone {
            let updates = c.h.messages(seat.client, type: "update")
            #expect(updates.count == 1, "\(seat.seat) got \(updates.count) updates")
            let update = try #require(updates.first)
            #expect((update["cause"] as? [String: Any])?["reason"] as? String == "all_locked")
            let causes = try #require(update["causes"] as? [[String: Any]])
            #expect(causes.map { $0["type"] as? String } .suffix(5) == ["lock_orders", "lock_orders", "lock_orders", "lock_orders", "advance"])
            // Only the team that drafted (and the instructor) learn that a draft changed.
            let drafted = causes.contains { $0["type"] as? String == "set_orders" }
            #expect(drafted == (seat.seat == c.member("dprk").seat || seat.seat == c.member("dprk", 1).seat || seat.seat == c.instructor.seat))
            #expect((update["records"] as? [[String: Any]])?.contains { $0["kind"] as? String == "order" } == true || seat.seat == c.observer.seat)
        }
        // The acks came first, each with its own seq; the update's seq is the last input's.
        let acks = c.h.messages(c.member("dprk").client, type: "ack")
        #expect(acks.count == 2)
        #expect((acks.last?["seq"] as? Int ?? 0) < (c.h.last(c.member("dprk").client, type: "update")?["seq"] as? Int ?? 0))
        try expectMergedViewsAreCurrent(c, "after a batch")
    }

    @Test func mergedViewsStayEqualToSnapshotsThroughAMatch() throws {
        let c = Classroom()
        c.start()
        try expectMergedViewsAreCurrent(c, "after start")
        for turn in 1...3 {
            c.skip(to: "orders")
            for team in ["dprk", "rok", "usa", "un"] {
                let student = c.member(team)
                let actions = c.h.view(student.client)?["actions"] as? [[String: Any]] ?? []
                let picks = actions.filter { $0["available"] as? Bool == true && ($0["params"] as? [Any])?.isEmpty != false }.prefix(2)
                c.h.send(student.client, ["type": "set_orders", "orders": picks.map { ["action": $0["id"]!] }])
                c.h.send(student.client, ["type": "chat", "channel": "team:\(team)", "text": "turn \(turn)"])
            }
            try expectMergedViewsAreCurrent(c, "turn \(turn), drafted")
            for team in ["dprk", "rok", "usa", "un"] { c.h.send(c.member(team).client, ["type": "lock"]) }
            try expectMergedViewsAreCurrent(c, "turn \(turn), resolved")
        }
        c.h.send(c.instructor.client, ["type": "end", "reason": "time"])
        try expectMergedViewsAreCurrent(c, "ended")
        #expect(c.h.view(c.observer.client)?["outcome"] != nil)
    }

    @Test func anAudienceWithNobodyConnectedIsNotBuiltAndComesBackWithASnapshot() throws {
        var c = Classroom()
        c.start()
        c.skip(to: "negotiation")
        let usa = c.students["usa"]!
        let lastSeq = c.h.room.seq
        for s in usa { c.h.disconnect(s.client) }
        c.skip(to: "orders")
        c.h.send(c.member("dprk").client, ["type": "set_orders", "orders": [["action": "missile_test"]]])
        c.h.send(c.member("dprk").client, ["type": "lock"])
        // No update was built for the usa team while both its students were away.
        #expect(c.h.room.unbuiltThrough[.team(2)] ?? 0 > lastSeq)
        #expect(!c.h.room.backlog.contains { $0.audience == .team(2) && $0.seq > lastSeq && $0.text.hasPrefix(#"{"type":"update""#) })
        // Coming back from before that: a snapshot, then diffs from it that keep every view current.
        c.students["usa"] = usa.map { s in
            let client = c.h.connect(address: "10.1.0.9")
            let replies = c.h.send(client, ["type": "resume", "token": s.token, "seq": lastSeq])
            #expect(replies.first?["mode"] as? String == "snapshot")
            #expect(replies.contains { $0["type"] as? String == "snapshot" })
            return CoreHarness.Seated(client: client, seat: s.seat, token: s.token)
        }
        try expectMergedViewsAreCurrent(c, "after the return")
        c.h.send(c.member("usa").client, ["type": "set_orders", "orders": [["action": "press_seoul"]]])
        for team in ["dprk", "rok", "usa", "un"] { c.h.send(c.member(team).client, ["type": "lock"]) }
        try expectMergedViewsAreCurrent(c, "after the next turn")
        // A teammate who stayed keeps the team's view built: a resume from before a change replays it.
        let stayer = c.member("rok", 1)
        let seq = c.h.room.seq
        c.h.disconnect(stayer.client)
        c.skip(to: "orders")
        let back = c.h.connect(address: "10.1.0.8")
        #expect(c.h.send(back, ["type": "resume", "token": stayer.token, "seq": seq]).first?["mode"] as? String == "replay")
    }

    @Test func anArmisticeV1ClientGetsWholeViews() throws {
        let c = Classroom()
        let old = c.h.connect(hello: false)
        let welcome = try #require(c.h.send(old, ["type": "hello", "protocol": "armistice.v1"]).first)
        #expect(welcome["protocol"] as? String == "armistice.v1")
        let joined = c.h.send(old, ["type": "join", "code": c.code, "name": "Old client", "team": "dprk"])
        #expect(joined.contains { $0["type"] as? String == "joined" })
        c.start()
        c.skip(to: "negotiation")
        c.h.clear(old)
        c.h.send(c.member("dprk", 0).client, ["type": "set_orders", "orders": [["action": "missile_test"]]])
        let update = try #require(c.h.last(old, type: "update"))
        #expect(update["changes"] == nil)
        let view = try #require(update["view"] as? [String: Any])
        #expect(view["catalog"] != nil && view["tracks"] != nil && view["orders"] != nil)
        // Its teammate on armistice.v2 got the same change as a patch.
        #expect(c.h.last(c.member("dprk", 1).client, type: "update")?["changes"] != nil)
        #expect(c.h.send(old, ["type": "hello", "versions": ["armistice.v3"]]).first?["code"] as? String == "unsupported_version")
    }

    @Test func anArmisticeV1ClientThatMissedUpdatesResumesFromASnapshot() throws {
        let c = Classroom()
        let old = c.h.connect(hello: false)
        c.h.send(old, ["type": "hello", "protocol": "armistice.v1"])
        let joined = try #require(c.h.send(old, ["type": "join", "code": c.code, "name": "Old client", "team": "usa"]).first { $0["type"] as? String == "joined" })
        let seq = c.h.room.seq
        c.h.disconnect(old)
        c.start()
        let again = c.h.connect(hello: false)
        c.h.send(again, ["type": "hello", "protocol": "armistice.v1"])
        let replies = c.h.send(again, ["type": "resume", "token": joined["token"]!, "seq": seq])
        #expect(replies.first { $0["type"] as? String == "resumed" }?["mode"] as? String == "snapshot")
        #expect(replies.contains { $0["type"] as? String == "snapshot" })
        #expect(!replies.contains { $0["type"] as? String == "update" })
    }

    @Test func chatAndRosterEventsAreWholeJSONForEveryAudience() throws {
        let c = Classroom()
        c.h.clear(c.observer.client)
        c.h.send(c.member("rok").client, ["type": "chat", "channel": "all", "text": "quote \" back\\slash é"])
        let chat = try #require(c.h.last(c.observer.client, type: "chat"))
        #expect(chat["room"] as? String == c.code)
        #expect((chat["message"] as? [String: Any])?["text"] as? String == "quote \" back\\slash é")
        #expect(chat["seq"] as? Int == c.h.room.seq && chat["prev"] is Int)
        _ = c.h.join(c.code, name: "Late", team: "un")
        let roster = try #require(c.h.last(c.observer.client, type: "roster"))
        #expect((roster["roster"] as? [[String: Any]])?.contains { $0["name"] as? String == "Late" } == true)
    }
}
