import Foundation
import Testing
@testable import ArmisticeServer

/// The rooms thread's cluster hooks (`RoomExecutor+Cluster`), with two nodes sharing an in-memory store: codes carry
/// the node's prefix, every acknowledged line is in the shared log, a dead node's room goes on on another node, and
/// a node that lost a room to another lets it go instead of acknowledging what the cluster refused.
@Suite(.serialized) struct ClusterHookTests {
    static func node(_ cluster: MemoryCluster, _ name: String, prefix: String, data: String? = nil) throws -> LiveServer {
        try LiveServer(data: data) { $0.cluster = MemoryClusterLink(cluster, node: name, prefix: prefix) }
    }

    @Test(.timeLimit(.minutes(1))) func aDeadNodesRoomGoesOnOnAnotherNodeWithEverythingAcknowledged() async throws {
        let cluster = MemoryCluster()
        let a = try Self.node(cluster, "a", prefix: "A")
        let b = try Self.node(cluster, "b", prefix: "B")
        defer { a.stop(); b.stop() }
        let instructor = try await a.client("instructor")
        let created = try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": 3])
        let code = try #require(created["room"] as? String)
        #expect(code.hasPrefix("A") && code.count == Secrets.codeLength)
        let kim = try await a.client("kim")
        let token = try #require(try await kim.request(["type": "join", "code": code, "name": "Kim", "team": "dprk"])["token"] as? String)
        #expect(try await kim.request(["type": "chat", "channel": "all", "text": "saved"])["type"] as? String == "ack")
        #expect(cluster.log(code) == a.server.logLines(code), "every acknowledged line is in the shared log")

        // While node a is up, node b does not take its room: the client hears to try again.
        let early = try await b.client("kim at b")
        #expect(try await early.request(["type": "resume", "token": token])["code"] as? String == "storage_unavailable")

        // Node a dies: its room goes on on node b, with what it acknowledged.
        cluster.setUp("a", false)
        let back = try await b.client("kim again")
        let resumed = try await back.request(["type": "resume", "token": token])
        #expect(resumed["type"] as? String == "resumed", "\(resumed)")
        let snapshot = try await back.waitFor { $0["type"] as? String == "snapshot" }
        #expect((snapshot["chat"] as? [[String: Any]] ?? []).map { $0["text"] as? String } == ["saved"])
        #expect(try await back.request(["type": "chat", "channel": "all", "text": "on b"])["type"] as? String == "ack")
        #expect(cluster.owner(code) == "b")
        #expect(b.server.logLines(code) == cluster.log(code), "node b's local log is the shared one")

        // Node a is still running (a partition, not a death): what it would write now is refused by the cluster, so
        // it lets the room go, closes its connections and acknowledges nothing.
        let refused = try? await kim.request(["type": "chat", "channel": "all", "text": "lost on a"], timeout: .seconds(3))
        #expect(refused == nil)
        #expect(kim.closed != nil)
        #expect(!cluster.log(code).contains { $0.contains("lost on a") })
    }

    @Test(.timeLimit(.minutes(1))) func aNodeThatComesBackDropsItsStaleCopyAndTakesItsRoomBack() async throws {
        let cluster = MemoryCluster()
        var a = try Self.node(cluster, "a", prefix: "A")
        let b = try Self.node(cluster, "b", prefix: "B")
        defer { b.stop() }
        let instructor = try await a.client("instructor")
        let code = try #require(try await instructor.request(["type": "create_room", "key": LiveServer.key, "ruleset": "koreanization", "seed": 4])["room"] as? String)
        let kim = try await a.client("kim")
        let token = try #require(try await kim.request(["type": "join", "code": code, "name": "Kim", "team": "dprk"])["token"] as? String)
        a.stop()
        cluster.setUp("a", false)

        // Node b goes on with the room while node a is down.
        let atB = try await b.client("kim at b")
        #expect(try await atB.request(["type": "resume", "token": token])["type"] as? String == "resumed")
        #expect(try await atB.request(["type": "chat", "channel": "all", "text": "said on b"])["type"] as? String == "ack")

        // Node a comes back: it does not serve its stale copy; the room's clients, sent to it again, get the room
        // as node b left it, and node b lets its copy go at its next write.
        a = try Self.node(cluster, "a", prefix: "A", data: a.data)
        defer { a.stop() }
        #expect(a.server.recovery.resumed.isEmpty, "the stale copy is let go at start")
        let home = try await a.client("kim home")
        #expect(try await home.request(["type": "resume", "token": token])["type"] as? String == "resumed")
        let snapshot = try await home.waitFor { $0["type"] as? String == "snapshot" }
        #expect((snapshot["chat"] as? [[String: Any]] ?? []).map { $0["text"] as? String } == ["said on b"])
        #expect(cluster.owner(code) == "a")
        let late = try? await atB.request(["type": "chat", "channel": "all", "text": "late on b"], timeout: .seconds(3))
        #expect(late == nil)
        #expect(!cluster.log(code).contains { $0.contains("late on b") })
        #expect(a.server.logLines(code) == cluster.log(code))
    }

    @Test func aSingleNodeMintsCodesWithoutAPrefix() throws {
        var rng = SystemRandomNumberGenerator()
        #expect(Secrets.joinCode(using: &rng).count == Secrets.codeLength)
        let prefixed = Secrets.joinCode(prefix: "K7", using: &rng)
        #expect(prefixed.hasPrefix("K7") && prefixed.count == Secrets.codeLength)
    }
}

extension RoomServer {
    /// A room's local log as lines.
    func logLines(_ code: String) -> [String] {
        ((try? String(contentsOfFile: logPath(code), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
