import ArmisticeServer
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The cluster's PostgreSQL: a `PostgresClient` pool run on its own task, with blocking calls for the rooms thread
/// (a plain thread, never a task: it may wait).
final class ClusterDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// `url`: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (no TLS: PostgreSQL on a private network).
    init(url: String, logger: Logger) throws(ClusterError) {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty else {
            throw ClusterError(.badDatabaseURL, "give PostgreSQL as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, not \"\(url.prefix(80))\"")
        }
        let database = parts.path.hasPrefix("/") && parts.path.count > 1 ? String(parts.path.dropFirst()) : user
        var configuration = PostgresClient.Configuration(host: host, port: parts.port ?? 5432, username: user,
                                                         password: parts.password, database: database, tls: .disable)
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(3)
        // A statement PostgreSQL cannot finish in 5 s fails instead of holding the rooms thread (strict mode).
        configuration.options.additionalStartupParameters = [("statement_timeout", "5000")]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Runs `work` on the pool and waits for it, from a thread that is not a task.
    func wait<T: Sendable>(_ work: @Sendable @escaping (PostgresClient) async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<T, any Error>?>(nil)
        let client = client
        Task {
            let r: Result<T, any Error>
            do { r = .success(try await work(client)) } catch { r = .failure(error) }
            result.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    /// Applies the migrations in `Migrations/` that this database lacks (waiting up to `timeout` seconds for it to
    /// come up).
    func migrate(timeout: Double) throws(ClusterError) -> [Int] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do {
                let logger = logger
                return try wait { client in try await client.withConnection { try await ClusterMigrations.apply(on: $0, logger: logger) } }
            } catch {
                guard Date() < deadline else {
                    throw ClusterError(.databaseUnavailable, "PostgreSQL cannot be used: \(String(reflecting: error).prefix(300))")
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }
}
