#if canImport(Glibc)
import Glibc
#endif
import ArmisticeLog
import ArmisticeTransport
import Foundation
import Logging
import Testing
@testable import ArmisticeServer

/// Logs an operator touched by hand: one under another room's name, one with a damaged line. Neither is ever split
/// in two or silently dropped, and what the server says agrees with what it does and says what to do.
@Suite(.serialized) struct LogNameAndDamageTests {
    static let key = "log-name-test-key-1234"

    private func json(_ body: [UInt8]) -> Any? { try? JSONSerialization.jsonObject(with: Data(body)) }

    private func listed(_ port: Int) throws -> [[String: Any]] {
        try #require(json(httpGet(port: port, path: "/api/teacher/rooms", headers: ["Authorization": "Bearer \(Self.key)"]).body) as? [[String: Any]])
    }

    private func joins(_ path: String) throws -> [String] {
        let log = try LogReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).restorable()
        return log.records.filter { $0.kind == .join }.compactMap(\.name)
    }

    @Test(.timeLimit(.minutes(2))) func aLogUnderAnotherRoomsNameIsLoadedUnderItsOwnCodeAndNeverSplit() async throws {
        let data = NSTemporaryDirectory() + "armistice-misnamed-" + UUID().uuidString
        var logger = Logger(label: "test.misnamed")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        var server = try await ServerProcess.start(data: data, key: Self.key)
        let instructor = try await WireClient.connect(pool, port: server.port, name: "i")
        let code = try #require(try await instructor.request(["type": "create_room", "key": Self.key, "ruleset": "koreanization"])["room"] as? String)
        let falcon = try await WireClient.connect(pool, port: server.port, name: "falcon")
        #expect(try await falcon.request(["type": "join", "code": code, "name": "Falcon", "team": "rok"])["type"] as? String == "joined")
        await server.kill(SIGKILL)

        // The log is moved to another room's name.
        let other = code == "MMMMMM" ? "NNNNNN" : "MMMMMM"
        let matches = data + "/matches/"
        try FileManager.default.moveItem(atPath: matches + "\(code).jsonl", toPath: matches + "\(other).jsonl")
        server = try await ServerProcess.start(data: data, key: Self.key)
        #expect(server.stderr.contains("\(other).jsonl holds room \(code)") && server.stderr.contains("renamed to"), "\(server.stderr)")
        #expect(!FileManager.default.fileExists(atPath: matches + "\(other).jsonl"))
        #expect(try listed(server.port).map { $0["code"] as? String } == [code])
        let hawk = try await WireClient.connect(pool, port: server.port, name: "hawk")
        #expect(try await hawk.request(["type": "join", "code": code, "name": "Hawk", "team": "usa"])["type"] as? String == "joined")
        await server.kill(SIGKILL)

        // Everything acknowledged is in the one log, which is whole, and the room comes back from it.
        server = try await ServerProcess.start(data: data, key: Self.key)
        defer { server.killNow(SIGTERM) }
        #expect(try joins(matches + "\(code).jsonl").filter { $0 != "Instructor" } == ["Falcon", "Hawk"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: matches).filter { $0.hasSuffix(".jsonl") } == ["\(code).jsonl"])
        let rooms = try listed(server.port)
        #expect(rooms.map { $0["code"] as? String } == [code] && rooms.first?["state"] as? String == "live")
        #expect(!server.stderr.contains("could not be recovered"), "\(server.stderr)")
    }

    @Test func aCopyUnderAnotherNameBesideTheRoomsOwnLogIsSetAsideAndNeverLoaded() throws {
        let data = makeTemporaryDirectory()
        let matches = data + "/matches/"
        // A real room's log, written by a store.
        let h = CoreHarness()
        let (_, code) = h.createRoom()
        do {
            let writer = try MatchStore(dataDirectory: data)
            #expect(writer.append(h.logs[code]!.map { .init(room: code, line: $0) }).isEmpty)
            writer.checkpoint(wait: true)
        }
        try FileManager.default.copyItem(atPath: matches + "\(code).jsonl", toPath: matches + "MMMMMM.jsonl")
        let store = try MatchStore(dataDirectory: data)
        let misnamed = try #require(store.misnamedLogs.first)
        #expect(store.misnamedLogs.count == 1)
        #expect(misnamed.file == matches + "MMMMMM.jsonl" && misnamed.room == code && misnamed.action == .setAside(to: matches + "MMMMMM.jsonl.misnamed"))
        #expect(misnamed.description.contains("a log of \(code) is already there") && misnamed.description.contains("keep the right one as \(code).jsonl"))
        #expect(store.codes() == [code])
        #expect(FileManager.default.fileExists(atPath: matches + "MMMMMM.jsonl.misnamed"))

        // Had it stayed under that name (another shard's store, say), loading it is refused, never split.
        try FileManager.default.copyItem(atPath: matches + "\(code).jsonl", toPath: matches + "NNNNNN.jsonl")
        let refusal = try #require(throws: MatchLogError.self) { try store.load("NNNNNN") }
        #expect(refusal.description.contains("holds room \(code)") && refusal.description.contains("Name it \(code).jsonl"))
    }

    @Test(.timeLimit(.minutes(2))) func aLogWithOneDamagedLineIsReportedAsNotReopenedAndListedAsStoppedAndCanBeDeleted() async throws {
        let data = NSTemporaryDirectory() + "armistice-damaged-" + UUID().uuidString
        var logger = Logger(label: "test.damaged")
        logger.logLevel = .critical
        let pool = WebSocketClientPool(logger: logger)
        defer { pool.shutdown() }
        var server = try await ServerProcess.start(data: data, key: Self.key)
        let instructor = try await WireClient.connect(pool, port: server.port, name: "i")
        let code = try #require(try await instructor.request(["type": "create_room", "key": Self.key, "ruleset": "koreanization"])["room"] as? String)
        for (name, team) in [("Falcon", "rok"), ("Hawk", "usa"), ("Owl", "un")] {
            let student = try await WireClient.connect(pool, port: server.port, name: name)
            #expect(try await student.request(["type": "join", "code": code, "name": name, "team": team])["type"] as? String == "joined")
        }
        await server.kill(SIGTERM)   // a clean stop: no journal left to repair the line from

        // One byte changed in line 3 (of 5 or more): not the last line, so not a torn tail.
        let path = data + "/matches/\(code).jsonl"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
        #expect(newlines.count >= 5)
        bytes[newlines[1] + 1] = UInt8(ascii: "#")
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        server = try await ServerProcess.start(data: data, key: Self.key)
        defer { server.killNow(SIGTERM) }
        let said = server.stderr
        #expect(said.contains("line 3 is not a log record"), "\(said)")
        #expect(!said.contains("the line is skipped"), "the line is not skipped: the room is not reopened")
        #expect(said.contains("listed as stopped") && said.contains("put back a good copy of the log"), "\(said)")
        let rooms = try listed(server.port)
        #expect(rooms.map { $0["code"] as? String } == [code])
        #expect(rooms.first?["state"] as? String == "stopped")
        #expect((rooms.first?["players"] as? [[String: Any]])?.count == 2, "the seats of the lines that read")
        #expect(httpGet(port: server.port, path: "/api/teacher/rooms/\(code)/log", headers: ["Authorization": "Bearer \(Self.key)"]).status == 200)
        let deleted = httpGet(port: server.port, path: "/api/teacher/rooms/\(code)", headers: ["Authorization": "Bearer \(Self.key)"], method: "DELETE")
        #expect(deleted.status == 200)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try listed(server.port).isEmpty)
    }

    @Test func theStrictReaderSaysWhichLineAndDoesNotSayItIsSkipped() throws {
        let lines = [#"{"by":"instructor","format":1,"kind":"match","room":"ABCDEF","seq":0,"t":1}"#, "not json", #"{"kind":"presence","seq":2,"t":2}"#]
        let error = try #require(throws: LogError.self) { try LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).restorable() }
        #expect(error.message.hasPrefix("line 2 is not a log record (") && !error.message.contains("skipped"), "\(error.message)")
        // A replay still skips it, and says so.
        #expect(LogReader(bytes: Array((lines.joined(separator: "\n") + "\n").utf8)).issues.first?.message.hasSuffix("; the line is skipped") == true)
    }
}
