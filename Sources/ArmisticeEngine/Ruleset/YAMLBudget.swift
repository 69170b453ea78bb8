import CYaml

/// Counts a YAML text's nodes as they would be once every alias is expanded, before anything is built from it:
/// a few hundred bytes of nested anchors can stand for billions of nodes, and building (or comparing, for a
/// mapping key) such a tree takes minutes. Reads libyaml's events only, so the cost follows the text's length.
enum YAMLBudget {
    /// Most nodes a ruleset may have with its aliases expanded (the shipped rulesets have a few thousand).
    static let maxNodes = 200_000
    /// Most aliases (`*name`) in one file.
    static let maxAliases = 10_000

    /// Where the text goes over a limit, and which; nil if it stays within them or if libyaml finds a syntax
    /// error (the full load then reports that error with its position).
    static func check(_ text: String, maxNodes: Int = maxNodes, maxAliases: Int = maxAliases) -> (location: SourceLocation, message: String)? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter(maxNodes: maxNodes, maxAliases: maxAliases)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) != 0 else { return nil }
                defer { yaml_event_delete(&event) }
                let at = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_SCALAR_EVENT:
                    counter.leaf(1, anchor: name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT:
                    if let problem = counter.alias(name(event.data.alias.anchor)) { return (at, problem) }
                case YAML_SEQUENCE_START_EVENT:
                    counter.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    counter.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    counter.close()
                default: break
                }
                if counter.total > maxNodes {
                    return (at, "the file stands for more than \(maxNodes) YAML nodes once its aliases are expanded")
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    /// Node counts with aliases expanded, saturating at the limit so nothing overflows.
    private struct Counter {
        let maxNodes: Int
        let maxAliases: Int
        var anchors: [String: Int] = [:]
        /// Open collections: their anchor and their expanded size so far.
        var open: [(anchor: String?, size: Int)] = []
        var total = 0
        var aliases = 0

        mutating func leaf(_ size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = size }
            add(size)
        }

        mutating func alias(_ anchor: String?) -> String? {
            aliases += 1
            if aliases > maxAliases { return "the file uses more than \(maxAliases) aliases (*name)" }
            // An unknown anchor is libyaml's "found undefined alias", reported by the full load.
            add(anchor.flatMap { anchors[$0] } ?? 1)
            return nil
        }

        mutating func open(anchor: String?) {
            total = min(total + 1, maxNodes + 1)
            open.append((anchor, 1))
        }

        mutating func close() {
            guard let done = open.popLast() else { return }
            if let anchor = done.anchor { anchors[anchor] = done.size }
            if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + done.size, maxNodes + 1) }
        }

        /// A leaf or an expanded alias: counted in the whole file and in every collection around it.
        private mutating func add(_ size: Int) {
            total = min(total + size, maxNodes + 1)
            if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, maxNodes + 1) }
        }
    }
}
