import ArmisticeErrors

/// Why a cluster link refused a room's lines or a takeover.
public typealias ClusterRefusal = CodedError<ClusterRefusalCode>

/// The codes of `ClusterRefusal`.
public enum ClusterRefusalCode: String, ErrorCodeSet {
    /// Another node wrote the room's next line: it owns the room now, and this node must let it go.
    case fenced = "cluster_fenced"
    /// The shared store could not be reached or refused the write: the room waits, as on a full disk.
    case unavailable = "cluster_unavailable"
    /// The room is held by a node that is still up: a client reached the wrong node.
    case ownerAlive = "cluster_owner_alive"
}
