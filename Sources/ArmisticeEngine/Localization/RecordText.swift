import ArmisticeLocale

/// The names a record's ids are shown with: a ruleset's (the report, replay) or a view's (the terminal). Ids that
/// are not known come back readable ("north_korea" → "north korea").
public protocol RecordNames {
    func teamName(_ id: String) -> String?
    func actionName(_ id: String) -> String?
    /// A track's, flag's or project's name.
    func targetName(_ id: String) -> String?
    /// Whether a target is a flag: its values read as yes and no, not 1 and 0.
    func isFlag(_ id: String) -> Bool
    /// A project's stage at a position (0 for the first), as the scenario names it in the reader's language; nil for
    /// a target that is not a project, or a position it does not have (the renderer then shows the number).
    func stageName(_ project: String, at index: Int) -> String?
    /// A parameter's label (`label:` in the scenario, in the reader's language); nil when the scenario gives none
    /// (the renderer then shows the id made readable).
    func parameterName(_ parameter: String, of action: String) -> String?
    func eventName(_ id: String) -> String?
    /// The team that proposed a deal, when known: a deal's record names the team that acted on it, which for an
    /// answer is not the proposer.
    func dealProposer(_ id: Int) -> String?
}

extension RecordNames {
    public func stageName(_ project: String, at index: Int) -> String? { nil }
    public func parameterName(_ parameter: String, of action: String) -> String? { nil }
}

/// One record in words: a short label ("Result", "Deal"), the line itself, and a detail (dice, causes, notes).
public struct RecordLine: Sendable, Hashable, Codable {
    public var label: String
    public var text: String
    public var detail: String

    /// The line and its detail as one sentence, for the terminal and the report; `labelled` puts the label first
    /// (news, intelligence, events and outcomes, whose text is not a sentence about what kind of thing it is).
    public func sentence(labelled: Bool = false) -> String {
        let head = labelled && !label.isEmpty ? "\(label): \(text)" : text
        return detail.isEmpty ? head : "\(head) (\(detail))"
    }
}

/// The one renderer of records into words, used by the terminal client and by replays and reports. The browser's
/// renderer (clients/web/js/records.js) says the same things: both are checked against the cases in
/// Tests/Fixtures/records/record-text-cases.json, and their `record.*` and `phase.*` catalog entries are identical.
/// Record texts (news, reasons, event texts) arrive already in the reader's language (`RecordTranslator`); this adds
/// the words around them.
public struct RecordText: Sendable {
    public let catalog: Catalog
    private let names: any RecordNames & Sendable

    public init(names: any RecordNames & Sendable, language: Language) {
        self.names = names
        catalog = Catalog(language: language)
    }

    public func team(_ id: String?) -> String { id.map { names.teamName($0) ?? Self.readable($0) } ?? "?" }
    public func action(_ id: String?) -> String { id.map { names.actionName($0) ?? Self.readable($0) } ?? "?" }
    public func target(_ id: String?) -> String { id.map { names.targetName($0) ?? Self.readable($0) } ?? "?" }
    public func event(_ id: String?) -> String { id.map { names.eventName($0) ?? Self.readable($0) } ?? "?" }

    /// A catalog message with its placeholders filled, in Korean with the particles fitted to the words filled in
    /// (`{team}이(가)` reads 한국이, 미국이, 유엔이; `합의 #{deal}을(를)` reads 합의 #2를): `Josa`, the one resolver, which
    /// the report, the replay and the refusals use too (the browser's records.js gets the same from catalog.js).
    public func phrase(_ key: String, _ args: [String: String] = [:]) -> String { Self.phrase(key, args, in: catalog) }

    /// A catalog message in a catalog's language, filled, its Korean particles fitted.
    public static func phrase(_ key: String, _ args: [String: String] = [:], in catalog: Catalog) -> String {
        Josa.resolvingParticles(catalog.text(key, args), in: catalog.language)
    }

    /// A record's label, line and detail. `status`, for a deal's record, says its status in other words than its
    /// result's (the replay's "carried out in part", which it reads from the step's other records).
    public func line(_ r: Record, status statusWord: String? = nil) -> RecordLine {
        func n(_ v: Int?) -> String { v.map(String.init) ?? "?" }
        func detail(_ parts: [String?]) -> String { parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ") }
        let label = phrase(Self.kindKeys[r.kind]!)
        switch r.kind {
        case .phase:
            return RecordLine(label: label, text: phrase("record.text.phase", ["turn": String(r.turn), "phase": phaseName(r.phase)]), detail: "")
        case .news, .hash:
            return RecordLine(label: label, text: (r.kind == .hash ? r.hash : r.text) ?? "", detail: "")
        case .intel:
            let seen = (r.visibleTo ?? []).isEmpty ? nil
                : phrase("record.text.seen_by", ["teams": (r.visibleTo ?? []).map { team($0) }.joined(separator: ", ")])
            return RecordLine(label: label, text: r.text ?? "", detail: detail([seen]))
        case .order:
            var params = ""
            if let ps = r.params, !ps.isEmpty {
                let parts = ps.keys.sorted().map { k in
                    phrase("record.text.param", ["name": parameterName(k, of: r.action), "value": parameter(ps[k]!)])
                }
                params = phrase("record.text.params", ["params": parts.joined(separator: ", ")])
            }
            let text = phrase("record.text.order", ["team": team(r.team), "action": action(r.action) + params, "result": result(r.result)])
            let dice: String? = r.roll.map { phrase("record.text.rolled", ["roll": String($0), "chance": n(r.chance)]) }
                ?? r.chance.map { phrase("record.text.chance", ["chance": String($0)]) }
            let mods = (r.modifiers ?? []).map { "\($0.add >= 0 ? "+" : "")\($0.add) \($0.reason)" }.joined(separator: "; ")
            return RecordLine(label: label, text: text,
                              detail: detail([dice, mods.isEmpty ? nil : phrase("record.text.modifiers", ["mods": mods]), r.reason, r.text]))
        case .effect:
            let text: String
            if r.result == "revealed" {
                // One record per team the value is revealed to: the line names it, so two reveals read as two facts.
                let to = (r.visibleTo ?? []).map { team($0) }.joined(separator: ", ")
                text = to.isEmpty ? phrase("record.text.revealed", ["target": target(r.target), "value": n(r.to)])
                    : phrase("record.text.revealed_to", ["target": target(r.target), "teams": to, "value": n(r.to)])
            } else if r.target != nil {
                text = phrase("record.text.effect", ["target": target(r.target), "from": value(r.from, of: r.target), "to": value(r.to, of: r.target)])
            } else {
                text = r.text ?? ""
            }
            return RecordLine(label: label, text: text, detail: cause(r.reason))
        case .event:
            return RecordLine(label: label, text: r.text ?? event(r.event),
                              detail: detail([cause(r.result), r.roll.map { phrase("record.text.roll", ["roll": String($0)]) }]))
        case .draw:
            let text = r.event.map { phrase("record.text.draw_of", ["event": event($0)]) } ?? phrase("record.text.draw")
            let dice = r.roll.map { roll in
                r.chance.map { phrase("record.text.rolled", ["roll": String(roll), "chance": String($0)]) } ?? phrase("record.text.roll", ["roll": String(roll)])
            }
            return RecordLine(label: label, text: text, detail: detail([dice, r.result.map(result)]))
        case .deal:
            let id = n(r.deal)
            let status = statusWord ?? result(r.result)
            let text: String
            if let actor = r.team, let proposer = r.deal.flatMap(names.dealProposer), actor != proposer {
                text = phrase(r.result == "rejected" ? "record.text.deal_rejects" : "record.text.deal_accepts",
                              ["team": team(actor), "deal": id, "proposer": team(proposer), "result": status])
            } else if let actor = r.team {
                text = phrase("record.text.deal_team", ["deal": id, "team": team(actor), "result": status])
            } else {
                text = phrase("record.text.deal", ["deal": id, "result": status])
            }
            return RecordLine(label: label, text: text, detail: r.text ?? "")
        case .adjustment:
            return RecordLine(label: label, text: phrase("record.text.adjustment", ["target": target(r.target), "from": value(r.from, of: r.target), "to": value(r.to, of: r.target)]),
                              detail: r.reason ?? "")
        case .locked:
            return RecordLine(label: label, text: phrase("record.text.locked", ["team": team(r.team)]), detail: "")
        case .outcome:
            let scores = (r.scores ?? [:]).sorted { $0.key < $1.key }.map { "\(team($0.key)) \($0.value)" }.joined(separator: ", ")
            return RecordLine(label: label, text: r.text ?? r.outcome.map(Self.readable) ?? "?", detail: detail([r.reason, scores]))
        }
    }

    /// A record as one sentence: its line and detail, after its label where the line alone would not say what it is.
    public func sentence(_ r: Record, status: String? = nil) -> String {
        line(r, status: status).sentence(labelled: Self.labelledKinds.contains(r.kind))
    }

    static let labelledKinds: Set<Record.Kind> = [.news, .intel, .event, .outcome, .hash]

    /// A phase's name in the reader's language.
    public func phaseName(_ phase: Phase?) -> String { Self.phaseName(phase, catalog) }

    /// A phase's name in a catalog's language.
    public static func phaseName(_ phase: Phase?, _ catalog: Catalog) -> String {
        phase.map { phrase(phaseKeys[$0]!, in: catalog) } ?? "?"
    }

    /// A bot policy's name in a catalog's language (`greedy` → 적극형), the same word in every screen that names one
    /// (the replay, the report, the clients); nil for a policy the catalog does not know.
    public static func policyName(_ policy: String, _ catalog: Catalog) -> String? {
        switch policy {
        case "greedy": catalog.text("bot.name.greedy")
        case "random": catalog.text("bot.name.random")
        case "idle": catalog.text("bot.name.idle")
        case "block-all": catalog.text("bot.name.block-all")
        case "approve-all": catalog.text("bot.name.approve-all")
        default: nil
        }
    }

    /// A record's result word (an order's `success`, a deal's `carried_out`, a draw's `quiet`, an event's
    /// `scripted`…) in the reader's language; an unknown word made readable.
    public func result(_ word: String?) -> String { Self.result(word, catalog) }

    public static func result(_ word: String?, _ catalog: Catalog) -> String {
        guard let word else { return "?" }
        return resultKeys[word].map { phrase($0, in: catalog) } ?? readable(word)
    }

    /// What caused an effect or an event: "upkeep", "action:ID", "event:ID", or an event's cause (`scripted`…).
    public func cause(_ cause: String?) -> String {
        guard let cause, !cause.isEmpty else { return "" }
        if cause.hasPrefix("action:") { return phrase("record.cause.action", ["action": action(String(cause.dropFirst(7)))]) }
        if cause.hasPrefix("event:") { return phrase("record.cause.event", ["event": event(String(cause.dropFirst(6)))]) }
        return Self.cause(cause, catalog)
    }

    /// A cause that names no action or event (`upkeep`, an event's `scripted`, `triggered`, `random`, `injected`).
    public static func cause(_ word: String?, _ catalog: Catalog) -> String {
        guard let word, !word.isEmpty else { return "" }
        return causeKeys[word].map { phrase($0, in: catalog) } ?? readable(word)
    }

    /// A target's value in words: a flag's as yes or no (any value but 0 is yes, as the engine reads it), a project's
    /// as the name of its stage, a track's as its number.
    public func value(_ v: Int?, of target: String?) -> String {
        guard let v else { return "?" }
        guard let target else { return String(v) }
        if names.isFlag(target) { return phrase(v != 0 ? "record.text.flag_yes" : "record.text.flag_no") }
        return names.stageName(target, at: v) ?? String(v)
    }

    /// An order parameter's name: the scenario's label, else its id made readable.
    public func parameterName(_ id: String, of action: String?) -> String {
        action.flatMap { names.parameterName(id, of: $0) } ?? Self.readable(id)
    }

    /// An order parameter: a team's or target's name for an id, the number as it is.
    public func parameter(_ v: ParameterValue) -> String {
        switch v {
        case .number(let n): String(n)
        case .id(let s): names.teamName(s) ?? names.targetName(s) ?? Self.readable(s)
        }
    }

    /// An id made readable: underscores become spaces.
    public static func readable(_ id: String) -> String { String(id.map { $0 == "_" ? " " : $0 }) }

    // The catalog keys, written out so that the catalog checks see each one used.
    static let kindKeys: [Record.Kind: String] = [
        .phase: "record.kind.phase", .news: "record.kind.news", .intel: "record.kind.intel", .order: "record.kind.order",
        .effect: "record.kind.effect", .event: "record.kind.event", .draw: "record.kind.draw", .deal: "record.kind.deal",
        .adjustment: "record.kind.adjustment", .locked: "record.kind.locked", .outcome: "record.kind.outcome", .hash: "record.kind.hash",
    ]
    static let phaseKeys: [Phase: String] = [
        .setup: "phase.setup", .briefing: "phase.briefing", .negotiation: "phase.negotiation", .orders: "phase.orders",
        .adjudication: "phase.adjudication", .results: "phase.results", .ended: "phase.ended",
    ]
    /// Orders' results, deals' statuses, draws' results and effects' `revealed`.
    static let resultKeys: [String: String] = [
        "success": "record.result.success", "failure": "record.result.failure", "refused": "record.result.refused",
        "lapsed": "record.result.lapsed", "precondition_failed": "record.result.precondition_failed",
        "over_budget": "record.result.over_budget", "duplicate": "record.result.duplicate", "invalid": "record.result.invalid",
        "blocked": "record.result.blocked", "not_approved": "record.result.not_approved", "revealed": "record.result.revealed",
        "open": "record.result.open", "proposed": "record.result.proposed", "agreed": "record.result.agreed",
        "accepted": "record.result.accepted", "rejected": "record.result.rejected", "withdrawn": "record.result.withdrawn",
        "expired": "record.result.expired", "carried_out": "record.result.carried_out", "scheduled": "record.result.scheduled",
        "event": "record.result.event", "quiet": "record.result.quiet",
    ]
    /// Causes that name no action or event.
    static let causeKeys: [String: String] = [
        "upkeep": "record.cause.upkeep", "scripted": "record.cause.scripted", "triggered": "record.cause.triggered",
        "random": "record.cause.random", "injected": "record.cause.injected",
    ]
}
