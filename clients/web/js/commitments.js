// What agreed deals commit a team to. At adjudication the engine adds these orders and consent decisions to the
// team's draft by itself (docs/protocol.md, "Playing"): the pages show them as locked lines of the draft, count their
// cost in the budget, and warn before the same action is drafted a second time (it would come back "duplicate").
// Everything here is read from the view the server sent: the deals, the team's actions and the catalog.

import { t, list } from "./i18n.js";

/** The commitments of agreed deals for `team`: [{deal, action?, params?, consent?, decision?, cost}]. */
export function commitmentsOf(game, team) {
  const out = [];
  for (const d of game.view?.deals || []) {
    if (d.status !== "agreed") continue;
    for (const c of d.commitments || []) {
      if (c.team !== team) continue;
      out.push({ ...c, deal: d.id, cost: c.action ? actionCost(game, c.action, team) : 0 });
    }
  }
  return out.sort((a, b) => a.deal - b.deal);
}

/** What the team's agreed deals cost it this turn. */
export function committedCost(game, team) {
  // A second step of a non-repeatable action comes back "duplicate" and is not charged (Engine.promisedActions).
  const seen = new Set();
  return commitmentsOf(game, team).reduce((sum, c) => {
    if (!c.action || (seen.has(c.action) && !repeatable(game, c.action, team))) return sum;
    seen.add(c.action);
    return sum + c.cost;
  }, 0);
}

/** The draft's cost plus the agreed deals' commitments: what the budget really pays this turn. */
export function spentWithDeals(game, team) {
  return (game.view?.spent?.[team] || 0) + committedCost(game, team);
}

/** What is left of the team's budget after its draft and its agreed deals' commitments (null before it has one). */
export function budgetLeft(game, team) {
  const budget = game.team(team)?.budget;
  return typeof budget === "number" ? budget - spentWithDeals(game, team) : null;
}

/** The draft's orders the budget cannot pay, as adjudication decides it (docs/protocol.md, "Playing"): the deals'
 * commitments are paid first, then each drafted order in turn while it fits. Map: order index → what was left for it.
 * (An order that fails its requirements at adjudication costs nothing, so this is the worst case.) */
export function ordersOverBudget(game, team, steps = []) {
  const budget = game.team(team)?.budget;
  const over = new Map();
  if (typeof budget !== "number") return over;
  // `steps`: action commitments of a deal not yet agreed, counted as if it were (paid first; a drafted copy of one
  // comes back "duplicate" and costs nothing).
  // A drafted order of a non-repeatable action an agreed deal (or such a step) already orders comes back "duplicate"
  // and costs nothing, as the view's `spent` counts it.
  const stepActions = new Set(steps.map((c) => c.action));
  const ordered = new Set([...stepActions, ...commitmentsOf(game, team).map((c) => c.action).filter(Boolean)]);
  let spent = committedCost(game, team) + steps.reduce((sum, c) => sum + actionCost(game, c.action, team), 0);
  (game.view?.orders?.[team]?.orders || []).forEach((o, i) => {
    if (stepActions.has(o.action)) return;
    if (ordered.has(o.action) && !repeatable(game, o.action, team)) return;
    const cost = actionCost(game, o.action, team);
    if (spent + cost > budget) over.set(i, budget - spent); else spent += cost;
  });
  return over;
}

/** The number of the agreed deal that already orders `action` for the team, or null. */
export function promisedIn(game, team, action) {
  return commitmentsOf(game, team).find((c) => c.action === action)?.deal ?? null;
}

/** A sentence for a warning or a refusal: the action is already ordered by a deal. */
export function promisedText(deal) {
  return t("deal.promised", { deal: String(deal) });
}

function ownAction(game, action, team) {
  return (game.view?.actions || []).find((a) => a.id === action && (!a.team || a.team === team)) || null;
}

function repeatable(game, action, team) {
  return Boolean((ownAction(game, action, team) || (game.view?.catalog || []).find((a) => a.id === action))?.repeatable);
}

function actionCost(game, action, team) {
  const own = ownAction(game, action, team);
  if (own) return own.cost;
  return (game.view?.catalog || []).find((a) => a.id === action)?.cost ?? 0;
}

// ---- What stands in the way of a deal's steps ---------------------------------------------------------------------
// Read before a team accepts (or proposes) a deal. At adjudication (docs/protocol.md, "Playing") a deal's commitments
// are ordered before the draft: a step the budget cannot pay comes back "over_budget", one an agreed deal already
// orders "duplicate", one whose requirement fails "precondition_failed", and one a consenting team refuses "refused"
// (its cost still paid) while the rest of the deal goes ahead.

/** Who must consent to `action` of `team`, and how: {from: [team ids], rule: "veto"|"all"}, or null. From the team's
 * own actions when it is ours, else from the catalog (every team's non-covert actions). */
export function consentOf(game, action, team) {
  const own = ownAction(game, action, team);
  const known = own?.consent_from?.length ? own : (game.view?.catalog || []).find((a) => a.id === action);
  return known?.consent_from?.length ? { from: known.consent_from, rule: known.consent_rule === "all" ? "all" : "veto" } : null;
}

/** For an action commitment: which consenting teams the same deal (`commitments`) does not bind to approve it, in
 * words ("" when none). `me` is the reader's team: its own say is put to it as its own decision. A consenting team
 * that is a party to the deal (`parties`: the deal's, else the teams its commitments name) is bound by it, only not
 * to approve this step: it is never called "not bound by this deal". */
export function consentNote(game, commitments, c, me = null, parties = null) {
  if (!c.action) return "";
  const consent = consentOf(game, c.action, c.team);
  if (!consent) return "";
  const bound = (team, decision) => commitments.some((o) => o.team === team && o.consent === c.action && o.decision === decision);
  const names = (teams) => list(teams.map((x) => game.teamName(x)));
  const blockers = consent.from.filter((x) => bound(x, "block"));
  if (blockers.length) return t("deal.blocked_in_deal", { teams: names(blockers) });
  const free = consent.from.filter((x) => !bound(x, "approve"));
  const inDeal = new Set(parties || commitments.map((o) => o.team));
  const others = free.filter((x) => x !== me);
  const outside = others.filter((x) => !inDeal.has(x));
  const party = others.filter((x) => inDeal.has(x));
  const all = consent.rule === "all";
  return [
    outside.length ? t(all ? "deal.needs_consent_all" : "deal.needs_consent_veto", { teams: names(outside) }) : "",
    party.length ? t(all ? "deal.party_consent_all" : "deal.party_consent_veto", { teams: names(party) }) : "",
    free.includes(me) ? t(all ? "deal.our_consent_all" : "deal.our_consent_veto") : "",
  ].filter(Boolean).join(" ");
}

/** The requirement action `id` of the reader's team fails as things stand, in the scenario's words: the view's `reason`
 * when that is the requirement, or its `requirement` when another reason comes first (already in the draft, promised
 * by a deal, over the budget); null when it meets them (docs/protocol.md, `actions`). `team`: whose action, where the
 * view holds several teams' (the instructor's holds every team's, and two teams may have an action of the same id). */
export function unmetRequirement(game, id, team = null) {
  const a = (game.view?.actions || []).find((x) => x.id === id && (!team || x.team === team));
  if (!a || a.available) return null;
  return a.reason_code === "requirement" ? a.reason || t("play.not_available") : a.requirement || null;
}

/** The reader's own steps in an agreed deal (`commitments`) that will come back "not possible" unless the situation
 * changes: Map commitment index → [warnings]. Only while orders are drafted (the view's actions say it then). */
export function agreedStepWarnings(game, commitments, me) {
  const out = new Map();
  if (!me || !["negotiation", "orders"].includes(game.view?.phase)) return out;
  commitments.forEach((c, i) => {
    const requirement = c.team === me && c.action ? unmetRequirement(game, c.action) : null;
    if (requirement) out.set(i, [t("deal.step_cannot", { reason: requirement })]);
  });
  return out;
}

/** For the instructor, whose view holds every team's actions: each step of an open or agreed deal (`commitments`) whose
 * requirement its team fails now, whoever's it is: Map commitment index → [warnings]. Only while orders are drafted. */
export function requirementWarnings(game, commitments) {
  const out = new Map();
  if (!["negotiation", "orders"].includes(game.view?.phase)) return out;
  commitments.forEach((c, i) => {
    const requirement = c.action ? unmetRequirement(game, c.action, c.team) : null;
    if (requirement) out.set(i, [t("console.step_requirement", { reason: requirement })]);
  });
  return out;
}

/** The reader's own steps in a deal (`commitments`, of deal number `deal`, or null for a proposal being written) that
 * cannot go as promised, decided from the view: Map commitment index → [warnings]. Only while orders are drafted. */
export function stepWarnings(game, commitments, me, deal = null) {
  const out = new Map();
  const v = game.view || {};
  if (!me || !["negotiation", "orders"].includes(v.phase)) return out;
  const warn = (i, text) => out.set(i, [...(out.get(i) || []), text]);
  const budget = game.team(me)?.budget;
  const paying = typeof budget === "number";
  // As adjudication pays them: a step that duplicates a promise or that the budget cannot pay costs nothing.
  const paid = [];
  let before = committedCost(game, me);
  commitments.forEach((c, i) => {
    if (c.team !== me || !c.action) return;
    const a = ownAction(game, c.action, me);
    const cost = actionCost(game, c.action, me);
    const promised = promisedIn(game, me, c.action);
    if (promised !== null && promised !== deal) { warn(i, t("deal.step_promised", { deal: String(promised) })); return; }
    if (paying && before + cost > budget) { warn(i, t(budget > before ? "deal.step_over_budget" : "deal.step_over_budget_none", { cost, left: budget - before })); return; }
    // Why the action cannot be added to the draft now: the server's `reason_code` says which kind of reason it is
    // (docs/protocol.md, `actions`: only the first that holds), never its words nor the state read again here.
    if (a && !a.available) {
      // A requirement the state fails too, named behind the first reason (`requirement`): the step would not be
      // carried out even once the draft's copy is gone or the budget fits.
      if (a.requirement && a.reason_code !== "requirement") warn(i, t("deal.step_cannot", { reason: a.requirement }));
      switch (a.reason_code) {
        case "already_ordered": warn(i, t("deal.step_in_draft")); break;
        // The team's lock (the deal's step does not care), the phase (no warnings outside drafting), a promise (said
        // above, from the deals) and the draft's budget (the deal is paid first: said below, as the drafted orders
        // it would push out) are not the step's own reasons.
        case "locked": case "match_over": case "not_drafting": case "promised": case "cost": break;
        // A requirement the state does not meet, in the scenario's words (or a kind this page does not know yet).
        case "requirement": default: warn(i, t("deal.step_cannot", { reason: a.reason || t("play.not_available") }));
      }
    }
    before += cost;
    paid.push([c, i]);
  });
  // Paid before the draft, the steps may leave the draft's last orders without a budget: said under the last step.
  const already = ordersOverBudget(game, me);
  const squeezed = paying && paid.length ? [...ordersOverBudget(game, me, paid.map(([c]) => c)).keys()].filter((i) => !already.has(i)).length : 0;
  // A team that has locked in cannot take those orders out of its draft any more: said, since they will fail.
  if (squeezed > 0) warn(paid[paid.length - 1][1], t(game.team(me)?.locked ? "deal.step_squeezes_locked" : "deal.step_squeezes_draft", { count: squeezed }));
  return out;
}

/** The team that rejected deal `d`: the view's `rejected_by`, else the team of the deal's "rejected" record (the
 * record of an answer names the team that gave it), else null. */
function rejectedBy(game, d) {
  if (d.rejected_by) return d.rejected_by;
  return game.records.find((r) => r.kind === "deal" && r.deal === d.id && r.result === "rejected")?.team ?? null;
}

// ---- What became of a carried-out deal's steps ---------------------------------------------------------------------
// The same rule as Deal.stepRecords (Sources/ArmisticeEngine/Game/Deal+Steps.swift), which the report, the replay and
// the terminal read: both run Tests/Fixtures/deals/deal-steps-cases.json (tests/web/test_deal_steps.py). At
// adjudication the deal's record (carried_out) comes first, then each team's orders, the agreed deals' steps before
// the draft: a step's record is the first order of its team and action after the deal's record, in the same turn.

/** The order record of each of deal `d`'s steps at the adjudication that carried it out (`records`: those the view
 * carries), one per commitment; null for a consent, and for a step whose record the reader cannot see (a covert
 * action's record is its own team's): such a step is neither revealed nor guessed. */
export function stepRecords(d, records) {
  const steps = d.commitments || [];
  let start = -1;
  records.forEach((r, i) => { if (r.kind === "deal" && r.deal === d.id && r.result === "carried_out") start = i; });
  if (start < 0) return steps.map(() => null);
  const turn = records[start].turn;
  let end = start + 1;
  while (end < records.length && records[end].turn === turn) end += 1;
  const after = records.slice(start + 1, end);
  return steps.map((c) => (c.action ? after.find((r) => r.kind === "order" && r.team === c.team && r.action === c.action) ?? null : null));
}

/** Whether an order record says its action was not taken (a requirement, the budget, a refusal, a duplicate, a guard
 * at effect time). One whose die failed was taken. */
export function wasNotTaken(order) {
  return order.result !== "success" && order.result !== "failure";
}

/** The records of deal `d`'s steps that were not taken, as far as the reader can see ([] when carried out in full). */
export function stepsNotTaken(d, records) {
  return stepRecords(d, records).filter((r) => r && wasNotTaken(r));
}

/** Whether an order record says its action was taken but its die failed: the deal was carried out, and the step did
 * not work (a summit that failed its roll did not happen). The twin of Swift's `Deal.failedItsRoll`. */
export function failedItsRoll(order) {
  return order.result === "failure";
}

/** The records of deal `d`'s steps that were taken but failed their die, as far as the reader can see (another team's
 * covert step has no record here, so it is not said). The twin of Swift's `Deal.stepsFailed`. */
export function stepsFailed(d, records) {
  return stepRecords(d, records).filter((r) => r && failedItsRoll(r));
}

/** A step that failed its die, in words: the team, the action and the roll ("ROK's “Propose an inter-Korean summit”
 * (rolled 91, needed 70 or less)"), as the replay and the report say it. */
export function failedStepText(game, r) {
  return t("deal.failed", { team: game.teamName(r.team), action: game.actionName(r.action), roll: r.roll ?? "?", chance: r.chance ?? "?" });
}

/** A scenario's reason as it goes in brackets before a full stop: without its own final full stop, so a step not
 * taken reads "(no basis for a summit)." rather than "(… summit.).". The twin of Swift's `Record.bracketed`. */
export function bracketed(reason) {
  const text = String(reason || "").replace(/ +$/, "");
  return text.endsWith(".") && !text.endsWith("..") ? text.slice(0, -1) : text;
}

/** A step that was not taken, in words: the team, the action, and why ("could not be taken (its requirement)"). */
export function missedStepText(game, r) {
  const why = r.result === "precondition_failed" ? t("deal.missed.not_taken") : t(`record.result.${r.result}`);
  return t(r.reason ? "deal.missed" : "deal.missed_no_reason", { team: game.teamName(r.team), action: game.actionName(r.action), why, reason: bracketed(r.reason) });
}

/** Whether deal `d` was carried out with a step of it not taken (as far as the reader can see). */
export function carriedOutInPart(game, d) {
  return d.status === "carried_out" && stepsNotTaken(d, game.records || []).length > 0;
}

/** The word on deal `d`'s badge, as a `deal.status.*` key: "carried out in part" when a step was not taken, "carried
 * out, a step failed" when a step was taken but failed its die (so nobody reads "carried out" as "it happened"), else
 * its status. */
export function dealBadgeKey(game, d) {
  if (d.status !== "carried_out") return `deal.status.${d.status}`;
  if (carriedOutInPart(game, d)) return "deal.status.carried_out_part";
  return stepsFailed(d, game.records || []).length > 0 ? "deal.status.carried_out_failed" : "deal.status.carried_out";
}

/** What a deal will do, in words: said on its card so nobody is surprised at adjudication. */
export function dealOutcomeText(game, d, me) {
  const mine = (d.commitments || []).filter((c) => c.team === me && c.action);
  const cost = mine.reduce((sum, c) => sum + actionCost(game, c.action, me), 0);
  const ours = mine.length ? t("deal.ours", { count: mine.length, cost }) : "";
  switch (d.status) {
    case "open": return t("deal.effect.open", { ours });
    case "agreed": return t("deal.effect.agreed", { ours });
    case "carried_out": {
      // A step that could not be taken is named, and the deal reads as carried out in part (as the report says); a
      // step taken but failed on its die is named with its roll, so "carried out" does not read as "it happened".
      const missed = stepsNotTaken(d, game.records || []).map((r) => missedStepText(game, r)).join("; ");
      const failedSteps = stepsFailed(d, game.records || []);
      const failed = failedSteps.length ? t("deal.effect.failed", { count: failedSteps.length, failed: failedSteps.map((r) => failedStepText(game, r)).join("; ") }) : "";
      const key = `deal.effect.carried_out${missed ? "_part" : ""}${failed ? "_failed" : ""}`;
      return t(key, { turn: d.turn, missed, failed });
    }
    case "rejected": {
      const by = rejectedBy(game, d);
      return by ? t("deal.effect.rejected_by", { team: game.teamName(by) }) : t("deal.effect.rejected");
    }
    case "expired": case "withdrawn": return t(`deal.effect.${d.status}`);
    default: return "";
  }
}
