/// What shipping to PostgreSQL has done since the node started (for `/metrics`-style logging and the figures in
/// docs/scaling.md).
public struct ShipStatistics: Sendable {
    /// Batches and lines written to PostgreSQL.
    public var batches = 0
    public var lines = 0
    /// Seconds spent writing them (in strict mode, the time the rooms thread waited).
    public var seconds = 0.0
    /// The longest time a line waited from the local commit to PostgreSQL, in seconds.
    public var maxLagSeconds = 0.0
    /// Lines acknowledged locally and not yet in PostgreSQL (shipped mode): what a kill now would lose.
    public var pendingLines = 0
    /// The most lines ever pending at once.
    public var maxPendingLines = 0
    /// Write attempts PostgreSQL refused or could not take (retried in shipped mode).
    public var failures = 0
}
