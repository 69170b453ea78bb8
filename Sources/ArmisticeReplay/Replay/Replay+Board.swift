import ArmisticeEngine
import ArmisticeLocale
import Foundation

extension Replay {
    /// The board after step `index` as text, as `viewer` saw it (the engine's view): turn, phase, tracks, flags,
    /// projects, budgets and drafts, deals, and this turn's records; the scenario's texts and the labels in `language`.
    /// Every line fits `width` terminal columns, wrapped at spaces (a Hangul syllable is two wide), its continuation
    /// indented under it, so a terminal never cuts a word (outside tester qa8 C1: "부문별 금수|와 유류 상한" at 80).
    public func board(at index: Int, as viewer: Viewer, language: Language = .en, width: Int = 80) -> String {
        boardText(at: index, as: viewer, language: language).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { Self.wrapped(String($0), to: width) }.joined(separator: "\n")
    }

    /// A line cut at spaces into lines of at most `width` columns; the rest indented by the line's own indent and two.
    /// A word longer than the width stays whole on its own line.
    static func wrapped(_ line: String, to width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var rest = Substring(line)
        var lead = ""
        while columns(lead + rest) > width {
            // The last space at which the line still fits (the spaces inside the line, padding included, are kept).
            var used = columns(lead), cut: String.Index?
            for i in rest.indices {
                used += columns(String(rest[i]))
                if used > width { break }
                if rest[i] == " ", rest[..<i].contains(where: { $0 != " " }) { cut = i }
            }
            guard let cut else { break }
            lines.append(lead + rest[..<cut].replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            rest = rest[rest.index(after: cut)...].drop { $0 == " " }
            lead = indent + "  "
        }
        lines.append(lead + rest)
        return lines
    }

    private func boardText(at index: Int, as viewer: Viewer, language: Language) -> String {
        let localizer = language == .en ? nil : ViewLocalizer(engine, language: language)
        let view = localizer?.view(of: state(at: index), for: viewer) ?? view(at: index, as: viewer)
        let text = MatchText(ruleset: localizer?.engine.ruleset ?? engine.ruleset, language: language)
        let p = text.phrases
        let step = steps[index]
        let viewerName: String = switch viewer {
        case .instructor: p.text("report.who.instructor")
        case .observer: p.text("report.board.observer")
        case .team: text.team(view.viewer)
        }
        var out = "\(view.title)\n"
        out += p.text("report.board.as", ["viewer": viewerName, "line": String(step.line), "seq": String(step.seq), "turn": String(view.turn),
                                          "turns": String(view.turns), "date": view.date, "phase": text.phaseName(view.phase)]) + "\n"
        if let input = step.input { out += p.text("report.board.last_input", ["who": name(of: step.by, text: text), "text": text.describe(input)]) + "\n" }
        out += "\n" + p.text("report.board.tracks") + "\n"
        // Names padded by the columns they take on a terminal (Hangul is two wide), so the values line up in Korean too.
        let width = max(8, view.tracks.map { Self.columns($0.name) }.max() ?? 8)
        for t in view.tracks {
            let bar = String(repeating: "█", count: t.max > t.min ? max(0, (t.value - t.min) * 20 / (t.max - t.min)) : 0)
            out += "  " + t.name + String(repeating: " ", count: width - Self.columns(t.name)) + String(format: " %5d  ", t.value)
                + bar.padding(toLength: 20, withPad: "·", startingAt: 0) + " [\(t.min)…\(t.max)]" + (t.level.map { "  \($0)" } ?? "")
                + (t.hiddenFrom.map { "  " + p.text("report.board.hidden_from", ["teams": $0.map { text.team($0) }.joined(separator: ", ")]) } ?? "") + "\n"
        }
        if !view.flags.isEmpty {
            out += "\n" + p.text("report.board.flags") + "\n" + view.flags.map { "  \($0.value ? "■" : "□") \($0.name)" }.joined(separator: "\n") + "\n"
        }
        if !view.projects.isEmpty {
            out += "\n" + p.text("report.board.projects") + "\n" + view.projects.map {
                "  " + p.text("report.board.project", ["name": $0.name, "status": $0.status, "index": String($0.index + 1), "count": String($0.statuses.count)])
            }.joined(separator: "\n") + "\n"
        }
        out += "\n" + p.text("report.board.teams") + "\n"
        for team in view.teams {
            var line = "  \(team.name)" + (team.locked ? " " + p.text("report.board.locked") : "")
            if let budget = team.budget {
                line += p.text("report.board.budget", ["budget": String(budget)])
                    + (view.spent?[team.id].map { p.text("report.board.drafted", ["spent": String($0)]) } ?? "")
            }
            out += line + "\n"
            if let draft = view.orders?[team.id], !draft.orders.isEmpty || !draft.consents.isEmpty {
                let orders = draft.orders.map { text.action($0.action) }.joined(separator: ", ")
                let consents = draft.consents.sorted { $0.key < $1.key }.map { "\(text.decision($0.value.rawValue)) \(text.action($0.key))" }
                out += "    " + p.text("report.board.orders", ["orders": ([orders.isEmpty ? nil : orders] + consents.map { Optional($0) }).compactMap { $0 }.joined(separator: "; ")]) + "\n"
            }
        }
        if !view.deals.isEmpty {
            out += "\n" + p.text("report.board.deals") + "\n"
            for d in view.deals {
                out += "  " + p.text("report.board.deal", ["id": String(d.id), "turn": String(d.turn), "team": text.team(d.proposer),
                                                          "status": text.result(d.status.rawValue), "parties": d.parties.map { text.team($0) }.joined(separator: ", ")])
                    + (d.note.isEmpty ? "" : " (\"\(d.note)\")") + "\n"
            }
        }
        let thisTurn = view.records.filter { $0.turn == view.turn && $0.kind != .phase && $0.kind != .hash }
        if !thisTurn.isEmpty {
            out += "\n" + p.text("report.board.this_turn") + "\n" + thisTurn.compactMap { text.describe($0, deals: view.deals) }.map { "  · \($0)" }.joined(separator: "\n") + "\n"
        }
        if let o = view.outcome {
            out += "\n" + p.text("report.board.outcome", ["name": o.name, "reason": o.reason]) + "\n"
            out += "  " + p.text("report.board.scores", ["scores": view.teams.map { "\($0.name) \(o.scores[$0.id] ?? 0)" }.joined(separator: ", ")]) + "\n"
        }
        if let objectives = view.objectives, !objectives.isEmpty {
            out += "\n" + p.text("report.objectives") + "\n" + objectives.map { o in
                "  \(o.met.map { $0 ? "✓" : "✗" } ?? "·") [\(o.team == "all" ? p.text("report.board.all_teams") : text.team(o.team))] \(o.text) (\(o.points))"
            }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
