import Synchronization
import Foundation
@testable import ArmisticeServer

/// A cluster's shared store in memory, for testing the rooms thread's cluster hooks without PostgreSQL: the same
/// promises as `PostgresClusterLink` (a room's lines are appended only at the shared log's end; a room held by a
/// node that is up is not handed over, except to the node whose prefix starts its code).
/// `@unchecked Sendable`: every field is touched under `lock`.
final class MemoryCluster: @unchecked Sendable {
    private let lock = NSLock()
    private var logs: [String: [String]] = [:]
    private var owners: [String: String] = [:]
    private var up: Set<String> = []

    func setUp(_ node: String, _ isUp: Bool) { lock.withLock { if isUp { up.insert(node) } else { up.remove(node) } } }
    func log(_ room: String) -> [String] { lock.withLock { logs[room] ?? [] } }
    func owner(_ room: String) -> String? { lock.withLock { owners[room] } }

    func append(_ room: String, start: Int, lines: [String], node: String) -> ClusterRefusal? {
        lock.withLock {
            guard logs[room, default: []].count == start else { return ClusterRefusal(.fenced, "\(room) has \(logs[room, default: []].count) lines, not \(start)") }
            logs[room, default: []] += lines
            if owners[room] == nil { owners[room] = node }
            return nil
        }
    }

    func takeOver(_ room: String, node: String, prefix: String) throws(ClusterRefusal) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        guard let log = logs[room], let owner = owners[room] else { return nil }
        if owner != node, up.contains(owner), !room.hasPrefix(prefix) { throw ClusterRefusal(.ownerAlive, "\(owner) is up") }
        owners[room] = node
        return log
    }
}

/// One node's link to a `MemoryCluster`, called from every rooms thread of the node (each for its own rooms).
final class MemoryClusterLink: ClusterLink, Sendable {
    let cluster: MemoryCluster
    let node: String
    let codePrefix: String
    private let positions = Mutex<[String: Int]>([:])

    init(_ cluster: MemoryCluster, node: String, prefix: String) {
        self.cluster = cluster
        self.node = node
        codePrefix = prefix
        cluster.setUp(node, true)
    }

    func ship(_ lines: [CoreOutput.LogAppend], local: MatchStore) -> [String: ClusterRefusal] {
        var refusals: [String: ClusterRefusal] = [:]
        for room in Set(lines.map(\.room)) {
            let mine = lines.filter { $0.room == room }.map(\.line)
            let start = positions.withLock { $0[room] } ?? (local.lines(room).count - mine.count)
            if let refusal = cluster.append(room, start: start, lines: mine, node: node) {
                refusals[room] = refusal
                positions.withLock { $0[room] = nil }
            } else {
                positions.withLock { $0[room] = start + mine.count }
            }
        }
        return refusals
    }

    func takeOver(_ code: String) throws(ClusterRefusal) -> [String]? {
        let lines = try cluster.takeOver(code, node: node, prefix: codePrefix)
        if let lines { positions.withLock { $0[code] = lines.count } }
        return lines
    }

    func stale(_ local: [String: Int]) -> Set<String> {
        Set(local.keys.filter { cluster.owner($0).map { $0 != node } ?? false })
    }
}
