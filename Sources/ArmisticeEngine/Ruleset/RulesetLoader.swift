import Crypto
import Foundation
import Yams

/// Turns the text of a ruleset file into a checked `Ruleset`, or every problem in it at once.
public enum RulesetLoader {
    public static let supportedFormat = 1
    public static let maxTeams = 16

    /// Loads and checks a ruleset, as one of its variants if `variant` is given (nil: the base rules).
    /// `file` names it in diagnostics; no file is read here.
    public static func load(text: String, file: String, variant: String? = nil) throws(RulesetLoadError) -> Ruleset {
        let reader = YAMLReader(file: variant.map { "\(file) (variant \($0))" } ?? file)
        let composed = try YAMLComposer.compose(text, file: file)
        guard var root = composed else {
            throw RulesetLoadError(diagnostics: [Diagnostic(code: "empty", file: file, line: 1, column: 1, message: "the file is empty",
                                                            hint: "start from rulesets/tutorial.yaml")])
        }
        if let variant {
            guard let overlaid = VariantOverlay(reader: reader).apply(variant, to: root), reader.diagnostics.isEmpty else {
                throw RulesetLoadError(diagnostics: reader.diagnostics)
            }
            root = overlaid
        }
        let builder = RulesetBuilder(reader: reader, text: text)
        var ruleset = builder.build(root)
        ruleset?.variant = variant
        if let ruleset, reader.diagnostics.isEmpty { return ruleset }
        var diagnostics = reader.diagnostics
        if diagnostics.isEmpty {
            diagnostics = [Diagnostic(code: "invalid", file: file, line: 1, column: 1, message: "the ruleset could not be loaded")]
        }
        diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        throw RulesetLoadError(diagnostics: diagnostics)
    }

    /// The 1-based line and column of the `offset`th character of `text`.
    static func location(ofCharacter offset: Int, in text: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }

    /// Where a file's bytes stop being UTF-8 (1-based line and column, counting characters before it), or nil if
    /// they are all UTF-8.
    public static func firstInvalidUTF8(_ bytes: some Collection<UInt8>) -> SourceLocation? {
        // Most text is ASCII: one pass without decoding answers for it.
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: return nil
            case .error: return SourceLocation(line: line, column: column)
            }
        }
    }

    /// Ids are lowercase letters, digits and "_", starting with a letter, at most 40 characters.
    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (97...122).contains(first), bytes.count <= 40 else { return false }
        return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
    }

    static func sha256Hex(_ text: String) -> String {
        hexString(SHA256.hash(data: Array(text.utf8)))
    }
}
