import CYaml
import Yams

/// Composes a ruleset's YAML text into Yams' node tree in one pass over libyaml's events, keeping a `YAMLBudget`
/// as it goes so a hostile text is refused before it is built. The tree and the errors are those of
/// `Yams.compose` (tested side by side), at a fraction of the cost: Yams checks each mapping for duplicate keys by
/// hashing every key with its resolved tag, which runs regular expressions on each key; here keys are compared as
/// text, and only keys that share a text are compared Yams' way (same text and same resolved tag).
///
/// When the tree cannot be built (a duplicate key, an undefined alias, a second document) the events are still
/// counted to the end: a text over the budget is reported as such wherever its other problems are.
struct YAMLComposer {
    private struct Frame {
        var isMapping: Bool
        /// A sequence's items; a mapping's keys and values, alternating.
        var items: [Node] = []
        var tag: Tag
        var mark: Mark
        var anchor: String?
    }

    private let text: String
    private let file: String
    private var budget: YAMLBudget
    /// Whether nodes are built: false when only counting, or once the tree is known to be broken.
    private var building: Bool
    /// The first problem that stops the tree from being built.
    private var failure: Diagnostic?
    private var anchors: [String: Node] = [:]
    /// One constructor for every tag of the tree, as Yams' parser shares its own: `Constructor.default` builds a
    /// new one, with its tables, on each call.
    private let constructor = Constructor.default
    private var stack: [Frame] = []
    private var root: Node?
    private var documents = 0

    private enum Outcome {
        case composed(Node?)
        case tooLarge(SourceLocation, String)
        case failed(Diagnostic)
    }

    private init(text: String, file: String, budget: YAMLBudget, building: Bool) {
        self.text = text
        self.file = file
        self.budget = budget
        self.building = building
    }

    /// The root node of `text` (nil for an empty text), or its first problem: over the budget (`yaml_too_large`),
    /// a YAML error (`yaml`), a duplicate key (`duplicate_key`). `file` names it in the diagnostic.
    static func compose(_ text: String, file: String, budget: YAMLBudget = YAMLBudget()) throws(RulesetLoadError) -> Node? {
        var composer = YAMLComposer(text: text, file: file, budget: budget, building: true)
        switch composer.run() {
        case .composed(let node):
            return node
        case .tooLarge(let at, let message):
            throw RulesetLoadError(diagnostics: [Diagnostic(code: "yaml_too_large", file: file, line: at.line, column: at.column, message: message,
                                                            hint: "write the repeated parts out instead of nesting anchors and aliases")])
        case .failed(let diagnostic):
            throw RulesetLoadError(diagnostics: [diagnostic])
        }
    }

    /// Only the budget: where `text` goes over it, or nil (within it, or a YAML error comes first).
    static func count(_ text: String, budget: YAMLBudget) -> (location: SourceLocation, message: String)? {
        var composer = YAMLComposer(text: text, file: "", budget: budget, building: false)
        if case .tooLarge(let at, let message) = composer.run() { return (at, message) }
        return nil
    }

    private mutating func run() -> Outcome {
        let direct = text.utf8.withContiguousStorageIfAvailable { run($0) }
        if let direct { return direct }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { run($0) }
    }

    private mutating func run(_ input: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { return .failed(diagnostic("yaml", 0, 0, "YAML: Memory error")) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) != 0 else { return .failed(failure ?? syntaxError(parser)) }
            defer { yaml_event_delete(&event) }
            let mark = Self.mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return failure.map { .failed($0) } ?? .composed(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    fail(diagnostic("yaml", mark.line, mark.column, "YAML syntax: but found another document (expected a single document in the stream)",
                                    hint: Self.syntaxHint))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let anchor = Self.string(scalar.anchor)
                budget.leaf(anchor: anchor)
                guard building else { break }
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tagName = scalar.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(scalar.tag)
                let style = Node.Scalar.Style(rawValue: UInt32(scalar.style.rawValue)) ?? .any
                finish(.scalar(Node.Scalar(value, tag(tagName), style, mark)), anchor: anchor)
            case YAML_ALIAS_EVENT:
                let anchor = Self.string(event.data.alias.anchor)
                if let problem = budget.alias(anchor) { return .tooLarge(SourceLocation(line: mark.line, column: mark.column), problem) }
                guard building else { break }
                guard let anchor, let node = anchors[anchor] else {
                    fail(diagnostic("yaml", mark.line, mark.column, "YAML syntax: found undefined alias", hint: Self.syntaxHint))
                    break
                }
                finish(node, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                // A mapping's start event is laid out as a sequence's (anchor, tag, implicit, style); Yams reads it so too.
                let start = event.data.sequence_start
                let anchor = Self.string(start.anchor)
                budget.open(anchor: anchor)
                guard building else { break }
                stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, tag: tag(start.implicit != 0 ? nil : Self.string(start.tag)),
                                   mark: mark, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                budget.close()
                guard building, let frame = stack.popLast() else { break }
                close(frame)
            default:
                break
            }
            if let over = budget.overMessage { return .tooLarge(SourceLocation(line: mark.line, column: mark.column), over) }
        }
    }

    /// A collection's end: the node it makes (for a mapping, once its keys are known to differ).
    private mutating func close(_ frame: Frame) {
        guard frame.isMapping else {
            finish(.sequence(Node.Sequence(frame.items, frame.tag, .any, frame.mark)), anchor: frame.anchor)
            return
        }
        var pairs: [(Node, Node)] = []
        pairs.reserveCapacity(frame.items.count / 2)
        var i = 0
        while i + 1 < frame.items.count {
            pairs.append((frame.items[i], frame.items[i + 1]))
            i += 2
        }
        if let duplicate = duplicateKeys(pairs, inList: stack.last.map { !$0.isMapping } ?? false) {
            fail(duplicate)
            return
        }
        finish(.mapping(Node.Mapping(pairs, frame.tag, .any, frame.mark)), anchor: frame.anchor)
    }

    /// A finished node: registered under its anchor, then added to the collection it is in (or made the root).
    private mutating func finish(_ node: Node, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
        }
    }

    private mutating func fail(_ diagnostic: Diagnostic) {
        if failure == nil { failure = diagnostic }
        building = false
        stack = []
        anchors = [:]
    }

    /// Yams' rule for a mapping: no two keys may be equal nodes (for scalars: the same text and the same resolved
    /// tag), reported at the first of the sorted duplicates. Only keys that share a text, or are not scalars, are
    /// compared that way: resolving a tag runs regular expressions. When a list item repeats several keys, the
    /// likely cause is a next item that lost its "- ": that is reported where the repeats start.
    private func duplicateKeys(_ pairs: [(Node, Node)], inList: Bool) -> Diagnostic? {
        var suspect = false
        if pairs.count <= 16 {
            search: for i in pairs.indices {
                guard case .scalar(let key) = pairs[i].0 else { suspect = true; break }
                for j in 0..<i where pairs[j].0.scalar?.string == key.string { suspect = true; break search }
            }
        } else {
            var seen = Set<String>(minimumCapacity: pairs.count)
            for (key, _) in pairs {
                guard case .scalar(let scalar) = key, seen.insert(scalar.string).inserted else { suspect = true; break }
            }
        }
        guard suspect else { return nil }
        let repeated = Dictionary(grouping: pairs.map(\.0)) { $0 }.filter { $1.count > 1 }
        let sorted = repeated.keys.sorted()
        guard let first = sorted.first else { return nil }
        let listed = sorted.map { $0.string ?? "<uncovertable>" }.joined(separator: ", ")
        if inList, sorted.count > 1 {
            // The earliest second occurrence: where the item that lost its dash begins.
            let seconds = repeated.values.compactMap { $0.dropFirst().first?.mark }
            if let at = seconds.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                return diagnostic("duplicate_key", at.line, at.column, "keys appear twice in one list item: \(listed); the item starting here may have lost its \"- \"",
                                  hint: "if a new item starts here, put \"- \" before its first key, aligned with the other items' dashes; otherwise keep one of each key")
            }
        }
        let at = first.mark ?? Self.mark(yaml_mark_t())
        return diagnostic("duplicate_key", at.line, at.column, "keys appear twice: \(listed)", hint: "keep one of each")
    }

    static let syntaxHint = "check the indentation and quoting on this line and the one before"
    /// libyaml's limit on lists and maps inside each other (its `MAX_NESTING_LEVEL`, which Yams does not change).
    static let maxNesting = 1000

    /// libyaml's error, as `Yams` reports it.
    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            // Yams gives the offset in characters, or none when the byte is inside one.
            let index = text.utf8.index(text.utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: text.utf8.endIndex)?.samePosition(in: text)
            let at = index.map { RulesetLoader.location(ofCharacter: text.distance(from: text.startIndex, to: $0), in: text) } ?? SourceLocation(line: 1, column: 1)
            let value = parser.problem_value
            let what = value >= 0 ? " (character 0x\(String(value, radix: 16, uppercase: true)))" : ""
            return diagnostic("yaml", at.line, at.column, "YAML: \(problem)\(what)",
                              hint: "remove the character or write it as an escape (\"\\u0007\") inside double quotes")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR where problem.hasPrefix("Maximum nesting level reached"):
            // libyaml's own words name its C function: say the limit instead.
            return diagnostic("yaml", Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1,
                              "YAML: lists and maps are nested more than \(Self.maxNesting) levels deep here",
                              hint: "a scenario needs a few levels: look for brackets or indentation that never close")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            var message = "YAML syntax: \(problem)"
            if let context = parser.context { message += " (\(String(cString: context)))" }
            return diagnostic("yaml", Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1, message, hint: Self.syntaxHint)
        default:
            return diagnostic("yaml", 0, 0, "YAML: Memory error")
        }
    }

    private func diagnostic(_ code: String, _ line: Int, _ column: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: code, file: file, line: line, column: column, message: message, hint: hint)
    }

    /// A libyaml position as Yams' 1-based `Mark`. `Mark` has no public initializer; it is two `Int`s, line then
    /// column, laid out as this tuple is (`unsafeBitCast` traps if the sizes ever differ, and the test comparing
    /// this tree with `Yams.compose`'s checks every mark).
    private static func mark(_ mark: yaml_mark_t) -> Mark {
        unsafeBitCast((Int(mark.line) + 1, Int(mark.column) + 1), to: Mark.self)
    }

    /// A tag as Yams' composer makes it: implicit when the text gives none.
    private func tag(_ name: String?) -> Tag {
        Tag(name.map(Tag.Name.init(rawValue:)) ?? .implicit, .default, constructor)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
