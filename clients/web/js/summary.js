// A turn's results in the order a student asks about them: my orders and why each went as it did, what the other
// teams did that I may see, then each track's net change over the turn (one line per track, not per step).
// Built only from the records the server sent this seat; the full log stays one click away.

import { el } from "./dom.js";
import { formatParams, eventCause, resultWord, recordWords } from "./views.js";
import { t, list } from "./i18n.js";

const KINDS = ["order", "effect", "event", "deal", "adjustment", "outcome"];

/** The last turn's results: the ending is decided (the view has its `outcome`), but the match is not over until this
 * results phase ends (the console says the same: "Last turn's results"). */
export function endingDecided(game) {
  return Boolean(game.view?.outcome) && game.view.phase === "results";
}

/** The outcome's heading: "The match is over: NAME", or while the last turn's results run "The ending is decided". */
export function outcomeTitle(game, o) {
  return t(endingDecided(game) ? "outcome.decided" : "outcome.over", { name: o.name });
}

/** The turns that have results, newest first. */
export function resultTurns(game) {
  return [...new Set(game.records.filter((r) => KINDS.includes(r.kind)).map((r) => r.turn))].sort((a, b) => b - a);
}

/** Whether the turn's orders were carried out (its adjudication is logged): before then a turn has no results, only
 * what changed at its start (events, the instructor's adjustments). */
export function adjudicated(game, turn) {
  return game.records.some((r) => r.kind === "phase" && r.phase === "adjudication" && r.turn === turn);
}

/** {mine, others, changes, unchanged, events, outcome} for one turn, as `team` may see it. */
export function turnSummary(game, turn, team) {
  const records = game.records.filter((r) => r.turn === turn);
  const orders = records.filter((r) => r.kind === "order");
  const net = new Map();
  for (const r of records) {
    if ((r.kind !== "effect" && r.kind !== "adjustment") || typeof r.from !== "number" || r.result === "revealed") continue;
    const seen = net.get(r.target) || { target: r.target, from: r.from, to: r.to, reasons: [], shares: [] };
    seen.to = r.to;
    if (r.kind === "adjustment" && r.reason) seen.reasons.push(r.reason);
    // Each cause's share of the change: `action:ID`, `event:ID`, `upkeep`, `instructor`, or "" when this seat is not
    // shown the cause (a covert action's).
    const cause = r.kind === "adjustment" ? "instructor" : r.reason || "";
    const share = seen.shares.find((x) => x.cause === cause);
    if (share) share.delta += r.to - r.from; else seen.shares.push({ cause, delta: r.to - r.from });
    net.set(r.target, seen);
  }
  const all = [...net.values()];
  // Largest share first (a stable sort keeps equal shares in the order they happened); none that came to nothing.
  for (const c of all) c.shares = c.shares.filter((x) => x.delta !== 0).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  // Which order records a deal placed. At adjudication a team's commitments (deal by deal, in their order) come before
  // its draft, so of a team's orders of one action the first ones are the deals'; a later one of the same action is
  // the team's drafted copy (a `duplicate` when the action can be ordered once a turn), not the deal's.
  // fromDeal: record → the deal's number; copyOf: a drafted duplicate → the deal that ordered the action.
  const queued = new Map(); // "team:action" → [deal numbers], one per commitment
  for (const d of [...(game.view?.deals || [])].sort((a, b) => a.id - b.id)) {
    if (d.status !== "carried_out" || d.turn !== turn) continue;  // a deal is carried out in the turn it was made
    for (const c of d.commitments || []) {
      if (!c.action) continue;
      const key = `${c.team}:${c.action}`;
      if (!queued.has(key)) queued.set(key, []);
      queued.get(key).push(d.id);
    }
  }
  const fromDeal = new Map(), copyOf = new Map(), placed = new Map();
  for (const r of orders) {
    const key = `${r.team}:${r.action}`;
    const deals = queued.get(key) || [];
    const n = placed.get(key) || 0;
    if (n < deals.length) { fromDeal.set(r, deals[n]); placed.set(key, n + 1); }
    else if (deals.length && r.result === "duplicate") copyOf.set(r, deals[deals.length - 1]);
  }
  return {
    fromDeal,
    copyOf,
    mine: orders.filter((r) => r.team === team),
    others: orders.filter((r) => r.team !== team),
    changes: all.filter((c) => c.from !== c.to || c.reasons.length),
    unchanged: all.filter((c) => c.from === c.to && !c.reasons.length),
    events: records.filter((r) => r.kind === "event"),
    outcome: records.find((r) => r.kind === "outcome") || null,
  };
}

/** A result in the summary's short words ("refused", not "refused (no consent)": the reason follows). */
function verdict(result) { return result === "refused" ? t("summary.refused") : resultWord(result); }

/** Why an order went as it did: the dice, the consent, the budget or the requirement. */
export function orderWhy(r) {
  const mods = (r.modifiers || []).map((m) => `${m.add >= 0 ? "+" : ""}${m.add} ${m.reason}`).join(", ");
  switch (r.result) {
    case "success":
    case "failure":
      if (typeof r.roll !== "number") return r.result === "success" ? t("why.no_dice") : r.reason || "";
      return t(mods ? "why.dice_mods" : "why.dice", { roll: r.roll, chance: r.chance, mods });
    case "refused": return t("why.consent", { reason: r.reason || t("why.consent_not_given") });
    case "over_budget": return t("why.budget", { reason: r.reason || t("why.budget_short") });
    case "duplicate": return t("why.duplicate", { reason: r.reason || t("why.duplicate_default") });
    default: return r.reason || "";
  }
}

/** A changed value in words: track values with their numbers, flags as yes/no, projects by their stage. When the
 * instructor set a track during the turn and something else moved it too, each cause is named with its share ("4 → 8
 * (+4) — +2 set by the instructor (“…”), +1 by the action Cut contact, +1 upkeep"), never the whole change put on the
 * instructor. */
export function changeText(game, c) {
  const v = game.view || {};
  const flag = v.flags?.find((f) => f.id === c.target);
  if (flag) return `${flag.name}: ${t(c.from ? "common.yes" : "common.no")} → ${t(c.to ? "common.yes" : "common.no")}`;
  const project = v.projects?.find((p) => p.id === c.target);
  if (project) {
    const stage = (i) => (project.statuses?.[i] || String(i)).replace(/_/g, " ");
    return `${project.name}: ${stage(c.from)} → ${stage(c.to)}`;
  }
  const signed = (n) => `${n > 0 ? "+" : ""}${n}`;
  const head = `${game.targetName(c.target)}: ${c.from} → ${c.to} (${signed(c.to - c.from)})`;
  // The instructor's own words in quotes: a reason with a colon of its own ("지지율 조정: 여론조사 반영") does not run on
  // into a chain of colons.
  const reasons = (c.reasons || []).join("”, “");
  if (c.reasons?.length && (c.shares || []).some((x) => x.cause !== "instructor")) {
    const words = recordWords(game);
    const parts = c.shares.map((x) => (x.cause === "instructor" ? t("record.cause.instructor_share", { delta: signed(x.delta), reasons })
      : x.cause === "" ? t("record.cause.hidden_share", { delta: signed(x.delta) })
      : t("record.cause.share", { delta: signed(x.delta), cause: words.cause(x.cause) })));
    return head + t("record.cause.shares", { shares: parts.join(", ") });
  }
  return head + (c.reasons?.length ? t("summary.set_by_instructor", { reasons }) : "");
}

/** One order's line; `deal` the deal that placed it, `copyOf` the deal that already ordered the action this drafted
 * copy repeats (then the line says it was the draft's copy, not the deal's order, that did not count). */
function orderItem(game, r, withTeam, { deal, copyOf } = {}) {
  const copy = copyOf ? t(withTeam ? "summary.drafted_copy_other" : "summary.drafted_copy_mine", { deal: String(copyOf) }) : "";
  const why = [deal ? t("summary.from_deal", { deal: String(deal) }) : "", copy || orderWhy(r)].filter(Boolean).join(" · ");
  return el("li", { class: ["summary-order", `result-${r.result}`], data: { action: r.action, result: r.result } },
    el("span", { class: "record-text", text: `${withTeam ? `${game.teamName(r.team)}: ` : ""}${game.actionName(r.action)}${formatParams(game, r.params, r.action)}` }),
    " ", el("strong", { class: "verdict", text: verdict(r.result) }),
    why ? el("span", { class: "record-detail", text: why }) : null);
}

/** The summary of one turn as a section; `log` is the node holding the full log, shown by its button. */
export function summarySection(game, turn, team, log) {
  const s = turnSummary(game, turn, team);
  const part = (title, items, empty) => [el("h4", { text: title }),
    items.length ? el("ul", { class: "summary" }, items) : el("p", { class: "hint", text: empty })];
  const logID = `full-log-${turn}`;
  log.id = logID;
  log.hidden = true;
  const toggle = el("button", { type: "button", class: "small", id: `show-log-${turn}`, text: t("summary.show_log"),
    aria: { expanded: "false", controls: logID },
    on: { click: () => {
      log.hidden = !log.hidden;
      toggle.textContent = log.hidden ? t("summary.show_log") : t("summary.hide_log");
      toggle.setAttribute("aria-expanded", String(!log.hidden));
    } } });
  // A turn not yet played shows only what changed at its start: no "your team gave no orders" before it could.
  const played = adjudicated(game, turn);
  const title = t(played ? "summary.turn" : "summary.turn_start", { turn });
  return el("section", { class: "turn-summary", data: { turn, played: String(played) }, aria: { label: title } },
    el("h3", { text: title }),
    s.outcome ? el("p", { class: "summary-outcome", text: t(endingDecided(game) ? "summary.decided" : "summary.ended", { text: s.outcome.text || s.outcome.outcome || "" }) }) : null,
    played && team ? part(t("summary.your_orders"), s.mine.map((r) => orderItem(game, r, false, { deal: s.fromDeal.get(r), copyOf: s.copyOf.get(r) })), t("summary.no_orders")) : null,
    played ? part(team ? t("summary.others") : t("summary.orders"), s.others.map((r) => orderItem(game, r, true, { deal: s.fromDeal.get(r), copyOf: s.copyOf.get(r) })), t("summary.nothing_seen")) : null,
    part(t("summary.changes"), [
      ...s.changes.map((c) => el("li", { class: "summary-change", data: { target: c.target }, text: changeText(game, c) })),
      ...s.events.map((r) => el("li", { class: "summary-event", text: t("summary.event", { text: r.text || (r.event || "").replace(/_/g, " "), cause: eventCause(r.result) }) })),
    ], t("summary.nothing_changed")),
    s.unchanged.length ? el("p", { class: "hint", text: t("summary.unchanged", { targets: list(s.unchanged.map((c) => game.targetName(c.target))) }) }) : null,
    toggle, log);
}
