import Yams

/// Warnings: things a file may say that load but can never happen. `ruleset check` prints them and still passes.
extension RulesetBuilder {
    /// A comparison of a track or a project with a number that no value can meet (`plutonium >= 50` when plutonium
    /// runs 0..40; `deal == 9` when the project has five statuses, at positions 0..4), anywhere in a condition; and
    /// comparisons joined by `and` that no one value meets together (`tension >= 8 and tension <= 3`).
    func warnImpossibleComparisons(_ expr: ExprNode, _ node: Node, _ what: String) {
        switch expr {
        case .compare(let op, .constant(let a), .constant(let b)):
            // Two fixed values (`a == b`, two different team ids): the answer never changes.
            if !Expr.compare(op, a, b) {
                reader.warning("never_holds", at: reader.location(node), "a comparison in \(what) of two fixed values (such as two different team ids) can never hold",
                               hint: "compare a track, flag, project, parameter or turn with a value")
            }
        case .compare:
            if let c = comparison(expr), let allowed = c.allowed, allowed.low > allowed.high { warnNever(c, node, what) }
        case .and:
            let parts = Self.chain(expr)
            warnContradictions(parts.compactMap(comparison), node, what)
            for part in parts { warnImpossibleComparisons(part, node, what) }
        case .or(let a, let b):
            warnImpossibleComparisons(a, node, what)
            warnImpossibleComparisons(b, node, what)
        case .not(let a): warnImpossibleComparisons(a, node, what)
        default: break
        }
    }

    /// A division or a remainder by a written 0 (`t / 0`, `x % 0`): it is 0 whatever the other side is (docs/rulesets.md,
    /// "Expressions"), so the author meant another number.
    func warnDivisionByZero(_ expr: ExprNode, _ node: Node, _ what: String) {
        let divides = expr.contains { part in
            guard case .arithmetic(let op, _, let divisor) = part, op == .divide || op == .remainder else { return false }
            return Self.literal(divisor) == 0
        }
        guard divides else { return }
        let at = Self.offset(of: "0", in: node.scalar?.string ?? "")
        reader.warning("divides_by_zero", at: reader.location(of: node, offset: at),
                       "\(what) divides by 0, which always gives 0",
                       hint: "divide by another number, or write the value you meant")
    }

    /// An effect that adds or subtracts a written 0 (`fish_stock -= 0`): it changes nothing, so the amount was left out.
    func warnNoChange(_ statement: Statement, _ node: Node, _ what: String) {
        guard case .assign(_, let op, let amount) = statement, op != .set, Self.literal(amount.node) == 0 else { return }
        reader.warning("changes_nothing", at: reader.location(node),
                       "\(what) \(op == .add ? "adds" : "subtracts") 0, so it changes nothing",
                       hint: "write the amount, or remove the line")
    }

    /// A comparison of a bounded value (a track, a project's position) with a number, as written, with the values
    /// of the range that meet it (nil for `!=`, which excludes one value only).
    struct BoundedComparison {
        var subject: ExprNode
        var id: String
        var shown: String
        var range: ClosedRange<Int>
        var allowed: (low: Int, high: Int)?
        var why: String
        var hint: String
    }

    func comparison(_ expr: ExprNode) -> BoundedComparison? {
        guard case .compare(let op, let a, let b) = expr else { return nil }
        let subject: ExprNode, operation: Expr.ComparisonOperator, c: Int, literalFirst: Bool
        if let n = Self.literal(b) {
            subject = a; operation = op; c = n; literalFirst = false
        } else if let n = Self.literal(a) {
            subject = b; operation = op.flipped; c = n; literalFirst = true
        } else { return nil }
        let id: String, range: ClosedRange<Int>, why: String, hint: String
        switch subject {
        case .track(let t):
            guard trackRanges.indices.contains(t) else { return nil }
            id = trackRanges[t].id
            range = trackRanges[t].range
            why = "track \(id) runs from \(range.lowerBound) to \(range.upperBound)"
            hint = "compare with a number inside that range, or widen the track's min or max"
        case .project(let p):
            guard scope.projectStatuses.indices.contains(p), scope.projectStatuses[p].count > 1,
                  let name = scope.projects.first(where: { $0.value == p })?.key else { return nil }
            let statuses = scope.projectStatuses[p]
            id = name
            range = 0...(statuses.count - 1)
            why = "project \(id) has \(statuses.count) statuses, at positions 0 to \(statuses.count - 1)"
            hint = "compare with a status by name, such as \(id) == '\(statuses[statuses.count - 1])'"
        default: return nil
        }
        let shown = literalFirst ? "\(c) \(op.rawValue) \(id)" : "\(id) \(op.rawValue) \(c)"
        // The values of the range that meet the comparison, lowest and highest (low > high: none).
        var allowed: (low: Int, high: Int)? = (range.lowerBound, range.upperBound)
        switch operation {
        case .equal: allowed = (Swift.max(c, range.lowerBound), Swift.min(c, range.upperBound))
        case .notEqual: allowed = range.lowerBound == c && range.upperBound == c ? (1, 0) : nil   // excludes one value only
        case .less: allowed?.high = Swift.min(range.upperBound, c - 1)
        case .lessOrEqual: allowed?.high = Swift.min(range.upperBound, c)
        case .greater: allowed?.low = Swift.max(range.lowerBound, c + 1)
        case .greaterOrEqual: allowed?.low = Swift.max(range.lowerBound, c)
        }
        return BoundedComparison(subject: subject, id: id, shown: shown, range: range, allowed: allowed, why: why, hint: hint)
    }

    private func warnNever(_ c: BoundedComparison, _ node: Node, _ what: String) {
        reader.warning("never_holds", at: reader.location(of: node, offset: Self.offset(of: c.id, in: node.scalar?.string ?? "")),
                       "\(c.shown) in \(what) can never hold: \(c.why)", hint: c.hint)
    }

    /// Comparisons of one value, each possible alone, that no value meets together: the highest lower bound is above
    /// the lowest upper bound.
    private func warnContradictions(_ comparisons: [BoundedComparison], _ node: Node, _ what: String) {
        let possible = comparisons.filter { $0.allowed.map { $0.low <= $0.high } ?? false }
        var subjects: [ExprNode] = []
        for c in possible where !subjects.contains(c.subject) { subjects.append(c.subject) }
        for subject in subjects {
            let group = possible.filter { $0.subject == subject }
            guard let high = group.max(by: { $0.allowed!.low < $1.allowed!.low }),
                  let low = group.min(by: { $0.allowed!.high < $1.allowed!.high }),
                  high.allowed!.low > low.allowed!.high else { continue }
            let lowFirst = (group.firstIndex { $0.shown == low.shown } ?? 0) < (group.firstIndex { $0.shown == high.shown } ?? 0)
            let (first, second) = lowFirst ? (low, high) : (high, low)
            reader.warning("never_holds", at: reader.location(of: node, offset: Self.offset(of: high.id, in: node.scalar?.string ?? "")),
                           "\(first.shown) and \(second.shown) in \(what) can never both hold: no value of \(high.id) is both \(Self.bound(first)) and \(Self.bound(second))",
                           hint: "one of the two is likely the wrong way round, or meant \"or\"")
        }
    }

    /// What a comparison allows, in words: "8", "at least 8", "at most 3".
    private static func bound(_ c: BoundedComparison) -> String {
        let (low, high) = c.allowed!
        if low == high { return "\(low)" }
        return low > c.range.lowerBound ? "at least \(low)" : "at most \(high)"
    }

    /// The parts of an `and` chain, as written.
    static func chain(_ node: ExprNode) -> [ExprNode] {
        if case .and(let a, let b) = node { return chain(a) + chain(b) }
        return [node]
    }

    /// A number written as such: `5`, `-1`.
    static func literal(_ node: ExprNode) -> Int? {
        switch node {
        case .constant(let c): return c
        case .negate(.constant(let c)): return -c
        default: return nil
        }
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
            let at = reader.location(Self.entry("if", of: nodes[j]) ?? nodes[j])
            if Self.conjuncts(earlier.condition.node).isEmpty {
                reader.warning("unreachable_outcome", at: at,
                               "outcome \(later.id) comes after \(earlier.id), whose condition is always true: it can never be reached, as the first outcome that holds names the ending",
                               hint: "move it above \(earlier.id)")
                continue
            }
            reader.warning("unreachable_outcome", at: at,
                           "outcome \(later.id) can never be reached: whenever its condition holds, so does that of outcome \(earlier.id) before it, and the first outcome that holds names the ending",
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
