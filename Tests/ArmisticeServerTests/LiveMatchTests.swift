import ArmisticeEngine
import ArmisticeLog
import Foundation
import Testing
@testable import ArmisticeServer

/// A whole Korea match over real sockets on loopback: the instructor, four teams of two, an observer.
@Suite(.serialized) struct LiveMatchTests {
    @Test(.timeLimit(.minutes(2))) func aWholeKoreaMatchOverRealSockets() async throws {
        let live = try LiveServer()
        defer { live.stop() }
        let teams = ["dprk", "rok", "usa", "un"]

        // The instructor creates the room.
        let instructor = try await live.client("instructor")
        let created = try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": 42, "turns": 2,
                                                    "phases": ["briefing": 1, "negotiation": 120, "orders": 60, "adjudication": 1, "results": 120]])
        let code = try #require(created["room"] as? String)

        // Four teams of two and an observer join.
        var students: [String: [WireClient]] = [:]
        for team in teams {
            for i in 0..<2 {
                let c = try await live.client("\(team)\(i)")
                let joined = try await c.request(["type": "join", "code": code, "name": "\(team.uppercased()) student \(i)", "team": team])
                #expect(joined["type"] as? String == "joined")
                c.seat = joined["seat"] as! String
                c.token = joined["token"] as! String
                students[team, default: []].append(c)
            }
        }
        let observer = try await live.client("observer")
        #expect(try await observer.request(["type": "join", "code": code, "name": "Projector", "role": "observer"])["type"] as? String == "joined")
        let everyone = [instructor, observer] + students.values.flatMap { $0 }
        func s(_ team: String, _ i: Int) -> WireClient { students[team]![i] }

        // Start; the one-second briefing runs out by itself.
        #expect(try await instructor.request(["type": "start"])["type"] as? String == "ack")
        for c in everyone { try await c.waitPhase("negotiation", turn: 1) }
        let toNegotiation = try #require(s("un", 0).all("update").last { ($0["view"] as? [String: Any])?["phase"] as? String == "negotiation" })
        #expect((toNegotiation["cause"] as? [String: Any])?["reason"] as? String == "deadline")

        // Chat on a pair channel reaches both teams and the instructor only.
        #expect(try await s("dprk", 0).request(["type": "chat", "channel": "pair:rok+dprk", "text": "Reopen the liaison office?"])["type"] as? String == "ack")
        try await s("rok", 1).waitFor { ($0["message"] as? [String: Any])?["text"] as? String == "Reopen the liaison office?" }
        try await instructor.waitFor { $0["type"] as? String == "chat" }

        // A deal, accepted by the other party.
        let mark = s("dprk", 1).received.count
        #expect(try await s("dprk", 0).request(["type": "propose_deal", "note": "contact for consultations",
                                                "commitments": [["team": "dprk", "action": "restore_contact"], ["team": "rok", "action": "alliance_working_group"]]])["type"] as? String == "ack")
        #expect(try await s("rok", 0).request(["type": "respond_deal", "deal": 1, "accept": true])["type"] as? String == "ack")
        try await s("dprk", 1).waitFor(since: mark) { m in
            ((m["view"] as? [String: Any])?["deals"] as? [[String: Any]])?.first?["status"] as? String == "agreed"
        }

        // Drafts are shared live.
        let usaMark = s("usa", 1).received.count
        #expect(try await s("usa", 0).request(["type": "set_orders", "orders": [["action": "press_seoul"]]])["type"] as? String == "ack")
        try await s("usa", 1).waitFor(since: usaMark) { m in
            let orders = ((m["view"] as? [String: Any])?["orders"] as? [String: Any])?["usa"] as? [String: Any]
            return (orders?["orders"] as? [[String: Any]])?.first?["action"] as? String == "press_seoul"
        }
        #expect(try await s("un", 0).request(["type": "set_orders", "orders": [["action": "needs_assessment"]]])["type"] as? String == "ack")

        // The instructor injects news and adjusts a track, with a reason.
        #expect(try await instructor.request(["type": "inject_news", "text": "Markets rally on summit hopes"])["type"] as? String == "ack")
        try await observer.waitFor { m in (m["records"] as? [[String: Any]])?.contains { $0["text"] as? String == "Markets rally on summit hopes" } == true }
        #expect(try await instructor.request(["type": "adjust", "target": "tension", "value": 3, "reason": "the class agreed the DMZ is calm"])["type"] as? String == "ack")

        // Orders: every team locks in, and the phase ends at once.
        #expect(try await instructor.request(["type": "skip"])["type"] as? String == "ack")
        for c in everyone { try await c.waitPhase("orders", turn: 1) }
        for team in teams { #expect(try await s(team, 1).request(["type": "lock"])["type"] as? String == "ack") }
        for c in everyone { try await c.waitPhase("results", turn: 1) }
        let adjudicated = try #require(instructor.all("update").first { ($0["cause"] as? [String: Any])?["reason"] as? String == "all_locked" })
        let turn1Hash = try #require((adjudicated["records"] as? [[String: Any]])?.first { $0["kind"] as? String == "hash" }?["hash"] as? String)
        #expect(s("rok", 0).all("update").allSatisfy { ($0["records"] as? [[String: Any]] ?? []).allSatisfy { $0["kind"] as? String != "hash" } })

        // Turn 2.
        #expect(try await instructor.request(["type": "skip"])["type"] as? String == "ack")
        for c in everyone { try await c.waitPhase("negotiation", turn: 2) }

        // A student drops, misses a chat message, and resumes.
        let dropped = s("un", 1)
        let lastSeq = dropped.maxSeq
        dropped.connection.close()
        try await instructor.waitFor { m in (m["roster"] as? [[String: Any]])?.contains { $0["seat"] as? String == dropped.seat && $0["online"] as? Bool == false } == true }
        #expect(try await s("un", 0).request(["type": "chat", "channel": "team:un", "text": "Where did you go?"])["type"] as? String == "ack")
        let back = try await live.client("un1-again")
        back.heldView = dropped.heldView
        let resumed = try await back.request(["type": "resume", "token": dropped.token, "seq": lastSeq])
        #expect(resumed["type"] as? String == "resumed")
        #expect(resumed["mode"] as? String == "replay")
        try await back.waitFor { ($0["message"] as? [String: Any])?["text"] as? String == "Where did you go?" }
        students["un"]![1] = back

        // Orders again: only two teams lock; the deadline expires and unlocked drafts count.
        #expect(try await instructor.request(["type": "skip"])["type"] as? String == "ack")
        for c in [instructor, observer, back] { try await c.waitPhase("orders", turn: 2) }
        #expect(try await s("dprk", 0).request(["type": "set_orders", "orders": [["action": "missile_test"]]])["type"] as? String == "ack")
        #expect(try await s("rok", 1).request(["type": "lock"])["type"] as? String == "ack")
        #expect(try await s("dprk", 1).request(["type": "lock"])["type"] as? String == "ack")
        // The instructor cuts the orders phase short (a long phase keeps a loaded machine from racing the locks above).
        #expect(try await instructor.request(["type": "extend", "seconds": -3600])["type"] as? String == "ack")
        for c in [instructor, observer, back] { try await c.waitPhase("results", turn: 2, timeout: .seconds(15)) }
        let expired = try #require(instructor.all("update").last { ($0["cause"] as? [String: Any])?["reason"] as? String == "deadline" && (($0["view"] as? [String: Any])?["phase"] as? String) == "adjudication" })
        #expect((expired["records"] as? [[String: Any]])?.contains { $0["kind"] as? String == "order" && $0["action"] as? String == "missile_test" } == true)

        // The end.
        #expect(try await instructor.request(["type": "end", "reason": "the bell rang"])["type"] as? String == "ack")
        let studentsNow = students.values.flatMap { $0 }
        for c in [instructor, observer] + studentsNow { try await c.waitPhase("ended") }
        #expect((observer.view?["outcome"] as? [String: Any])?["scores"] != nil)
        #expect(try await s("usa", 0).request(["type": "lock"])["code"] as? String == "game_over")

        // Nobody saw a gap; nobody outside the pair channel saw its chat.
        for c in [instructor, observer] + studentsNow { await c.drain(quiet: .milliseconds(20)); #expect(c.gaps.isEmpty, "\(c.name): \(c.gaps)") }
        #expect(!s("usa", 0).all("chat").contains { ($0["message"] as? [String: Any])?["channel"] as? String == "pair:dprk+rok" })

        // The log, downloaded by the instructor, replays to the same hashes.
        let denied = httpGet(port: live.port, path: "/api/rooms/\(code)/log")
        #expect(denied.status == 401)
        #expect(httpGet(port: live.port, path: "/api/rooms/\(code)/log", headers: ["X-Instructor-Key": "wrong"]).status == 403)
        let download = httpGet(port: live.port, path: "/api/rooms/\(code)/log", headers: ["Authorization": "Bearer \(LiveServer.key)"])
        #expect(download.status == 200)
        let reader = try LogReader(bytes: download.body).restorable()
        let replay = try MatchReplay.replay(reader.records)
        let final = try #require(reader.records.last { $0.kind == .hash && $0.reason == "final" })
        #expect(replay.finalHash == final.hash)
        #expect(reader.records.first { $0.kind == .hash && $0.turn == 1 }?.hash == turn1Hash)
        #expect(replay.hashesChecked == 3)
        #expect(reader.records.contains { $0.kind == .chat && $0.channel == "pair:dprk+rok" })
        #expect(reader.records.filter { $0.kind == .join }.count == 10)

        // Metrics and health.
        #expect(httpGet(port: live.port, path: "/healthz").status == 200)
        let metrics = String(decoding: httpGet(port: live.port, path: "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("armistice_adjudication_seconds_count 2"))
        #expect(metrics.contains("armistice_errors_total{code=\"game_over\"} 1"))
    }
}
