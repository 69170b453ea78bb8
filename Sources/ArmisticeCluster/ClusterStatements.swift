import ArmisticeServer
import Foundation
import PostgresNIO

/// The SQL a node runs against the cluster's PostgreSQL (schema: `Migrations/`). Each call is one round trip or
/// two, and maps PostgreSQL's answer to a `ClusterRefusal` where a room is concerned.
enum ClusterStatements {
    /// Writes several rooms' next lines, the rooms in parallel (each as `append` does); a room's refusal, or nil when
    /// its lines are written.
    static func append(_ batches: [ShipQueue.Batch], node: String, client: PostgresClient) async -> [String: ClusterRefusal?] {
        await withTaskGroup(of: (String, ClusterRefusal?).self) { group in
            for b in batches {
                group.addTask {
                    do throws(ClusterRefusal) {
                        try await append(room: b.room, start: b.start, lines: b.lines, node: node, client: client)
                        return (b.room, nil)
                    } catch {
                        return (b.room, error)
                    }
                }
            }
            var results: [String: ClusterRefusal?] = [:]
            for await (room, refusal) in group { results[room] = refusal }
            return results
        }
    }

    /// Writes one room's next lines as lines `start…` of its log, all or none, only if the shared log has exactly
    /// `start` lines: a node that lost the room to another finds the next number taken and is refused (`fenced`).
    /// Line 0 also puts the room in the directory, as this node's.
    static func append(room: String, start: Int, lines: [String], node: String, client: PostgresClient) async throws(ClusterRefusal) {
        guard !lines.isEmpty else { return }
        do {
            if start == 0 {
                let owner = ownerOfHeader(lines[0])
                try await client.query("INSERT INTO armistice_rooms (code, node, owner) VALUES (\(room), \(node), \(owner)) ON CONFLICT (code) DO NOTHING")
            }
            let rows = try await client.query("""
                INSERT INTO armistice_log_lines (room, line_no, line)
                SELECT \(room), \(start) + t.n - 1, t.l FROM unnest(\(lines)::text[]) WITH ORDINALITY AS t(l, n)
                WHERE coalesce((SELECT max(line_no) + 1 FROM armistice_log_lines WHERE room = \(room)), 0) = \(start)
                RETURNING line_no
                """)
            var written = 0
            for try await _ in rows { written += 1 }
            guard written == lines.count else {
                throw ClusterRefusal(.fenced, "room \(room)'s shared log does not end at line \(start): another node wrote it")
            }
        } catch let refusal as ClusterRefusal {
            throw refusal
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw ClusterRefusal(.fenced, "room \(room)'s line \(start) was written by another node")
        } catch {
            throw ClusterRefusal(.unavailable, "PostgreSQL: \(String(reflecting: error).prefix(200))")
        }
    }

    /// How many lines the shared log of a room has.
    static func lineCount(room: String, client: PostgresClient) async throws -> Int {
        let rows = try await client.query("SELECT coalesce(max(line_no) + 1, 0) FROM armistice_log_lines WHERE room = \(room)")
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// The directory's entry for a room: its node and how many seconds ago that node was last heard of (nil: never).
    static func owner(of room: String, client: PostgresClient) async throws -> (node: String, silentSeconds: Double?)? {
        let rows = try await client.query("""
            SELECT r.node, extract(epoch FROM now() - n.last_seen)::float8
            FROM armistice_rooms r LEFT JOIN armistice_nodes n ON n.name = r.node WHERE r.code = \(room)
            """)
        for try await (node, silent) in rows.decode((String, Double?).self) { return (node, silent) }
        return nil
    }

    /// Moves a room to `node` if `from` still holds it; false when another node moved it first.
    static func claim(room: String, from: String, for node: String, client: PostgresClient) async throws -> Bool {
        let rows = try await client.query("""
            UPDATE armistice_rooms SET node = \(node), moved_at = now() WHERE code = \(room) AND node = \(from) RETURNING code
            """)
        for try await _ in rows { return true }
        return false
    }

    /// Every line of a room's shared log, in order; throws if a line is missing.
    static func lines(of room: String, client: PostgresClient) async throws -> [String] {
        let rows = try await client.query("SELECT line_no, line FROM armistice_log_lines WHERE room = \(room) ORDER BY line_no")
        var lines: [String] = []
        for try await (number, line) in rows.decode((Int, String).self) {
            guard number == lines.count else { throw ClusterRefusal(.unavailable, "room \(room)'s shared log has no line \(lines.count)") }
            lines.append(line)
        }
        return lines
    }

    /// Says this node is up (every heartbeat).
    static func heartbeat(node: String, prefix: String, client: PostgresClient) async throws {
        try await client.query("""
            INSERT INTO armistice_nodes (name, code_prefix, last_seen) VALUES (\(node), \(prefix), now())
            ON CONFLICT (name) DO UPDATE SET code_prefix = excluded.code_prefix, last_seen = now()
            """)
    }

    /// The rooms of `codes` that this node must not keep from its local logs: held by another node in the
    /// directory, or with more shared lines than the local log has (another node went on with them).
    static func stale(_ local: [String: Int], node: String, client: PostgresClient) async throws -> Set<String> {
        guard !local.isEmpty else { return [] }
        let codes = Array(local.keys)
        let rows = try await client.query("""
            SELECT r.code, r.node, (SELECT coalesce(max(line_no) + 1, 0) FROM armistice_log_lines l WHERE l.room = r.code)
            FROM armistice_rooms r WHERE r.code = ANY(\(codes))
            """)
        var stale: Set<String> = []
        for try await (code, holder, shared) in rows.decode((String, String, Int).self) {
            if holder != node || shared > local[code, default: 0] { stale.insert(code) }
        }
        return stale
    }

    /// The teacher who created the room, from its log's header line (nil for the instructor key).
    static func ownerOfHeader(_ line: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["owner"] as? String
    }
}
