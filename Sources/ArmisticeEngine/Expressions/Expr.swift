/// A checked expression with every name resolved to an index. Values are integers at run time:
/// booleans are 0 and 1, teams their index in the ruleset, project statuses their index in `statuses`.
/// It keeps its tree (for tools that read it, such as the greedy bot) and a flat program that the engine runs.
public struct Expr: Sendable, Hashable {
    public let node: ExprNode
    let program: [Int]

    public init(_ node: ExprNode) {
        self.node = node
        var code: [Int] = []
        node.lower(into: &code)
        program = code
    }

    public static func constant(_ n: Int) -> Expr { Expr(.constant(n)) }

    public static func == (a: Expr, b: Expr) -> Bool { a.node == b.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }
}

/// The tree of a checked expression.
public indirect enum ExprNode: Sendable, Hashable {
    case constant(Int)
    case track(Int)
    case flag(Int)
    case project(Int)
    /// The value of an action parameter (a number, or a team index).
    case parameter(Int)
    /// The status of the project chosen by a project parameter.
    case projectParameter(Int)
    case turn
    case turns
    case negate(ExprNode)
    case not(ExprNode)
    case arithmetic(ArithmeticOperator, ExprNode, ExprNode)
    case compare(ComparisonOperator, ExprNode, ExprNode)
    case and(ExprNode, ExprNode)
    case or(ExprNode, ExprNode)
    case minimum(ExprNode, ExprNode)
    case maximum(ExprNode, ExprNode)
    case absolute(ExprNode)
    case clamp(ExprNode, ExprNode, ExprNode)
    case revealed(track: Int, team: TeamReference)

    public typealias ArithmeticOperator = Expr.ArithmeticOperator
    public typealias ComparisonOperator = Expr.ComparisonOperator

    /// Whether this node or any node inside it matches, parents before their parts: the one walk over the tree for
    /// questions about what an expression uses (its parameters, a division by a literal 0).
    public func contains(where matches: (ExprNode) -> Bool) -> Bool {
        if matches(self) { return true }
        switch self {
        case .constant, .track, .flag, .project, .parameter, .projectParameter, .turn, .turns, .revealed: return false
        case .negate(let e), .not(let e), .absolute(let e): return e.contains(where: matches)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .minimum(let a, let b), .maximum(let a, let b): return a.contains(where: matches) || b.contains(where: matches)
        case .clamp(let a, let b, let c): return a.contains(where: matches) || b.contains(where: matches) || c.contains(where: matches)
        }
    }
}

extension Expr {
    public enum ArithmeticOperator: String, Sendable, Hashable, CaseIterable { case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%" }
    public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable { case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }
}

/// A team named in an expression: fixed, or chosen by an action parameter.
public enum TeamReference: Sendable, Hashable {
    case team(Int)
    case parameter(Int)
}

/// A checked effect statement.
public indirect enum Statement: Sendable, Hashable {
    case assign(AssignmentTarget, AssignmentOperator, Expr)
    case reveal(track: Int, team: TeamReference)
    case conditional(Expr, then: [Statement], else: [Statement])

    public enum AssignmentOperator: String, Sendable, Hashable { case set = "=", add = "+=", subtract = "-=" }
}

/// What an effect may change.
public enum AssignmentTarget: Sendable, Hashable {
    case track(Int)
    case flag(Int)
    case project(Int)
    /// The project chosen by a project parameter.
    case projectParameter(Int)
}

/// The static type of an expression, checked when the ruleset loads.
enum ValueType: Equatable, CustomStringConvertible {
    case number
    case boolean
    case team
    /// A project status; the project is known unless it comes from a parameter.
    case status(project: Int?)

    var isNumeric: Bool {
        switch self {
        case .number, .status: return true
        default: return false
        }
    }

    var description: String {
        switch self {
        case .number: return "a number"
        case .boolean: return "true or false"
        case .team: return "a team"
        case .status: return "a project status"
        }
    }
}

extension Expr {
    /// Saturating integer arithmetic that keeps every value within ±1e9.
    @inline(__always)
    static func saturate(_ value: Int) -> Int {
        let limit = ExpressionLimits.maxMagnitude
        return value > limit ? limit : (value < -limit ? -limit : value)
    }

    @inline(__always)
    static func apply(_ op: ArithmeticOperator, _ a: Int, _ b: Int) -> Int {
        switch op {
        case .add: return saturate(a + b)
        case .subtract: return saturate(a - b)
        case .multiply:
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if overflow { return (a < 0) != (b < 0) ? -ExpressionLimits.maxMagnitude : ExpressionLimits.maxMagnitude }
            return saturate(product)
        case .divide: return b == 0 ? 0 : a / b
        case .remainder: return b == 0 ? 0 : a % b
        }
    }

    @inline(__always)
    static func compare(_ op: ComparisonOperator, _ a: Int, _ b: Int) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }
}
