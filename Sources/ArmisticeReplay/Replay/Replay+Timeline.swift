import ArmisticeEngine
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
    /// as `viewer` saw it; chat in its place when `chat` is true.
    public func timeline(as viewer: Viewer = .instructor, chat includeChat: Bool = true) -> String {
        let text = RecordText(ruleset: engine.ruleset)
        var out = ""
        var chatIndex = 0
        func flushChat(through step: Int) {
            while includeChat, chatIndex < chat.count, chat[chatIndex].step <= step {
                let m = chat[chatIndex]
                chatIndex += 1
                guard text.channel(m.channel, isReadBy: viewer) else { continue }
                out += String(format: "%6ld %6ld  ", m.line, m.seq) + "  chat [\(text.channel(m.channel))] \(m.name): \(m.text)\n"
            }
        }
        out += "  line    seq  turn/phase          who: what\n"
        for step in steps {
            if let input = step.input {
                let s = step.state
                let head = String(format: "%6ld %6ld  ", step.line, step.seq) + "T\(s.turn) \(s.phase.rawValue)".padding(toLength: 18, withPad: " ", startingAt: 0)
                if sees(input, as: viewer) {
                    let who = name(of: step.by)
                    out += head + "\(who): \(text.describe(input, reason: step.reason, after: step.state))" + (step.refused.map { "  ‼ REFUSED ON REPLAY: \($0)" } ?? "") + "\n"
                }
                for r in visibleRecords(step, to: viewer) where r.kind != .phase && r.kind != .locked {
                    if let line = text.describe(r, deals: step.state.deals) { out += String(repeating: " ", count: 34) + "· " + line + "\n" }
                }
            } else {
                out += String(format: "%6ld %6ld  ", step.line, step.seq) + "setup".padding(toLength: 18, withPad: " ", startingAt: 0)
                    + "\(engine.ruleset.title), seed \(log.settings.seed), \(engine.ruleset.calendar.turns) turns\n"
            }
            flushChat(through: step.index)
        }
        flushChat(through: Int.max)
        return out
    }

    /// A short account of the verification: what was checked and the first divergence, if any.
    public var verificationSummary: String {
        var out = "\(recordCount + 1) lines, \(inputCount) inputs replayed, \(hashesMatched) of \(hashesChecked) state hashes match"
        if let first = firstDivergence {
            let more = issues.filter(\.failsVerification).count - 1
            out += "\nNOT VERIFIED. First divergence: \(first)"
            if more > 0 { out += "\n(\(more) more problem\(more == 1 ? "" : "s") after it)" }
        } else {
            out += "\nVERIFIED: the replay reproduces the match exactly; final state hash \(finalHash)"
        }
        for issue in issues where !issue.failsVerification { out += "\nnote: \(issue)" }
        return out
    }
}
