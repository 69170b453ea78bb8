import ArgumentParser
import ArmisticeCluster
import Foundation
import Logging

/// `armistice serve`'s cluster options: with `--node`, the server is one node of a cluster (docs/scaling.md);
/// without, it is a single node as before.
struct ServeClusterOptions: ParsableArguments {
    @Option(help: "Run as this node of a cluster (needs --code-prefix and --postgres); see docs/scaling.md.")
    var node: String?
    @Option(help: "The start of every join code this node mints: one or two characters of 23456789ABCDEFGHJKMNPQRSTUVWXYZ, different on every node.")
    var codePrefix: String?
    @Option(help: "The cluster's PostgreSQL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $ARMISTICE_POSTGRES).")
    var postgres: String?
    @Option(help: "When match logs reach PostgreSQL: shipped (after the local commit, in the background) or strict (before anything is acknowledged).")
    var durability: String = DurabilityMode.shipped.rawValue
    @Option(help: "Seconds without a heartbeat after which a node is taken for dead and its rooms may be taken over.")
    var deadAfter: Double = 3

    func validate() throws {
        guard let node else {
            guard codePrefix == nil, postgres == nil else { throw ValidationError("--code-prefix and --postgres need --node") }
            return
        }
        guard DurabilityMode(rawValue: durability) != nil else { throw ValidationError("--durability must be shipped or strict") }
        guard deadAfter >= 1 else { throw ValidationError("--dead-after must be at least 1 second") }
        guard let codePrefix else { throw ValidationError("--node needs --code-prefix") }
        guard databaseURL != nil else { throw ValidationError("--node needs --postgres (or ARMISTICE_POSTGRES)") }
        do {
            try PostgresClusterLink.Configuration(node: node, codePrefix: codePrefix.uppercased(), databaseURL: "").validate()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    private var databaseURL: String? {
        postgres ?? ProcessInfo.processInfo.environment["ARMISTICE_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The link to the cluster, connected and migrated; nil without `--node`. Connecting waits for PostgreSQL on a
    /// thread of its own, not on one of the tasks' threads.
    func link(logger: Logger) async throws -> PostgresClusterLink? {
        guard let node, let codePrefix, let url = databaseURL else { return nil }
        var configuration = PostgresClusterLink.Configuration(node: node, codePrefix: codePrefix.uppercased(), databaseURL: url)
        configuration.durability = DurabilityMode(rawValue: durability) ?? .shipped
        configuration.deadAfterSeconds = deadAfter
        let settings = configuration
        let made = await withCheckedContinuation { (c: CheckedContinuation<Result<PostgresClusterLink, ClusterError>, Never>) in
            Thread {
                do throws(ClusterError) { c.resume(returning: .success(try PostgresClusterLink(configuration: settings, logger: logger))) }
                catch { c.resume(returning: .failure(error)) }
            }.start()
        }
        do {
            return try made.get()
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
