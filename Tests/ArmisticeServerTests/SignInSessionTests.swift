import ArmisticeTransport
import Foundation
import Testing
@testable import ArmisticeServer

/// Sign-in sessions (docs/protocol.md, "Rates and budgets" and "Instructor accounts and the archive"): a teacher who
/// signed in once is not locked out by a student at the same address sending wrong keys (outside tester's
/// REPORT-browser A #1), and a session costs the address nothing, however forged or stale.
@Suite(.serialized) struct SignInSessionTests {
    private func json(_ body: [UInt8]) -> [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    private func auth(_ key: String) -> [String: String] { ["Authorization": "Bearer \(key)"] }

    /// Over real sockets, all from one address (loopback): Kim signs in, a "student" then uses up the address's wrong
    /// keys, and Kim's session still creates a room, claims its instructor seat, lists the archive and downloads the log,
    /// while her secret itself is refused unread.
    @Test(.timeLimit(.minutes(2))) func aSessionFromBeforeKeepsWorkingWhileTheAddressIsOutOfWrongKeys() async throws {
        let data = makeTemporaryDirectory()
        let (_, kim) = try TeacherAccounts(dataDirectory: data).add(name: "Kim")
        let live = try LiveServer(data: data)
        defer { live.stop() }

        let signIn = httpGet(port: live.port, path: "/api/teacher/session", headers: auth(kim), method: "POST", body: "")
        #expect(signIn.status == 200)
        let answer = try #require(json(signIn.body))
        let session = try #require(answer["session"] as? String)
        #expect(session.hasPrefix("session-") && session.count == 8 + 32 && session.dropFirst(8).allSatisfy(\.isHexDigit))
        #expect(answer["id"] as? String == "kim" && answer["name"] as? String == "Kim" && answer["admin"] as? Bool == false)
        let expires = try #require((answer["expires"] as? NSNumber)?.int64Value)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(abs(expires - (now + 12 * 3_600_000)) < 60_000, "a session lasts 12 hours")
        let admin = try #require(json(httpGet(port: live.port, path: "/api/teacher/session", headers: ["X-Instructor-Key": LiveServer.key], method: "POST", body: "").body))
        #expect(admin["admin"] as? Bool == true && (admin["session"] as? String)?.hasPrefix("session-") == true)

        // A student at the same address sends wrong keys until the budget is gone.
        for _ in 0..<ServerLimits().keyFailureBurst {
            #expect(httpGet(port: live.port, path: "/api/teacher/me", headers: auth("a-student-guessing-1234")).status == 403)
        }
        let refused = httpGet(port: live.port, path: "/api/teacher/me", headers: auth(kim))
        #expect(refused.status == 429, "the right secret is not compared past the budget")
        let message = try #require(json(refused.body)?["message"] as? String)
        #expect(message.contains("session") && !message.contains("wait a few minutes"), "the refusal does not promise that waiting helps: \(message)")
        #expect(httpGet(port: live.port, path: "/api/teacher/session", headers: auth(kim), method: "POST", body: "").status == 429, "signing in is a key check too")
        let prober = try await live.client("prober")
        #expect(try await prober.request(["type": "create_room", "key": kim, "ruleset": "koreanization"])["code"] as? String == "rate_limited")

        // Kim's session works wherever her secret would.
        let teacher = try await live.client("kim")
        let created = try await teacher.request(["type": "create_room", "key": session, "ruleset": "koreanization", "seed": 5])
        #expect(created["type"] as? String == "room_created")
        let code = try #require(created["room"] as? String)
        let console = try await live.client("kim-console")
        #expect(try await console.request(["type": "join", "code": code, "name": "Kim", "role": "instructor", "key": session])["type"] as? String == "joined")
        let list = httpGet(port: live.port, path: "/api/teacher/rooms", headers: auth(session))
        #expect(list.status == 200)
        let rooms = try #require((try? JSONSerialization.jsonObject(with: Data(list.body))) as? [[String: Any]])
        #expect(rooms.map { $0["code"] as? String } == [code] && rooms.first?["owner"] as? String == "kim", "the room is Kim's, made with her session")
        #expect(httpGet(port: live.port, path: "/api/teacher/me", headers: ["X-Instructor-Key": session]).status == 200)
        #expect(httpGet(port: live.port, path: "/api/rooms/\(code)/log", headers: ["X-Instructor-Key": session]).status == 200)
        #expect(httpGet(port: live.port, path: "/api/teacher/rooms/\(code)/log", headers: auth(session)).status == 200)

        // None of it used the budget or refilled it: the secret is still refused unread.
        #expect(httpGet(port: live.port, path: "/api/teacher/me", headers: auth(kim)).status == 429)
        // A session is not traded for another (it would never end); signing out ends it.
        #expect(httpGet(port: live.port, path: "/api/teacher/session", headers: auth(session), method: "POST", body: "").status == 400)
        #expect(httpGet(port: live.port, path: "/api/teacher/session", headers: auth(session), method: "DELETE").status == 200)
        let ended = httpGet(port: live.port, path: "/api/teacher/me", headers: auth(session))
        #expect(ended.status == 403 && json(ended.body)?["code"] as? String == "session_expired")
    }

    /// A forged session, an expired one and one of a closed room's teacher are refused as `session_expired`, with a
    /// message that says what to do; however many come from one address, its budget of wrong keys is untouched.
    @Test func aForgedOrExpiredSessionIsRefusedWithItsCodeAndCostsTheAddressNothing() throws {
        var limits = ServerLimits()
        limits.keyFailureBurst = 2
        limits.keyFailuresPerSecond = 0.001
        let h = CoreHarness(limits: limits)
        h.core.sessions = SignInSessions(lifetimeMs: 60_000)
        let address = "192.0.2.2"
        for n in 0..<20 {
            let forged = "session-" + String(repeating: "\(n % 10)", count: 32)
            let replies = h.send(h.connect(address: address), ["type": "create_room", "key": forged, "ruleset": "koreanization"])
            #expect(CoreHarness.errorCode(replies) == "session_expired")
            if n == 0 {
                let message = try #require(replies.first { $0["type"] as? String == "error" }?["message"] as? String)
                #expect(message.contains("sign in again"), "\(message)")
            }
        }
        let korean = h.send(h.connect(address: address, lang: "ko"), ["type": "create_room", "key": "session-forged", "ruleset": "koreanization"])
        #expect((korean.first?["message"] as? String)?.contains("다시 로그인하세요") == true)
        #expect(h.core.keyFailures.allows(address, now: h.now), "no session was charged to the address")
        #expect(CoreHarness.errorCode(h.send(h.connect(address: address), ["type": "create_room", "key": CoreHarness.key, "ruleset": "koreanization"])) == nil)

        // A real session lasts its lifetime, then is refused the same way.
        let (session, _) = try #require(h.core.sessions.open(for: .admin, accounts: nil, now: h.now))
        #expect(CoreHarness.errorCode(h.send(h.connect(address: address), ["type": "create_room", "key": session, "ruleset": "koreanization"])) == nil)
        h.advance(seconds: 61)
        #expect(CoreHarness.errorCode(h.send(h.connect(address: address), ["type": "create_room", "key": session, "ruleset": "koreanization"])) == "session_expired")

        // Each connection may send five bad seat tokens or sessions, then it is closed (as for seat tokens).
        let one = h.connect(address: address)
        for _ in 0..<5 { h.send(one, ["type": "create_room", "key": "session-0", "ruleset": "koreanization"]) }
        #expect(h.closed[one] != nil)

        // The log download and the archive answer 403 session_expired, and charge nothing either.
        let routes = HTTPRoutes(metrics: ServerMetrics(), logDirectory: "/nonexistent", instructorKey: CoreHarness.key, transport: nil,
                                rooms: RoomDirectory(), joinFailures: h.core.joinFailures, keyFailures: h.core.keyFailures, now: { h.now })
        for _ in 0..<10 {
            let answer = routes.respond(to: HTTPRequest(method: "GET", path: "/api/rooms/ABCDEF/log", headers: ["x-instructor-key": "session-forged"],
                                                        remoteAddress: address))
            #expect(answer?.status == 403 && json(answer?.body ?? [])?["code"] as? String == "session_expired")
        }
        #expect(routes.respond(to: HTTPRequest(method: "GET", path: "/api/rooms/ABCDEF/log", headers: ["x-instructor-key": CoreHarness.key],
                                               remoteAddress: address))?.status == 404, "the key is still compared: past the check, no such log")
        #expect(h.core.keyFailures.allows(address, now: h.now))
    }

    /// A teacher removed (`armistice teacher remove`) or given a new secret (`reset`) loses every session: each use is
    /// checked against the accounts file as it is now.
    @Test func aRemovedOrResetTeachersSessionStopsWorking() throws {
        let h = CoreHarness()
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        let admin = TeacherAccounts(dataDirectory: data)   // `armistice teacher`, changing the file under the server
        h.core.accounts = accounts
        let (_, kim) = try admin.add(name: "Kim")
        _ = try admin.add(name: "Lee")
        #expect(accounts.authenticate(kim)?.id == "kim")
        let (kimSession, _) = try #require(h.core.sessions.open(for: .teacher(id: "kim"), accounts: accounts, now: h.now))
        let (leeSession, _) = try #require(h.core.sessions.open(for: .teacher(id: "lee"), accounts: accounts, now: h.now))
        #expect(h.core.sessions.open(for: .teacher(id: "nobody"), accounts: accounts, now: h.now) == nil)
        let created = h.send(h.connect(), ["type": "create_room", "key": leeSession, "ruleset": "koreanization"])
        let code = try #require(created.first { $0["type"] as? String == "room_created" }?["room"] as? String)
        #expect(h.core.rooms[code]?.owner == "lee")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Kim", "role": "instructor", "key": kimSession])) == "bad_instructor_key",
                "a session opens only its teacher's rooms")

        _ = try admin.remove(id: "lee")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "join", "code": code, "name": "Lee", "role": "instructor", "key": leeSession])) == "session_expired")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "create_room", "key": kimSession, "ruleset": "koreanization"])) == nil)
        _ = try admin.reset(id: "kim")
        #expect(CoreHarness.errorCode(h.send(h.connect(), ["type": "create_room", "key": kimSession, "ruleset": "koreanization"])) == "session_expired")
        #expect(h.core.sessions.holder(kimSession, accounts: accounts, now: h.now) == nil)
    }

    /// One principal holds at most `SignInSessions.perPrincipal` sessions: the next one ends that principal's oldest,
    /// and nobody else's, so a script with a valid secret cannot grow the table without bound.
    @Test func aPrincipalsSessionsAreCappedOldestFirst() throws {
        let data = makeTemporaryDirectory()
        let accounts = TeacherAccounts(dataDirectory: data)
        _ = try accounts.add(name: "Kim")
        let sessions = SignInSessions(lifetimeMs: 60_000, perPrincipal: 3)
        let admin = try #require(sessions.open(for: .admin, accounts: accounts, now: 1_000)).session
        var kims: [String] = []
        for step in 0..<5 {
            kims.append(try #require(sessions.open(for: .teacher(id: "kim"), accounts: accounts, now: 2_000 + Int64(step))).session)
        }
        let now: Int64 = 3_000
        #expect(kims.map { sessions.holder($0, accounts: accounts, now: now) != nil } == [false, false, true, true, true],
                "the two oldest of Kim's five sessions ended")
        #expect(sessions.holder(admin, accounts: accounts, now: now)?.principal == .admin, "the admin's session is not Kim's to end")
        #expect(sessions.count == 4)
    }

    /// A server whose instructor key would read as a session does not start: the key would never be compared.
    @Test func anInstructorKeyThatLooksLikeASessionIsRefusedAtStart() {
        #expect(throws: AccountError.self) {
            _ = try LiveServer { $0.instructorKey = "session-0123456789abcdef" }
        }
    }
}
