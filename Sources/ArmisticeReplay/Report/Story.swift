/// The match told as a story for the debrief, worked out from the replay: what each turn did in plain words, the
/// turning points (each with the moment to open in the replay viewer), each team's plan beside what became of it,
/// why each objective was met or missed, and questions to discuss drawn from this match. Instructor's eyes: it names
/// covert orders and hidden tracks, so a handout for students leaves it out.
public struct Story: Sendable, Codable {
    public struct TurnSummary: Sendable, Codable {
        public var turn: Int
        public var date: String
        public var text: String
        /// The step at the end of the turn, and its seq (a moment for the viewer).
        public var step: Int
        public var seq: Int
    }

    public struct TurningPoint: Sendable, Codable {
        /// `swing`, `blocked`, `deal`, `near_miss`, `decided` or `ending`.
        public var kind: String
        public var turn: Int
        public var title: String
        public var text: String
        public var step: Int
        public var seq: Int
        /// The track it is about, when there is one, with its value before and after.
        public var track: String?
        public var from: Int?
        public var to: Int?
    }

    public struct PlanTurn: Sendable, Codable {
        public var turn: Int
        public var date: String
        /// The orders and consent decisions the team had drafted when the turn was resolved.
        public var planned: [String]
        /// How many times the team changed its draft in the turn.
        public var revisions: Int
        /// The deals it proposed or was party to this turn, and what became of them.
        public var deals: [String]
        /// What became of each order (its own and those a deal committed it to).
        public var happened: [String]
        /// The tracks its own actions moved this turn, net.
        public var moved: [String]
    }

    public struct ObjectiveReview: Sendable, Codable {
        public var id: String
        public var text: String
        public var points: Int
        public var met: Bool?
        /// Why: the end values it depends on, and when it was met or lost.
        public var why: String
    }

    public struct TeamStory: Sendable, Codable {
        public var team: String
        public var turns: [PlanTurn]
        public var objectives: [ObjectiveReview]
    }

    public struct Question: Sendable, Codable {
        public var text: String
        /// `match` (drawn from what happened) or `scenario` (the case package's own).
        public var source: String
        public var turn: Int?
        public var step: Int?
        public var seq: Int?
    }

    public var turns: [TurnSummary]
    public var turningPoints: [TurningPoint]
    public var teams: [TeamStory]
    public var questions: [Question]
    /// The turn from whose end the ending no longer changed, if the match has one.
    public var decidedTurn: Int?
}
