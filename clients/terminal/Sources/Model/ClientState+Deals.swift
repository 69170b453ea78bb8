import ArmisticeEngine
import ArmisticeWire

/// What agreed deals commit a team to. At adjudication the engine adds these orders and consent decisions to the
/// team's draft by itself (docs/protocol.md, "Playing"): the client shows them as locked lines of the draft, counts
/// their cost in the budget, and refuses to draft the same action again (it would come back "duplicate").
public struct Committed: Sendable, Equatable {
    public var deal: Int
    public var commitment: CommitmentInfo
    public var cost: Int
}

/// A line under one of a deal's commitments: a warning that my team's step would fail or be wasted, or a mark that a
/// team the deal does not bind can still refuse the action.
public struct DealNote: Sendable, Equatable {
    public var text: String
    public var warning: Bool
}

extension ClientState {
    /// The commitments of agreed deals for a team, by deal number.
    public func commitments(of team: String?) -> [Committed] {
        guard let team else { return [] }
        return view.deals.filter { $0.status == "agreed" }.sorted { $0.id < $1.id }.flatMap { d in
            d.commitments.filter { $0.team == team }.map { c in
                Committed(deal: d.id, commitment: c, cost: c.action.map { view.actionCost($0, team: team) } ?? 0)
            }
        }
    }

    /// What the team's agreed deals cost it this turn.
    public func committedCost(of team: String?) -> Int { commitments(of: team).reduce(0) { $0 + $1.cost } }

    /// What a team's draft and agreed deals spend this turn (the view's `spent` is the draft alone).
    public func committedSpending(of team: String?) -> Int {
        (team.flatMap { view.spent[$0] } ?? 0) + committedCost(of: team)
    }

    /// How far a team's draft and agreed deals spend past its budget (0 when within it, or when the view gives no
    /// budget): the last orders past it come back `over_budget` at adjudication. The one computation behind the lock
    /// dialog's warning, the notice when a deal is agreed, and the instructor's Drafts pane.
    public func overBudget(of team: String?) -> Int {
        guard let team, let budget = view.team(team)?.budget else { return 0 }
        return max(0, committedSpending(of: team) - budget)
    }

    /// How far my team's draft and deals spend past its budget (0 when within it).
    public var overBudget: Int { overBudget(of: myTeam) }

    /// What locking an over-budget draft will do, said before it is locked; nil within the budget.
    public var overBudgetWarning: String? {
        overBudget > 0 ? t.text("terminal.confirm.over_budget", ["over": t.number(overBudget)]) : nil
    }

    /// Said when a deal my team is party to becomes agreed and my team's draft and agreed deals now spend past its
    /// budget: to every party that is over, the proposer included (REPORT-terminal #14), not only to the team whose
    /// acceptance was asked first. Nil when my team is not a party or stays within its budget.
    public func agreedOverBudgetNotice(_ deal: Int) -> String? {
        guard let me = myTeam, let d = view.deals.first(where: { $0.id == deal }), d.status == "agreed", d.parties.contains(me),
              let budget = myBudget, overBudget > 0 else { return nil }
        // With nothing drafted, it is the deals' own steps that the budget cannot pay.
        return t.phrase(mySpent > 0 ? "terminal.deal.agreed_over_budget" : "terminal.deal.agreed_over_budget_steps", ["deal": t.number(deal), "spent": t.number(committedSpending(of: me)),
                                                             "budget": t.number(budget), "over": t.number(overBudget)])
    }

    /// The order records of a carried-out deal's steps that were not taken, as far as this seat's records show them
    /// (`Deal.stepRecords`, which the report and the replay read too): a covert step of another team has no record here
    /// and is never guessed. Empty for a deal carried out in full, or not carried out.
    public func stepsNotTaken(_ d: DealInfo) -> [Record] {
        stepRecords(d).filter(Deal.wasNotTaken)
    }

    /// The order records of a carried-out deal's steps that were taken but failed their dice roll, as far as this seat's
    /// records show them (`Deal.failedItsRoll`, as the report, the replay and the browser say it): "carried out" alone
    /// reads as if the summit happened.
    public func stepsFailed(_ d: DealInfo) -> [Record] {
        stepRecords(d).filter(Deal.failedItsRoll)
    }

    /// The order records of a carried-out deal's steps that this seat's records show (none for a deal not carried out).
    private func stepRecords(_ d: DealInfo) -> [Record] {
        guard d.status == "carried_out" else { return [] }
        let steps = d.commitments.map { (team: $0.team, action: $0.action) }
        return Deal.stepRecords(deal: d.id, steps: steps, in: records.compactMap(\.record)).compactMap { $0 }
    }

    /// The steps of a deal that failed their dice roll, as one sentence after its effect line ("" when none): the
    /// replay's and the report's words.
    func failedStepsSentence(_ d: DealInfo) -> String {
        let failed = stepsFailed(d)
        guard !failed.isEmpty else { return "" }
        let steps = failed.map { r in
            t.phrase("report.timeline.step_failed", ["team": TerminalText.sanitize(view.teamName(r.team ?? "?")), "action": RecordWords.actionName(r.action ?? "?", in: view),
                                                     "roll": r.roll.map { t.number($0) } ?? "?", "chance": r.chance.map { t.number($0) } ?? "?"])
        }
        return " " + t.text("report.timeline.deal_failed", ["steps": steps.joined(separator: "; ")], count: failed.count)
    }

    /// A deal step that was not taken, in words: the team, the action, and why (its requirement, the budget, a refusal).
    public func missedStepText(_ r: Record) -> String {
        let why = r.result == "precondition_failed" ? t.text("terminal.deal.missed.not_taken") : t.text("record.result.\(r.result ?? "invalid")")
        let values = ["team": TerminalText.sanitize(view.teamName(r.team ?? "?")), "action": RecordWords.actionName(r.action ?? "?", in: view),
                      "why": why, "reason": TerminalText.sanitize(Record.bracketed(r.reason ?? ""))]
        return t.phrase(r.reason == nil ? "terminal.deal.missed_no_reason" : "terminal.deal.missed", values)
    }

    /// The number of the agreed deal that already orders this action for my team, if any.
    public func promisedDeal(_ action: String) -> Int? {
        commitments(of: myTeam).first { $0.commitment.action == action }?.deal
    }

    /// The decision my team will send on a consent question: the one an agreed deal promises (settled by that deal,
    /// as the browser shows it), else the draft's, else the view's, else `undecided`.
    public func consentDecision(_ action: String) -> (decision: String, deal: Int?) {
        if let promised = commitments(of: myTeam).first(where: { $0.commitment.consent == action }) {
            return (promised.commitment.decision ?? "approve", promised.deal)
        }
        return (myDraft.consents[action] ?? view.consents.first { $0.action == action }?.decision ?? "undecided", nil)
    }

    /// A consent decision in words, naming the deal that settles it when one does.
    public func consentDecisionText(_ action: String) -> String {
        let (decision, deal) = consentDecision(action)
        if let deal { return t.text("terminal.draft.decision_in_deal", ["decision": decisionName(decision), "deal": t.number(deal)]) }
        // No answer is an answer: under `veto` it approves, under `all` it refuses (docs/rulesets.md, section 7).
        if decision == "undecided", let rule = view.consents.first(where: { $0.action == action })?.rule {
            return t.text(rule == "all" ? "terminal.decision.undecided_all" : "terminal.decision.undecided_veto")
        }
        return decisionName(decision)
    }

    /// An order's parameters in words, by their labels: `Project: Kaesong, How much: 3`. Another team's action is
    /// labelled from the scenario's catalog.
    public func paramsText(_ params: [String: JSONValue], of action: String) -> String {
        let known = view.action(action)?.params ?? view.catalog.first { $0.id == action }?.params ?? []
        return params.sorted { $0.key < $1.key }.map { key, value in
            let label = known.first { $0.id == key }.map { TerminalText.sanitize($0.label(among: known, t)) } ?? key.replacingUnderscores
            return "\(label): \(RecordWords.paramName(value, in: view))"
        }.joined(separator: ", ")
    }

    /// One commitment in words, with team and action names and the parameters' labels.
    public func commitmentText(_ c: CommitmentInfo) -> String {
        let team = TerminalText.sanitize(view.teamName(c.team))
        if let action = c.action {
            let params = paramsText(c.params, of: action)
            return t.text("terminal.commitment.action", ["team": team, "action": RecordWords.actionName(action, in: view)])
                + (params.isEmpty ? "" : " (" + params + ")")
        }
        let key = c.decision == "block" ? "terminal.commitment.block" : "terminal.commitment.approve"
        return t.text(key, ["team": team, "action": RecordWords.actionName(c.consent ?? "?", in: view)])
    }

    /// A deal's card: number, status, proposer, commitments, note, and whom it waits for.
    /// Without `commitments` the card's head alone, for a screen that lists them one a line.
    public func dealText(_ d: DealInfo, commitments: Bool = true) -> String {
        // A deal one of whose steps could not be taken was carried out in part: its effect line says which, and why.
        // One taken but failed its dice roll: carried out, but what it promised did not happen.
        let status = !stepsNotTaken(d).isEmpty ? t.text("terminal.deal.carried_out_part")
            : !stepsFailed(d).isEmpty ? t.text("terminal.deal.carried_out_failed") : dealStatusName(d.status)
        let head = t.text("terminal.deals.head", ["id": t.number(d.id), "status": status, "team": TerminalText.sanitize(view.teamName(d.proposer))])
        var text = commitments ? head + d.commitments.map(commitmentText).joined(separator: t.text("terminal.deals.step_separator"))
            : String(head.trimmingSpaces.reversed().drop { $0 == ":" || $0 == " " }.reversed())
        if !d.note.isEmpty { text += " “\(TerminalText.sanitize(d.note))”" }
        // My own team awaited is "your team", never its name (outside tester qa8, C6).
        let awaited = d.parties.filter { !d.accepted.contains($0) }
        let waiting = awaited.filter { $0 != myTeam }.map { TerminalText.sanitize(view.teamName($0)) }.joined(separator: ", ")
        if d.status == "open", !matchOver, !awaited.isEmpty {
            let key = awaited.contains { $0 == myTeam } ? (waiting.isEmpty ? "terminal.deals.waiting_us" : "terminal.deals.waiting_us_and") : "terminal.deals.waiting"
            text += t.text(key, ["teams": waiting])
        }
        return text
    }

    /// What a deal will do, said on its card so nobody is surprised at adjudication.
    public func dealEffect(_ d: DealInfo) -> String {
        let mine = myTeam.map { me in d.commitments.filter { $0.team == me && $0.action != nil } } ?? []
        let cost = mine.reduce(0) { $0 + view.actionCost($1.action ?? "", team: $1.team) }
        let ours = mine.isEmpty ? "" : " " + t.text("terminal.deal.effect.yours", ["cost": t.number(cost)], count: mine.count)
        switch d.status {
        // A deal still open when the match ended never comes into force.
        case "open" where matchOver: return t.text("terminal.deal.effect.open_at_end")
        case "open": return t.text("terminal.deal.effect.open") + ours
        case "agreed": return t.text("terminal.deal.effect.agreed") + ours
        case "carried_out":
            let missed = stepsNotTaken(d)
            if missed.isEmpty { return t.text("terminal.deal.effect.carried_out", ["turn": t.number(d.turn)]) + failedStepsSentence(d) }
            return t.text("terminal.deal.effect.carried_out_part", ["turn": t.number(d.turn), "missed": missed.map(missedStepText).joined(separator: "; ")])
                + failedStepsSentence(d)
        case "expired": return t.text("terminal.deal.effect.expired")
        case "rejected":
            // With three parties or more, who said no matters.
            return rejecter(of: d).map { t.phrase("terminal.deal.effect.rejected_by", ["team": TerminalText.sanitize(view.teamName($0))]) }
                ?? t.text("terminal.deal.effect.rejected")
        case "withdrawn": return t.text("terminal.deal.effect.withdrawn")
        default: return ""
        }
    }

    /// The team that rejected a deal: the view's `rejected_by`, else the team of the deal's "rejected" record (the
    /// record of an answer names the team that gave it), as the browser reads it.
    public func rejecter(of d: DealInfo) -> String? {
        d.rejectedBy ?? records.first { $0.kind == "deal" && $0["deal"]?.int == d.id && $0["result"]?.string == "rejected" }?["team"]?.string
    }

    /// Who must consent to an action and how (`veto`, `all`): my team's actions say it, else the scenario's catalog.
    public func consentNeeded(_ action: String) -> (teams: [String], rule: String)? {
        let mine = view.action(action)
        let entry = view.catalog.first { $0.id == action }
        let teams = mine.flatMap { $0.consentFrom.isEmpty ? nil : $0.consentFrom } ?? entry?.consentFrom ?? []
        guard !teams.isEmpty else { return nil }
        return (teams, mine?.consentRule ?? entry?.consentRule ?? "veto")
    }

    /// Who may stop an action a consent is asked for, as the browser says it: my team alone, my team or another, or
    /// the teams named; under `all`, that every one must approve. Never "anyone" when one team has the say.
    public func consentRuleText(_ c: ConsentInfo) -> String {
        if c.rule != "veto" { return t.text("terminal.deals.unanimous") }
        let deciders = consentNeeded(c.action)?.teams ?? myTeam.map { [$0] } ?? []
        let others = deciders.filter { $0 != myTeam }.map { TerminalText.sanitize(view.teamName($0)) }.joined(separator: ", ")
        guard let me = myTeam, deciders.contains(me) || deciders.isEmpty else { return t.text("terminal.deals.veto_by", ["teams": others]) }
        return others.isEmpty ? t.text("terminal.deals.veto_ours") : t.text("terminal.deals.veto_with", ["teams": others])
    }

    /// The match has ended: nothing is left to decide, answer or propose.
    public var matchOver: Bool { view.outcome != nil || view.phase == "ended" }

    /// The deals the Deals pane lists, in its order: open deals first (those waiting for my team's answer before the
    /// others), then this turn's settled ones, newest first; the closed deals of earlier turns only when unfolded
    /// (`c`), after them. The cursor stops on these, so a new turn starts on an open deal, never on a closed one.
    public var shownDeals: [DealInfo] {
        let open = view.deals.filter { $0.status == "open" }
            .sorted { (awaitsMyAnswer($0) ? 0 : 1, $0.id) < (awaitsMyAnswer($1) ? 0 : 1, $1.id) }
        let settled = view.deals.filter { $0.status != "open" && !isFolded($0) }.sorted { $0.id > $1.id }
        let old = ui.showOldDeals ? view.deals.filter(isFolded).sorted { $0.id > $1.id } : []
        return open + settled + old
    }

    /// A deal the Deals pane folds away: closed (rejected, withdrawn, expired, carried out) in an earlier turn.
    public func isFolded(_ d: DealInfo) -> Bool {
        d.turn < view.turn && d.status != "open" && d.status != "agreed"
    }

    /// How many closed deals of earlier turns the Deals pane folds away.
    public var foldedDealCount: Int { view.deals.filter(isFolded).count }

    /// The deal under the Deals pane's cursor.
    public var selectedDeal: DealInfo? {
        let list = shownDeals
        return list.indices.contains(ui.cursor(.deals)) ? list[ui.cursor(.deals)] : nil
    }

    /// The Deals pane's keys for the deal under its cursor: accept and reject while my team has to answer it, withdraw
    /// on my team's own open deal, new while the match goes on. Nil for a seat with no team, and once the match is over.
    public var dealKeysHint: String? {
        guard let me = myTeam, !matchOver else { return nil }
        let deal = selectedDeal
        var keys: [String] = []
        if let deal, awaitsMyAnswer(deal) { keys.append(t.text("terminal.deals.key_answer")) }
        if let deal, deal.status == "open", deal.proposer == me { keys.append(t.text("terminal.deals.key_withdraw")) }
        keys.append(t.text("terminal.deals.key_new"))
        return keys.joined(separator: " · ")
    }

    /// Whether my team still has to answer this deal: it is open, names my team, and my team has not accepted it.
    public func awaitsMyAnswer(_ d: DealInfo) -> Bool {
        guard let me = myTeam, !matchOver else { return false }
        return d.status == "open" && d.parties.contains(me) && !d.accepted.contains(me)
    }

    /// The notes under each of a deal's commitments (one list per commitment, in order), and one for the whole deal
    /// when accepting it puts my team's orders over budget. `mine` is true for a deal my team has yet to answer or is
    /// composing: only then are my team's steps checked against the view's `actions`.
    public func dealNotes(_ commitments: [CommitmentInfo], status: String, mine: Bool) -> (each: [[DealNote]], deal: DealNote?) {
        var each: [[DealNote]] = []
        var paid = 0 // what my earlier steps in this deal cost: the deal's steps are paid before the draft
        var costWarned = false
        for c in commitments {
            var notes: [DealNote] = []
            if mine, c.team == myTeam, let action = c.action {
                if let warning = stepWarning(action, paidBefore: paid) {
                    notes.append(DealNote(text: warning.text, warning: true))
                    costWarned = costWarned || warning.cost
                }
                paid += view.actionCost(action, team: c.team)
            }
            // A step whose requirement fails now would not be taken at adjudication: said while the deal is proposed or
            // agreed, to my team for its own steps (proposer, answering or agreed alike) and to the instructor for every
            // team's, whose view holds every team's actions (outside tester qa4 #3).
            if status == "open" || status == "agreed", c.team == myTeam || isInstructor, let action = c.action,
               let warning = stepNotPossible(action, team: c.team) {
                notes.append(DealNote(text: warning, warning: true))
            }
            if status == "open" || status == "agreed", let action = c.action, let consent = consentNeeded(action) {
                // A team the same deal binds to approve cannot refuse it; every other one still decides in its orders.
                let free = consent.teams.filter { team in
                    !commitments.contains { $0.team == team && $0.consent == action && $0.decision == "approve" }
                }
                if !free.isEmpty {
                    let names = free.map { TerminalText.sanitize(view.teamName($0)) }.joined(separator: ", ")
                    let key = consent.rule == "all" ? "terminal.deal.consent.all" : "terminal.deal.consent.veto"
                    notes.append(DealNote(text: t.text(key, ["teams": names], count: free.count), warning: false))
                }
            }
            each.append(notes)
        }
        // Accepting adds my steps before the draft: the draft's last orders then pay for them.
        var deal: DealNote?
        if mine, paid > 0, !costWarned, mySpent > 0, let budget = myBudget {
            let over = mySpent + committedCost(of: myTeam) + paid - budget
            if over > 0 { deal = DealNote(text: t.text("terminal.deal.warn.draft_over", ["over": t.number(over)]), warning: true) }
        }
        return (each, deal)
    }

    /// What accepting deal `id` would do past the budget, however it is accepted (the Deals pane's key, `:accept N`,
    /// the line mode's `accept N`); nil when the budget covers it or my team has nothing to answer.
    public func acceptNotice(_ id: Int) -> String? {
        view.deals.first { $0.id == id }.flatMap(acceptWarning)
    }

    /// What accepting a deal my team has yet to answer would do past its budget: what it costs, what would then be
    /// spent, and which drafted orders would come back `over_budget` (a deal's steps are paid before the draft, and
    /// each drafted order in turn from what is left). Nil when the budget covers it. `confirmation` asks it.
    public func acceptWarning(_ d: DealInfo) -> String? {
        guard awaitsMyAnswer(d) else { return nil }
        guard let me = myTeam, let budget = myBudget else { return nil }
        let cost = d.commitments.filter { $0.team == me }.compactMap(\.action).reduce(0) { $0 + view.actionCost($1, team: me) }
        let committed = committedCost(of: me)
        let spent = mySpent + committed + cost
        guard cost > 0, spent > budget else { return nil }
        var rest = budget - committed - cost
        var unpaid: [String] = []
        for o in myDraft.orders {
            let c = view.actionCost(o.action, team: me)
            if c <= rest { rest -= c } else { unpaid.append("\(RecordWords.actionName(o.action, in: view)) (\(t.number(c)))") }
        }
        var values = ["deal": t.number(d.id), "cost": t.number(cost), "spent": t.number(spent), "budget": t.number(budget)]
        if unpaid.isEmpty { return t.text("terminal.confirm.accept_over_steps", values) }
        values["orders"] = unpaid.joined(separator: ", ")
        return t.text("terminal.confirm.accept_over", values, count: unpaid.count)
    }

    /// The notes of a deal on the board: my team's steps are checked while it awaits my team's answer.
    public func dealNotes(_ d: DealInfo) -> (each: [[DealNote]], deal: DealNote?) {
        dealNotes(d.commitments, status: d.status, mine: awaitsMyAnswer(d))
    }

    /// A deal's notes as lines for the plain mode: each after the commitment it is about.
    public func dealNoteLines(_ d: DealInfo) -> [String] {
        let notes = dealNotes(d)
        return zip(d.commitments, notes.each).flatMap { c, notes in notes.map { commitmentText(c) + " — " + $0.text } }
            + (notes.deal.map { [$0.text] } ?? [])
    }

    /// Why my team's step in a deal would fail or be wasted, from the action's `available` and `reason` in the view.
    /// The server gives the first reason that holds, its kind in `reason_code`: one about the draft or the budget is said
    /// as what it means for the deal (its steps come first at adjudication, docs/protocol.md), any other in the server's
    /// words. Nil when
    /// nothing is known against it, or when the reason is only that the team may not draft now (locked, the phase):
    /// a deal's steps are added at adjudication all the same.
    func stepWarning(_ action: String, paidBefore: Int) -> (text: String, cost: Bool)? {
        guard let a = view.action(action), !a.available, let reason = a.reason else { return nil }
        guard view.phase == "negotiation" || view.phase == "orders", !myTeamLocked else { return nil }
        switch a.reasonCode {
        case "already_ordered":
            return (t.text("terminal.deal.warn.duplicate"), false)
        case "promised":
            guard let deal = promisedDeal(action) else { break }
            return (t.phrase("terminal.deal.warn.promised", ["deal": t.number(deal)]), false)
        case "cost":
            // The server counts the draft; the deal's step is paid before it, from what the agreed deals leave.
            let left = (myBudget ?? 0) - committedCost(of: myTeam) - paidBefore
            return a.cost > left ? (t.text("terminal.deal.warn.cost", ["cost": t.number(a.cost), "left": t.number(left)]), true) : nil
        case "not_drafting", "locked", "match_over", "requirement":
            return nil // a requirement is said by stepNotPossible, for every step of my team's, answered or not
        default:
            break
        }
        return (t.text("terminal.deal.warn.may_fail", ["reason": TerminalText.sanitize(reason)]), false)
    }

    /// "⚠ As things stand, TEAM's “ACTION” cannot be taken at adjudication: REASON" for a deal's step whose action's
    /// requirement the state fails now (`requirementFailure`), while the match is in negotiation or orders; nil otherwise.
    public func stepNotPossible(_ action: String, team: String) -> String? {
        guard view.phase == "negotiation" || view.phase == "orders", let reason = requirementFailure(action, team: team) else { return nil }
        return t.phrase("terminal.deal.warn.not_possible", ["team": TerminalText.sanitize(view.teamName(team)),
                                                            "action": RecordWords.actionName(action, in: view),
                                                            "reason": TerminalText.sanitize(reason)])
    }

    /// " ⚠ not possible now" after an agreed deal's step in the instructor's Drafts pane when its requirement fails
    /// now (the instructor's view holds every team's actions); "" otherwise.
    public func stepMark(_ action: String, team: String) -> String {
        guard view.phase == "negotiation" || view.phase == "orders", requirementFailure(action, team: team) != nil else { return "" }
        return " " + t.text("terminal.drafts.not_possible")
    }

    /// The word a typed deal promises approval with, in the reader's language (`approve`, `승인`); both parse either way.
    var approveWord: String { t.text("terminal.deals.approve_word") }

    /// What a deal being typed may name, as `TEAM:ACTION` (or `TEAM:approve:ACTION`), with the action's name and cost:
    /// my team's actions and consents first, then the other teams'. Narrowed to those the word being typed starts
    /// (`usa:`, `usa:sus`, or an action id's start): `typed` is that word, empty when nothing narrows the list (the line
    /// ends with a space, or the note after `--` is being written).
    public func dealChoices(_ line: String) -> (choices: [(key: String, name: String, cost: Int?, mine: Bool)], typed: String) {
        var all: [(key: String, name: String, cost: Int?, mine: Bool)] = []
        if let team = myTeam {
            all += view.actions.filter { !$0.covert }.map { ("\(team):\($0.id)", $0.name, $0.cost, true) }
            all += view.consents.map { ("\(team):\(approveWord):\($0.action)", $0.name, nil, true) }
            // What my team may ask of the others: their approval of my actions that need their consent.
            for a in view.actions where !a.covert {
                all += a.consentFrom.filter { $0 != team }.map { ("\($0):\(approveWord):\(a.id)", a.name, nil, false) }
            }
        }
        for entry in view.catalog where !entry.teams.contains(myTeam ?? "") {
            all += entry.teams.map { ("\($0):\(entry.id)", entry.name, entry.cost, false) }
        }
        // Every other consent a deal may promise: a team's approval of another team's action it has a say on (my
        // team's own are listed above, from the consents asked of it).
        let listed = Set(all.map(\.key))
        for entry in view.catalog where !entry.teams.contains(myTeam ?? "") {
            all += entry.consentFrom.filter { !entry.teams.contains($0) }.map { ("\($0):\(approveWord):\(entry.id)", entry.name, nil, false) }
                .filter { !listed.contains($0.0) }
        }
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1, !words.dropLast().contains("--"), let last = words.last, last != "--" else { return (all, "") }
        // The parameters in brackets are not part of the name.
        let typed = String(last.prefix { $0 != "(" }).lowercased()
        guard !typed.isEmpty else { return (all, "") }
        let matching = all.filter { c in
            let key = c.key.lowercased()
            let action = key.split(separator: ":").last.map(String.init) ?? key
            return key.hasPrefix(typed) || (!typed.contains(":") && action.hasPrefix(typed))
        }
        return (matching, typed)
    }

    /// A deal as a student types it, made of this scenario's own actions: a step of my team's and one of another
    /// team's (its approval of an action of mine that needs it, when there is one), then a note. Without `deal `, as
    /// the composer's line already has it; nil when the view has no action of another team to name.
    public var dealExample: String? {
        guard let me = myTeam else { return nil }
        let mine = view.actions.filter { !$0.covert }
        guard let step = mine.first(where: { $0.params.isEmpty && $0.consentFrom.allSatisfy { $0 == me } }) ?? mine.first else { return nil }
        let theirs: String
        if let asking = mine.first(where: { $0.consentFrom.contains { $0 != me } }), let other = asking.consentFrom.first(where: { $0 != me }) {
            theirs = "\(other):\(approveWord):\(asking.id)"
        } else if let entry = view.catalog.first(where: { !$0.teams.contains(me) && !$0.teams.isEmpty }) {
            theirs = Self.dealTerm(entry.teams[0], entry.id, entry.params)
        } else {
            return nil
        }
        return "\(Self.dealTerm(me, step.id, step.params)) \(theirs) -- \(t.text("terminal.deals.example_note"))"
    }

    /// How a step with a parameter is typed, with one of this scenario's actions that has one (`un:deliver_aid(amount=1)`);
    /// nil when no action a deal may name has a parameter.
    public var dealParameterExample: String? {
        if let me = myTeam, let a = view.actions.first(where: { !$0.covert && !$0.params.isEmpty }) { return Self.dealTerm(me, a.id, a.params) }
        guard let entry = view.catalog.first(where: { !$0.params.isEmpty && !$0.teams.isEmpty && !$0.teams.contains(myTeam ?? "") }) else { return nil }
        return Self.dealTerm(entry.teams[0], entry.id, entry.params)
    }

    /// One step of a typed deal: `team:action`, with each parameter's first choice (or its least value) in brackets.
    static func dealTerm(_ team: String, _ action: String, _ params: [ParamInfo]) -> String {
        let values = params.map { p in "\(p.id)=\(p.choices.first?.id ?? String(p.min ?? 1))" }
        return "\(team):\(action)" + (values.isEmpty ? "" : "(\(values.joined(separator: ",")))")
    }

    /// The commitments of a `deal …` line being typed, as far as they parse (the word being typed may not yet).
    public func composedCommitments(_ line: String) -> [CommitmentInfo] {
        let done = line.lastIndex(of: " ").map { String(line[..<$0]) } ?? ""
        for text in [line, done] {
            if case .propose(let commitments, _)? = try? Command.parse(text) { return withTeamIds(commitments).map(CommitmentInfo.init) }
        }
        return []
    }

    /// Typed commitments with each team named by its id: a team typed by its name (`북한`, `North Korea`) is the team
    /// it names (`typedTeam`); one no team has is sent as typed, and the server says so.
    func withTeamIds(_ commitments: [JSONValue]) -> [JSONValue] {
        commitments.map { c in
            guard case .object(var fields) = c, let typed = fields["team"]?.string, let id = typedTeam(typed) else { return c }
            fields["team"] = .string(id)
            return .object(fields)
        }
    }
}
