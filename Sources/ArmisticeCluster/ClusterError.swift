/// A node that cannot join its cluster, with a stable code.
public struct ClusterError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The PostgreSQL URL cannot be used.
        case badDatabaseURL = "cluster_bad_database_url"
        /// PostgreSQL could not be reached or refused the schema.
        case databaseUnavailable = "cluster_database_unavailable"
        /// A node list or code prefix that cannot be used.
        case badNodes = "cluster_bad_nodes"
    }
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
