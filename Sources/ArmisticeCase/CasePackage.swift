import ArmisticeEngine

/// The teaching material that comes with a scenario, as classroom packages do (learning objectives, a brief per
/// role, a glossary, a timeline, "what happened next", sources, a position-memo prompt and debrief questions).
/// It lives beside the scenario file (`rulesets/NAME.case/case.yaml`), refers to the scenario's team, role and
/// track ids, and is checked against the scenario like the scenario itself: every problem with its line and column.
public struct CasePackage: Sendable, Codable, Hashable {
    /// The format version of case files this module reads.
    public static let format = 1

    /// Where a piece of content comes from: the historical record up to the essay the scenario is built on, what
    /// happened after it, or a game device made up for play.
    public enum Basis: String, Sendable, Codable, Hashable, CaseIterable {
        case history
        case afterEssay = "after_essay"
        case invented

    }

    /// The brief of one role of one team: what a student playing it reads before the class.
    public struct Role: Sendable, Codable, Hashable {
        /// The team's id in the scenario.
        public var team: String
        /// The role's id, one of the team's `roles` in the scenario.
        public var role: String
        public var title: String
        public var brief: String
        /// What this role cares about most, in a few bullet points.
        public var priorities: [String]
        /// What the role may watch for or ask in play.
        public var questions: [String]
        /// Nil when the brief mixes history and game (most do): then it is not labelled.
        public var basis: Basis?
    }

    public struct Term: Sendable, Codable, Hashable {
        public var term: String
        /// The full name, when the term is an acronym.
        public var expansion: String?
        public var meaning: String
        /// The scenario ids (tracks, flags, projects, actions) this term is about.
        public var ids: [String]
        /// Other glossary terms to read with it.
        public var see: [String]
    }

    public struct Dated: Sendable, Codable, Hashable {
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or free text in an invented world: "Season 1").
        public var date: String
        public var text: String
        public var basis: Basis
    }

    public struct Memo: Sendable, Codable, Hashable {
        public var prompt: String
        /// Length and form, e.g. "one page, 400-600 words".
        public var length: String?
        /// The role the student writes as, or for whom.
        public var audience: String?
    }

    public var ruleset: String
    public var title: String
    /// A short paragraph for the instructor: what is history, what is invented, how to use the package.
    public var note: String?
    public var learningObjectives: [String]
    public var roles: [Role]
    public var glossary: [Term]
    /// What happened before play starts (for Koreanization: 2016 to January 2019).
    public var timeline: [Dated]
    /// What happened after the scenario's start, to hand out after play.
    public var whatHappenedNext: [Dated]
    public var sources: [String]
    public var memo: Memo
    /// The scenario's own debrief questions, asked whatever happened in the match.
    public var debriefQuestions: [String]

    /// The languages of the texts, the scenario's (`languages:`): English first, always.
    public var languages: [String] = ["en"]
    /// Per language other than English: each English text of the package and its translation (see `localized(to:)`).
    public var translations: [String: [String: String]] = [:]
    /// Texts that lack one of the scenario's languages, with their place: English stands in, and `ruleset check` fails.
    public var missingTranslations: [Diagnostic] = []

    /// The JSON (the report's, for the browser) carries the translations; missing ones are for `ruleset check` only.
    enum CodingKeys: String, CodingKey {
        case ruleset, title, note, learningObjectives, roles, glossary, timeline, whatHappenedNext, sources, memo, debriefQuestions
        case languages, translations
    }

    /// The briefs of one team's roles, in the package's order.
    public func roles(of team: String) -> [Role] { roles.filter { $0.team == team } }
}
