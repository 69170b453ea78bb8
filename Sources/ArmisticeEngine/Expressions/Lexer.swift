import Foundation
/// Splits an expression into tokens, remembering each token's character offset.
struct Lexer {
    enum Kind: Equatable {
        case number(Int)
        case identifier(String)
        case parameter(String)
        case string(String)
        case symbol(String)
        case end
    }

    struct Token {
        var kind: Kind
        var offset: Int
    }

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.value < 128 && c.properties.isAlphabetic) }
        func isIdent(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || ("0"..."9").contains(c) }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if ("0"..."9").contains(c) {
                var value = 0
                while i < chars.count, ("0"..."9").contains(chars[i]) {
                    value = value * 10 + Int(chars[i].value - 48)
                    if value > ExpressionLimits.maxMagnitude {
                        throw ExpressionError(code: "number_too_large", message: "number is too large", offset: start,
                                              hint: "numbers must stay within ±\(ExpressionLimits.maxMagnitude)")
                    }
                    i += 1
                }
                let next = i < chars.count ? chars[i] : nil, after = i + 1 < chars.count ? chars[i + 1] : nil
                let exponent = (next == "e" || next == "E") && after.map { ("0"..."9").contains($0) || $0 == "+" || $0 == "-" } == true
                if next == "." || exponent {
                    // 1.5 or 1e308: a number, but not a whole one.
                    throw ExpressionError(code: "syntax", message: "numbers are whole numbers: no fractions or exponents", offset: start,
                                          hint: "write a whole number within ±\(ExpressionLimits.maxMagnitude)")
                }
                if i < chars.count, isIdentStart(chars[i]) {
                    throw ExpressionError(code: "syntax", message: "a name cannot start with a digit", offset: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if isIdentStart(c) || c == "$" {
                i += 1
                while i < chars.count, isIdent(chars[i]) { i += 1 }
                let word = String(String.UnicodeScalarView(chars[(c == "$" ? start + 1 : start)..<i]))
                if c == "$" {
                    if word.isEmpty {
                        throw ExpressionError(code: "syntax", message: "\"$\" must be followed by a parameter name", offset: start)
                    }
                    tokens.append(Token(kind: .parameter(word), offset: start))
                } else {
                    tokens.append(Token(kind: .identifier(word), offset: start))
                }
            } else if c == "'" || c == "\"" {
                i += 1
                var value = ""
                while i < chars.count, chars[i] != c { value.unicodeScalars.append(chars[i]); i += 1 }
                guard i < chars.count else {
                    throw ExpressionError(code: "syntax", message: "unterminated string", offset: start,
                                          hint: "close it with \(c)")
                }
                i += 1
                tokens.append(Token(kind: .string(value), offset: start))
            } else {
                let two = i + 1 < chars.count ? String(String.UnicodeScalarView([c, chars[i + 1]])) : ""
                if two == "<>" {
                    throw ExpressionError(code: "syntax", message: "\"<>\" is not an operator", offset: start, hint: "write \"!=\"")
                }
                if ["==", "!=", "<=", ">=", "+=", "-="].contains(two) {
                    tokens.append(Token(kind: .symbol(two), offset: start))
                    i += 2
                } else if "+-*/%<>()=,!".unicodeScalars.contains(c) {
                    tokens.append(Token(kind: .symbol(String(c)), offset: start))
                    i += 1
                } else if c == "&" || c == "|" {
                    throw ExpressionError(code: "syntax", message: "unexpected \"\(c)\"", offset: start,
                                          hint: "write \(c == "&" ? "and" : "or") instead")
                } else if c == "[" || c == "]" || c == "{" || c == "}" {
                    throw ExpressionError(code: "syntax", message: "unexpected character \"\(c)\"", offset: start,
                                          hint: Self.listHint(tokens, chars, at: start))
                } else if c == "." {
                    // YAML's .nan and .inf, or a fraction written .5: not numbers here.
                    throw ExpressionError(code: "syntax", message: "unexpected \".\": numbers are whole numbers (no fractions, .nan or .inf)",
                                          offset: start, hint: "write a whole number within ±\(ExpressionLimits.maxMagnitude)")
                } else {
                    throw ExpressionError(code: "syntax", message: "unexpected character \"\(c)\"", offset: start)
                }
            }
        }
        tokens.append(Token(kind: .end, offset: chars.count))
        return tokens
    }

    /// For a list written where a value goes (`p in ['s1', 's2']`): there are no lists, so spell out the comparisons,
    /// with the expression's own name and items when it has the shape `NAME in [A, B]`.
    static func listHint(_ tokens: [Token], _ chars: [Unicode.Scalar], at start: Int) -> String {
        let general = "expressions have no lists: compare one value at a time, joined with or"
        guard chars[start] == "[", tokens.count >= 2, case .identifier("in") = tokens[tokens.count - 1].kind else { return general }
        let name: String
        switch tokens[tokens.count - 2].kind {
        case .identifier(let n): name = n
        case .parameter(let n): name = "$" + n
        default: return general
        }
        let rest = String(String.UnicodeScalarView(chars[(start + 1)...]))
        guard let close = rest.firstIndex(of: "]") else { return general }
        let items = rest[..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return general }
        return "there are no lists and no \"in\": write " + items.map { "\(name) == \($0)" }.joined(separator: " or ")
    }
}
