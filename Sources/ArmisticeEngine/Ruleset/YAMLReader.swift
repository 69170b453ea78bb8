import Foundation
import Yams

/// Reads YAML nodes into values, collecting every problem as a located `Diagnostic` instead of stopping.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The languages the file declares (`languages:`); English always, first.
    var languages: [String] = ["en"]
    /// Per declared language other than English: each English text and its translation.
    var translations: [String: [String: String]] = [:]
    /// Shown texts that lack a declared language (not fatal: English is the fallback).
    var missingTranslations: [Diagnostic] = []
    /// Things that load but can never happen (an unreachable outcome, a comparison no value can meet): not fatal.
    private(set) var warnings: [Diagnostic] = []

    /// Items a variant adds to a base list because no base item has their id, by place: why each is new, added
    /// to its missing-key errors (a mistyped id is the likely cause).
    var variantAdditions: [SourceLocation: String] = [:]

    init(file: String) { self.file = file }

    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return .unknown }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    func error(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
        let at = location(node)
        diagnostics.append(Diagnostic(code: code, file: file, line: at.line, column: at.column, message: message, hint: hint))
    }

    func error(_ code: String, at: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code: code, file: file, line: at.line, column: at.column, message: message, hint: hint))
    }

    func warning(_ code: String, at: SourceLocation, _ message: String, hint: String? = nil) {
        let warning = Diagnostic(code: code, file: file, line: at.line, column: at.column, message: message, hint: hint, severity: .warning)
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// The entries of a mapping, with unknown keys and missing required keys reported.
    func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> [String: Entry]? {
        guard case .mapping(let map) = node else {
            error("wrong_type", node, "\(what) must be a mapping of keys to values", hint: "write it as \"key: value\" lines")
            return nil
        }
        var entries: [String: Entry] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.scalar?.string else {
                error("wrong_type", keyNode, "a key in \(what) must be plain text")
                continue
            }
            guard allowed.contains(key) else {
                error("unknown_key", keyNode, "unknown key \"\(key)\" in \(what)",
                      hint: Suggest.didYouMean(key, in: allowed) ?? "allowed keys are \(allowed.joined(separator: ", "))")
                continue
            }
            if entries[key] != nil {
                error("duplicate_key", keyNode, "key \"\(key)\" appears twice in \(what)", hint: "keep one of them")
                continue
            }
            entries[key] = Entry(key: key, keyNode: keyNode, value: value)
        }
        let missing = required.filter { entries[$0] == nil }
        let named = Self.named(what, id: entries["id"]?.value.scalar?.string)
        if let added = variantAdditions[location(node)], !missing.isEmpty {
            // A mistyped id in a variant: one error for the item, not one per key it lacks.
            error("missing_key", node, "\(named) needs \(missing.map { "\"\($0)\"" }.joined(separator: ", ")): \(added)",
                  hint: "an unknown id adds a new item, which needs all its fields; to change a base item, use its id")
        } else {
            for key in missing { error("missing_key", node, "\(named) needs \"\(key)\"", hint: "add a line \"\(key): ...\"") }
        }
        return entries
    }

    /// "an action" with its id: "action tighten_sanctions" (the item a missing-key error is about); as is without one.
    static func named(_ what: String, id: String?) -> String {
        guard let id, !id.isEmpty else { return what }
        for article in ["a ", "an "] where what.hasPrefix(article) {
            let rest = what.dropFirst(article.count)
            let noun = rest.prefix { $0 != " " }
            return "\(noun) \(id)\(rest.dropFirst(noun.count))"
        }
        return what
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        if case .sequence(let seq) = node { return Array(seq) }
        error("wrong_type", node, "\(what) must be a list", hint: "start each item on its own line with \"- \"")
        return nil
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error("wrong_type", node, "\(what) must be text")
            return nil
        }
        return scalar.string
    }

    func integer(_ node: Node?, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            error("wrong_type", node, "\(what) must be a whole number" + (range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""))
            return nil
        }
        if let range, !range.contains(value) {
            // "the points of objective o1 are 200": the one plural subject among the numbers a file has.
            let verb = what.hasPrefix("the points ") ? "are" : "is"
            error("out_of_range", node, "\(what) \(verb) \(value), but must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            // Read as the number, as a quoted yes/no is read as its value (`quoted_boolean`): a file written before
            // the warning still loads the same.
            warning("quoted_number", at: location(node), "\(what) is the text \"\(scalar.string)\" in quotes, read as the number \(value)",
                    hint: "write \(value) without quotes")
        }
        return value
    }

    /// A yes/no setting. Written without quotes: `true`/`false`, or YAML's other words for them, `yes`/`no` and
    /// `on`/`off`, in any case. In quotes it is read the same, with a warning (`quoted_boolean`): a file that did so
    /// before the warning existed, as a match log may carry, still loads with the value it had.
    func boolean(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error("wrong_type", node, "\(what) must be true or false")
            return nil
        }
        let word = scalar.string.lowercased()
        let value: Bool? = ["true", "yes", "on"].contains(word) ? true : ["false", "no", "off"].contains(word) ? false : nil
        guard let value else {
            error("wrong_type", node, "\(what) must be true or false, not \"\(scalar.string)\"")
            return nil
        }
        if scalar.style != .plain && scalar.style != .any {
            warning("quoted_boolean", at: location(node), "\(what) is the text \"\(scalar.string)\" in quotes, read as \(value)",
                    hint: "write \(value) without quotes")
        }
        return value
    }

    /// A list of strings, accepting a single string as a list of one.
    func stringList(_ node: Node?, _ what: String) -> [(String, Node)]? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node { return [(scalar.string, node)] }
        guard let items = sequence(node, what) else { return nil }
        var result: [(String, Node)] = []
        for item in items {
            if let text = string(item, "each item of \(what)") { result.append((text, item)) }
        }
        return result
    }

    /// Where character `offset` of an expression written in `node` sits in the file.
    func location(of node: Node, offset: Int) -> SourceLocation {
        guard let mark = node.mark, case .scalar(let scalar) = node else { return location(node) }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(line: mark.line, column: mark.column + 1 + offset)
        case .plain, .any:
            return SourceLocation(line: mark.line, column: mark.column + offset)
        case .literal, .folded:
            return SourceLocation(line: mark.line + 1, column: 1)
        }
    }
}
