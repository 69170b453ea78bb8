extension Engine {
    /// The state as one team may know it: what its view shows is kept, everything else is replaced by what the
    /// team would assume without it (hidden tracks, flags and projects at their starting values, other teams' drafts
    /// and budgets empty, deals it is not party to gone, no dice, no events counted, only the records it sees).
    /// Two states whose views for `team` are equal mask to equal states, so a bot given the masked state decides
    /// from its team's view alone.
    public func masked(_ state: GameState, for team: Int) -> GameState {
        let bit = UInt32(1) << UInt32(team)
        func sees(_ visibility: UInt32) -> Bool { Self.sees(visibility, mask: bit) }
        let teamID = ruleset.teams[team].id
        var m = state
        for (i, track) in ruleset.tracks.enumerated() where !sees(state.trackVisibility[i]) { m.tracks[i] = track.start }
        for (i, flag) in ruleset.flags.enumerated() where !sees(flag.visibility.mask) { m.flags[i] = flag.start }
        for (i, project) in ruleset.projects.enumerated() where !sees(project.visibility.mask) { m.projects[i] = project.start }
        m.random = SplitMix64(seed: 0)
        for t in ruleset.teams.indices where t != team {
            m.budgets[t] = 0
            m.drafts[t] = TeamOrders()
        }
        m.deals = state.deals.filter { $0.parties.contains(teamID) }
        m.eventsFired = Array(repeating: 0, count: state.eventsFired.count)
        m.scores = nil
        m.records = records(state.records.filter { $0.isVisible(to: teamID) }, as: .team(team))
        return m
    }
}
