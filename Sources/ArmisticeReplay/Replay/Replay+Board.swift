import ArmisticeEngine
import Foundation

extension Replay {
    /// The board after step `index` as text, as `viewer` saw it (the engine's view): turn, phase, tracks, flags,
    /// projects, budgets and drafts, deals, and this turn's records.
    public func board(at index: Int, as viewer: Viewer) -> String {
        let view = view(at: index, as: viewer)
        let text = MatchText(ruleset: engine.ruleset)
        let step = steps[index]
        var out = "\(view.title)\n"
        out += "As \(view.viewer) at line \(step.line), seq \(step.seq): turn \(view.turn) of \(view.turns) (\(view.date)), \(view.phase.rawValue)\n"
        if let input = step.input { out += "Last input: \(name(of: step.by)): \(text.describe(input))\n" }
        out += "\nTracks\n"
        let width = max(8, view.tracks.map(\.name.count).max() ?? 8)
        for t in view.tracks {
            let bar = String(repeating: "█", count: t.max > t.min ? max(0, (t.value - t.min) * 20 / (t.max - t.min)) : 0)
            out += "  " + t.name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %5d  ", t.value)
                + bar.padding(toLength: 20, withPad: "·", startingAt: 0) + " [\(t.min)…\(t.max)]" + (t.level.map { "  \($0)" } ?? "")
                + (t.hiddenFrom.map { "  (hidden from \($0.joined(separator: ", ")))" } ?? "") + "\n"
        }
        if !view.flags.isEmpty {
            out += "\nFlags\n" + view.flags.map { "  \($0.value ? "■" : "□") \($0.name)" }.joined(separator: "\n") + "\n"
        }
        if !view.projects.isEmpty {
            out += "\nProjects\n" + view.projects.map { "  \($0.name): \($0.status) (\($0.index + 1) of \($0.statuses.count))" }.joined(separator: "\n") + "\n"
        }
        out += "\nTeams\n"
        for team in view.teams {
            var line = "  \(team.name)" + (team.locked ? " [locked]" : "")
            if let budget = team.budget { line += ", budget \(budget)" + (view.spent?[team.id].map { ", drafted \($0)" } ?? "") }
            out += line + "\n"
            if let draft = view.orders?[team.id], !draft.orders.isEmpty || !draft.consents.isEmpty {
                out += "    orders: \(text.describe(Input.setOrders(team: team.id, orders: draft)).components(separatedBy: ": ").dropFirst().joined(separator: ": "))\n"
            }
        }
        if !view.deals.isEmpty {
            out += "\nDeals\n"
            for d in view.deals {
                out += "  #\(d.id) turn \(d.turn) by \(text.team(d.proposer)): \(d.status.rawValue); parties \(d.parties.map { text.team($0) }.joined(separator: ", "))"
                    + (d.note.isEmpty ? "" : " (\"\(d.note)\")") + "\n"
            }
        }
        let thisTurn = view.records.filter { $0.turn == view.turn && $0.kind != .phase && $0.kind != .hash }
        if !thisTurn.isEmpty {
            out += "\nThis turn so far\n" + thisTurn.compactMap { text.describe($0, deals: view.deals) }.map { "  · \($0)" }.joined(separator: "\n") + "\n"
        }
        if let o = view.outcome {
            out += "\nOutcome: \(o.name) (\(o.reason))\n"
            out += "  scores: " + view.teams.map { "\($0.name) \(o.scores[$0.id] ?? 0)" }.joined(separator: ", ") + "\n"
        }
        if let objectives = view.objectives, !objectives.isEmpty {
            out += "\nObjectives\n" + objectives.map { o in
                "  \(o.met.map { $0 ? "✓" : "✗" } ?? "·") [\(o.team == "all" ? "all" : text.team(o.team))] \(o.text) (\(o.points))"
            }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
