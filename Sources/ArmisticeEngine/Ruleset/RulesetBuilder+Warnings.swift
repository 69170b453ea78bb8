import Yams

/// Warnings: things a file may say that load but can never happen. `ruleset check` prints them and still passes.
extension RulesetBuilder {
    /// A comparison of a track with a number that no value in the track's min..max can meet (`plutonium >= 50` when
    /// plutonium runs 0..40), anywhere in a condition.
    func warnImpossibleComparisons(_ expr: ExprNode, _ node: Node, _ what: String) {
        switch expr {
        case .compare(let op, let a, let b):
            if case .track(let t) = a, let c = Self.literal(b) { warnComparison(track: t, op, c, written: op.rawValue, node, what) }
            if let c = Self.literal(a), case .track(let t) = b { warnComparison(track: t, op.flipped, c, written: op.rawValue, node, what, literalFirst: true) }
        case .and(let a, let b), .or(let a, let b):
            warnImpossibleComparisons(a, node, what)
            warnImpossibleComparisons(b, node, what)
        case .not(let a): warnImpossibleComparisons(a, node, what)
        default: break
        }
    }

    /// A number written as such: `5`, `-1`.
    static func literal(_ node: ExprNode) -> Int? {
        switch node {
        case .constant(let c): return c
        case .negate(.constant(let c)): return -c
        default: return nil
        }
    }

    private func warnComparison(track t: Int, _ op: Expr.ComparisonOperator, _ c: Int, written: String, _ node: Node, _ what: String,
                                literalFirst: Bool = false) {
        guard trackRanges.indices.contains(t) else { return }
        let (id, range) = trackRanges[t]
        let possible: Bool
        switch op {
        case .equal: possible = range.contains(c)
        case .notEqual: possible = !(range.lowerBound == c && range.upperBound == c)
        case .less: possible = range.lowerBound < c
        case .lessOrEqual: possible = range.lowerBound <= c
        case .greater: possible = range.upperBound > c
        case .greaterOrEqual: possible = range.upperBound >= c
        }
        guard !possible else { return }
        let shown = literalFirst ? "\(c) \(written) \(id)" : "\(id) \(written) \(c)"
        reader.warning("never_holds", at: reader.location(of: node, offset: Self.offset(of: id, in: node.scalar?.string ?? "")),
                       "\(shown) in \(what) can never hold: track \(id) runs from \(range.lowerBound) to \(range.upperBound)",
                       hint: "compare with a number inside that range, or widen the track's min or max")
    }

    /// Where `word` first appears as a whole word in an expression's text (0 if it does not).
    static func offset(of word: String, in text: String) -> Int {
        let characters = Array(text)
        let target = Array(word)
        guard !target.isEmpty, characters.count >= target.count else { return 0 }
        func isName(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber || ch == "_" }
        for start in 0...(characters.count - target.count) where Array(characters[start..<start + target.count]) == target {
            let before = start == 0 || !isName(characters[start - 1])
            let after = start + target.count == characters.count || !isName(characters[start + target.count])
            if before, after { return start }
        }
        return 0
    }

    /// Outcomes that can never name the ending: one whose condition includes every part of an earlier one's (the
    /// earlier holds whenever it does, and the first that holds wins), such as anything after `if: "true"`; and an
    /// `immediate` outcome that always holds, which ends every game before the first orders.
    func warnUnreachableOutcomes(_ outcomes: [Ruleset.Outcome], _ nodes: [Node]) {
        guard outcomes.count == nodes.count else { return }
        for (j, later) in outcomes.enumerated() {
            let laterParts = Self.conjuncts(later.condition.node)
            if later.immediate, laterParts.isEmpty {
                reader.warning("ends_at_once", at: reader.location(Self.entry("if", of: nodes[j]) ?? nodes[j]),
                               "outcome \(later.id) is immediate and always holds, so every game ends at the first check, before any orders",
                               hint: "give it a condition, or remove immediate: true")
            }
            // An immediate outcome is checked during play among the immediate ones only; at the end, among all.
            guard let i = outcomes[..<j].firstIndex(where: { earlier in
                (!later.immediate || earlier.immediate) && Self.conjuncts(earlier.condition.node).isSubset(of: laterParts)
            }) else { continue }
            let earlier = outcomes[i]
            let why = Self.conjuncts(earlier.condition.node).isEmpty ? "outcome \(earlier.id) before it always holds"
                : "whenever its condition holds, so does that of outcome \(earlier.id) before it"
            reader.warning("unreachable_outcome", at: reader.location(Self.entry("if", of: nodes[j]) ?? nodes[j]),
                           "outcome \(later.id) can never be reached: \(why), and the first outcome that holds names the ending",
                           hint: "move it above \(earlier.id), or make the conditions exclude each other")
        }
    }

    /// The parts of an `and` chain (none for "true"): a condition holds only if each does.
    static func conjuncts(_ node: ExprNode) -> Set<ExprNode> {
        switch node {
        case .and(let a, let b): return conjuncts(a).union(conjuncts(b))
        case .constant(let n) where n != 0: return []
        default: return [node]
        }
    }

    /// Teams that cannot order anything on turn 1: a starting budget below 0 or below the team's cheapest action.
    func warnStartingBudgets(_ ruleset: Ruleset, _ teamNodes: [Node]) {
        guard ruleset.teams.count == teamNodes.count else { return }
        let engine = Engine(ruleset: ruleset)
        let start = engine.newGame(seed: 0)
        for (i, team) in ruleset.teams.enumerated() {
            let budget = engine.evaluate(team.budget, in: start)
            let cheapest = ruleset.actions.filter { $0.teams.contains(i) }.map(\.cost).min() ?? 0
            guard budget < 0 || budget < cheapest else { continue }
            let formula = if case .constant = team.budget.node { "" } else { " (its formula at the start)" }
            reader.warning("no_budget", at: reader.location(Self.entry("budget", of: teamNodes[i]) ?? teamNodes[i]),
                           "team \(team.id) starts with a budget of \(budget)\(formula), "
                           + (budget < 0 ? "below 0" : "less than its cheapest action (cost \(cheapest))") + ", so it cannot act on turn 1",
                           hint: "raise the budget, or give the team an action it can afford")
        }
    }

    /// The value node of `key` in a mapping node.
    static func entry(_ key: String, of node: Node) -> Node? {
        guard case .mapping(let map) = node else { return nil }
        return map.first { $0.key.scalar?.string == key }?.value
    }
}

extension Expr.ComparisonOperator {
    /// The operator with its sides swapped: `3 < x` is `x > 3`.
    var flipped: Self {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}
