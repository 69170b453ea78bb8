import ArmisticeServer

/// One node as the HAProxy generator is told of it: `NAME=HOST:PORT:PREFIX` (e.g. `a=10.0.0.5:8080:A`).
public struct ClusterNodeSpec: Sendable, Hashable {
    public var name: String
    public var host: String
    public var port: Int
    /// The start of the join codes the node mints, which HAProxy routes to it.
    public var prefix: String

    public init(name: String, host: String, port: Int, prefix: String) {
        self.name = name
        self.host = host
        self.port = port
        self.prefix = prefix
    }

    /// Parses `NAME=HOST:PORT:PREFIX`.
    public init(parsing text: String) throws(ClusterError) {
        let bad = ClusterError(.badNodes, "give a node as NAME=HOST:PORT:PREFIX (e.g. a=127.0.0.1:8081:A), not \"\(text.prefix(80))\"")
        guard let eq = text.firstIndex(of: "=") else { throw bad }
        let fields = text[text.index(after: eq)...].split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, let port = Int(fields[1]), (1...65_535).contains(port), !fields[0].isEmpty else { throw bad }
        self.init(name: String(text[..<eq]), host: String(fields[0]), port: port, prefix: String(fields[2]).uppercased())
        try PostgresClusterLink.Configuration(node: name, codePrefix: prefix, databaseURL: "").validate()
    }
}
