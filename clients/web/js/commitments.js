// What agreed deals commit a team to. At adjudication the engine adds these orders and consent decisions to the
// team's draft by itself (docs/protocol.md, "Playing"): the pages show them as locked lines of the draft, count their
// cost in the budget, and warn before the same action is drafted a second time (it would come back "duplicate").
// Everything here is read from the view the server sent: the deals, the team's actions and the catalog.

import { t } from "./i18n.js";

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
  return commitmentsOf(game, team).reduce((sum, c) => sum + c.cost, 0);
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
export function ordersOverBudget(game, team) {
  const budget = game.team(team)?.budget;
  const over = new Map();
  if (typeof budget !== "number") return over;
  let spent = committedCost(game, team);
  (game.view?.orders?.[team]?.orders || []).forEach((o, i) => {
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

function actionCost(game, action, team) {
  const own = (game.view?.actions || []).find((a) => a.id === action && (!a.team || a.team === team));
  if (own) return own.cost;
  return (game.view?.catalog || []).find((a) => a.id === action)?.cost ?? 0;
}

/** What a deal will do, in words: said on its card so nobody is surprised at adjudication. */
export function dealOutcomeText(game, d, me) {
  const mine = (d.commitments || []).filter((c) => c.team === me && c.action);
  const cost = mine.reduce((sum, c) => sum + actionCost(game, c.action, me), 0);
  const ours = mine.length ? t("deal.ours", { count: mine.length, cost }) : "";
  switch (d.status) {
    case "open": return t("deal.effect.open", { ours });
    case "agreed": return t("deal.effect.agreed", { ours });
    case "carried_out": return t("deal.effect.carried_out", { turn: d.turn });
    case "expired": case "rejected": case "withdrawn": return t(`deal.effect.${d.status}`);
    default: return "";
  }
}
