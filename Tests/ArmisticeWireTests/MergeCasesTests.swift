import ArmisticeWire
import Foundation
import Testing

/// The cases every client's view merge must pass (the browser's and the Python bot's run the same file):
/// each is a view held, the messages a real match sent next, and the view the server's own snapshot showed after them.
@Suite struct MergeCasesTests {
    static var file: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wire/merge-cases.json").path
    }

    static func cases() throws -> [JSONValue] {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        return try JSONDecoder().decode(JSONValue.self, from: data)["cases"]?.array ?? []
    }

    @Test func theFileHoldsCasesOfEveryKind() throws {
        let cases = try Self.cases()
        let messages = cases.flatMap { $0["messages"]?.array ?? [] }
        #expect(cases.count >= 10)
        #expect(messages.contains { $0["patches"] != nil }, "a patch of list elements")
        #expect(messages.contains { $0["patches"]?.object.values.contains { $0.object.values.contains { $0.object.values.contains(.null) } } == true },
                "a property that is gone")
        #expect(messages.contains { $0["changes"]?["deals"] != nil }, "a deal")
        #expect(messages.contains { $0["type"]?.string == "chat" }, "a message that is not an update")
        #expect(messages.contains { $0["type"]?.string == "update" && $0["view"] != nil }, "an armistice.v1 update")
    }

    @Test func theWireMergeGivesTheServersViewInEveryCase() throws {
        for c in try Self.cases() {
            let name = c["name"]?.string ?? "?"
            let held = c["view"].flatMap { $0.isNull ? nil : $0.object }
            let merged = (c["messages"]?.array ?? []).reduce(held) { ViewMerge.apply($1, to: $0) }
            #expect(merged.map(JSONValue.object) == c["expected"], "\(name)")
        }
    }

    /// The server sends a seat whose audience changes a snapshot, so no update in the file drops a whole field.
    @Test func aFieldChangedToNullIsGone() {
        let update: JSONValue = ["type": "update", "changes": ["outcome": .null, "phase": "orders"]]
        #expect(ViewMerge.apply(update, to: ["outcome": ["id": "x"], "phase": "results"]) == ["phase": "orders"])
    }

    @Test func anIndexPastTheEndAndAPatchOfANonListAreIgnored() {
        let view: [String: JSONValue] = ["turn": 1, "teams": [["id": "a", "budget": 3]]]
        let update: JSONValue = ["type": "update", "changes": ["turn": 2], "patches": ["teams": ["0": ["budget": 5], "4": ["budget": 9]], "turn": ["0": ["x": 1]]]]
        #expect(ViewMerge.apply(update, to: view) == ["turn": 2, "teams": [["id": "a", "budget": 5]]])
    }

    @Test func aSnapshotReplacesTheViewWithoutItsRecords() {
        let snapshot: JSONValue = ["type": "snapshot", "view": ["turn": 3, "records": [["kind": "phase"]]]]
        #expect(ViewMerge.apply(snapshot, to: ["turn": 1, "phase": "orders"]) == ["turn": 3])
    }
}
