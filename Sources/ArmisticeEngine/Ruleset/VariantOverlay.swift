import Yams

/// Applies one variant's `override` to a ruleset's YAML tree before it is built, so a variant is checked exactly
/// like a whole file. Mappings merge key by key (a key set to `~` is removed); lists whose items all have an `id`
/// merge item by item (an item with `remove: true` drops the base item; an unknown id is appended); anything else
/// is replaced.
struct VariantOverlay {
    let reader: YAMLReader

    /// Keys a variant may not override: they name the file, not the game.
    static let fixedKeys = ["format", "id", "variants", "languages"]

    /// A variant id: like other ids, but "-" is allowed too (`class-50`).
    static func isValidID(_ id: String) -> Bool {
        RulesetLoader.isValidID(id.replacingOccurrences(of: "-", with: "_"))
    }

    /// The root with variant `id`'s override applied, or nil (with a diagnostic) if the file has no such variant.
    func apply(_ id: String, to root: Node) -> Node? {
        guard case .mapping(let top) = root else { return root }   // the builder reports the shape
        let variants = top.first { $0.key.scalar?.string == "variants" }?.value
        var known: [String] = []
        if case .sequence(let items)? = variants {
            for item in items {
                guard case .mapping(let map) = item, let itemID = map.first(where: { $0.key.scalar?.string == "id" })?.value.scalar?.string
                else { continue }
                known.append(itemID)
                guard itemID == id else { continue }
                guard let override = map.first(where: { $0.key.scalar?.string == "override" })?.value else { return root }
                guard case .mapping(let o) = override else {
                    reader.error("wrong_type", override, "the override of variant \(id) must be a mapping of top-level keys")
                    return nil
                }
                for (key, _) in o where Self.fixedKeys.contains(key.scalar?.string ?? "") {
                    reader.error("fixed_key", key, "variant \(id) cannot override \"\(key.scalar?.string ?? "")\"",
                                 hint: "a variant changes the game, not the file's \(Self.fixedKeys.joined(separator: ", "))")
                }
                return merge(root, override)
            }
        }
        reader.error("unknown_variant", at: .unknown, "no variant \"\(id)\"",
                     hint: known.isEmpty ? "the file has no variants" : "the variants are \(known.joined(separator: ", "))")
        return nil
    }

    /// `list` is the key the two nodes are under (`events`), to name an item the variant adds.
    func merge(_ base: Node, _ over: Node, list: String? = nil) -> Node {
        switch (base, over) {
        case (.mapping(let b), .mapping(let o)):
            var pairs = b.map { ($0.key, $0.value) }
            for (key, value) in o {
                let name = key.scalar?.string
                if let i = pairs.firstIndex(where: { $0.0.scalar?.string == name }) {
                    if value.null != nil { pairs.remove(at: i) } else { pairs[i].1 = merge(pairs[i].1, value, list: name) }
                } else if value.null == nil {
                    pairs.append((key, value))
                }
            }
            return .mapping(Node.Mapping(pairs, b.tag, b.style, b.mark))
        case (.sequence(let b), .sequence(let o)) where !o.isEmpty && o.allSatisfy({ Self.itemID($0) != nil }):
            var nodes = Array(b)
            for item in o {
                let id = Self.itemID(item)
                let removing = Self.removes(item)
                if let i = nodes.firstIndex(where: { Self.itemID($0) == id }) {
                    if removing { nodes.remove(at: i) } else { nodes[i] = merge(nodes[i], Self.withoutRemove(item)) }
                } else if removing {
                    let baseIDs = nodes.compactMap(Self.itemID)
                    reader.error("unknown_id", item, "the variant removes \"\(id ?? "")\", which the base list does not have",
                                 hint: Suggest.didYouMean(id ?? "", in: baseIDs) ?? (baseIDs.isEmpty ? nil : "its ids are \(baseIDs.joined(separator: ", "))"))
                } else {
                    let kind = list.map { $0.hasSuffix("s") ? String($0.dropLast()) : $0 } ?? "item"
                    let baseIDs = nodes.compactMap(Self.itemID)
                    let guess = Suggest.closest(to: id ?? "", in: baseIDs).map { " (did you mean \($0)?)" } ?? ""
                    reader.variantAdditions[reader.location(item)] = "the base file has no \(kind) \(id ?? "")\(guess), so the variant adds it as a new \(kind)"
                    nodes.append(item)
                }
            }
            return .sequence(Node.Sequence(nodes, b.tag, b.style, b.mark))
        default:
            return over
        }
    }

    static func itemID(_ node: Node) -> String? {
        guard case .mapping(let map) = node else { return nil }
        return map.first { $0.key.scalar?.string == "id" }?.value.scalar?.string
    }

    static func removes(_ node: Node) -> Bool {
        guard case .mapping(let map) = node else { return false }
        return map.first { $0.key.scalar?.string == "remove" }?.value.scalar?.string == "true"
    }

    static func withoutRemove(_ node: Node) -> Node {
        guard case .mapping(let map) = node else { return node }
        return .mapping(Node.Mapping(map.filter { $0.key.scalar?.string != "remove" }.map { ($0.key, $0.value) }, map.tag, map.style, map.mark))
    }
}
