/// What several viewers' views of one state share: each team's actions (with their availability and chance), its
/// consent questions and the date, computed once for the first view that shows them and reused by the others (a team's
/// view and the instructor's). Valid only for the one state and engine it was filled from.
public struct ViewParts: Sendable {
    /// Per team: its actions, once computed.
    var actions: [[GameView.ActionInfo]?] = []
    /// Per team: its consent questions, once computed.
    var consents: [[GameView.ConsentInfo]?] = []
    /// The date the state's turn stands for, once computed.
    var date: String?

    public init() {}
}
