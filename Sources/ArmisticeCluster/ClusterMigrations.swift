import Foundation
import Logging
import PostgresNIO

/// The schema's migrations, kept in `Migrations/` and embedded in the binary, applied in order at a node's start
/// under an advisory lock (three nodes starting together apply each once). Applied versions are in
/// `armistice_migrations`.
enum ClusterMigrations {
    /// Version → SQL (statements separated by `;` at a line's end).
    static let all: [(version: Int, sql: String)] = [
        (1, String(decoding: PackageResources.m001_directory_and_logs_sql, as: UTF8.self)),
    ]

    /// An arbitrary key for `pg_advisory_lock`, the same on every node.
    static let lockKey = 7_317_001

    /// Applies what is missing; returns the versions it applied.
    static func apply(on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
        do {
            try await connection.query("CREATE TABLE IF NOT EXISTS armistice_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query("SELECT version FROM armistice_migrations", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            var done: [Int] = []
            for migration in all where !applied.contains(migration.version) {
                try await connection.query("BEGIN", logger: logger)
                do {
                    for statement in statements(migration.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO armistice_migrations (version) VALUES (\(migration.version))", logger: logger)
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
                done.append(migration.version)
            }
            try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            return done
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            throw error
        }
    }

    /// A migration's statements: split at `;` ending a line, comment lines dropped.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("--") || trimmed.isEmpty { continue }
            current += line + "\n"
            if trimmed.hasSuffix(";") {
                statements.append(String(current.trimmingCharacters(in: .whitespacesAndNewlines).dropLast()))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
