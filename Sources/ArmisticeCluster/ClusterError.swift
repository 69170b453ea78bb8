import ArmisticeErrors

/// A node that cannot join its cluster, with a stable code.
public typealias ClusterError = CodedError<ClusterErrorCode>

/// The codes of `ClusterError`.
public enum ClusterErrorCode: String, ErrorCodeSet {
    /// The PostgreSQL URL cannot be used.
    case badDatabaseURL = "cluster_bad_database_url"
    /// PostgreSQL could not be reached or refused the schema.
    case databaseUnavailable = "cluster_database_unavailable"
    /// A node list or code prefix that cannot be used.
    case badNodes = "cluster_bad_nodes"
}
