import ArmisticeEngine
import ArmisticeLocale
import ArmisticeLog
import Foundation

extension Replay {
    /// The records of a step that a viewer saw, by the engine's own visibility rule.
    public func visibleRecords(_ step: Step, to viewer: Viewer) -> [Record] {
        if case .instructor = viewer { return step.records }
        guard !step.records.isEmpty else { return [] }
        var state = step.state
        state.records = step.records
        return engine.view(of: state, for: viewer).records
    }

    /// Whether a viewer saw an input being given: a team's own inputs, and the instructor's and the clock's.
    public func sees(_ input: Input, as viewer: Viewer) -> Bool {
        let team: String?
        switch input {
        case .setOrders(let t, _), .lockOrders(let t), .proposeDeal(let t, _, _), .respondToDeal(let t, _, _), .withdrawDeal(let t, _): team = t
        default: team = nil
        }
        guard let team else { return true }
        switch viewer {
        case .instructor: return true
        case .observer: return false
        case .team(let t): return engine.ruleset.teams[t].id == team
        }
    }

    /// The match as text: every input with its line, seq, turn and phase, who gave it and what the engine recorded,
    /// as `viewer` saw it; chat in its place when `chat` is true. `language`: the ruleset's texts, the records and the
    /// sentences in that language (the replay is the same).
    public func timeline(as viewer: Viewer = .instructor, chat includeChat: Bool = true, language: Language = .en) -> String {
        let localizer = language == .en ? nil : ViewLocalizer(engine, language: language)
        let ruleset = localizer?.engine.ruleset ?? engine.ruleset
        let text = MatchText(ruleset: ruleset, language: language)
        let p = text.phrases
        let words = ErrorText(language: language, ruleset: ruleset)
        var out = ""
        var chatIndex = 0
        var changeIndex = 0
        // The room's seat and door changes (removals, moves, bots, joining closed or opened): every viewer saw the
        // roster change.
        func flushSeatChanges(through step: Int) {
            while changeIndex < seatChanges.count, seatChanges[changeIndex].step <= step {
                let c = seatChanges[changeIndex]
                changeIndex += 1
                let s = steps[min(c.step, steps.count - 1)].state
                out += String(format: "%6ld %6ld  ", c.line, c.seq) + Self.pad(p.text("report.timeline.when", ["turn": String(s.turn), "phase": text.phaseName(s.phase)]), 18)
                    + "\(name(of: c.by, text: text)): \(text.describe(c, seatName: c.seat.map { seatName($0, text: text) } ?? ""))\n"
            }
        }
        func flushChat(through step: Int) {
            while includeChat, chatIndex < chat.count, chat[chatIndex].step <= step {
                let m = chat[chatIndex]
                chatIndex += 1
                guard text.channel(m.channel, isReadBy: viewer) else { continue }
                out += String(format: "%6ld %6ld  ", m.line, m.seq) + "  " + p.text("report.timeline.chat", ["channel": text.channel(m.channel), "name": seats.first { $0.id == m.by }.map { seatName($0, text: text) } ?? m.name, "text": m.text]) + "\n"
            }
        }
        out += p.text("report.timeline.head") + "\n"
        for step in steps {
            if let input = step.input {
                let s = step.state
                let head = String(format: "%6ld %6ld  ", step.line, step.seq) + Self.pad(p.text("report.timeline.when", ["turn": String(s.turn), "phase": text.phaseName(s.phase)]), 18)
                if sees(input, as: viewer) {
                    let who = name(of: step.by, text: text)
                    out += head + "\(who): \(text.describe(input, reason: step.reason, after: step.state))" + (step.refused.map { "  ‼ " + p.text("report.timeline.refused", ["error": refusalText($0, words)]) } ?? "") + "\n"
                }
                let visible = visibleRecords(step, to: viewer)
                func local(_ r: Record) -> Record { localizer.map { $0.records.translate(r) } ?? r }
                for r in visible where r.kind != .phase && r.kind != .locked {
                    // A deal carried out with a step not taken (as far as this viewer sees: `Deal.stepsNotTaken`) was
                    // carried out in part, as the live screens and the report say; the steps are named after it.
                    let missed = r.kind == .deal && r.result == Deal.Status.carriedOut.rawValue
                        ? (r.deal.flatMap { step.state.deals[safe: $0 - 1] }?.stepsNotTaken(in: visible) ?? []) : []
                    guard var line = text.describe(local(r), deals: step.state.deals,
                                                   status: missed.isEmpty ? nil : p.text("report.timeline.deal_partly")) else { continue }
                    if !missed.isEmpty {
                        line += ". " + p.text("report.timeline.deal_missed", ["steps": missed.map { text.missedStep(local($0)) }.joined(separator: "; ")])
                    }
                    // A step taken but failed on its die: the deal was carried out, and the step did not work.
                    let failed = r.kind == .deal && r.result == Deal.Status.carriedOut.rawValue
                        ? (r.deal.flatMap { step.state.deals[safe: $0 - 1] }?.stepsFailed(in: visible) ?? []) : []
                    if !failed.isEmpty {
                        line += (missed.isEmpty ? ". " : " ") + p.text("report.timeline.deal_failed", ["steps": failed.map { text.failedStep(local($0)) }.joined(separator: "; ")], count: failed.count)
                    }
                    out += String(repeating: " ", count: 34) + "· " + line + "\n"
                }
            } else {
                out += String(format: "%6ld %6ld  ", step.line, step.seq) + Self.pad(text.phaseName(.setup), 18)
                    + p.text("report.step.start", ["title": ruleset.title, "seed": String(log.settings.seed), "turns": String(ruleset.calendar.turns)]) + "\n"
            }
            flushSeatChanges(through: step.index)
            flushChat(through: step.index)
        }
        flushSeatChanges(through: Int.max)
        flushChat(through: Int.max)
        return out
    }

    /// Pads to a number of terminal columns (a Hangul syllable takes two), with at least one space after the text.
    static func pad(_ s: String, _ columns: Int) -> String {
        s + String(repeating: " ", count: max(1, columns - Self.columns(s)))
    }

    /// How many terminal columns a text takes: two for a Hangul syllable or a CJK character, one for the rest.
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value)
            || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }

    /// The seq of the log's last record (the header's, when it has no other).
    public var lastSeq: Int { log.entries.last { $0.record.kind != .hash }?.record.seq ?? log.header.seq }

    /// A short account of the verification: what was checked, and the first divergence with its stable
    /// `LogIssue.Code` after it (`NOT VERIFIED. First divergence: … (code: seq_gap)`), if any.
    public var verificationSummary: String { verificationSummary(language: .en) }

    /// The account of the verification in a language, the problems said in it too (their codes stay as they are).
    public func verificationSummary(language: Language) -> String {
        let p = Catalog(language: language)
        let words = issueWords(language)
        var out = p.text("report.summary.counts", ["lines": String(recordCount + 1), "inputs": String(inputCount),
                                                   "matched": String(hashesMatched), "checked": String(hashesChecked)])
        if let first = firstDivergence {
            let more = issues.filter(\.failsVerification).count - 1
            out += "\n" + p.text("report.summary.not_verified", ["code": Self.code(first.code.rawValue, p), "first": first.description(in: words)])
            if more > 0 { out += "\n" + p.text("report.summary.more", count: more) }
        } else {
            // No state hash yet (a log cut before its first adjudication): nothing contradicts it, nothing proves it.
            // A log whose hash lines carry `lines_hash` proves its other lines too (chat, names, replaced drafts).
            out += "\n" + (hashesChecked == 0 ? p.text("report.summary.unchecked", ["seq": String(lastSeq)])
                            : log.everyLineProved ? p.text("report.summary.verified_lines", ["seq": String(lastSeq), "hash": finalHash, "line": String(log.linesProvedThrough)])
                            : p.text("report.summary.verified", ["seq": String(lastSeq), "hash": finalHash]))
        }
        for issue in issues where !issue.failsVerification { out += "\n" + p.text("report.summary.note", ["issue": issue.description(in: words)]) }
        return out
    }

    /// An input the engine refused on replay, in the reader's language: `message (code: CODE)`.
    func refusalText(_ error: EngineError, _ words: ErrorText) -> String {
        (error.detail.map(words.message) ?? error.message) + " " + Self.code(error.code.rawValue, words.catalog)
    }

    /// A stable code (a `LogIssue.Code`, an engine's refusal) as every message of the replay and the report says it:
    /// after the sentence it belongs to, in brackets, `(code: hash_mismatch)` / `(코드: hash_mismatch)`, so that a
    /// teacher reads a sentence in her language and a tool still finds the code (outside tester qa4 #9).
    public static func code(_ code: String, _ catalog: Catalog) -> String {
        catalog.text("log.code", ["code": code])
    }

    /// A problem of the log, for `--all-issues`: its description, then its code (`Replay.code`).
    public func issueLine(_ issue: LogIssue, _ language: Language) -> String {
        issue.description(in: issueWords(language)) + " " + Self.code(issue.code.rawValue, Catalog(language: language))
    }

    /// How this log's problems (`LogIssue.description(in:)`) are said in a language: from its catalog, a refused
    /// input's names as the scenario reads them in that language.
    public func issueWords(_ language: Language) -> ErrorText {
        ErrorText(language: language, ruleset: language == .en ? engine.ruleset : engine.ruleset.localized(to: language.rawValue))
    }
}
