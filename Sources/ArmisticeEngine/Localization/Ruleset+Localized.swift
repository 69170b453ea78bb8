extension Ruleset {
    /// The same rules with every shown text in `language` (English where the file has no translation). For building
    /// views only: ids, numbers, expressions, `sourceHash` and everything the engine decides with are unchanged, so
    /// a state built by either engine is the same state.
    public func localized(to language: String) -> Ruleset {
        guard let table = translations[language], !table.isEmpty else { return self }
        func t(_ text: String) -> String { table[text] ?? text }
        func t(_ text: String?) -> String? { text.map(t) }
        func messages(_ list: [Message]) -> [Message] { list.map { Message(to: $0.to, text: t($0.text)) } }
        func requirements(_ list: [Requirement]) -> [Requirement] {
            list.map { Requirement(condition: $0.condition, text: $0.text, reason: t($0.reason)) }
        }
        var r = self
        r.title = t(title)
        r.summary = t(summary)
        r.calendar.turnLength = t(calendar.turnLength)
        r.calendar.start = t(calendar.start)   // a "YYYY-MM" start has no translation and stays a date
        r.variants = variants.map { Variant(id: $0.id, name: t($0.name), description: t($0.description)) }
        r.teams = teams.map { var x = $0; x.name = t(x.name); x.brief = t(x.brief); return x }
        r.tracks = tracks.map { var x = $0; x.name = t(x.name); x.description = t(x.description); x.levels = x.levels.mapValues(t); return x }
        r.flags = flags.map { var x = $0; x.name = t(x.name); return x }
        r.projects = projects.map { var x = $0; x.name = t(x.name); x.statuses = x.statuses.map(t); return x }
        r.actions = actions.map { a in
            Action(id: a.id, teams: a.teams, name: t(a.name), description: t(a.description), cost: a.cost, covert: a.covert,
                   repeatable: a.repeatable, parameters: a.parameters.map { var p = $0; p.label = t(p.label); return p }, requirements: requirements(a.requirements),
                   guards: requirements(a.guards), consent: a.consent, chance: a.chance,
                   modifiers: a.modifiers.map { Modifier(condition: $0.condition, add: $0.add, reason: t($0.reason)) },
                   effects: a.effects, failureEffects: a.failureEffects, news: t(a.news), failureNews: t(a.failureNews),
                   intel: messages(a.intel), failureIntel: messages(a.failureIntel), botsSkip: a.botsSkip)
        }
        r.events = events.map { var x = $0; x.name = t(x.name); x.news = t(x.news); x.intel = messages(x.intel); return x }
        r.objectives = objectives.map { var x = $0; x.text = t(x.text); return x }
        r.outcomes = outcomes.map { var x = $0; x.name = t(x.name); x.text = t(x.text); return x }
        return r
    }
}
