#if canImport(Glibc)
import Glibc
#endif
import ArmisticeLog
import ArmisticeTransport
import Foundation
import Logging
import Testing
@testable import ArmisticeServer

/// Rooms sharded over several rooms threads (`serve --threads N`): a connection's state moves to its room's shard,
/// recovery reads every shard's journal whatever the number of shards, and the directory, metrics and limits span
/// the shards.
@Suite(.serialized) struct ShardTests {
    static let key = "shard-test-key-1234"

    @Test func aRoomsShardIsComputedFromItsCodeAndEachShardMintsOnlyItsOwn() {
        let map = ShardMap(count: 3)
        #expect(ShardMap(count: 1).shard(of: "K7QX3M") == 0)
        #expect(ShardMap(count: 0).count == 1)
        // Stable across processes (FNV-1a, not Swift's seeded Hasher).
        #expect(map.shard(of: "K7QX3M") == map.shard(of: "K7QX3M"))
        var seen = Set<Int>()
        for k in 0..<3 {
            let h = CoreHarness()
            h.core.shard = (k, map)
            for _ in 0..<5 {
                let (_, code) = h.createRoom()
                #expect(map.shard(of: code) == k)
                seen.insert(map.shard(of: code))
            }
        }
        #expect(seen == [0, 1, 2])
    }

    @Test func aConnectionsStateMovesToTheShardOfTheRoomItJoins() throws {
        let map = ShardMap(count: 2)
        let home = CoreHarness()
        home.core.shard = (0, map)
        let rooms = CoreHarness()
        rooms.core.shard = (1, map)
        rooms.nextID = 100
        let (_, code) = rooms.createRoom()
        #expect(map.shard(of: code) == 1)

        // Said hello (in Korean) on its first shard, then handed over before its join.
        let id = home.connect(lang: "ko")
        let handed = try #require(home.core.release(id))
        #expect(home.core.connectionCount == 0)
        rooms.core.adopt(handed)
        rooms.gate.opened(id, now: rooms.now)
        let joined = rooms.send(id, ["type": "join", "code": code, "name": "Kim", "team": "rok"])
        #expect(joined.first?["type"] as? String == "joined")
        // Its language came along: the snapshot is in Korean.
        #expect(joined.contains { $0["type"] as? String == "snapshot" && $0["language"] as? String == "ko" })

        // A seated connection stays where its room is.
        #expect(rooms.core.release(id) == nil)
        // A connection that never said hello moves too, and still has to say it.
        let bare = home.connect(hello: false)
        let moved = try #require(home.core.release(bare))
        rooms.core.adopt(moved)
        rooms.gate.opened(bare, now: rooms.now)
        #expect(rooms.send(bare, ["type": "join", "code": code, "name": "Lee"]).first?["code"] as? String == "hello_required")
    }

    @Test func shardsShareOneJoinFailureBudgetAndOneRoomLimit() {
        var limits = ServerLimits()
        limits.joinFailureBurst = 2
        limits.joinFailuresPerSecond = 0.001
        limits.maxRooms = 2
        let joinFailures = JoinFailureLimiter(capacity: limits.joinFailureBurst, perSecond: limits.joinFailuresPerSecond)
        let map = ShardMap(count: 2)
        let roomCount = RoomCount()
        let shards = (0..<2).map { k in
            let h = CoreHarness(limits: limits)
            h.core = ServerCore(instructorKey: CoreHarness.key, catalog: CoreHarness.catalog, limits: limits, joinFailures: joinFailures)
            h.core.shard = (k, map)
            h.core.roomCount = roomCount
            h.nextID = ClientID(k * 100 + 1)
            return h
        }
        // Two wrong codes on one shard use up the address's budget on the other too.
        for _ in 0..<2 {
            let c = shards[0].connect(address: "10.9.9.9")
            #expect(shards[0].send(c, ["type": "join", "code": "ZZZZZZ", "name": "Kim"]).first?["code"] as? String == "wrong_code")
        }
        let other = shards[1].connect(address: "10.9.9.9")
        #expect(shards[1].send(other, ["type": "join", "code": "ZZZZZZ", "name": "Kim"]).first?["code"] as? String == "rate_limited")
        // A create refused for its settings holds no place.
        let refused = shards[0].connect()
        #expect(shards[0].send(refused, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization", "turns": 0]).first?["code"] as? String == "bad_settings")
        #expect(roomCount.total == 0)
        // Each shard's rooms count against the server's maxRooms on the other at once, before any directory refresh.
        let first = shards[0].connect()
        #expect(shards[0].send(first, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization"]).first?["type"] as? String == "room_created")
        let instructor = shards[1].connect()
        #expect(shards[1].send(instructor, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization"]).first?["type"] as? String == "room_created")
        #expect(roomCount.total == 2)
        for (shard, k) in [(shards[0], 0), (shards[1], 1)] {
            let more = shard.connect()
            #expect(shard.send(more, ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization"]).first?["code"] as? String == "too_many_rooms",
                    "shard \(k) made a third room")
        }
    }

    /// Two shards making rooms at once never hold more than maxRooms between them.
    @Test func shardsMakingRoomsAtOnceStopAtTheLimit() async {
        let count = RoomCount()
        let made = await withTaskGroup(of: Int.self) { group in
            for k in 0..<2 {
                group.addTask { (0..<500).reduce(0) { n, _ in n + (count.claim(shard: k, limit: 300) ? 1 : 0) } }
            }
            return await group.reduce(0, +)
        }
        #expect(made == 300)
        #expect(count.total == 300)
    }

    @Test(.timeLimit(.minutes(1))) func theDirectoryMetricsAndHandOversSpanEveryShard() async throws {
        let live = try LiveServer { $0.threads = 3 }
        defer { live.stop() }
        #expect(live.server.threads == 3)
        let map = ShardMap(count: 3)
        // Rooms made on connections of every shard, joined from connections that start on other shards.
        var codes: [String] = []
        var students: [WireClient] = []
        // Rooms are created on the shards in turn, whichever shard each instructor's connection started on.
        var instructors: [WireClient] = []
        for r in 0..<6 { instructors.append(try await live.client("i\(r)")) }
        for (r, instructor) in instructors.enumerated() {
            let created = try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": r + 1])
            let code = try #require(created["room"] as? String)
            codes.append(code)
            for i in 0..<2 {
                let s = try await live.client("s\(r)-\(i)")
                let joined = try await s.request(["type": "join", "code": code, "name": "Kim \(i)", "team": "rok"])
                #expect(joined["type"] as? String == "joined")
                s.token = try #require(joined["token"] as? String)
                #expect(try await s.request(["type": "chat", "channel": "all", "text": "hello \(i)"])["type"] as? String == "ack")
                students.append(s)
            }
            // A seated connection asking to join another shard's room is answered where it is.
            if r > 0 {
                #expect(try await instructor.request(["type": "join", "code": codes[r - 1], "name": "X"])["code"] as? String == "already_joined")
            }
        }
        #expect(Dictionary(grouping: codes, by: map.shard(of:)).mapValues(\.count) == [0: 2, 1: 2, 2: 2], "rooms not spread evenly: \(codes)")
        for code in codes {
            let summary = httpGet(port: live.port, path: "/api/rooms/\(code)")
            #expect(summary.status == 200, "\(code)")
        }
        // A resume on a fresh connection moves it to the room's shard.
        let again = try await live.client("again")
        let resumed = try await again.request(["type": "resume", "token": students[3].token])
        #expect(resumed["type"] as? String == "resumed")
        #expect(try await again.request(["type": "chat", "channel": "all", "text": "back"])["type"] as? String == "ack")

        let text = String(decoding: httpGet(port: live.port, path: "/metrics").body, as: UTF8.self)
        #expect(text.contains("\narmistice_rooms 6\n"), "\(text.prefix(400))")
        #expect(text.contains("\narmistice_rooms_threads 3\n"))
        let perThread = text.split(separator: "\n").filter { $0.hasPrefix("armistice_thread_rooms{") }
        #expect(perThread.count == 3)
        #expect(perThread.reduce(0) { $0 + (Int($1.split(separator: " ").last ?? "") ?? 0) } == 6)
    }

    @Test(.timeLimit(.minutes(3))) func recoveryAfterAKillReadsEveryShardsJournalWhateverTheNumberOfThreads() async throws {
        let data = NSTemporaryDirectory() + "armistice-shards-" + UUID().uuidString
        var logger = Logger(label: "test.shards")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }

        /// Chats in every room until `count` more are acknowledged; returns their texts.
        func chat(_ rooms: [(code: String, student: WireClient)], round: Int) async throws -> [String] {
            var acked: [String] = []
            for (r, room) in rooms.enumerated() {
                for n in 0..<3 {
                    let text = "round \(round) room \(r) chat \(n)"
                    let reply = try await room.student.request(["type": "chat", "channel": "all", "text": text])
                    if reply["type"] as? String == "ack" { acked.append(text) }
                }
            }
            return acked
        }
        func logged(_ port: Int, _ codes: [String]) throws -> Set<String> {
            var texts = Set<String>()
            for code in codes {
                let download = httpGet(port: port, path: "/api/rooms/\(code)/log", headers: ["X-Instructor-Key": Self.key])
                #expect(download.status == 200, "\(code)")
                let reader = try LogReader(bytes: download.body).restorable()
                _ = try MatchReplay.replay(reader.records)
                for r in reader.records where r.kind == .chat { texts.insert(r.text ?? "") }
            }
            return texts
        }
        func resumeAll(_ port: Int, _ rooms: [(code: String, student: WireClient)]) async throws -> [(code: String, student: WireClient)] {
            var back: [(code: String, student: WireClient)] = []
            for room in rooms {
                let c = try await WireClient.connect(pool, port: port, name: "back-\(room.code)")
                let resumed = try await c.request(["type": "resume", "token": room.student.token])
                #expect(resumed["type"] as? String == "resumed", "\(room.code): \(resumed)")
                c.token = room.student.token
                back.append((room.code, c))
            }
            return back
        }

        // Written with two threads: rooms on both shards, so both journals hold acknowledged lines at the kill.
        var server = try await ServerProcess.start(data: data, key: Self.key, threads: 2)
        var rooms: [(code: String, student: WireClient)] = []
        var instructors: [WireClient] = []
        for r in 0..<6 { instructors.append(try await WireClient.connect(pool, port: server.port, name: "i\(r)")) }
        for (r, instructor) in instructors.enumerated() {
            let created = try await instructor.request(["type": "create_room", "key": Self.key, "ruleset": "koreanization", "seed": r + 1])
            let code = try #require(created["room"] as? String)
            let student = try await WireClient.connect(pool, port: server.port, name: "s\(r)")
            let joined = try await student.request(["type": "join", "code": code, "name": "Kim", "team": "rok"])
            student.token = try #require(joined["token"] as? String)
            rooms.append((code, student))
        }
        #expect(Set(rooms.map { ShardMap(count: 2).shard(of: $0.code) }) == [0, 1])
        var acked = try await chat(rooms, round: 1)
        let root = data + "/journal"
        #expect(MatchJournal.files(in: root).count > 0)
        #expect(MatchJournal.files(in: root + "/shard-1").count > 0)
        await server.kill(SIGKILL)

        // Restarted with one thread: every room from both journals, nothing acknowledged lost.
        server = try await ServerProcess.start(data: data, key: Self.key, threads: 1)
        #expect(server.stderr.contains("match logs checked against the journal"))
        #expect(!server.stderr.contains("journal replay problem"))
        var seen = try logged(server.port, rooms.map(\.code))
        var missing = acked.filter { !seen.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not logged: \(missing.prefix(5))")
        rooms = try await resumeAll(server.port, rooms)
        acked += try await chat(rooms, round: 2)
        await server.kill(SIGKILL)

        // Restarted with three threads after another kill.
        server = try await ServerProcess.start(data: data, key: Self.key, threads: 3)
        seen = try logged(server.port, rooms.map(\.code))
        missing = acked.filter { !seen.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not logged: \(missing.prefix(5))")
        rooms = try await resumeAll(server.port, rooms)
        acked += try await chat(rooms, round: 3)
        // A clean shutdown leaves no journal in any shard's folder.
        await server.kill(SIGTERM)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? ["missing"]
        #expect(left.isEmpty, "\(left)")

        server = try await ServerProcess.start(data: data, key: Self.key, threads: 2)
        defer { server.killNow(SIGTERM) }
        seen = try logged(server.port, rooms.map(\.code))
        missing = acked.filter { !seen.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not logged: \(missing.prefix(5))")
    }
}
