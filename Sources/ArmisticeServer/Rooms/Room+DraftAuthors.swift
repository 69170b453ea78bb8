import ArmisticeEngine
import ArmisticeWire

extension Room {
    /// Notes what an applied input did to who set each team's draft: a new turn forgets them all, and a `set_orders`
    /// names its sender. The server and the rebuild from the log call it alike, so a restart keeps it. Returns
    /// whether it changed.
    @discardableResult
    func noteDraftAuthor(of input: Input, by: String, turnBefore: Int) -> Bool {
        let before = draftAuthors
        if state.turn != turnBefore { draftAuthors = [:] }
        if case .setOrders(let team, _) = input, let t = engine.ruleset.teamIndex(team) {
            let bot = by == "bot" || seats.contains { $0.id == by && $0.bot != nil }
            draftAuthors[t] = DraftAuthor(seat: by, bot: bot)
        }
        return draftAuthors != before
    }

    /// What an audience may know of who set the drafts: its own team's (every team's, for the instructor), by team
    /// id; nil for observers.
    func draftAuthors(for audience: Audience) -> [String: DraftAuthor]? {
        switch audience {
        case .observer: return nil
        case .instructor: return Dictionary(uniqueKeysWithValues: draftAuthors.map { (teamIDs[$0.key], $0.value) })
        case .team(let t): return draftAuthors[t].map { [teamIDs[t]: $0] } ?? [:]
        }
    }
}
