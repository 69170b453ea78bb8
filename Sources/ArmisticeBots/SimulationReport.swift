/// How a batch of simulated games went: what `armistice simulate` prints, and its `--json`.
public struct SimulationReport: Sendable, Codable {
    public struct OutcomeShare: Sendable, Codable {
        public var id: String
        public var name: String
        public var games: Int
        public var share: Double
        /// Of the games that reached this ending, the share whose final state satisfies the ending's `claims`
        /// (nil when the ending declares none).
        public var claimsHold: Double?
    }

    public struct TeamScore: Sendable, Codable {
        public var team: String
        public var mean: Double
        /// Standard deviation over the games.
        public var spread: Double
        public var min: Int
        public var max: Int
        /// The most the team could score: its objectives' and the shared objectives' positive points, plus the best
        /// value seen of each `score:` objective (when above 0).
        public var maximum: Int
        /// The least the team could score: its objectives' and the shared objectives' negative points, plus the worst
        /// value seen of each `score:` objective (when below 0). 0 for a file without negative points or scores.
        public var minimum: Int
        /// Where the mean sits between `minimum` and `maximum`, 0 to 1: `(mean - minimum) / (maximum - minimum)`,
        /// which is `mean / maximum` when nothing can be negative; 0 when the two are equal.
        public var shareOfMaximum: Double
        /// The `score:` objectives whose best (or worst) value seen in these games went into `maximum` (`minimum`):
        /// not a bound worked out from the rules, so another number of games can give another maximum and share.
        public var seenObjectives: [String]? = nil
    }

    public struct Length: Sendable, Codable {
        public var mean: Double
        public var min: Int
        public var max: Int
        /// Games per number of turns played, keyed by that number.
        public var games: [String: Int]
    }

    public struct ActionUse: Sendable, Codable {
        public var team: String
        public var action: String
        public var name: String
        /// Orders of it per game, on average.
        public var perGame: Double
        /// The share of games in which the team ordered it at least once.
        public var gamesUsed: Double
        /// Order records by result (success, failure, refused, lapsed, precondition_failed, ...).
        public var results: [String: Int]
        /// The ruleset's reason why only a human may choose it (`bots_skip`): no bot orders it.
        public var botsSkip: String?
    }

    public struct ConsentRate: Sendable, Codable {
        public var action: String
        public var team: String
        /// Orders that asked this team.
        public var asked: Int
        public var given: Int
        public var refused: Int
        public var givenShare: Double
    }

    public struct ObjectiveRate: Sendable, Codable {
        public var id: String
        public var team: String
        public var text: String
        /// For an if/points objective: the share of games in which it held at the end.
        public var hitShare: Double?
        /// For a score objective: its mean value.
        public var meanScore: Double?
    }

    public var ruleset: String
    public var variant: String?
    public var games: Int
    public var seed: UInt64
    public var bots: [String: String]
    public var outcomes: [OutcomeShare]
    public var meanScores: [String: Double]
    public var meanTurns: Double
    public var scores: [TeamScore]
    public var length: Length
    public var actions: [ActionUse]
    public var consents: [ConsentRate]
    public var objectives: [ObjectiveRate]
    /// Actions no bot chose in any game and whose ruleset gives no `bots_skip` reason, as `team/action`.
    public var neverChosen: [String]
    /// Outcomes no game reached, by id.
    public var outcomesNeverReached: [String]
    /// Outcomes reached in more than `dominantShare` of the games (docs/rulesets.md's rule of thumb), by id.
    public var outcomesAboveRuleOfThumb: [String]
    /// Outcomes whose `claims` held in fewer than `claimsTarget` of the games that reached them, by id.
    public var claimsBelowTarget: [String]
    /// `if`/`points` objectives that held in no game, by id.
    public var objectivesNeverMet: [String]

    /// An outcome reached in more than this share of games is flagged (60%).
    public static let dominantShare = 0.6
    /// An ending's claims should hold in at least this share of the games that reach it (95%).
    public static let claimsTarget = 0.95
}
