/// A loaded, fully checked scenario. Built only by `RulesetLoader`; never half-loaded.
public struct Ruleset: Sendable {
    public var format: Int
    public var id: String
    public var title: String
    public var version: String
    public var summary: String
    public var sources: [String]
    public var calendar: Calendar
    /// Default durations in seconds, per phase.
    public var phaseDurations: [Phase: Int]
    public var teams: [Team]
    public var tracks: [Track]
    public var flags: [Flag]
    public var projects: [Project]
    public var actions: [Action]
    public var events: [Event]
    public var upkeep: [Statement]
    public var objectives: [Objective]
    public var outcomes: [Outcome]
    /// SHA-256 of the file's text, as hex: names the exact rules a match was played with (with `variant`).
    public var sourceHash: String
    /// The variant these rules were loaded as (its overrides applied), or nil for the base rules.
    public var variant: String?
    /// Every variant the file offers, whichever one was loaded.
    public var variants: [Variant] = []
    /// Bot policies pinned per team id by the file (`bots:`), for simulations and bot seats.
    public var botPolicies: [String: String] = [:]
    /// The scenario's map (`map:`), if it draws one.
    public var map: Map?

    /// The languages the file's texts are written in (`languages:`): English first, always.
    public var languages: [String] = ["en"]
    /// Per declared language other than English: each English text of the file and its translation.
    /// Presentation only: nothing the engine decides or hashes reads it (see `localized(to:)`).
    public var translations: [String: [String: String]] = [:]
    /// Shown texts the file leaves without a declared language (English stands in); `ruleset check` lists them.
    public var missingTranslations: [Diagnostic] = []
    /// What `ruleset check` warns of: things the file allows that can never happen (see `RulesetBuilder+Warnings`).
    public var warnings: [Diagnostic] = []

    /// The most turns a match may have: a ruleset's calendar, and a room's `turns` setting.
    public static let maxTurns = 100
    /// The names `bots:` may use; ArmisticeBots implements each one.
    public static let botPolicyNames = ["greedy", "random", "block-all", "approve-all", "idle"]

    /// A named set of overrides the file offers, chosen when a room is created.
    public struct Variant: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var description: String
    }

    public struct Calendar: Sendable {
        public var turns: Int
        public var turnLength: String
        public var start: String
        public var monthsPerTurn: Int?
        public var randomEventsPerTurn: Int
        public var randomEventChance: Int
    }

    public struct Team: Sendable {
        public var id: String
        public var name: String
        public var colour: String
        public var brief: String
        public var roles: [String]
        public var budget: Expr
        /// The budget's formula as written (nil for a plain number), for `ruleset show`.
        public var budgetText: String? = nil
    }

    /// Who may see something: everyone, or a set of teams (a bit mask over team indices). The instructor sees all.
    public struct Visibility: Sendable, Hashable {
        public var mask: UInt32
        public static let everyone = Visibility(mask: .max)
        public func includes(team: Int) -> Bool { mask & (1 << UInt32(team)) != 0 }
        public var isEveryone: Bool { mask == .max }
    }

    public struct Track: Sendable {
        public var id: String
        public var name: String
        public var description: String
        public var min: Int
        public var max: Int
        public var start: Int
        public var visibility: Visibility
        public var levels: [Int: String]
        /// The name of the level at or below `value`, if levels are named.
        public func levelName(at value: Int) -> String? {
            levels.keys.filter { $0 <= value }.max().flatMap { levels[$0] }
        }
    }

    public struct Flag: Sendable {
        public var id: String
        public var name: String
        public var start: Bool
        public var visibility: Visibility
    }

    public struct Project: Sendable {
        public var id: String
        public var name: String
        public var statuses: [String]
        public var start: Int
        public var visibility: Visibility
    }

    public struct Parameter: Sendable {
        public enum Kind: String, Sendable { case number, team, project }
        public var id: String
        public var kind: Kind
        /// Allowed team or project indices (for team and project parameters).
        public var choices: [Int]
        public var min: Int
        public var max: Int
        /// What a person reads for the parameter (`label:`), when the file gives one; else clients show the id.
        public var label: String? = nil
    }

    public struct Requirement: Sendable {
        public var condition: Expr
        public var text: String
        public var reason: String
    }

    public struct Consent: Sendable {
        public enum Rule: String, Sendable { case veto, all }
        public var from: [Int]
        public var rule: Rule
    }

    public struct Modifier: Sendable {
        public var condition: Expr
        public var add: Int
        public var reason: String
    }

    public struct Message: Sendable {
        public var to: Visibility
        public var text: String
    }

    /// An action a team can order. A class: it is shared, never copied, by every state and order that refers to it.
    public final class Action: Sendable {
        public let id: String
        public let teams: [Int]
        public let name: String
        public let description: String
        public let cost: Int
        public let covert: Bool
        public let repeatable: Bool
        public let parameters: [Parameter]
        public let requirements: [Requirement]
        /// Checked when the order's effects are about to apply, against the state as resolved so far this turn
        /// (not the state at the start of adjudication); if one fails the order lapses. Empty in most actions.
        public let guards: [Requirement]
        public let consent: Consent?
        public let chance: Int?
        public let modifiers: [Modifier]
        public let effects: [Statement]
        public let failureEffects: [Statement]
        public let news: String?
        public let failureNews: String?
        public let intel: [Message]
        public let failureIntel: [Message]
        /// The designer's reason why only a human may choose this action (`bots_skip:`): no bot orders it, and simulate does not flag it.
        public let botsSkip: String?

        init(id: String, teams: [Int], name: String, description: String, cost: Int, covert: Bool, repeatable: Bool, parameters: [Parameter], requirements: [Requirement], guards: [Requirement] = [], consent: Consent?, chance: Int?, modifiers: [Modifier], effects: [Statement], failureEffects: [Statement], news: String?, failureNews: String?, intel: [Message], failureIntel: [Message], botsSkip: String? = nil) {
            self.id = id
            self.teams = teams
            self.name = name
            self.description = description
            self.cost = cost
            self.covert = covert
            self.repeatable = repeatable
            self.parameters = parameters
            self.requirements = requirements
            self.guards = guards
            self.consent = consent
            self.chance = chance
            self.modifiers = modifiers
            self.effects = effects
            self.failureEffects = failureEffects
            self.news = news
            self.failureNews = failureNews
            self.intel = intel
            self.failureIntel = failureIntel
            self.botsSkip = botsSkip
        }
    }

    public struct Event: Sendable {
        public enum Kind: Sendable, Hashable {
            case scripted(turns: [Int])
            case triggered(Expr)
            case random(weight: Int)
        }
        public var id: String
        public var name: String
        public var kind: Kind
        public var condition: Expr?
        public var repeats: Bool
        public var effects: [Statement]
        public var news: String?
        public var intel: [Message]
        /// The `trigger` and `if` as written in the file, for `ruleset show`.
        public var triggerText: String? = nil
        public var conditionText: String? = nil
    }

    public struct Objective: Sendable {
        public enum Scoring: Sendable {
            case condition(Expr, points: Int)
            case score(Expr)
        }
        public var id: String
        /// nil: shared by every team.
        public var team: Int?
        public var text: String
        public var scoring: Scoring
        /// The condition (with points) or the score formula as written, for `ruleset show`.
        public var scoringText: String = ""
    }

    public struct Outcome: Sendable {
        public var id: String
        public var name: String
        public var text: String
        public var condition: Expr
        public var immediate: Bool
        /// What the ending's name and text assert about the final state (`claims:`), checked by simulate; nil if none.
        public var claims: Expr?
        /// The condition and the claims as written, for `ruleset show`.
        public var conditionText: String = ""
        public var claimsText: String? = nil
    }

    public func teamIndex(_ id: String) -> Int? { teams.firstIndex { $0.id == id } }
    public func trackIndex(_ id: String) -> Int? { tracks.firstIndex { $0.id == id } }
    public func actionIndex(_ id: String) -> Int? { actions.firstIndex { $0.id == id } }
    public func eventIndex(_ id: String) -> Int? { events.firstIndex { $0.id == id } }
}

/// The phases of a turn, plus the states before the first turn and after the end.
public enum Phase: String, Sendable, Codable, CaseIterable, Hashable {
    case setup, briefing, negotiation, orders, adjudication, results, ended

    /// The five phases a turn goes through, in order.
    public static let turnPhases: [Phase] = [.briefing, .negotiation, .orders, .adjudication, .results]
}
