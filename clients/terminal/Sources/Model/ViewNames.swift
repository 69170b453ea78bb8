import ArmisticeEngine

/// The names this seat's view knows, for the records renderer (`RecordText`, shared with the report). A name the
/// view does not carry comes back nil, and the renderer shows the id made readable.
///
/// Only the instructor's view lists the scenario's events; a student knows an event's name from its `event` record,
/// whose `text` is the name in the reader's language (as the browser's `recordWords` does).
public struct ViewNames: RecordNames, Sendable {
    public let view: GameViewInfo
    public let records: [RecordInfo]

    public init(_ view: GameViewInfo, records: [RecordInfo] = []) { self.view = view; self.records = records }

    public func teamName(_ id: String) -> String? { view.team(id)?.name }
    public func actionName(_ id: String) -> String? { view.knownActionName(id) }
    public func targetName(_ id: String) -> String? {
        view.tracks.first { $0.id == id }?.name ?? view.projects.first { $0.id == id }?.name ?? view.flags.first { $0.id == id }?.name
    }
    public func isFlag(_ id: String) -> Bool { view.flags.contains { $0.id == id } }
    public func eventName(_ id: String) -> String? {
        view.events.first { $0.id == id }?.name
            ?? records.first { $0.kind == "event" && $0["event"]?.string == id }?["text"]?.string
    }
    public func dealProposer(_ id: Int) -> String? { view.deals.first { $0.id == id }?.proposer }
}
