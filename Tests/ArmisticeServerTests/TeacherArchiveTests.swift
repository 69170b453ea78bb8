import ArmisticeLog
import ArmisticeTransport
import Foundation
import Logging
import Testing
@testable import ArmisticeServer

/// Instructor accounts and each teacher's archive: hashed secrets, ownership recorded in the log, two teachers who
/// do not see each other's rooms (over real sockets), deleting, retention and one student's export.
@Suite(.serialized) struct TeacherArchiveTests {
    private func json(_ body: [UInt8]) -> Any? { try? JSONSerialization.jsonObject(with: Data(body)) }

    private func auth(_ secret: String) -> [String: String] { ["Authorization": "Bearer \(secret)"] }

    @Test func secretsAreStoredOnlyAsSaltedHashesAndResetReplacesThem() throws {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let (kim, kimSecret) = try accounts.add(name: "Ms Kim")
        let (lee, leeSecret) = try accounts.add(name: "Mr. Lee")
        let (kim2, _) = try accounts.add(name: "Ms Kim")
        #expect([kim.id, lee.id, kim2.id] == ["ms-kim", "mr-lee", "ms-kim-2"])
        #expect(kimSecret.count == 32 && kimSecret != leeSecret)
        let file = try String(contentsOfFile: TeacherAccounts.path(dataDirectory: data), encoding: .utf8)
        #expect(!file.contains(kimSecret) && !file.contains(leeSecret), "secrets must never be stored")
        #expect(file.contains(kim.hash) && kim.hash == TeacherAccounts.hash(kimSecret, salt: kim.salt))
        let attributes = try FileManager.default.attributesOfItem(atPath: TeacherAccounts.path(dataDirectory: data))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        // Another reader of the same folder (the server, while `armistice teacher` changes the file) sees each change.
        let server = TeacherAccounts(dataDirectory: data)
        #expect(server.authenticate(kimSecret)?.id == "ms-kim")
        #expect(server.authenticate(leeSecret)?.id == "mr-lee")
        #expect(server.authenticate("not-a-secret") == nil)
        #expect(server.authenticate(kimSecret + "x") == nil)
        let fresh = try accounts.reset(id: "ms-kim")
        #expect(server.authenticate(kimSecret) == nil, "the old secret stops working")
        #expect(server.authenticate(fresh)?.id == "ms-kim")
        _ = try accounts.remove(id: "mr-lee")
        #expect(server.authenticate(leeSecret) == nil)
        #expect(throws: AccountError.self) { try accounts.remove(id: "nobody") }
        #expect(Principal.of(key: CoreHarness.key, instructorKey: CoreHarness.key, accounts: server) == .admin)
        #expect(Principal.of(key: fresh, instructorKey: CoreHarness.key, accounts: server) == .teacher(id: "ms-kim"))
    }

    @Test func aTeachersRoomRecordsItsOwnerAndOnlyItsOwnerOrTheAdminClaimsItsInstructorSeat() throws {
        var limits = ServerLimits()
        limits.keyFailureBurst = 2
        limits.keyFailuresPerSecond = 0.001
        let h = CoreHarness(limits: limits)
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        h.core.accounts = accounts
        let (_, kim) = try accounts.add(name: "Kim")
        let (_, lee) = try accounts.add(name: "Lee")
        let teacher = h.connect()
        let created = h.send(teacher, ["type": "create_room", "key": kim, "ruleset": "koreanization", "seed": 3])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        let header = try #require(json(Array(h.logs[code]![0].utf8)) as? [String: Any])
        #expect(header["owner"] as? String == "kim")
        #expect(h.core.rooms[code]?.owner == "kim")

        // The owner and the admin may claim the instructor seat; another teacher may not (and is not counted as a
        // wrong key: the secret is right, the room is not theirs).
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Lee", "role": "instructor", "key": lee])) == "bad_instructor_key")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Kim", "role": "instructor", "key": kim])) == nil)
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Admin", "role": "instructor", "key": CoreHarness.key])) == nil)

        // The admin's rooms have no owner; a teacher cannot claim them.
        let adminRoom = h.send(h.connect(), ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization"])
        let adminCode = try #require(adminRoom.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        #expect(h.core.rooms[adminCode]?.owner == nil)
        #expect(!h.logs[adminCode]![0].contains("\"owner\""))
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": adminCode, "name": "Kim", "role": "instructor", "key": kim])) == "bad_instructor_key")

        // Wrong secrets share the instructor key's limiter: past the burst, even a right secret is not compared.
        let prober = h.connect(address: "10.9.9.9")
        for _ in 0..<2 {
            #expect(CoreHarness.errorCode(h.send(prober, ["type": "create_room", "key": "wrong-secret-123456", "ruleset": "koreanization"])) == "bad_instructor_key")
        }
        #expect(CoreHarness.errorCode(h.send(prober, ["type": "create_room", "key": kim, "ruleset": "koreanization"])) == "rate_limited")

        // The owner survives a rebuild from the log (a restart, or kill -9 and the journal).
        let records = try LogReader(bytes: Array((h.logs[code]!.joined(separator: "\n") + "\n").utf8)).restorable().records
        #expect(try MatchReplay.rebuild(records, now: h.now).owner == "kim")
    }

    @Test func aNicknameOnlyRoomRefusesNamesWithSpaces() throws {
        let h = CoreHarness()
        let created = h.send(h.connect(), ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization", "nicknames": true])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        #expect(h.logs[code]![0].contains("\"nicknames\":true"))
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Kim Ji-woo", "team": "rok"])) == "bad_name")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Falcon", "team": "rok"])) == nil)
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "The projector", "role": "observer"])) == nil)
    }

    /// Two teachers over real sockets: each lists only their own rooms, and every route answers another teacher's
    /// room with 404 (as for an unknown code); the admin sees both; DELETE removes a finished match from disk and
    /// list; a live one is refused; the export gathers one student's seats, chat and inputs.
    @Test(.timeLimit(.minutes(2))) func twoTeachersArchivesDoNotSeeEachOtherAndDeleteAndExportWork() async throws {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let (_, kim) = try accounts.add(name: "Kim")
        let (_, lee) = try accounts.add(name: "Lee")
        let live = try LiveServer(data: data) { $0.reportRenderer = ReportRenderer { path, format, viewer, language in
            "rendered \(format.rawValue) of \((path as NSString).lastPathComponent) for \(viewer)" + (language.map { " in \($0.rawValue)" } ?? "")
        } }
        defer { live.stop() }
        let kimClient = try await live.client("kim")
        let kimRoom = try #require(try await kimClient.request(["type": "create_room", "key": kim, "ruleset": "koreanization", "seed": 7, "turns": 1])["room"] as? String)
        let leeClient = try await live.client("lee")
        let leeRoom = try #require(try await leeClient.request(["type": "create_room", "key": lee, "ruleset": "coral_strait"])["room"] as? String)

        // A student plays in Kim's room and chats; then Kim ends the match.
        let student = try await live.client("student")
        #expect(try await student.request(["type": "join", "code": kimRoom, "name": "Falcon", "team": "rok"])["type"] as? String == "joined")
        #expect(try await kimClient.request(["type": "start"])["type"] as? String == "ack")
        #expect(try await student.request(["type": "chat", "channel": "all", "text": "hello from Falcon"])["type"] as? String == "ack")
        #expect(try await kimClient.request(["type": "end", "reason": "the bell rang"])["type"] as? String == "ack")

        func rooms(_ secret: String) throws -> [[String: Any]] {
            let answer = httpGet(port: live.port, path: "/api/teacher/rooms", headers: auth(secret))
            #expect(answer.status == 200)
            return try #require(json(answer.body) as? [[String: Any]])
        }
        // The ending is worked out by a replay in the background: absent at first, then listed.
        var kims = try rooms(kim)
        for _ in 0..<200 where kims.first?["outcome"] == nil {
            try await Task.sleep(for: .milliseconds(25))
            kims = try rooms(kim)
        }
        #expect(kims.map { $0["code"] as? String } == [kimRoom])
        #expect(kims[0]["state"] as? String == "finished")
        #expect(kims[0]["owner"] as? String == "kim")
        #expect(kims[0]["scenario"] as? String == "koreanization")
        #expect((kims[0]["outcome"] as? String)?.isEmpty == false)
        #expect((kims[0]["players"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Falcon"])
        let lees = try rooms(lee)
        #expect(lees.map { $0["code"] as? String } == [leeRoom])
        #expect(lees[0]["state"] as? String == "live" && lees[0]["phase"] as? String == "setup")
        #expect(Set(try rooms(LiveServer.key).compactMap { $0["code"] as? String }) == [kimRoom, leeRoom])
        let me = try #require(json(httpGet(port: live.port, path: "/api/teacher/me", headers: auth(lee)).body) as? [String: Any])
        #expect(me["id"] as? String == "lee" && me["name"] as? String == "Lee" && me["admin"] as? Bool == false)

        // Another teacher's room is answered like an unknown code, on every route.
        for path in ["", "/log", "/report.html", "/replay.json"] {
            #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)\(path)", headers: auth(lee)).status == 404, "\(path)")
        }
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/ticket", headers: auth(lee).merging(["Content-Length": "0"]) { a, _ in a }, method: "POST").status == 404)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)", headers: auth(lee), method: "DELETE").status == 404)
        #expect(httpGet(port: live.port, path: "/api/rooms/\(kimRoom)/log", headers: auth(lee)).status == 404)
        #expect(httpGet(port: live.port, path: "/api/rooms/\(kimRoom)/log", headers: auth(kim)).status == 200)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms").status == 401)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms", headers: auth("wrong-secret-1234567")).status == 403)

        // The owner gets the log, the report and the replay (rendered by the server off the HTTP thread: "pending"
        // until they are made), and a view ticket for links.
        let log = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/log", headers: auth(kim))
        #expect(log.status == 200 && String(decoding: log.body, as: UTF8.self).contains("hello from Falcon"))
        let first = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/report.html", headers: auth(kim))
        #expect(first.status == 503 && (json(first.body) as? [String: Any])?["code"] as? String == "report_pending")
        var report = first
        for _ in 0..<200 where report.status == 503 {
            try await Task.sleep(for: .milliseconds(25))
            report = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/report.html", headers: auth(kim))
        }
        #expect(report.status == 200)
        #expect(String(decoding: report.body, as: UTF8.self) == "rendered html of \(kimRoom).jsonl for /replay.html?src=/api/teacher/rooms/\(kimRoom)/replay.json")
        #expect(FileManager.default.fileExists(atPath: data + "/reports/\(kimRoom).html"))
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(leeRoom)/report.html", headers: auth(lee)).status == 409, "a live match has no report yet")
        let ticketAnswer = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/ticket", headers: auth(kim).merging(["Content-Length": "0"]) { a, _ in a }, method: "POST")
        #expect(ticketAnswer.status == 200)
        let ticket = try #require((json(ticketAnswer.body) as? [String: Any])?["ticket"] as? String)
        #expect(!String(decoding: ticketAnswer.body, as: UTF8.self).contains(kim), "a ticket never carries the secret")
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/replay.json?ticket=\(ticket)").status == 200)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/report.html?ticket=\(ticket)").status == 200)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(leeRoom)/report.html?ticket=\(ticket)").status == 403, "a ticket opens one room only")

        // In a language asked for (the page's): a ticket's links and the report's links to moments keep it; a
        // language the reports are not written in is refused.
        var korean = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/ticket?lang=ko", headers: auth(kim).merging(["Content-Length": "0"]) { a, _ in a }, method: "POST")
        for _ in 0..<200 where korean.status == 202 {
            try await Task.sleep(for: .milliseconds(25))
            korean = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/ticket?lang=ko", headers: auth(kim).merging(["Content-Length": "0"]) { a, _ in a }, method: "POST")
        }
        let links = try #require(json(korean.body) as? [String: Any])
        let koreanReport = try #require(links["report"] as? String)
        #expect(koreanReport.hasSuffix("&lang=ko"))
        #expect((links["replay"] as? String)?.hasSuffix("%26lang%3Dko") == true)
        #expect(String(decoding: httpGet(port: live.port, path: koreanReport).body, as: UTF8.self)
                == "rendered html of \(kimRoom).jsonl for /replay.html?src=/api/teacher/rooms/\(kimRoom)/replay.json%3Flang%3Dko in ko")
        #expect(String(decoding: httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/report.html?lang=ko-KR", headers: auth(kim)).body, as: UTF8.self)
                .hasSuffix(" in ko"))
        #expect(String(decoding: report.body, as: UTF8.self).hasSuffix("replay.json"), "without lang: the room's own language")
        #expect(FileManager.default.fileExists(atPath: data + "/reports/\(kimRoom).ko.html"))
        let french = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/report.html?lang=fr", headers: auth(kim))
        #expect(french.status == 400 && (json(french.body) as? [String: Any])?["code"] as? String == "bad_parameter")

        // One student's data: their seat, team, chat and inputs, across the teacher's matches; none for another teacher.
        // It is read off the thread that answers HTTP: "pending" first, then the data.
        func exported(_ secret: String) async throws -> [String: Any] {
            var answer = httpGet(port: live.port, path: "/api/teacher/students?name=falcon", headers: auth(secret))
            #expect(answer.status == 202 && (json(answer.body) as? [String: Any])?["code"] as? String == "export_pending")
            for _ in 0..<200 where answer.status == 202 {
                try await Task.sleep(for: .milliseconds(25))
                answer = httpGet(port: live.port, path: "/api/teacher/students?name=falcon", headers: auth(secret))
            }
            #expect(answer.status == 200)
            return try #require(json(answer.body) as? [String: Any])
        }
        let export = try await exported(kim)
        let matches = try #require(export["matches"] as? [[String: Any]])
        #expect(matches.map { $0["code"] as? String } == [kimRoom])
        #expect((matches[0]["seats"] as? [[String: Any]])?.first?["team"] as? String == "rok")
        #expect((matches[0]["chat"] as? [[String: Any]])?.map { $0["text"] as? String } == ["hello from Falcon"])
        #expect(matches[0]["inputs"] is [[String: Any]])
        let none = try await exported(lee)
        #expect((none["matches"] as? [Any])?.isEmpty == true)

        // Deleting: a live match is refused; a finished one is gone from disk, list and routes.
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(leeRoom)", headers: auth(lee), method: "DELETE").status == 409)
        let deleted = httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)", headers: auth(kim), method: "DELETE")
        #expect(deleted.status == 200)
        #expect(!FileManager.default.fileExists(atPath: live.server.logPath(kimRoom)))
        #expect(!FileManager.default.fileExists(atPath: data + "/reports/\(kimRoom).html"))
        #expect(!FileManager.default.fileExists(atPath: data + "/reports/\(kimRoom).ko.html"), "every language's report goes")
        #expect(try rooms(kim).isEmpty)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/log", headers: auth(kim)).status == 404)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(kimRoom)/replay.json?ticket=\(ticket)").status == 403, "its tickets are revoked")
    }

    /// Retention: a finished match that ended longer ago than the setting is deleted at start; a live room (even an
    /// old one) and a recent finished match stay.
    @Test(.timeLimit(.minutes(2))) func retentionDeletesOldFinishedMatchesAndKeepsLiveOnes() async throws {
        let data = makeTemporaryDirectory()
        let day: Int64 = 86_400_000
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        func played(daysAgo: Int64, end: Bool) throws -> String {
            let h = CoreHarness()
            h.now = now - daysAgo * day
            let (instructor, code) = h.createRoom()
            #expect(CoreHarness.errorCode(h.send(instructor.client, ["type": "start"])) == nil)
            if end { #expect(CoreHarness.errorCode(h.send(instructor.client, ["type": "end", "reason": "done"])) == nil) }
            try FileManager.default.createDirectory(atPath: data + "/matches", withIntermediateDirectories: true)
            try (h.logs[code]!.joined(separator: "\n") + "\n").write(toFile: data + "/matches/\(code).jsonl", atomically: true, encoding: .utf8)
            return code
        }
        let old = try played(daysAgo: 400, end: true)
        let recent = try played(daysAgo: 10, end: true)
        let oldLive = try played(daysAgo: 400, end: false)
        let live = try LiveServer(data: data) { $0.retentionDays = 30; $0.retentionCheckSeconds = 0.2 }
        defer { live.stop() }
        for _ in 0..<200 where FileManager.default.fileExists(atPath: live.server.logPath(old)) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!FileManager.default.fileExists(atPath: live.server.logPath(old)), "the old finished match is deleted")
        try await Task.sleep(for: .milliseconds(500))   // a few more sweeps
        #expect(FileManager.default.fileExists(atPath: live.server.logPath(recent)), "a recent finished match stays")
        #expect(FileManager.default.fileExists(atPath: live.server.logPath(oldLive)), "a live room is never touched")
        let list = try #require(json(httpGet(port: live.port, path: "/api/teacher/rooms", headers: auth(LiveServer.key)).body) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["code"] as? String }) == [recent, oldLive])
    }

    /// The owner is in the log header, so it outlives `kill -9`: after a restart the room is still the teacher's
    /// (listed for them, not for another teacher) and only they may take its instructor seat.
    @Test(.timeLimit(.minutes(2))) func aRoomsOwnerSurvivesKill9() async throws {
        let data = NSTemporaryDirectory() + "armistice-owner-" + UUID().uuidString
        let accounts = TeacherAccounts(dataDirectory: data)
        let (_, kim) = try accounts.add(name: "Kim")
        let (_, lee) = try accounts.add(name: "Lee")
        var logger = Logger(label: "test.owner")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        var server = try await ServerProcess.start(data: data, key: CrashTests.key)
        let teacher = try await WireClient.connect(pool, port: server.port, name: "kim")
        let code = try #require(try await teacher.request(["type": "create_room", "key": kim, "ruleset": "koreanization"])["room"] as? String)
        await server.kill(SIGKILL)
        server = try await ServerProcess.start(data: data, key: CrashTests.key)
        defer { server.killNow(SIGTERM) }
        let listed = try #require(json(httpGet(port: server.port, path: "/api/teacher/rooms", headers: auth(kim)).body) as? [[String: Any]])
        #expect(listed.map { $0["code"] as? String } == [code])
        #expect(listed.first?["owner"] as? String == "kim" && listed.first?["state"] as? String == "live")
        #expect((json(httpGet(port: server.port, path: "/api/teacher/rooms", headers: auth(lee)).body) as? [Any])?.isEmpty == true)
        let other = try await WireClient.connect(pool, port: server.port, name: "lee")
        #expect(try await other.request(["type": "join", "code": code, "name": "Lee", "role": "instructor", "key": lee])["code"] as? String == "bad_instructor_key")
        let back = try await WireClient.connect(pool, port: server.port, name: "kim2")
        #expect(try await back.request(["type": "join", "code": code, "name": "Kim", "role": "instructor", "key": kim])["type"] as? String == "joined")
    }

    /// Sharing by teacher id: the teacher it is shared with sees the match and its report, but may not delete or
    /// share it, nor take its instructor seat; the owner stops sharing and it is gone for them again. Shares are kept
    /// in `DATA/shares.json` across restarts.
    @Test(.timeLimit(.minutes(2))) func anOwnerSharesAMatchWithAnotherTeacherByID() async throws {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let (_, kim) = try accounts.add(name: "Kim")
        let (_, lee) = try accounts.add(name: "Lee")
        let (_, park) = try accounts.add(name: "Park")
        var live: LiveServer? = try LiveServer(data: data) { $0.reportRenderer = ReportRenderer { _, format, _, _ in "report \(format.rawValue)" } }
        let port = live!.port
        let teacher = try await live!.client("kim")
        let code = try #require(try await teacher.request(["type": "create_room", "key": kim, "ruleset": "koreanization"])["room"] as? String)
        func codes(_ secret: String, port: Int) -> [String] {
            ((json(httpGet(port: port, path: "/api/teacher/rooms", headers: auth(secret)).body) as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
        }
        #expect(codes(lee, port: port).isEmpty)
        let sharePath = "/api/teacher/rooms/\(code)/shares"
        #expect(httpGet(port: port, path: sharePath, headers: auth(lee), method: "POST", body: #"{"teacher":"lee"}"#).status == 404, "not Lee's to share")
        #expect(httpGet(port: port, path: sharePath, headers: auth(kim), method: "POST", body: #"{"teacher":"nobody"}"#).status == 400)
        let shared = httpGet(port: port, path: sharePath, headers: auth(kim), method: "POST", body: #"{"teacher":"lee"}"#)
        #expect(shared.status == 200)
        #expect((json(shared.body) as? [String: Any])?["shared"] as? [String] == ["lee"])
        #expect(codes(lee, port: port) == [code])
        #expect(codes(park, port: port).isEmpty)
        #expect(httpGet(port: port, path: "/api/teacher/rooms/\(code)/log", headers: auth(lee)).status == 200)
        #expect(httpGet(port: port, path: "/api/rooms/\(code)/log", headers: auth(lee)).status == 200)
        #expect(httpGet(port: port, path: sharePath, headers: auth(lee), method: "POST", body: #"{"teacher":"park"}"#).status == 403)
        #expect(httpGet(port: port, path: "/api/teacher/rooms/\(code)", headers: auth(lee), method: "DELETE").status == 403)
        let seat = try await live!.client("lee")
        #expect(try await seat.request(["type": "join", "code": code, "name": "Lee", "role": "instructor", "key": lee])["code"] as? String == "bad_instructor_key")

        // Kept across a restart.
        live!.stop()
        live = try LiveServer(data: data)
        defer { live?.stop() }
        let again = live!.port
        #expect(codes(lee, port: again) == [code])
        #expect(httpGet(port: again, path: "\(sharePath)/lee", headers: auth(kim), method: "DELETE").status == 200)
        #expect(codes(lee, port: again).isEmpty)
        #expect(httpGet(port: again, path: "/api/teacher/rooms/\(code)/log", headers: auth(lee)).status == 404)
    }
}
