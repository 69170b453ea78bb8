import ArmisticeTransport
import Foundation
import Testing
@testable import ArmisticeServer
@testable import ArmisticeWire

/// `GET /api/rulesets`, `GET /api/rooms/CODE` and `GET /metrics` over real sockets, and the shared join-failure budget.
@Suite(.serialized) struct PublicEndpointTests {
    private func json(_ body: [UInt8]) -> Any? { try? JSONSerialization.jsonObject(with: Data(body)) }

    @Test(.timeLimit(.minutes(1))) func rulesetsListEveryScenarioWithItsTeams() throws {
        let live = try LiveServer()
        defer { live.stop() }
        let answer = httpGet(port: live.port, path: "/api/rulesets")
        #expect(answer.status == 200)
        let list = try #require(json(answer.body) as? [[String: Any]])
        let expected = RulesetCatalog.load(directory: CoreHarness.repoRoot + "/rulesets").0.ids
        #expect(list.compactMap { $0["id"] as? String } == expected)
        #expect(expected.contains("koreanization") && expected.count >= 2)
        let korea = try #require(list.first { $0["id"] as? String == "koreanization" })
        #expect((korea["title"] as? String)?.isEmpty == false)
        #expect(korea["summary"] is String && korea["version"] is String)
        #expect((korea["turns"] as? Int ?? 0) > 0)
        let phases = try #require(korea["phases"] as? [String: Int])
        #expect(Set(phases.keys) == ["briefing", "negotiation", "orders", "adjudication", "results"])
        let teams = try #require(korea["teams"] as? [[String: String]])
        #expect(teams.map { $0["id"] } == ["dprk", "rok", "usa", "un"])
        #expect(teams.allSatisfy { $0["name"]?.isEmpty == false && $0["colour"]?.isEmpty == false })
    }

    @Test(.timeLimit(.minutes(1))) func aRoomByItsCodeAndUnknownCodesAreRateLimited() async throws {
        var limits = ServerLimits()
        limits.joinFailureBurst = 3
        limits.joinFailuresPerSecond = 0.001
        let live = try LiveServer(limits: limits)
        defer { live.stop() }
        let instructor = try await live.client("instructor")
        let created = try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": 7])
        let code = try #require(created["room"] as? String)

        // Known at once (the directory is refreshed before the reply goes out); the code may be typed loosely.
        let found = httpGet(port: live.port, path: "/api/rooms/\(code.lowercased())")
        #expect(found.status == 200)
        let room = try #require(json(found.body) as? [String: Any])
        #expect(room["room"] as? String == code)
        #expect(room["ruleset"] as? String == "koreanization")
        #expect(room["phase"] as? String == "setup")
        #expect(room["turn"] is Int)
        #expect((room["title"] as? String)?.isEmpty == false)
        #expect((room["teams"] as? [[String: String]])?.map { $0["id"] } == ["dprk", "rok", "usa", "un"])

        // The room's phase follows the match.
        #expect(try await instructor.request(["type": "start"])["type"] as? String == "ack")
        let started = try #require(json(httpGet(port: live.port, path: "/api/rooms/\(code)").body) as? [String: Any])
        #expect(started["phase"] as? String != "setup")

        // Wrong codes: 404 until the address's budget is spent, then 429 — even for a right code.
        let wrong = code == "222222" ? "333333" : "222222"
        for _ in 0..<3 {
            let miss = httpGet(port: live.port, path: "/api/rooms/\(wrong)")
            #expect(miss.status == 404)
            #expect((json(miss.body) as? [String: Any])?["code"] as? String == "unknown_room")
        }
        let limited = httpGet(port: live.port, path: "/api/rooms/\(code)")
        #expect(limited.status == 429)
        #expect((json(limited.body) as? [String: Any])?["code"] as? String == "rate_limited")

        // The same budget covers joining over the WebSocket from that address.
        let student = try await live.client("student")
        let join = try await student.request(["type": "join", "code": code, "name": "Kim"])
        #expect(join["code"] as? String == "rate_limited")

        // Only GET.
        #expect(httpGet(port: live.port, path: "/api/nothing").status == 404)
    }

    @Test(.timeLimit(.minutes(1))) func metricsReportTheProcessAndConnectionsClosedForAbuse() async throws {
        var limits = ServerLimits()
        limits.messageBurst = 3
        limits.messagesPerSecond = 0.001
        limits.floodCloseAfter = 2
        let live = try LiveServer(limits: limits)
        defer { live.stop() }
        func metrics() -> (text: String, values: [String: Double]) {
            let text = String(decoding: httpGet(port: live.port, path: "/metrics").body, as: UTF8.self)
            var values: [String: Double] = [:]
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: " ")
                if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
            }
            return (text, values)
        }
        let (text, before) = metrics()
        for (name, type) in ["process_resident_memory_bytes": "gauge", "process_cpu_seconds_total": "counter",
                             "process_open_fds": "gauge", "process_start_time_seconds": "gauge",
                             "armistice_slow_readers_dropped_total": "counter", "armistice_floods_closed_total": "counter"] {
            #expect(text.contains("# TYPE \(name) \(type)\n"), "\(name)")
        }
        #expect(before["armistice_slow_readers_dropped_total"] == 0)
        #expect(before["armistice_floods_closed_total"] == 0)
        #expect((before["process_resident_memory_bytes"] ?? 0) > 1_000_000)
        #expect((before["process_open_fds"] ?? 0) >= 3)
        #expect((before["process_cpu_seconds_total"] ?? 0) > 0)
        let start = try #require(before["process_start_time_seconds"])
        let now = Date().timeIntervalSince1970
        #expect(start <= now + 2 && start > now - 86_400)

        // A client that keeps sending after it is refused is closed for flooding, and counted once.
        let flooder = try await live.client("flooder")
        for _ in 0..<6 { flooder.send(["type": "ping"]) }
        var after = metrics().values
        for _ in 0..<500 where after["armistice_floods_closed_total"] != 1 {
            try await Task.sleep(for: .milliseconds(20))
            after = metrics().values
        }
        #expect(after["armistice_floods_closed_total"] == 1)
        #expect((after["process_cpu_seconds_total"] ?? 0) >= (before["process_cpu_seconds_total"] ?? 0))

        // The rooms thread carries its name into the kernel (what the load generator's per-thread report shows).
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        let names = tasks.compactMap { try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8) }
        #expect(names.contains("arm-rooms\n"))
    }

    @Test func wrongJoinCodesOverTheWebSocketSpendTheHTTPBudgetToo() {
        var limits = ServerLimits()
        limits.joinFailureBurst = 2
        limits.joinFailuresPerSecond = 0.001
        let core = ServerCore(instructorKey: "k", catalog: RulesetCatalog(), limits: limits)
        var out = CoreOutput()
        core.opened(1, address: "10.0.0.9", now: 1_000, into: &out)
        for _ in 0..<2 {
            core.received(1, text: #"{"type":"hello","protocol":"\#(ProtocolVersion.current)"}"#, now: 1_000, into: &out)
            core.received(1, text: #"{"type":"join","code":"ZZZZZZ","name":"A"}"#, now: 1_000, into: &out)
        }
        let routes = HTTPRoutes(metrics: ServerMetrics(), logDirectory: "/nonexistent", instructorKey: "k", transport: nil,
                                rooms: RoomDirectory(), joinFailures: core.joinFailures, now: { 1_000 })
        #expect(routes.respond(to: .init(method: "GET", path: "/api/rooms/ZZZZZZ", remoteAddress: "10.0.0.9"))?.status == 429)
        #expect(routes.respond(to: .init(method: "GET", path: "/api/rooms/ZZZZZZ", remoteAddress: "10.0.0.10"))?.status == 404)
        #expect(routes.respond(to: .init(method: "POST", path: "/api/rulesets", remoteAddress: "10.0.0.10"))?.status == 405)
    }
}
