extension CasePackage {
    /// The same package with every shown text in `language` (a code such as `ko`; English where the case file has no
    /// translation, and for `en` or a language the scenario does not declare). Ids, bases and order are unchanged.
    public func localized(to language: String) -> CasePackage {
        guard let table = translations[language], !table.isEmpty else { return self }
        func t(_ text: String) -> String { table[text] ?? text }
        var p = self
        p.title = t(title)
        p.note = note.map(t)
        p.learningObjectives = learningObjectives.map(t)
        p.roles = roles.map { r in
            var x = r
            x.title = t(r.title); x.brief = t(r.brief); x.priorities = r.priorities.map(t); x.questions = r.questions.map(t)
            return x
        }
        // `see` names other terms by their English text, so it is translated with them.
        p.glossary = glossary.map { g in
            var x = g
            x.term = t(g.term); x.expansion = g.expansion.map(t); x.meaning = t(g.meaning); x.see = g.see.map(t)
            return x
        }
        p.timeline = timeline.map { Dated(date: t($0.date), text: t($0.text), basis: $0.basis) }
        p.whatHappenedNext = whatHappenedNext.map { Dated(date: t($0.date), text: t($0.text), basis: $0.basis) }
        p.sources = sources.map(t)
        p.memo = Memo(prompt: t(memo.prompt), length: memo.length.map(t), audience: memo.audience.map(t))
        p.debriefQuestions = debriefQuestions.map(t)
        return p
    }
}
