/// When a batch's log lines reach PostgreSQL, relative to the acknowledgement (see docs/scaling.md).
public enum DurabilityMode: String, Sendable, CaseIterable {
    /// After the local group commit, in the background: the acknowledgement waits only for the local journal.
    /// A node that dies loses, for the rooms the backup takes over, what it acknowledged but had not shipped yet.
    case shipped
    /// Committed to PostgreSQL before any message of the batch is sent: nothing acknowledged is lost with a node.
    case strict
}
