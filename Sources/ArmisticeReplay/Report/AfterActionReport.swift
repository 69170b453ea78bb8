import ArmisticeLocale
import ArmisticeCase
import ArmisticeEngine
import ArmisticeLog

/// Everything an after-action review shows, worked out once from a replay: the outcome and scores, every track per
/// turn, the timeline with who saw what, objectives, chat, and (for the browser viewer) the engine's view of every
/// step for every viewpoint. Encoded as JSON it is what `armistice report --format json` prints and the viewer reads;
/// HTML and CSV are rendered from it.
public struct AfterActionReport: Sendable, Codable {
    /// This structure's version, for the browser viewer: 2 since the views are written as a table of their parts
    /// (`ViewTable`); the viewer reads 1 too.
    public static let format = 2

    public struct Match: Sendable, Codable {
        public var room: String?
        public var ruleset: String
        public var title: String
        public var summary: String
        public var rulesetVersion: String
        public var rulesetHash: String
        public var seed: UInt64
        public var turns: Int
        public var turnsPlayed: Int
        public var phase: String
        /// Milliseconds since 1970: the header's time and the last record's.
        public var started: Int64
        public var ended: Int64
        public var logFormat: Int
        public var verified: Bool
        public var hashesChecked: Int
        public var hashesMatched: Int
        public var inputs: Int
        public var finalHash: String
        public var issues: [LogIssue]
        /// The seq of the log's last record: a verified log has every record from seq 1 to it.
        public var lastSeq: Int? = nil
        /// The line of the last hash line when every line up to it is proved as the server wrote it (each hash line's
        /// `lines_hash` matched: docs/match-log.md); nil for a log written before `lines_hash`, or with a line changed.
        public var linesProvedThrough: Int? = nil
    }

    public struct Outcome: Sendable, Codable {
        public var id: String
        public var name: String
        public var text: String
        public var reason: String
        public var scores: [String: Int]
    }

    public struct Objective: Sendable, Codable {
        public var id: String
        public var text: String
        public var points: Int
        public var met: Bool?
    }

    public struct Team: Sendable, Codable {
        public var id: String
        public var name: String
        public var colour: String
        public var score: Int?
        public var objectives: [Objective]
        /// The students who played it (names from the log's join records).
        public var players: [String]
        /// The turns in which a bot gave the team's orders (its bot seat, or the room's absent rule), if any.
        public var botTurns: [Int]? = nil
    }

    /// One track's value at the start (turn 0) and at the end of every turn played.
    public struct Track: Sendable, Codable {
        public var id: String
        public var name: String
        public var description: String
        public var min: Int
        public var max: Int
        /// Visible to everyone from the start (the ruleset's visibility).
        public var `public`: Bool
        /// The viewpoints that saw this track by the end (instructor, observer, team ids).
        public var seenBy: [String]
        /// Named levels, by threshold.
        public var levels: [String: String]?
        public var values: [Int]
    }

    public struct Entry: Sendable, Codable {
        public var kind: String
        public var text: String
        /// The viewpoints that saw it.
        public var seenBy: [String]
        /// For effects: what changed (a track, flag or project id), from and to, and the cause (`action:ID`,
        /// `event:ID`, `upkeep`), so a page can group the upkeep's slow changes instead of listing each one.
        public var target: String?
        public var from: Int?
        public var to: Int?
        public var cause: String?
    }

    /// One input of the match, and what followed from it.
    public struct Step: Sendable, Codable {
        public var index: Int
        public var line: Int
        public var seq: Int
        public var t: Int64
        public var turn: Int
        public var phase: String
        public var by: String
        public var who: String
        public var type: String?
        public var text: String
        /// The viewpoints that saw the input being given.
        public var seenBy: [String]
        public var refused: String?
        public var records: [Entry]
        /// Per viewpoint: the index in `views` of its view after this step (absent without `views`).
        public var views: [String: Int]?
    }

    public struct Chat: Sendable, Codable {
        public var line: Int
        public var seq: Int
        public var t: Int64
        public var step: Int
        public var turn: Int
        public var by: String
        public var name: String
        public var channel: String
        public var channelName: String
        public var text: String
        public var seenBy: [String]
    }

    /// A change to the room's seats, its door or its clock (a seat removed or moved, a bot put on a team or taken off,
    /// joining closed or opened, a seat joining mid-match, the clock paused, resumed or extended, or running on after a
    /// restart): the instructor's, seen by every viewpoint (the roster and the clock showed it).
    public struct SeatChange: Sendable, Codable {
        public var line: Int
        public var seq: Int
        public var t: Int64
        /// The index of the last step before it.
        public var step: Int
        public var turn: Int
        public var phase: String
        /// `removed`, `moved`, `bot`, `bot_off`, `joined`, `joining_closed`, `joining_opened`, `paused`, `resumed`,
        /// `extended` or `restarted`.
        public var kind: String
        public var by: String
        public var who: String
        public var text: String
    }

    public var format: Int = Self.format
    public var match: Match
    public var outcome: Outcome?
    public var teams: [Team]
    /// The viewpoints: instructor, observer, then every team id.
    public var viewpoints: [String]
    /// The x axis of the track charts: 0 (the start), then every turn played.
    public var turns: [Int]
    public var dates: [String]
    public var tracks: [Track]
    public var steps: [Step]
    /// Nil when left out (`--no-chat`).
    public var chat: [Chat]?
    /// The room's seat and door changes, in log order (nil in reports made before they were kept).
    public var seatChanges: [SeatChange]?
    /// The engine's views (record history left out: `steps[].records` hold it), shared between steps and viewpoints.
    public var views: [GameView]?
    /// The match told for the debrief (instructor's eyes). Nil in reports made before it existed.
    public var story: Story?
    /// The scenario's case package, when one was found beside the scenario.
    public var casePackage: CasePackage?
    /// The language its texts are in (`ko`); absent: English. Presentation only: the match is the same.
    public var language: String?

    /// The report's language, English when none is named.
    public var lang: Language { Language(parsing: language) }
}
