/// Counts a YAML text's nodes as they would be once every alias is expanded, as the text is read and before
/// anything is built from it: a few hundred bytes of nested anchors can stand for billions of nodes, and building
/// (or comparing, for a mapping key) such a tree takes minutes. `YAMLComposer` keeps one while it reads libyaml's
/// events, so the cost follows the text's length. Counts saturate at the limit so nothing overflows.
struct YAMLBudget {
    /// Most nodes a ruleset may have with its aliases expanded (the shipped rulesets have a few thousand).
    static let maxNodes = 200_000
    /// Most aliases (`*name`) in one file.
    static let maxAliases = 10_000

    let maxNodes: Int
    let maxAliases: Int
    /// Expanded size of each anchored node.
    private var anchors: [String: Int] = [:]
    /// Open collections: their anchor and their expanded size so far.
    private var open: [(anchor: String?, size: Int)] = []
    private(set) var total = 0
    private var aliases = 0
    /// Whether an alias has been counted: the message then says the size is the expanded one.
    private var expanded = false

    init(maxNodes: Int = Self.maxNodes, maxAliases: Int = Self.maxAliases) {
        self.maxNodes = maxNodes
        self.maxAliases = maxAliases
    }

    /// Where the text goes over a limit, and which; nil if it stays within them or if libyaml finds a syntax
    /// error (the full load then reports that error with its position).
    static func check(_ text: String, maxNodes: Int = maxNodes, maxAliases: Int = maxAliases) -> (location: SourceLocation, message: String)? {
        YAMLComposer.count(text, budget: YAMLBudget(maxNodes: maxNodes, maxAliases: maxAliases))
    }

    /// Why the text is over the budget after the nodes counted so far, if it is.
    var overMessage: String? {
        guard total > maxNodes else { return nil }
        return expanded ? "the file stands for more than \(maxNodes) YAML nodes once its aliases are expanded"
            : "the file has more than \(maxNodes) YAML nodes (values, lists and mappings)"
    }

    /// A scalar.
    mutating func leaf(anchor: String?) {
        if let anchor { anchors[anchor] = 1 }
        add(1)
    }

    /// An alias: why the text is over the budget with it, if it is.
    mutating func alias(_ anchor: String?) -> String? {
        aliases += 1
        if aliases > maxAliases { return "the file uses more than \(maxAliases) aliases (*name)" }
        expanded = true
        // An unknown anchor is libyaml's "found undefined alias", reported by the composer.
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
