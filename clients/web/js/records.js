// Records in words: the browser's one renderer, saying what the Swift renderer (ArmisticeEngine's RecordText, used
// by the terminal and the report) says. Both run the cases in Tests/Fixtures/records/record-text-cases.json, and
// their record.* and phase.* catalog entries are identical. No DOM and no catalog of its own: the caller gives the
// translator `t(key, params)`, `knows(key)` and the names, so Node can run the cases too. `t` is catalog.js's textOf
// (through i18n.js's t): it fits the Korean particles the record texts write after a name (`{team}이(가)`, `합의
// #{deal}을(를)`) to the name filled in, by the rules the Swift renderer's Josa follows (Tests/Fixtures/locale/
// particle-cases.json); this file adds no resolver of its own.

/** An id made readable: underscores become spaces. */
export function readable(id) { return String(id).replace(/_/g, " "); }

/**
 * The renderer for one viewer: `names` has teamName, actionName, targetName, eventName (each id → name or null),
 * isFlag (id → whether it is a flag, whose values read as yes and no) and dealProposer (deal number → team id or
 * null), and may have stageName (project id, position → the stage's name or null: a project's values read as its
 * stages), paramName (action id, parameter id → its label or null) and rankScores (an outcome's scores → [team id,
 * points] in the order the pages list them); `words` has t(key, params), the catalog's text
 * filled with its Korean particles fitted (catalog.js textOf), and knows(key).
 */
export function recordText(names, words) {
  const { t, knows } = words;
  const named = (f) => (id) => (id == null ? "?" : f(id) ?? readable(id));
  const team = named(names.teamName), action = named(names.actionName), target = named(names.targetName), event = named(names.eventName);
  const n = (v) => (typeof v === "number" ? String(v) : "?");
  const detail = (parts) => parts.filter((p) => p != null && p !== "").join(" · ");
  // A target's value: a flag's as yes or no (any value but 0 is yes, as the engine reads it), a project's as the
  // name of its stage, else its number.
  function value(v, id) {
    if (typeof v !== "number") return "?";
    if (id == null) return String(v);
    if (names.isFlag(id)) return t(v !== 0 ? "record.text.flag_yes" : "record.text.flag_no");
    return names.stageName?.(id, v) ?? String(v);
  }

  function result(word) {
    if (word == null) return "?";
    return knows(`record.result.${word}`) ? t(`record.result.${word}`) : readable(word);
  }
  function cause(c) {
    if (!c) return "";
    if (c.startsWith("action:")) return t("record.cause.action", { action: action(c.slice(7)) });
    if (c.startsWith("event:")) return t("record.cause.event", { event: event(c.slice(6)) });
    return knows(`record.cause.${c}`) ? t(`record.cause.${c}`) : readable(c);
  }
  function parameter(v) {
    if (typeof v === "number") return String(v);
    return names.teamName(v) ?? names.targetName(v) ?? readable(v);
  }
  const phaseName = (p) => (p ? t(`phase.${p}`) : "?");

  /** A record's {label, text, detail}. */
  function line(r) {
    const label = t(`record.kind.${r.kind}`);
    switch (r.kind) {
      case "phase": return { label, text: t("record.text.phase", { turn: String(r.turn), phase: phaseName(r.phase) }), detail: "" };
      case "news": return { label, text: r.text ?? "", detail: "" };
      case "hash": return { label, text: r.hash ?? "", detail: "" };
      case "intel": {
        const seen = (r.visible_to || []).length ? t("record.text.seen_by", { teams: r.visible_to.map(team).join(", ") }) : null;
        return { label, text: r.text ?? "", detail: detail([seen]) };
      }
      case "order": {
        const keys = Object.keys(r.params || {}).sort();
        const params = keys.length
          ? t("record.text.params", { params: keys.map((k) => t("record.text.param", { name: names.paramName?.(r.action, k) ?? readable(k), value: parameter(r.params[k]) })).join(", ") }) : "";
        const text = t("record.text.order", { team: team(r.team), action: action(r.action) + params, result: result(r.result) });
        const dice = typeof r.roll === "number" ? t("record.text.rolled", { roll: String(r.roll), chance: n(r.chance) })
          : typeof r.chance === "number" ? t("record.text.chance", { chance: String(r.chance) }) : null;
        const mods = (r.modifiers || []).map((m) => `${m.add >= 0 ? "+" : ""}${m.add} ${m.reason}`).join("; ");
        return { label, text, detail: detail([dice, mods ? t("record.text.modifiers", { mods }) : null, r.reason, r.text]) };
      }
      case "effect": {
        // One record per team the value is revealed to: the line names it, so two reveals read as two facts.
        const to = (r.visible_to || []).map(team).join(", ");
        const text = r.result === "revealed" ? (to ? t("record.text.revealed_to", { target: target(r.target), teams: to, value: n(r.to) })
          : t("record.text.revealed", { target: target(r.target), value: n(r.to) }))
          : r.target != null ? t("record.text.effect", { target: target(r.target), from: value(r.from, r.target), to: value(r.to, r.target) }) : r.text ?? "";
        return { label, text, detail: cause(r.reason) };
      }
      case "event":
        return { label, text: r.text ?? event(r.event), detail: detail([cause(r.result), typeof r.roll === "number" ? t("record.text.roll", { roll: String(r.roll) }) : null]) };
      case "draw": {
        const text = r.event != null ? t("record.text.draw_of", { event: event(r.event) }) : t("record.text.draw");
        const dice = typeof r.roll !== "number" ? null
          : typeof r.chance === "number" ? t("record.text.rolled", { roll: String(r.roll), chance: String(r.chance) }) : t("record.text.roll", { roll: String(r.roll) });
        return { label, text, detail: detail([dice, r.result != null ? result(r.result) : null]) };
      }
      case "deal": {
        const id = n(r.deal), status = result(r.result);
        const proposer = typeof r.deal === "number" ? names.dealProposer(r.deal) : null;
        let text;
        if (r.team != null && proposer != null && r.team !== proposer) {
          text = t(r.result === "rejected" ? "record.text.deal_rejects" : "record.text.deal_accepts", { team: team(r.team), deal: id, proposer: team(proposer), result: status });
        } else if (r.team != null) {
          text = t("record.text.deal_team", { deal: id, team: team(r.team), result: status });
        } else {
          text = t("record.text.deal", { deal: id, result: status });
        }
        return { label, text, detail: r.text ?? "" };
      }
      case "adjustment": return { label, text: t("record.text.adjustment", { target: target(r.target), from: value(r.from, r.target), to: value(r.to, r.target) }), detail: r.reason ?? "" };
      case "locked": return { label, text: t("record.text.locked", { team: team(r.team) }), detail: "" };
      case "outcome": {
        // Ranked as every page ranks them when the caller gives its ranking (`names.rankScores`: game.js rankScores),
        // else by team id.
        const pairs = names.rankScores ? names.rankScores(r.scores || {}) : Object.keys(r.scores || {}).sort().map((k) => [k, r.scores[k]]);
        const scores = pairs.map(([k, n]) => `${team(k)} ${n}`).join(", ");
        return { label, text: r.text ?? (r.outcome != null ? readable(r.outcome) : "?"), detail: detail([r.reason, scores]) };
      }
      default: return { label: readable(r.kind), text: r.text ?? "", detail: "" };
    }
  }

  return { line, result, cause, phaseName, team, action, target, event, parameter, value };
}
