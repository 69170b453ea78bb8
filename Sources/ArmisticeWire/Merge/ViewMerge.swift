/// The client side of armistice.v2 updates (docs/protocol.md): a client holds the view from its last snapshot
/// (without its records, which it keeps as a list) and merges each update into it. The browser's and the Python test
/// bot's merges do the same; all three are checked against one file of cases taken from a real match
/// (Tests/Fixtures/wire/merge-cases.json).
public enum ViewMerge {
    /// The view after `message`, given the view held before it: a snapshot's view, an armistice.v1 update's view,
    /// an armistice.v2 update's `changes` and `patches` applied to `held` (an empty view if none is held); any other
    /// message leaves the view as it was. A view never holds `records`.
    public static func apply(_ message: JSONValue, to held: [String: JSONValue]?) -> [String: JSONValue]? {
        switch message["type"]?.string {
        case "snapshot":
            return withoutRecords(message["view"])
        case "update":
            if let whole = message["view"] { return withoutRecords(whole) }   // armistice.v1
            return merge(message, into: held ?? [:])
        default:
            return held
        }
    }

    /// An armistice.v2 update merged into `view`: each field in `changes` replaces the view's (null: the field is
    /// gone); then, for each list in `patches`, each element named by its index gets the properties given (null: the
    /// property is gone). An index past the list's end, or a patch of a field that is not a list, is ignored.
    public static func merge(_ update: JSONValue, into view: [String: JSONValue]) -> [String: JSONValue] {
        var view = view
        for (key, value) in update["changes"]?.object ?? [:] {
            view[key] = value.isNull ? nil : value
        }
        for (key, elements) in update["patches"]?.object ?? [:] {
            guard case .array(var list) = view[key] else { continue }
            for (index, properties) in elements.object {
                guard let i = Int(index), list.indices.contains(i), case .object(var item) = list[i] else { continue }
                for (property, value) in properties.object { item[property] = value.isNull ? nil : value }
                list[i] = .object(item)
            }
            view[key] = .array(list)
        }
        return view
    }

    private static func withoutRecords(_ view: JSONValue?) -> [String: JSONValue] {
        var fields = view?.object ?? [:]
        fields["records"] = nil
        return fields
    }
}
