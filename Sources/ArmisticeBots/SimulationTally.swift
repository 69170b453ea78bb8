import ArmisticeEngine
import Foundation

/// Adds up simulated games one at a time, then writes the `SimulationReport`.
struct SimulationTally {
    let engine: Engine
    var games = 0
    var outcomes: [Int]
    var claimsHold: [Int]
    var scores: [[Int]]
    var turns: [Int: Int] = [:]
    /// Keyed by team index * action count + action index.
    var orders: [Int: Int] = [:]
    var gamesUsed: [Int: Int] = [:]
    var results: [Int: [String: Int]] = [:]
    /// Keyed like `orders`, with the consenting team as the team: (asked, given).
    var consents: [Int: (asked: Int, given: Int)] = [:]
    var objectiveTotals: [Int]
    var objectiveBest: [Int]
    var objectiveWorst: [Int]

    init(engine: Engine) {
        self.engine = engine
        let r = engine.ruleset
        outcomes = Array(repeating: 0, count: r.outcomes.count)
        claimsHold = outcomes
        scores = Array(repeating: [], count: r.teams.count)
        objectiveTotals = Array(repeating: 0, count: r.objectives.count)
        objectiveBest = Array(repeating: Int.min, count: r.objectives.count)
        objectiveWorst = Array(repeating: Int.max, count: r.objectives.count)
    }

    private var actionCount: Int { engine.ruleset.actions.count }

    mutating func add(_ game: Simulation.Game) {
        let r = engine.ruleset
        games += 1
        outcomes[game.outcome] += 1
        if let claims = r.outcomes[game.outcome].claims, engine.holds(claims, in: game.state) { claimsHold[game.outcome] += 1 }
        for (t, s) in game.scores.enumerated() { scores[t].append(s) }
        turns[game.turns, default: 0] += 1
        var used = Set<Int>()
        for o in game.orders {
            guard let t = o.team.flatMap(r.teamIndex), let a = o.action.flatMap(r.actionIndex) else { continue }
            let key = t * actionCount + a
            orders[key, default: 0] += 1
            results[key, default: [:]][o.result ?? "?", default: 0] += 1
            used.insert(key)
        }
        for key in used { gamesUsed[key, default: 0] += 1 }
        for c in game.consents {
            let key = c.team * actionCount + c.action
            let old = consents[key] ?? (0, 0)
            consents[key] = (old.asked + 1, old.given + (c.given ? 1 : 0))
        }
        for (i, objective) in r.objectives.enumerated() {
            let value: Int
            switch objective.scoring {
            case .condition(let cond, _): value = engine.holds(cond, in: game.state) ? 1 : 0
            case .score(let expr): value = engine.evaluate(expr, in: game.state)
            }
            objectiveTotals[i] += value
            objectiveBest[i] = max(objectiveBest[i], value)
            objectiveWorst[i] = min(objectiveWorst[i], value)
        }
    }

    func report(seed: UInt64, bots: [BotKind]) -> SimulationReport {
        let r = engine.ruleset
        let n = Double(max(1, games))
        func share(_ k: Int, of total: Int) -> Double { total == 0 ? 0 : Double(k) / Double(total) }
        let teamScores = r.teams.indices.map { t -> SimulationReport.TeamScore in
            let list = scores[t]
            let mean = list.isEmpty ? 0 : Double(list.reduce(0, +)) / Double(list.count)
            let variance = list.isEmpty ? 0 : list.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(list.count)
            var maximum = 0, minimum = 0
            var seen: [String] = []
            for (i, o) in r.objectives.enumerated() where o.team == nil || o.team == t {
                switch o.scoring {
                case .condition(_, let points):
                    maximum += max(0, points)
                    minimum += min(0, points)
                case .score:
                    maximum += games == 0 ? 0 : max(0, objectiveBest[i])
                    minimum += games == 0 ? 0 : min(0, objectiveWorst[i])
                    seen.append(o.id)
                }
            }
            let range = Double(maximum - minimum)
            return SimulationReport.TeamScore(team: r.teams[t].id, mean: mean, spread: variance.squareRoot(), min: list.min() ?? 0,
                                              max: list.max() ?? 0, maximum: maximum, minimum: minimum,
                                              shareOfMaximum: range == 0 ? 0 : (mean - Double(minimum)) / range,
                                              seenObjectives: seen.isEmpty ? nil : seen)
        }
        var actions: [SimulationReport.ActionUse] = []
        var consentRates: [SimulationReport.ConsentRate] = []
        var never: [String] = []
        for (t, team) in r.teams.enumerated() {
            for (a, action) in r.actions.enumerated() where action.teams.contains(t) {
                let key = t * actionCount + a
                actions.append(SimulationReport.ActionUse(team: team.id, action: action.id, name: action.name, perGame: Double(orders[key] ?? 0) / n,
                                                          gamesUsed: Double(gamesUsed[key] ?? 0) / n, results: results[key] ?? [:],
                                                          botsSkip: action.botsSkip))
                if (orders[key] ?? 0) == 0, action.botsSkip == nil { never.append("\(team.id)/\(action.id)") }
            }
            for (a, action) in r.actions.enumerated() where action.consent?.from.contains(t) == true {
                let c = consents[t * actionCount + a] ?? (0, 0)
                consentRates.append(SimulationReport.ConsentRate(action: action.id, team: team.id, asked: c.asked, given: c.given,
                                                                 refused: c.asked - c.given, givenShare: share(c.given, of: c.asked)))
            }
        }
        let objectiveRates = r.objectives.enumerated().map { i, o in
            let isCondition: Bool
            if case .condition = o.scoring { isCondition = true } else { isCondition = false }
            return SimulationReport.ObjectiveRate(id: o.id, team: o.team.map { r.teams[$0].id } ?? "all", text: o.text,
                                                  hitShare: isCondition ? Double(objectiveTotals[i]) / n : nil,
                                                  meanScore: isCondition ? nil : Double(objectiveTotals[i]) / n)
        }
        let outcomeShares = r.outcomes.enumerated().map { i, o in
            SimulationReport.OutcomeShare(id: o.id, name: o.name, games: outcomes[i], share: Double(outcomes[i]) / n,
                                          claimsHold: o.claims == nil || outcomes[i] == 0 ? nil : share(claimsHold[i], of: outcomes[i]))
        }
        return SimulationReport(
            ruleset: r.id, variant: r.variant, games: games, seed: seed,
            bots: Dictionary(uniqueKeysWithValues: r.teams.enumerated().map { ($1.id, bots[$0].rawValue) }),
            outcomes: outcomeShares,
            meanScores: Dictionary(uniqueKeysWithValues: teamScores.map { ($0.team, $0.mean) }),
            meanTurns: Double(turns.reduce(0) { $0 + $1.key * $1.value }) / n,
            scores: teamScores,
            length: SimulationReport.Length(mean: Double(turns.reduce(0) { $0 + $1.key * $1.value }) / n, min: turns.keys.min() ?? 0,
                                            max: turns.keys.max() ?? 0, games: Dictionary(uniqueKeysWithValues: turns.map { (String($0.key), $0.value) })),
            actions: actions, consents: consentRates,
            objectives: objectiveRates,
            neverChosen: never,
            outcomesNeverReached: outcomeShares.filter { $0.games == 0 }.map(\.id),
            outcomesAboveRuleOfThumb: outcomeShares.filter { $0.share > SimulationReport.dominantShare }.map(\.id),
            claimsBelowTarget: outcomeShares.filter { ($0.claimsHold ?? 1) < SimulationReport.claimsTarget }.map(\.id),
            objectivesNeverMet: objectiveRates.filter { $0.hitShare == 0 }.map(\.id))
    }
}
