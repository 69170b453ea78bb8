/// An expression as written, before names are resolved and types checked.
indirect enum Syntax: Sendable {
    case number(Int, offset: Int)
    case boolean(Bool, offset: Int)
    case string(String, offset: Int)
    case name(String, offset: Int)
    case parameter(String, offset: Int)
    case unary(String, Syntax, offset: Int)
    case binary(String, Syntax, Syntax, offset: Int)
    case call(String, [Syntax], offset: Int)

    var offset: Int {
        switch self {
        case .number(_, let o), .boolean(_, let o), .string(_, let o), .name(_, let o), .parameter(_, let o),
             .unary(_, _, let o), .binary(_, _, _, let o), .call(_, _, let o):
            return o
        }
    }
}

/// A statement as written: an assignment or a call such as `reveal(track, team)`.
enum StatementSyntax: Sendable {
    case assign(target: Syntax, op: String, value: Syntax)
    case call(String, [Syntax], offset: Int)
}

/// A problem in one expression, at a character offset inside it.
struct ExpressionError: Error, Sendable {
    var code: String
    var message: String
    var offset: Int
    var hint: String?

    /// A use of something whose own error is already reported (a parameter with a bad type): not reported again.
    static let followOn = ExpressionError(code: "follow_on", message: "", offset: 0)
}

/// Hard limits that keep every expression cheap to check and to evaluate.
public enum ExpressionLimits {
    public static let maxCharacters = 400
    public static let maxNodes = 64
    public static let maxDepth = 16
    public static let maxMagnitude = 1_000_000_000
}
