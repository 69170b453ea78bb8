/// A problem found in a ruleset file, with where it is and what to do about it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier for the class of problem (`unknown_name`, `type_mismatch`, …).
    public var code: String
    public var file: String
    /// 1-based line and column; 0 when the problem concerns the whole file.
    public var line: Int
    public var column: Int
    public var message: String
    /// What to do next, when there is something useful to say.
    public var hint: String?
    /// An error stops the file from loading; a warning (something that can never happen, say) does not.
    public var severity: Severity

    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public init(code: String, file: String, line: Int, column: Int, message: String, hint: String? = nil, severity: Severity = .error) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    public var description: String {
        var text = line == 0 ? "\(file): \(severity.rawValue): \(message)" : "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }
}

/// Every problem of a ruleset that failed to load, all at once.
public struct RulesetLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A position inside the source file, carried by parsed parts so later checks can point at them.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static let unknown = SourceLocation(line: 0, column: 0)
}

/// "Did you mean" hints: the closest known name to a misspelt one.
public enum Suggest {
    /// The closest candidate within a small edit distance, for "did you mean" hints.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        let limit = max(2, word.count / 3)
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean \"\($0)\"?" }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
