/// A recursive-descent parser for conditions and effects, with bounded depth and size.
struct ExpressionParser {
    private var tokens: [Lexer.Token]
    private var index = 0
    private var nodes = 0
    private var depth = 0

    private init(tokens: [Lexer.Token]) { self.tokens = tokens }

    static func parseExpression(_ text: String) throws(ExpressionError) -> Syntax {
        var parser = try ExpressionParser(tokens: prepare(text))
        let result = try parser.parseOr()
        try parser.expectEnd()
        return result
    }

    static func parseStatement(_ text: String) throws(ExpressionError) -> StatementSyntax {
        var parser = try ExpressionParser(tokens: prepare(text))
        let target = try parser.parseUnary()
        let next = parser.peek
        if case .symbol(let op) = next.kind, ["=", "+=", "-="].contains(op) {
            parser.index += 1
            let value = try parser.parseOr()
            try parser.expectEnd()
            return .assign(target: target, op: op, value: value)
        }
        if case .call(let name, let args, let offset) = target {
            try parser.expectEnd()
            return .call(name, args, offset: offset)
        }
        if case .symbol("==") = next.kind {
            throw ExpressionError(code: "syntax", message: "an effect needs \"=\", \"+=\" or \"-=\", not \"==\"",
                                  offset: next.offset, hint: "\"==\" compares; use it in conditions")
        }
        throw ExpressionError(code: "syntax", message: "an effect must be an assignment such as \"tension += 1\"",
                              offset: next.offset, hint: "write NAME = VALUE, NAME += VALUE or NAME -= VALUE")
    }

    private static func prepare(_ text: String) throws(ExpressionError) -> [Lexer.Token] {
        if text.unicodeScalars.count > ExpressionLimits.maxCharacters {
            throw ExpressionError(code: "too_long", message: "expression is longer than \(ExpressionLimits.maxCharacters) characters",
                                  offset: 0, hint: "split it into several conditions or effects")
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ExpressionError(code: "syntax", message: "empty expression", offset: 0)
        }
        return try Lexer.tokenize(text)
    }

    private var peek: Lexer.Token { tokens[index] }

    private mutating func advance() -> Lexer.Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expectEnd() throws(ExpressionError) {
        let token = peek
        guard token.kind == .end else {
            throw ExpressionError(code: "syntax", message: "unexpected \(Self.describe(token.kind))", offset: token.offset,
                                  hint: "is an operator such as \"and\" or \"+\" missing?")
        }
    }

    private mutating func node(_ offset: Int) throws(ExpressionError) {
        nodes += 1
        if nodes > ExpressionLimits.maxNodes {
            throw ExpressionError(code: "too_complex", message: "expression has more than \(ExpressionLimits.maxNodes) parts",
                                  offset: offset, hint: "split it into simpler conditions or effects")
        }
    }

    private mutating func nested<T>(_ offset: Int, _ body: (inout ExpressionParser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionLimits.maxDepth {
            throw ExpressionError(code: "too_deep", message: "expression is nested more than \(ExpressionLimits.maxDepth) deep",
                                  offset: offset, hint: "remove some parentheses or split it")
        }
        return try body(&self)
    }

    private mutating func keyword(_ word: String) -> Lexer.Token? {
        if case .identifier(word) = peek.kind { return advance() }
        return nil
    }

    private mutating func parseOr() throws(ExpressionError) -> Syntax {
        var left = try parseAnd()
        while let token = keyword("or") {
            try node(token.offset)
            let right = try parseAnd()
            left = .binary("or", left, right, offset: token.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Syntax {
        var left = try parseNot()
        while let token = keyword("and") {
            try node(token.offset)
            let right = try parseNot()
            left = .binary("and", left, right, offset: token.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Syntax {
        if let token = keyword("not") {
            try node(token.offset)
            return try nested(token.offset) { (p: inout ExpressionParser) throws(ExpressionError) in
                .unary("not", try p.parseNot(), offset: token.offset)
            }
        }
        if case .symbol("!") = peek.kind {
            throw ExpressionError(code: "syntax", message: "unexpected \"!\"", offset: peek.offset, hint: "write \"not\" instead")
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Syntax {
        let left = try parseSum()
        if case .symbol(let op) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(op) {
            let token = advance()
            try node(token.offset)
            let right = try parseSum()
            if case .symbol(let again) = peek.kind, ["==", "!=", "<", "<=", ">", ">="].contains(again) {
                throw ExpressionError(code: "syntax", message: "comparisons cannot be chained", offset: peek.offset,
                                      hint: "write \"a < b and b < c\"")
            }
            return .binary(op, left, right, offset: token.offset)
        }
        if case .symbol("=") = peek.kind {
            let next = tokens[min(index + 1, tokens.count - 1)]
            if case .symbol(let reversed) = next.kind, reversed == ">" || reversed == "<", next.offset == peek.offset + 1 {
                throw ExpressionError(code: "syntax", message: "\"=\(reversed)\" is not an operator",
                                      offset: peek.offset, hint: "write \"\(reversed)=\"")
            }
            throw ExpressionError(code: "syntax", message: "\"=\" assigns; a condition compares with \"==\"",
                                  offset: peek.offset, hint: "write \"==\"")
        }
        return left
    }

    private mutating func parseSum() throws(ExpressionError) -> Syntax {
        var left = try parseProduct()
        while case .symbol(let op) = peek.kind, op == "+" || op == "-" {
            let token = advance()
            try node(token.offset)
            let right = try parseProduct()
            left = .binary(op, left, right, offset: token.offset)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionError) -> Syntax {
        var left = try parseUnary()
        while case .symbol(let op) = peek.kind, op == "*" || op == "/" || op == "%" {
            let token = advance()
            try node(token.offset)
            let right = try parseUnary()
            left = .binary(op, left, right, offset: token.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Syntax {
        if case .symbol("-") = peek.kind {
            let token = advance()
            try node(token.offset)
            return try nested(token.offset) { (p: inout ExpressionParser) throws(ExpressionError) in
                .unary("-", try p.parseUnary(), offset: token.offset)
            }
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Syntax {
        let token = advance()
        try node(token.offset)
        switch token.kind {
        case .number(let value):
            return .number(value, offset: token.offset)
        case .string(let value):
            return .string(value, offset: token.offset)
        case .parameter(let name):
            return .parameter(name, offset: token.offset)
        case .identifier(let name):
            switch name {
            case "true": return .boolean(true, offset: token.offset)
            case "false": return .boolean(false, offset: token.offset)
            case "and", "or", "not":
                throw ExpressionError(code: "syntax", message: "\"\(name)\" needs something before it", offset: token.offset)
            default: break
            }
            if case .symbol("(") = peek.kind {
                _ = advance()
                return try nested(token.offset) { (p: inout ExpressionParser) throws(ExpressionError) in
                    var args: [Syntax] = []
                    if case .symbol(")") = p.peek.kind {
                        _ = p.advance()
                        return .call(name, args, offset: token.offset)
                    }
                    while true {
                        args.append(try p.parseOr())
                        let next = p.advance()
                        if case .symbol(")") = next.kind { break }
                        guard case .symbol(",") = next.kind else {
                            throw ExpressionError(code: "syntax", message: "expected \",\" or \")\" in the call to \(name)",
                                                  offset: next.offset)
                        }
                    }
                    return .call(name, args, offset: token.offset)
                }
            }
            return .name(name, offset: token.offset)
        case .symbol("("):
            let inner = try nested(token.offset) { (p: inout ExpressionParser) throws(ExpressionError) in try p.parseOr() }
            let close = advance()
            guard case .symbol(")") = close.kind else {
                throw ExpressionError(code: "syntax", message: "missing \")\"", offset: close.offset,
                                      hint: "the \"(\" at character \(token.offset + 1) is never closed")
            }
            return inner
        case .end:
            throw ExpressionError(code: "syntax", message: "expression ends too early", offset: token.offset,
                                  hint: "a value is missing at the end")
        case .symbol(let s):
            throw ExpressionError(code: "syntax", message: "unexpected \"\(s)\"", offset: token.offset,
                                  hint: "a value was expected here")
        }
    }

    private static func describe(_ kind: Lexer.Kind) -> String {
        switch kind {
        case .number(let n): return "number \(n)"
        case .identifier(let s): return "name \"\(s)\""
        case .parameter(let s): return "parameter \"$\(s)\""
        case .string(let s): return "string '\(s)'"
        case .symbol(let s): return "\"\(s)\""
        case .end: return "end of expression"
        }
    }
}
