import ArgumentParser
import ArmisticeCluster
import Foundation

/// `armistice cluster`: tools for running several nodes behind HAProxy (docs/scaling.md).
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Tools for several nodes behind HAProxy with PostgreSQL (see docs/scaling.md).",
        subcommands: [HAProxyConfigCommand.self])
}

/// `armistice cluster haproxy-config`: prints the HAProxy configuration that routes each room to its node.
struct HAProxyConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haproxy-config",
        abstract: "Print an haproxy.cfg routing each join code to its node, with the next node in the list as its backup.")

    @Option(name: .customLong("node"), help: "A node as NAME=HOST:PORT:PREFIX, once per node, in backup order (each node backs up the one before it).")
    var nodes: [String] = []
    @Option(help: "Where HAProxy listens, HOST:PORT.") var bind = "0.0.0.0:8080"
    @Option(help: "Milliseconds between health checks (a node is down after two failed ones).") var checkIntervalMs = 500
    @Option(help: "Also serve HAProxy's statistics page here, HOST:PORT.") var stats: String?
    @Option(help: "HAProxy's maxconn (default: derived by HAProxy from its open-file limit).") var maxConnections: Int?
    @Option(help: "Resolve node names with this DNS server while running, HOST:PORT (Docker's is 127.0.0.11:53).") var resolver: String?
    @Option(help: "Write the configuration to this file instead of standard output.") var output: String?

    func validate() throws {
        guard !nodes.isEmpty else { throw ValidationError("give each node with --node NAME=HOST:PORT:PREFIX") }
        guard (50...60_000).contains(checkIntervalMs) else { throw ValidationError("--check-interval-ms must be between 50 and 60000") }
    }

    func run() throws {
        do {
            var config = try HAProxyConfig(nodes: try nodes.map { text throws(ClusterError) in try ClusterNodeSpec(parsing: text) }, bind: bind)
            config.checkIntervalMs = checkIntervalMs
            config.statsBind = stats
            config.resolver = resolver
            config.maxConnections = maxConnections
            let text = config.render()
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                print(text, terminator: "")
            }
        } catch let error as ClusterError {
            throw ValidationError(error.description)
        }
    }
}
