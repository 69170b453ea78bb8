/// A room's rule for a team whose students are all offline when orders are due.
public enum AbsentPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// The team's draft counts as it stands (it may be empty).
    case nothing
    /// The team gives no orders this turn: its draft is emptied and locked.
    case hold
    /// The greedy bot plays the team's turn (drafts and locks); a student who comes back plays the next one.
    case bot
}
