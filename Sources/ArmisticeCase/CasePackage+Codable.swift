extension CasePackage {
    /// Reads a package written before it had languages (a report saved then) as English only.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ruleset = try c.decode(String.self, forKey: .ruleset)
        title = try c.decode(String.self, forKey: .title)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        learningObjectives = try c.decode([String].self, forKey: .learningObjectives)
        roles = try c.decode([Role].self, forKey: .roles)
        glossary = try c.decode([Term].self, forKey: .glossary)
        timeline = try c.decode([Dated].self, forKey: .timeline)
        whatHappenedNext = try c.decode([Dated].self, forKey: .whatHappenedNext)
        sources = try c.decode([String].self, forKey: .sources)
        memo = try c.decode(Memo.self, forKey: .memo)
        debriefQuestions = try c.decode([String].self, forKey: .debriefQuestions)
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? ["en"]
        translations = try c.decodeIfPresent([String: [String: String]].self, forKey: .translations) ?? [:]
    }
}
