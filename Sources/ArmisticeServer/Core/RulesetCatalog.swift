import ArmisticeEngine
import Foundation

/// The scenarios a server offers, by ruleset id, with their source text (a match log keeps the text).
public struct RulesetCatalog: Sendable {
    public struct Entry: Sendable {
        public var text: String
        public var ruleset: Ruleset
        public var file: String
        /// Each variant the file offers, loaded and checked, by variant id.
        public var variants: [String: Ruleset] = [:]

        /// The base rules, or one variant's (nil if the file has no such variant).
        public func ruleset(variant: String?) -> Ruleset? { variant.map { variants[$0] } ?? ruleset }
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    /// Adds a ruleset from its text. A second file with an id already added is refused (the first one stays), with a
    /// diagnostic naming both files.
    public mutating func add(text: String, file: String) throws(RulesetLoadError) {
        let ruleset = try RulesetLoader.load(text: text, file: file)
        if let kept = entries[ruleset.id] {
            throw RulesetLoadError(diagnostics: [Diagnostic(
                code: "duplicate_ruleset_id", file: file, line: 0, column: 0,
                message: "scenario id \"\(ruleset.id)\" is also the id of \(kept.file), which was kept (files are read in name order); this file and its variants were not loaded",
                hint: "give one of them another id")])
        }
        var entry = Entry(text: text, ruleset: ruleset, file: file)
        for variant in ruleset.variants { entry.variants[variant.id] = try RulesetLoader.load(text: text, file: file, variant: variant.id) }
        entries[ruleset.id] = entry
    }

    /// Loads every `.yaml`/`.yml` file in a directory, in name order; returns the files that failed, with their first
    /// problem (a file whose id an earlier file has is one, named with the file kept).
    public static func load(directory: String) -> (RulesetCatalog, failures: [String]) {
        var catalog = RulesetCatalog()
        var failures: [String] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for name in files where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                failures.append("\(path): a folder, not a scenario file; rename it so that its name does not end in .yaml or .yml")
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                failures.append("\(path): cannot be read (check its permissions)")
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                failures.append("\(path): not UTF-8 text; save it as UTF-8")
                continue
            }
            do { try catalog.add(text: text, file: path) } catch {
                failures.append(error.diagnostics.first.map { "\($0)" } ?? "\(path): invalid")
            }
        }
        return (catalog, failures)
    }

    public subscript(id: String) -> Entry? { entries[id] }

    public var ids: [String] { entries.keys.sorted() }
}
