import ArmisticeEngine

/// The names this seat's view knows, for the records renderer (`RecordText`, shared with the report). A name the
/// view does not carry comes back nil, and the renderer shows the id made readable.
public struct ViewNames: RecordNames, Sendable {
    public let view: GameViewInfo

    public init(_ view: GameViewInfo) { self.view = view }

    public func teamName(_ id: String) -> String? { view.team(id)?.name }
    public func actionName(_ id: String) -> String? { view.knownActionName(id) }
    public func targetName(_ id: String) -> String? {
        view.tracks.first { $0.id == id }?.name ?? view.projects.first { $0.id == id }?.name ?? view.flags.first { $0.id == id }?.name
    }
    public func eventName(_ id: String) -> String? { view.events.first { $0.id == id }?.name }
    public func dealProposer(_ id: Int) -> String? { view.deals.first { $0.id == id }?.proposer }
}
