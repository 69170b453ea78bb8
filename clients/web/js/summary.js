// A turn's results in the order a student asks about them: my orders and why each went as it did, what the other
// teams did that I may see, then each track's net change over the turn (one line per track, not per step).
// Built only from the records the server sent this seat; the full log stays one click away.

import { el } from "./dom.js";
import { formatParams, eventCause } from "./views.js";

const KINDS = ["order", "effect", "event", "deal", "adjustment", "outcome"];

/** The turns that have results, newest first. */
export function resultTurns(game) {
  return [...new Set(game.records.filter((r) => KINDS.includes(r.kind)).map((r) => r.turn))].sort((a, b) => b - a);
}

/** {mine, others, changes, unchanged, events, outcome} for one turn, as `team` may see it. */
export function turnSummary(game, turn, team) {
  const records = game.records.filter((r) => r.turn === turn);
  const orders = records.filter((r) => r.kind === "order");
  const net = new Map();
  for (const r of records) {
    if ((r.kind !== "effect" && r.kind !== "adjustment") || typeof r.from !== "number" || r.result === "revealed") continue;
    const seen = net.get(r.target) || { target: r.target, from: r.from, to: r.to, reasons: [] };
    seen.to = r.to;
    if (r.kind === "adjustment" && r.reason) seen.reasons.push(r.reason);
    net.set(r.target, seen);
  }
  const all = [...net.values()];
  // Orders that came from a deal carried out this turn: "team:action" → the deal's number.
  const fromDeal = new Map();
  for (const d of game.view?.deals || []) {
    if (d.status !== "carried_out" || d.turn !== turn) continue;
    for (const c of d.commitments || []) if (c.action) fromDeal.set(`${c.team}:${c.action}`, d.id);
  }
  return {
    fromDeal,
    mine: orders.filter((r) => r.team === team),
    others: orders.filter((r) => r.team !== team),
    changes: all.filter((c) => c.from !== c.to || c.reasons.length),
    unchanged: all.filter((c) => c.from === c.to && !c.reasons.length),
    events: records.filter((r) => r.kind === "event"),
    outcome: records.find((r) => r.kind === "outcome") || null,
  };
}

const VERDICT = {
  success: "succeeded", failure: "failed", refused: "refused", precondition_failed: "not possible",
  over_budget: "over budget", duplicate: "duplicate", invalid: "invalid",
};

/** Why an order went as it did: the dice, the consent, the budget or the requirement. */
export function orderWhy(r) {
  const mods = (r.modifiers || []).map((m) => `${m.add >= 0 ? "+" : ""}${m.add} ${m.reason}`).join(", ");
  switch (r.result) {
    case "success":
    case "failure":
      if (typeof r.roll !== "number") return r.result === "success" ? "no dice: it always succeeds" : r.reason || "";
      return `dice: rolled ${r.roll}, needed ${r.chance} or less${mods ? ` (chance with ${mods})` : ""}`;
    case "refused": return `consent: ${r.reason || "not given"}`;
    case "over_budget": return `budget: ${r.reason || "not enough points left"}`;
    case "duplicate": return `${r.reason || "ordered more than once"}: only the first counts`;
    default: return r.reason || "";
  }
}

/** A changed value in words: track values with their numbers, flags as yes/no, projects by their stage. */
export function changeText(game, c) {
  const v = game.view || {};
  const flag = v.flags?.find((f) => f.id === c.target);
  if (flag) return `${flag.name}: ${c.from ? "yes" : "no"} → ${c.to ? "yes" : "no"}`;
  const project = v.projects?.find((p) => p.id === c.target);
  if (project) {
    const stage = (i) => (project.statuses?.[i] || String(i)).replace(/_/g, " ");
    return `${project.name}: ${stage(c.from)} → ${stage(c.to)}`;
  }
  const delta = c.to - c.from;
  const why = c.reasons?.length ? ` — set by the instructor: ${c.reasons.join("; ")}` : "";
  return `${game.targetName(c.target)}: ${c.from} → ${c.to} (${delta > 0 ? "+" : ""}${delta})${why}`;
}

function orderItem(game, r, withTeam, deal) {
  const why = [deal ? `from deal #${deal}` : "", orderWhy(r)].filter(Boolean).join(" · ");
  return el("li", { class: ["summary-order", `result-${r.result}`], data: { action: r.action, result: r.result } },
    el("span", { class: "record-text", text: `${withTeam ? `${game.teamName(r.team)}: ` : ""}${game.actionName(r.action)}${formatParams(game, r.params)}` }),
    " ", el("strong", { class: "verdict", text: VERDICT[r.result] || r.result || "" }),
    why ? el("span", { class: "record-detail", text: why }) : null);
}

/** The summary of one turn as a section; `log` is the node holding the full log, shown by its button. */
export function summarySection(game, turn, team, log) {
  const s = turnSummary(game, turn, team);
  const list = (title, items, empty) => [el("h4", { text: title }),
    items.length ? el("ul", { class: "summary" }, items) : el("p", { class: "hint", text: empty })];
  const logID = `full-log-${turn}`;
  log.id = logID;
  log.hidden = true;
  const toggle = el("button", { type: "button", class: "small", id: `show-log-${turn}`, text: "Show the full log",
    aria: { expanded: "false", controls: logID },
    on: { click: () => {
      log.hidden = !log.hidden;
      toggle.textContent = log.hidden ? "Show the full log" : "Hide the full log";
      toggle.setAttribute("aria-expanded", String(!log.hidden));
    } } });
  return el("section", { class: "turn-summary", data: { turn }, aria: { label: `Turn ${turn}` } },
    el("h3", { text: `Turn ${turn}` }),
    s.outcome ? el("p", { class: "summary-outcome", text: `The match ended: ${s.outcome.text || s.outcome.outcome || ""}` }) : null,
    team ? list("Your orders", s.mine.map((r) => orderItem(game, r, false, s.fromDeal.get(`${r.team}:${r.action}`))), "Your team gave no orders this turn.") : null,
    list(team ? "What others did that you can see" : "Orders", s.others.map((r) => orderItem(game, r, true, s.fromDeal.get(`${r.team}:${r.action}`))), "Nothing you can see."),
    list("Changes over the turn", [
      ...s.changes.map((c) => el("li", { class: "summary-change", data: { target: c.target }, text: changeText(game, c) })),
      ...s.events.map((r) => el("li", { class: "summary-event", text: `Event: ${r.text || (r.event || "").replace(/_/g, " ")} (${eventCause(r.result)})` })),
    ], "Nothing changed."),
    s.unchanged.length ? el("p", { class: "hint", text: `Moved but back where they started: ${s.unchanged.map((c) => game.targetName(c.target)).join(", ")}.` }) : null,
    toggle, log);
}
