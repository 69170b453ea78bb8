/// What became of a carried-out deal's steps, read from the records a reader can see: the report, the replay and the
/// clients' deal cards all ask it here, so they tell one story (a deal one of whose steps could not be taken was
/// carried out in part; one whose step was taken but failed its die was carried out, and says that the step failed).
/// Read from records only: the game state says nothing more than `carried_out`.
extension Deal {
    /// The order record of each of a deal's steps at the adjudication that carried it out, one per step in order; nil
    /// for a step that promises a consent, and for one whose order record the reader cannot see (a covert action's
    /// record is its own team's), which must be neither revealed nor guessed.
    ///
    /// At adjudication the deal's record (`carried_out`) comes first, then each team's orders, the agreed deals' steps
    /// before the draft (docs/rulesets.md, "How a turn is resolved"): a step's record is the first order of its team
    /// and action after the deal's record, in the same turn. `records` may be one adjudication's or a whole match's,
    /// as a view carries them.
    public static func stepRecords(deal id: Int, steps: [(team: String, action: String?)], in records: [Record]) -> [Record?] {
        guard let start = records.lastIndex(where: { $0.kind == .deal && $0.deal == id && $0.result == Status.carriedOut.rawValue }) else {
            return steps.map { _ in nil }
        }
        let turn = records[start].turn
        let after = records[records.index(after: start)...].prefix { $0.turn == turn }
        return steps.map { step in
            step.action.flatMap { action in after.first { $0.kind == .order && $0.team == step.team && $0.action == action } }
        }
    }

    /// Whether an order record says its action was not taken: a requirement, the budget, a refusal, a duplicate, a
    /// guard at effect time. One whose die failed was taken.
    public static func wasNotTaken(_ order: Record) -> Bool {
        order.result != "success" && order.result != "failure"
    }

    /// Whether an order record says its action was taken but its die failed: the deal was carried out, and the step
    /// did not work (a summit taken to the dice that failed did not happen).
    public static func failedItsRoll(_ order: Record) -> Bool {
        order.result == "failure"
    }

    /// The order records of the deal's steps (see `stepRecords(deal:steps:in:)`).
    public func stepRecords(in records: [Record]) -> [Record?] {
        Self.stepRecords(deal: id, steps: commitments.map { ($0.team, $0.action) }, in: records)
    }

    /// The records of the deal's steps that were not taken, as far as the reader can see: empty when it was carried
    /// out in full (or is not carried out yet).
    public func stepsNotTaken(in records: [Record]) -> [Record] {
        stepRecords(in: records).compactMap { $0 }.filter(Self.wasNotTaken)
    }

    /// The records of the deal's steps that were taken but failed their die, as far as the reader can see (another
    /// team's covert step has no record here, so it is not said): empty when none did.
    public func stepsFailed(in records: [Record]) -> [Record] {
        stepRecords(in: records).compactMap { $0 }.filter(Self.failedItsRoll)
    }
}

extension Record {
    /// A scenario's reason as it goes in brackets before a full stop: without its own final full stop, so a step
    /// not taken reads "(no working-level basis for a summit)." rather than "(… summit.).". The one rule for the
    /// report, the replay and the terminal (the browser's twin is `bracketed` in clients/web/js/commitments.js).
    public static func bracketed(_ reason: String) -> String {
        var text = Substring(reason)
        while text.last == " " { text = text.dropLast() }
        guard text.hasSuffix("."), !text.hasSuffix("..") else { return String(text) }
        return String(text.dropLast())
    }
}
