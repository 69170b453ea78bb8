#if canImport(Glibc)
import ArmisticeTestSupport
import Glibc
#endif
import ArmisticeLog
import ArmisticeTransport
import Foundation
import Synchronization
import Logging
import Testing
@testable import ArmisticeServer

/// The built `armistice serve`, as a child process. Started and stopped off the cooperative pool: these tests run
/// beside hundreds of others, and a wait for a child there holds a thread every other test needs.
final class ServerProcess: @unchecked Sendable {
    static var binary: String { CoreHarness.repoRoot + "/.build/debug/armistice" }
    let process = Process()
    private(set) var port = 0
    let stderrPath: String

    private init(data: String, key: String, threads: Int?) {
        stderrPath = data + "-stderr-\(UUID().uuidString).txt"
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--rulesets", CoreHarness.repoRoot + "/rulesets",
                             "--web", "/nonexistent", "--instructor-key", key, "--log-level", "notice"]
            + (threads.map { ["--threads", "\($0)"] } ?? [])
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
    }

    /// Starts a server on a free port with `data` as its data folder, once it says which port it listens on.
    static func start(data: String, key: String, threads: Int? = nil) async throws -> ServerProcess {
        let server = ServerProcess(data: data, key: key, threads: threads)
        server.port = try await ChildProcess.startListening(server.process, timeout: 20)
        return server
    }

    /// Sends `signal` and waits for the server to exit.
    func kill(_ signal: Int32) async {
        Glibc.kill(process.processIdentifier, signal)
        await offload { [process] in process.waitUntilExit() }
    }

    /// `kill` for `defer`, which cannot wait asynchronously: it blocks its thread until the server has exited.
    func killNow(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}

@Suite(.serialized) struct CrashTests {
    static let key = "crash-test-key-1234"

    @Test(.timeLimit(.minutes(2))) func aKilledServerKeepsEveryAcknowledgedRequestAndPlayGoesOn() async throws {
        let data = NSTemporaryDirectory() + "armistice-crash-" + UUID().uuidString
        var server = try await ServerProcess.start(data: data, key: Self.key)
        var logger = Logger(label: "test.crash")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }

        // Three rooms, each with an instructor and eight students, in negotiation.
        var rooms: [(code: String, students: [WireClient])] = []
        for r in 0..<3 {
            let instructor = try await WireClient.connect(pool, port: server.port, name: "i\(r)")
            let created = try await instructor.request(["type": "create_room", "key": Self.key, "ruleset": "koreanization", "seed": r + 1])
            let code = try #require(created["room"] as? String)
            var students: [WireClient] = []
            for (t, team) in ["dprk", "rok", "usa", "un"].enumerated() {
                for i in 0..<2 {
                    let c = try await WireClient.connect(pool, port: server.port, name: "r\(r)-\(team)\(i)")
                    let joined = try await c.request(["type": "join", "code": code, "name": "\(team) \(i)", "team": team])
                    c.token = try #require(joined["token"] as? String)
                    c.seat = "\(t)"
                    students.append(c)
                }
            }
            #expect(try await instructor.request(["type": "start"])["type"] as? String == "ack")
            #expect(try await instructor.request(["type": "skip"])["type"] as? String == "ack")
            rooms.append((code, students))
        }

        // Load: every student chats as fast as acknowledgements come back (within the rate limit); the server is
        // killed with SIGKILL in the middle of it: once 150 chats are acknowledged (on a loaded machine that takes
        // longer than on a quiet one), or after 40 s whatever the count. A chat with no ack in time (a busy machine)
        // or refused is not counted, and the student goes on until the kill.
        let victim = server
        let acknowledged = AckCount()
        let acked = await withTaskGroup(of: [String].self) { group -> [String] in
            for room in rooms {
                for student in room.students {
                    group.addTask {
                        var mine: [String] = []
                        var n = 0
                        while !acknowledged.killed.load(ordering: .acquiring) {
                            n += 1
                            let text = "\(student.name) message \(n)"
                            if let reply = try? await student.request(["type": "chat", "channel": "all", "text": text], timeout: .seconds(5)),
                               reply["type"] as? String == "ack" {
                                mine.append(text)
                                acknowledged.value.add(1, ordering: .relaxed)
                            }
                            try? await Task.sleep(for: .milliseconds(60))
                        }
                        return mine
                    }
                }
            }
            group.addTask {
                let deadline = ContinuousClock.now + .seconds(40)
                while acknowledged.value.load(ordering: .relaxed) < 150, ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                await victim.kill(SIGKILL)
                acknowledged.killed.store(true, ordering: .releasing)
                return []
            }
            var all: [String] = []
            for await list in group { all += list }
            return all
        }
        #expect(acked.count > 100, "only \(acked.count) chats were acknowledged before the kill")

        // Restart on the same data: every acknowledged chat is in the logs.
        server = try await ServerProcess.start(data: data, key: Self.key)
        defer { server.killNow(SIGTERM) }
        #expect(server.stderr.contains("rooms recovered"))
        // The journal left by the kill was replayed (the page cache survived a process crash: nothing to repair).
        #expect(server.stderr.contains("match logs checked against the journal"))
        #expect(!server.stderr.contains("journal replay problem"))
        var logged = Set<String>()
        for room in rooms {
            let download = httpGet(port: server.port, path: "/api/rooms/\(room.code)/log", headers: ["X-Instructor-Key": Self.key])
            #expect(download.status == 200)
            let reader = try LogReader(bytes: download.body).restorable()
            _ = try MatchReplay.replay(reader.records)
            for r in reader.records where r.kind == .chat { logged.insert(r.text ?? "") }
        }
        let missing = acked.filter { !logged.contains($0) }
        #expect(missing.isEmpty, "acknowledged but not logged: \(missing.prefix(5))")

        // Play goes on: a student resumes with its token, drafts, locks; a newcomer joins.
        let student = rooms[0].students[0]
        let back = try await WireClient.connect(pool, port: server.port, name: "back")
        let resumed = try await back.request(["type": "resume", "token": student.token, "seq": student.maxSeq])
        #expect(resumed["type"] as? String == "resumed")
        #expect(try await back.request(["type": "set_orders", "orders": [["action": "missile_test"]]])["type"] as? String == "ack")
        #expect(try await back.request(["type": "lock"])["type"] as? String == "ack")
        let newcomer = try await WireClient.connect(pool, port: server.port, name: "new")
        #expect(try await newcomer.request(["type": "join", "code": rooms[1].code, "name": "Late"])["type"] as? String == "joined")
    }

    @Test(.timeLimit(.minutes(1))) func sigtermShutsDownGracefully() async throws {
        let data = NSTemporaryDirectory() + "armistice-term-" + UUID().uuidString
        let server = try await ServerProcess.start(data: data, key: Self.key)
        var logger = Logger(label: "test.term")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        let c = try await WireClient.connect(pool, port: server.port, name: "c")
        #expect(try await c.request(["type": "create_room", "key": Self.key, "ruleset": "coral_strait"])["type"] as? String == "room_created")
        await server.kill(SIGTERM)
        #expect(server.process.terminationStatus == 0)
        try? await c.waitFor(timeout: .seconds(3)) { _ in false }
        #expect(c.closed?.code == 1001)
        #expect(server.stderr.contains("stopped"))
        // A clean shutdown checkpoints: the next start has no journal to replay.
        let journal = (try? FileManager.default.contentsOfDirectory(atPath: data + "/journal")) ?? ["missing"]
        #expect(journal.isEmpty)
    }
}

/// Acknowledged chats so far, shared by the chatting students and the task that kills the server.
private final class AckCount: Sendable {
    let value = Atomic<Int>(0)
    /// Set once the server has been killed: the students stop.
    let killed = Atomic<Bool>(false)
}
