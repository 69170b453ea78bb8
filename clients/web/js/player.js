// The student dashboard: the team's view of the match, its live draft, negotiations, news and results.

import { el, replace, say, setColour, $ } from "./dom.js";
import { bootPage, keepFocus, attempt, staleStatus } from "./page.js";
import { renderTracks, renderFlagsAndProjects, renderTeamsStrip, renderRecords, ChatPanel, dealItem, describeCommitment, commitmentNotes, formatParams, objectivePoints, allLockedText } from "./views.js";
import { botBadge, botOf, policyName } from "./bots.js";
import { paramPickers, readParams, rememberParams, checkParams } from "./params.js";
import { resultTurns, summarySection, endingDecided, outcomeTitle } from "./summary.js";
import { renderMap, lastTurnChanges } from "./map.js";
import { commitmentsOf, committedCost, spentWithDeals, promisedIn, promisedText, budgetLeft, ordersOverBudget, stepWarnings, consentOf, unmetRequirement as unmetRequirementOf } from "./commitments.js";
import { t, lang, list, sentence } from "./i18n.js";
import { loadSeat, saveSeat } from "./seats.js";

const boot = await bootPage("player", render);
const { game, session } = boot || {};
const typedParams = new Map();
const clearStaleStatus = game ? staleStatus(session, ["#orders-status", "#deals-status", "#deal-status"], () => `${game.view.turn}:${game.view.phase}`) : null;
let chat = null;
let lastActionsKey = "";
let lockArmed = false;

// The requirement an action of ours fails as things stand (commitments.js).
const unmetRequirement = (id) => unmetRequirementOf(game, id);

function myTeam() { return game.you.team || null; }
function draft() { return game.view?.orders?.[myTeam()] || { orders: [], consents: {} }; }
function drafting() { return ["negotiation", "orders"].includes(game.view?.phase); }
function locked() { return Boolean(game.team(myTeam())?.locked); }

// The team this page last showed: when the instructor moves the student, the page says so and the old team's status
// lines ("Draft saved", a deal's answer) go, since they spoke of another team's draft.
let shownTeam;

function noticeTeamMove() {
  const team = myTeam();
  if (shownTeam !== undefined && team !== shownTeam) {
    for (const selector of ["#orders-status", "#deals-status", "#deal-status"]) {
      const node = $(selector);
      if (node) { say(node, ""); delete node.dataset.seq; }
    }
    lockArmed = false;
    if (team) say($("#notice"), () => t("play.moved_to", { team: game.teamName(team) }), "ok");
    // The front page's list of seats names the new team.
    const seat = loadSeat(session.room, "player", session.seatId);
    if (seat) saveSeat(session.room, "player", { ...seat, team });
  }
  shownTeam = team;
}

function render(what, detail) {
  if (!game.view) return;
  noticeTeamMove();
  if (!chat) chat = new ChatPanel(game, $("#chat"), session, { canWrite: () => game.you.role === "player" && game.view.phase !== "ended" });
  // A new phase or turn makes the last request's confirmation ("locked in", "deal proposed") old news: cleared.
  if (clearStaleStatus()) lockArmed = false;
  if (what === "chat") { chat.render(); return; }
  if (what === "language") { lastActionsKey = ""; lastResultsKey = ""; }
  // The deal form's rows are redrawn when the words they show change: the page's language at once, and the scenario's
  // names (actions, catalog, consents, teams) when the server's snapshot in the new language comes.
  const wordsKey = JSON.stringify([lang(), ...["actions", "catalog", "consents", "teams"].map((k) => (game.view[k] || []).map((x) => x.name))]);
  if (lastWordsKey && wordsKey !== lastWordsKey) { lastCatalogKey = ""; relabelCommitments(); }
  lastWordsKey = wordsKey;
  keepFocus(() => {
    renderTeamBox();
    renderTracks(game, $("#tracks"));
    renderFlagsAndProjects(game, $("#board-extra"));
    renderMap(game, $("#map"), lastTurnChanges(game));
    renderTeamsStrip(game, $("#teams"));
    renderBrief();
    renderDraft();
    renderActions();
    renderDeals();
    noticeAgreedOverBudget();
    clearClosedProposal();
    renderCommitmentChoices();
    renderFormNotes();
    renderRecords(game, $("#news-feed"), ["news", "intel"], { empty: t("play.no_news") });
    renderResults();
    renderOutcome();
    chat.render();
  });
}

function renderTeamBox() {
  const tm = game.team(myTeam());
  const box = $("#team-box");
  $("#team-name").textContent = tm ? tm.name : t("play.no_team");
  const bot = tm ? botOf(game, tm.id) : null;
  replace($("#team-bot"), bot ? botBadge(game, tm.id, { words: t("play.bot_words", { policy: policyName(bot.bot) }) }) : null);
  $("#you-name").textContent = game.you.name || "";
  if (tm) setColour(box, tm.colour); else box.style.removeProperty("--team");
  const spent = spentWithDeals(game, myTeam());
  // Once the match is over the budget means nothing: the header's budget is hidden.
  $("#budget-left").parentElement.hidden = game.view.phase === "ended" || Boolean(game.view.outcome);
  // Over the budget the header reads "Budget 1 over (7 of 6)", not "Budget left 1 over 6" (qa5 Confusing #1).
  const overBudget = game.view.phase !== "setup" && tm && typeof tm.budget === "number" && spent > tm.budget;
  const label = $("#budget-left").parentElement.querySelector(".label");
  label.dataset.i18n = overBudget ? "play.budget_label" : "play.budget_left";
  label.textContent = t(label.dataset.i18n);
  $("#budget-left").textContent = game.view.phase === "setup" && tm ? t("play.budget_at_start")
    : tm && typeof tm.budget === "number" ? (overBudget ? t("play.budget_over", { over: spent - tm.budget, spent, budget: tm.budget })
      : t("play.budget_of", { left: tm.budget - spent, budget: tm.budget })) : "—";
  if (!tm) say($("#notice"), t("play.waiting_team"), "info");
  else if ($("#notice").dataset.kind === "info") say($("#notice"), "");
}

// The brief and objectives sit in a collapsed block at the end of the situation: each turn's briefing opens it once, the
// phase for reading it (a student may close it again; REPORT-browser #11).
let briefOpenedFor = "";

function renderBrief() {
  const tm = game.team(myTeam());
  const briefing = `${game.view.turn}:${game.view.phase}`;
  if (tm && game.view.phase === "briefing" && briefOpenedFor !== briefing) { briefOpenedFor = briefing; $("#brief-box").open = true; }
  $("#brief").textContent = tm?.brief || t("play.brief_later");
  replace($("#objectives"), (game.view.objectives || []).map((o) => el("li", { class: o.met === true ? "met" : o.met === false ? "unmet" : "" },
    el("span", { text: o.text }), " — ", el("span", { class: "hint", text: objectivePoints(o) }))));
}

// ---- The shared draft ------------------------------------------------------------------------------------------

// Teammates edit one draft. Each edit is a function of the draft it changes, sent with that draft as `base`: when a
// teammate's change came first, the server refuses ours (draft_changed) after their update has reached the view, and the
// same edit is made again on the draft now shown and sent again. Only when it still cannot be saved after a few tries
// is the student told (qa5 Wrong #1: an order added at the same moment as a teammate's was silently lost).
const DRAFT_TRIES = 4;

/** `edit(draft)` gives the new {orders, consents}, or null when there is nothing left to change. */
async function editDraft(edit) {
  for (let tries = 1; ; tries++) {
    const base = draft();
    const next = edit(base);
    if (!next) return null;
    const request = { type: "set_orders", orders: next.orders, consents: next.consents,
      base: { orders: base.orders || [], consents: base.consents || {} } };
    try {
      return await attempt(session, $("#orders-status"), request, () => t("play.draft_saved"),
        { passOn: tries < DRAFT_TRIES ? ["draft_changed"] : [] });
    } catch {
      // The teammate's update is normally in the view already; a resync's snapshot may take a moment longer.
      await new Promise((resolve) => setTimeout(resolve, 40 * tries));
    }
  }
}

const sameOrder = (a, b) => a.action === b.action && JSON.stringify(a.params || {}) === JSON.stringify(b.params || {});

/** Adds an order at the end of the draft. */
const addOrder = (order) => editDraft((d) => ({ orders: [...(d.orders || []), order], consents: d.consents || {} }));

/** Removes the order shown at `index` (the same order, wherever a teammate's change has put it; nothing when it is gone). */
function removeOrder(order, index) {
  return editDraft((d) => {
    const orders = d.orders || [];
    const at = orders[index] && sameOrder(orders[index], order) ? index : orders.findIndex((o) => sameOrder(o, order));
    return at < 0 ? null : { orders: orders.filter((_, j) => j !== at), consents: d.consents || {} };
  });
}

/** Sets our decision on another team's action ("" for none). */
function setConsent(action, value) {
  return editDraft((d) => {
    const consents = { ...(d.consents || {}) };
    if (value) consents[action] = value; else delete consents[action];
    return { orders: d.orders || [], consents };
  });
}

function renderDraft() {
  const d = draft();
  const tm = game.team(myTeam());
  const drafted = game.view.spent?.[myTeam()] || 0;
  const committed = commitmentsOf(game, myTeam());
  const dealCost = committedCost(game, myTeam());
  const budget = tm?.budget;
  const left = budgetLeft(game, myTeam()) ?? 0;
  $("#budget-line").textContent = game.view.phase === "setup" ? t("play.budget_setup")
    : typeof budget === "number"
    // Over the budget it says by how much ("2 over budget"), never "-2 left".
    ? t(left < 0 ? (dealCost ? "play.spent_deals_over" : "play.spent_over") : dealCost ? "play.spent_deals" : "play.spent", { spent: drafted + dealCost, budget, drafted, deals: dealCost, left, over: -left }) : "";
  $("#budget-line").dataset.kind = left < 0 ? "error" : "";
  // Once the turn is adjudicated the draft still holds its orders until the next turn begins: said to be that turn's,
  // carried out and not editable, never read as the next turn's draft (qa8 C7).
  const past = ["results", "ended"].includes(game.view.phase)
    && (d.orders.length > 0 || Object.keys(d.consents || {}).length > 0);
  $("#draft").classList.toggle("past", past);
  if (past) {
    $("#budget-line").textContent = t("play.draft_past", { turn: game.view.turn });
    $("#budget-line").dataset.kind = "past";
  }
  const editable = drafting() && !locked() && Boolean(tm);
  renderDraftAuthor(editable);
  // A deal's step that a requirement stops says so on its locked line, as a drafted order does: its cost is charged.
  const dealLines = committed.map((c) => [c, c.action ? unmetRequirement(c.action) : null]).map(([c, requirement]) => el("li", { class: ["draft-order", "committed", requirement ? "unmet" : ""], data: { action: c.action || c.consent, deal: c.deal } },
    el("span", { class: "badge ok lock-mark", text: t("deal.title", { deal: String(c.deal) }) }),
    el("span", { text: c.action ? `${game.actionName(c.action)}${formatParams(game, c.params, c.action)}`
      : t(c.decision === "block" ? "play.block_action" : "play.approve_action", { action: game.actionName(c.consent) }) }),
    el("span", { class: "cost", text: c.action ? t("play.cost_small", { cost: c.cost }) : t("play.consent") }),
    el("span", { class: "hint", text: t("play.deal_line_hint") }),
    requirement ? el("span", { class: "hint warn", text: t("play.order_requirement", { reason: requirement }) }) : null));
  // Warnings come from the data and the reasons' codes, never from the server's words (and "already in your orders" is
  // true of every drafted order): a deal that orders the same action, a budget that cannot pay this order, or a
  // requirement the state does not meet (the scenario's reason: the order fails unless the situation changes first).
  const over = ordersOverBudget(game, myTeam());
  const orderLines = d.orders.map((o, i) => {
    const a = game.action(o.action);
    const promised = promisedIn(game, myTeam(), o.action);
    const requirement = unmetRequirement(o.action);
    const warnings = [
      promised ? t("play.also_promised", { deal: String(promised) }) : "",
      // Nothing left (the deals alone may take the whole budget, or more) is said so, never "only -1 left".
      !promised && over.has(i) ? t(over.get(i) > 0 ? "play.order_over_budget" : "play.order_over_budget_none", { cost: a?.cost ?? 0, left: over.get(i) }) : "",
      !promised && requirement ? t("play.order_requirement", { reason: requirement }) : "",
    ].filter(Boolean);
    const kind = promised ? "duplicate" : over.has(i) ? "over-budget" : requirement ? "unmet" : "";
    return el("li", { class: ["draft-order", kind], data: { action: o.action } },
      el("span", { text: `${a?.name || o.action}${formatParams(game, o.params, o.action)}` }),
      el("span", { class: "cost", text: a ? t("play.cost_small", { cost: a.cost }) : "" }),
      warnings.map((w) => el("span", { class: "hint warn", text: w })),
      editable ? el("button", { type: "button", class: "small", id: `remove-order-${i}`, text: t("play.remove"),
        aria: { label: t("play.remove_order_label", { action: a?.name || o.action }) },
        on: { click: () => removeOrder(o, i) } }) : null);
  });
  replace($("#draft-orders"), dealLines.length + orderLines.length ? [...dealLines, ...orderLines]
    : el("li", { class: "hint", text: t("play.no_orders") }));

  const consents = game.view.consents || [];
  replace($("#consents"), consents.length ? el("fieldset", { class: "consents" },
    el("legend", { text: t("play.consents_legend") }),
    consents.map((c) => {
      const name = `consent-${c.action}`;
      // An agreed deal that promises this decision settles it at adjudication: shown, not editable.
      const promised = committed.find((x) => x.consent === c.action);
      const current = promised ? promised.decision : (d.consents || {})[c.action] || "";
      // Settled by a deal, the radios are disabled, and a disabled checked radio is a faint grey dot that reads as
      // "nothing chosen" (qa5 Confusing #2): the deal's choice is marked in words too, and the others are dimmed.
      const choice = (value, label) => el("label", { class: ["inline", promised ? (current === value ? "settled-choice" : "settled-other") : ""] },
        el("input", { type: "radio", name, value, id: `${name}-${value || "none"}`, checked: current === value, disabled: !editable || Boolean(promised),
          on: { change: () => setConsent(c.action, value) } }), ` ${label}`,
        promised && current === value ? el("span", { class: "badge ok", text: t("play.settled_choice", { deal: String(promised.deal) }) }) : null);
      return el("div", { class: "consent", data: { consent: c.action } },
        el("p", { text: consentLine(c) }),
        // What no answer means, on the choice itself: under `veto` it lets the action go ahead, under `all` it refuses.
        choice("", t(c.rule === "all" ? "play.no_decision_all" : "play.no_decision_veto")), choice("approve", t("play.approve")), choice("block", t("play.block")),
        promised ? el("p", { class: "hint", text: t(promised.decision === "block" ? "play.settled_block" : "play.settled_approve", { deal: String(promised.deal) }) }) : null);
    })) : null);

  const lockButton = $("#lock");
  lockButton.disabled = !editable;
  if (!editable) lockArmed = false;
  lockButton.textContent = locked() ? t("play.locked_in") : lockArmed ? (left < 0 ? t("play.lock_confirm_over", { over: -left }) : t("play.lock_confirm")) : t("play.lock");
  const teams = game.view.teams || [];
  $("#lock-state").textContent = drafting()
    ? allLockedText(game) || t("play.locked_list", { teams: list(teams.filter((x) => x.locked).map((x) => x.name)) || t("play.locked_none") })
    : t("play.orders_when");
}

// A draft a bot set this turn (a student coming online on a team the bot played) says so by the draft, until a person
// sets it (REPORT-browser E #20): the student reviews the bot's orders before locking them.
function renderDraftAuthor(editable) {
  let node = $("#draft-author");
  if (!node) {
    node = el("p", { id: "draft-author", class: "hint warn", role: "status" });
    $("#draft-orders").before(node);
  }
  const byBot = editable && game.draftAuthor(myTeam())?.bot === true;
  node.hidden = !byBot;
  node.textContent = byBot ? t("play.draft_by_bot") : "";
}

// A say we have on another team's action, naming who else has one (the catalog's consent_from): "your team can block
// it" when ours is the only say, never "any one of us" for one team (REPORT-browser #15). An action the catalog does
// not list (a covert one) keeps the general wording.
function consentLine(c) {
  const words = { action: c.name, teams: list(c.teams.map((x) => game.teamName(x))) };
  const from = consentOf(game, c.action, c.teams[0])?.from;
  if (!from?.includes(myTeam())) return t(c.rule === "veto" ? "play.consent_veto" : "play.consent_all", words);
  const others = from.filter((x) => x !== myTeam()).map((x) => game.teamName(x));
  const all = c.rule === "all";
  return others.length ? t(all ? "play.consent_all_with" : "play.consent_veto_with", { ...words, others: list(others) })
    : t(all ? "play.consent_all_ours" : "play.consent_veto_ours", words);
}

async function lockIn() {
  if (!lockArmed) {
    lockArmed = true;
    renderDraft();
    // Over budget: the confirmation says by how much, and which orders will not be carried out.
    const over = ordersOverBudget(game, myTeam());
    if (over.size) { const words = { over: -budgetLeft(game, myTeam()), count: over.size }; say($("#orders-status"), () => t("play.lock_over_warning", words), "error"); return; }
    // As the terminal's confirmation does: the points not spent and the consent questions not answered, each with what
    // no answer counts as (qa5 Confusing #4).
    const left = budgetLeft(game, myTeam()) ?? 0;
    const budget = game.team(myTeam())?.budget;
    const promised = new Set(commitmentsOf(game, myTeam()).map((c) => c.consent).filter(Boolean));
    const open = (game.view.consents || []).filter((c) => !promised.has(c.action) && !(draft().consents || {})[c.action]);
    if (left > 0 || open.length) {
      say($("#orders-status"), () => [
        left > 0 && typeof budget === "number" ? t("play.lock_unspent", { left, budget, count: left }) : "",
        open.length ? t("play.lock_undecided", { count: open.length, list: list(open.map((c) => t(c.rule === "all" ? "play.undecided_all" : "play.undecided_veto", { action: c.name }))) }) : "",
        t("play.lock_press_again"),
      ].filter(Boolean).join(" "), "warning");
    }
    return;
  }
  lockArmed = false;
  // Locked during the negotiation, nothing ends early: the line says what comes next.
  const negotiating = game.view.phase === "negotiation";
  await attempt(session, $("#orders-status"), { type: "lock" }, () => t(negotiating ? "play.locked_ok_negotiation" : "play.locked_ok"));
}

// ---- Actions ---------------------------------------------------------------------------------------------------

function renderActions() {
  const actions = game.view.actions || [];
  const only = $("#only-available").checked;
  const key = JSON.stringify([lang(), actions, only, locked(), game.view.phase, commitmentsOf(game, myTeam()), game.view.spent, game.team(myTeam())?.budget]);
  if (key === lastActionsKey) return;
  lastActionsKey = key;
  rememberParams($("#actions"), typedParams);
  const shown = only ? actions.filter((a) => a.available) : actions;
  replace($("#actions"), shown.length ? shown.map(actionCard) : el("li", { class: "hint", text: myTeam() ? t("play.no_actions") : t("play.actions_later") }));
}

/** Why action `a` of the view cannot be added to the draft now: {promised, unaffordable, reason} ("" when it can). */
function unavailability(a) {
  // A promise, by the server's `reason_code` (not by the deals: a repeatable action may be ordered again), says which
  // deal, its number read from the deals (the server's sentence has it too, in its words).
  const deal = !a.available && a.reason_code === "promised" ? promisedIn(game, myTeam(), a.id) : null;
  if (deal !== null) return { promised: true, unaffordable: false, reason: promisedText(deal) };
  // The budget is checked from the numbers, for every action: the server names only the first reason that holds, and
  // a drafted action's is "already in your orders" even when the budget could not pay another one either.
  const left = budgetLeft(game, myTeam());
  if (drafting() && !locked() && left !== null && a.cost > left) return { promised: false, unaffordable: true, reason: left < 0 ? t("play.cannot_afford_over", { cost: a.cost, over: -left }) : t("play.cannot_afford", { cost: a.cost, left }) };
  // A requirement the state does not meet reads as a warning, not as the scenario's flavour text: the action may still
  // be added (the situation may change before the orders are carried out), and its draft line says it will fail.
  if (!a.available && a.reason_code === "requirement") return { promised: false, unaffordable: false, reason: t("play.requirement_unmet", { reason: a.reason || t("play.not_available") }) };
  return { promised: a.reason_code === "promised", unaffordable: false, reason: a.available ? "" : a.reason || t("play.not_available") };
}

function actionCard(a) {
  const prefix = `act-${a.id}`;
  const reasonID = `${prefix}-reason`;
  // Why it cannot be added now: a promise says which deal, and a cost above what is left after the draft and the
  // agreed deals says both numbers, in the page's words; any other reason is the server's (a requirement in the
  // scenario's words). Never decided from the server's words.
  const { promised, unaffordable, reason } = unavailability(a);
  const params = el("div", { class: "params", data: { paramsFor: a.id } }, paramPickers(a, prefix, typedParams.get(a.id) || {}));
  const add = el("button", { type: "button", id: `${prefix}-add`, class: "small", text: t("play.add"),
    aria: { label: t("play.add_label", { action: a.name }), ...(reason ? { describedby: reasonID } : {}) },
    disabled: !drafting() || locked() || promised || unaffordable,
    on: { click: () => {
      // As the view stands at the click (the card may be older).
      const now = unavailability(game.action(a.id) || a);
      if (now.promised || now.unaffordable) { say($("#orders-status"), () => unavailability(game.action(a.id) || a).reason, "error"); return; }
      if (!checkParams(params)) return;
      addOrder({ action: a.id, params: readParams(params) });
    } } });
  return el("li", { class: reason ? "action unavailable" : "action", data: { action: a.id } },
    el("div", { class: "action-head" },
      el("h4", { text: a.name }),
      el("span", { class: "cost", text: t("play.cost", { cost: a.cost }) }),
      typeof a.chance === "number" ? el("span", { class: "chance", text: t("play.chance", { chance: a.chance }) }) : null,
      a.covert ? el("span", { class: "badge secret", text: t("play.covert") }) : null),
    a.description ? el("p", { class: "desc", text: a.description }) : null,
    a.consent_from?.length ? el("p", { class: "hint", text: t(a.consent_rule === "all" ? (a.consent_from.length === 1 ? "play.needs_consent_all_one" : "play.needs_consent_all") : a.consent_from.length === 1 ? "play.needs_consent_veto_one" : "play.needs_consent_veto", { teams: list(a.consent_from.map((x) => game.teamName(x))) }) }) : null,
    a.checked_on_resolution?.length ? el("p", { class: "hint", text: t("play.checked_on_resolution", { checks: a.checked_on_resolution.join("; ") }) }) : null,
    // Outside the drafting phases the reason is a quiet hint ("orders are given later"), not a warning.
    reason ? el("p", { class: a.reason_code === "not_drafting" ? "reason quiet" : "reason", id: reasonID, text: reason }) : null,
    (a.params || []).length ? params : null,
    add);
}

// ---- Deals -----------------------------------------------------------------------------------------------------

function renderDeals() {
  const me = myTeam();
  const deals = (game.view.deals || []).slice().sort((a, b) => b.id - a.id);
  replace($("#deals"), deals.length ? deals.map((d) => {
    const open = d.status === "open";
    const buttons = [];
    if (open && d.parties.includes(me) && !d.accepted.includes(me)) {
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-accept`, text: t("play.accept"), on: { click: () => respond(d.id, true) } }));
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-reject`, text: t("play.reject"), on: { click: () => respond(d.id, false) } }));
    }
    if (open && d.proposer === me) {
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-withdraw`, text: t("play.withdraw"), on: { click: () => withdraw(d.id) } }));
    }
    return dealItem(game, d, buttons.length ? el("div", { class: "row" }, buttons) : null);
  }) : el("li", { class: "hint", text: t("play.no_deals") }));
}

// A deal our team is party to that becomes agreed and leaves the team's draft and agreed deals past its budget: every
// party that is then over is told, the proposer too (REPORT-terminal #14), not only the team that accepted (whose card
// warned before it did). The numbers are the lock's (budgetLeft, ordersOverBudget); the line goes once the draft fits.
const agreedSeen = new Set();
function noticeAgreedOverBudget() {
  const me = myTeam();
  const node = $("#orders-status");
  if (!node) return;
  const fresh = (game.view.deals || []).filter((d) => d.status === "agreed" && (d.parties || []).includes(me) && !agreedSeen.has(d.id));
  fresh.forEach((d) => agreedSeen.add(d.id));
  const left = budgetLeft(game, me);
  const over = !me || !drafting() || left === null ? false : left < 0;
  // Another status written over it (a saved draft, a phase's clearing) ends it; else it goes once the draft fits.
  if (node.dataset.kind !== "error") delete node.dataset.budgetNotice;
  if (node.dataset.budgetNotice && !over) { say(node, ""); delete node.dataset.budgetNotice; }
  if (!over || !fresh.length) return;
  const deal = String(fresh[fresh.length - 1].id);
  const budget = game.team(me)?.budget;
  say(node, () => {
    const now = budgetLeft(game, me) ?? 0;
    const count = ordersOverBudget(game, me).size;
    // Nothing drafted is pushed out when the deals' steps alone are past the budget: then it is their steps.
    return t(count ? "play.deal_agreed_over_budget" : "play.deal_agreed_over_budget_steps", { deal, spent: budget - now, budget, over: -now, count });
  }, "error");
  node.dataset.budgetNotice = "1";
}

function respond(id, accept) {
  return attempt(session, $("#deals-status"), { type: "respond_deal", deal: id, accept }, () => t(accept ? "play.accepted_ok" : "play.rejected_ok", { deal: String(id) }));
}

function withdraw(id) {
  return attempt(session, $("#deals-status"), { type: "withdraw_deal", deal: id }, () => t("play.withdrawn_ok", { deal: String(id) }));
}

let rowCount = 0;
let lastCatalogKey = "";
let lastWordsKey = "";

function commitmentRow() {
  const n = ++rowCount;
  const teamSelect = el("select", { id: `cm-${n}-team`, class: "cm-team" });
  const kind = el("select", { id: `cm-${n}-kind`, class: "cm-kind" },
    el("option", { value: "action", text: t("cm.kind_action") }), el("option", { value: "consent", text: t("cm.kind_consent") }));
  const what = el("div", { class: "cm-what" });
  const row = el("li", { class: "commitment-row", data: { row: n } },
    el("div", { class: "row" },
      el("label", { for: teamSelect.id, class: "cm-team-label", text: t("play.team") }), teamSelect,
      el("label", { for: kind.id, class: "visually-hidden cm-kind-label", text: t("cm.kind") }), kind,
      el("button", { type: "button", class: "small cm-remove", text: t("play.remove"), aria: { label: t("cm.remove_label", { n }) }, on: { click: () => { row.remove(); renderFormNotes(); } } })),
    what,
    el("div", { class: "cm-notes", id: `cm-${n}-notes` }));
  const fill = () => fillCommitment(row, n);
  teamSelect.addEventListener("change", fill);
  kind.addEventListener("change", fill);
  fillTeams(teamSelect);
  fill();
  return row;
}

function fillTeams(select) {
  const keep = select.value;
  replace(select, (game.view?.teams || []).map((t) => el("option", { value: t.id, text: t.name })));
  select.value = keep || myTeam() || "";
}

function fillCommitment(row, n) {
  const team = row.querySelector(".cm-team").value;
  const kind = row.querySelector(".cm-kind").value;
  const box = row.querySelector(".cm-what");
  const mine = team === myTeam();
  if (kind === "action") {
    if (mine) {
      const select = el("select", { id: `cm-${n}-action`, class: "cm-action" }, (game.view.actions || []).map((a) => el("option", { value: a.id, text: t("cm.action_cost", { action: a.name, cost: a.cost }) })));
      const params = el("div", { class: "params" });
      const fillParams = () => replace(params, paramPickers(game.action(select.value) || {}, `cm-${n}-p`));
      select.addEventListener("change", fillParams);
      replace(box, el("label", { for: select.id, text: t("cm.action") }), select, params);
      fillParams();
    } else {
      // Another team's action: picked from the scenario's catalog of known (non-covert) actions, with its parameters.
      const choices = (game.view.catalog || []).filter((a) => (a.teams || []).includes(team));
      if (!choices.length) {
        replace(box, el("p", { class: "hint", text: t("cm.no_known", { team: game.teamName(team) }) }));
        return;
      }
      const select = el("select", { id: `cm-${n}-action`, class: "cm-action" }, choices.map((a) => el("option", { value: a.id, text: t("cm.action_cost", { action: a.name, cost: a.cost }) })));
      const params = el("div", { class: "params" });
      const fillParams = () => replace(params, paramPickers(choices.find((a) => a.id === select.value) || {}, `cm-${n}-p`));
      select.addEventListener("change", fillParams);
      replace(box, el("label", { for: select.id, text: t("cm.action_of", { team: game.teamName(team) }) }), select, params);
      fillParams();
    }
  } else {
    // Mine: the actions awaiting our say; another team's: the known actions that team has a say on (the catalog's
    // `consent_from`): a team cannot promise to approve or block what it does not decide.
    const options = mine
      ? (game.view.consents || []).map((c) => ({ id: c.action, name: c.name }))
      : (game.view.catalog || []).filter((a) => (a.consent_from || []).includes(team)).map((a) => ({ id: a.id, name: t("cm.action_by", { action: a.name, teams: list((a.teams || []).map((x) => game.teamName(x))) }) }));
    if (!options.length) {
      replace(box, el("p", { class: "hint", text: t(mine ? "cm.no_say_mine" : "cm.no_say", { team: game.teamName(team) }) }));
      return;
    }
    const action = el("select", { id: `cm-${n}-action`, class: "cm-action" }, options.map((o) => el("option", { value: o.id, text: o.name })));
    const decision = el("select", { id: `cm-${n}-decision`, class: "cm-decision" }, el("option", { value: "approve", text: t("cm.approve") }), el("option", { value: "block", text: t("cm.block") }));
    replace(box, el("label", { for: action.id, text: t("cm.other_action") }), action, el("label", { for: decision.id, text: t("cm.decision") }), decision);
  }
}

function renderCommitmentChoices() {
  for (const s of document.querySelectorAll(".cm-team")) fillTeams(s);
  // Refill rows whose catalog may have arrived after they were made (keeping what is chosen).
  const catalogKey = JSON.stringify((game.view.catalog || []).map((a) => a.id));
  if (catalogKey !== lastCatalogKey) {
    lastCatalogKey = catalogKey;
    for (const row of document.querySelectorAll(".commitment-row")) {
      if (row.querySelector(".cm-team").value !== myTeam() && !row.querySelector("select.cm-action")) fillCommitment(row, Number(row.dataset.row));
    }
  }
}

/** The proposal being written: each row with the commitment it makes (null while it names no action). */
function formRows() {
  return [...document.querySelectorAll(".commitment-row")].map((row) => {
    const team = row.querySelector(".cm-team").value;
    const kind = row.querySelector(".cm-kind").value;
    const action = row.querySelector(".cm-action")?.value?.trim();
    if (!team || !action) return { row, commitment: null };
    if (kind === "consent") return { row, commitment: { team, consent: action, decision: row.querySelector(".cm-decision").value } };
    const params = readParams(row.querySelector(".params") || row);
    return { row, commitment: Object.keys(params).length ? { team, action, params } : { team, action } };
  });
}

/** Under each row of the proposal, as on a deal's card: our steps that cannot go as promised, and the consent of a
 * team the proposal does not bind. */
function renderFormNotes() {
  // A fresh form (opened, or reset after a proposal, on the team's first action) says nothing until the student has
  // chosen something in it: a warning on a step nobody picked yet reads as a mistake already made (qa5 Confusing #3).
  if (!$("#commitments").dataset.touched) {
    for (const box of document.querySelectorAll(".commitment-row .cm-notes")) replace(box);
    return;
  }
  const rows = formRows().filter((r) => r.commitment);
  const commitments = rows.map((r) => r.commitment);
  const warnings = stepWarnings(game, commitments, myTeam());
  for (const box of document.querySelectorAll(".commitment-row .cm-notes")) {
    const i = rows.findIndex((r) => r.row === box.closest(".commitment-row"));
    replace(box, i < 0 ? null : commitmentNotes(game, commitments[i], commitments, { me: myTeam(), warnings: warnings.get(i) || [], parties: [myTeam(), ...commitments.map((c) => c.team)] }));
  }
}

async function propose(e) {
  e.preventDefault();
  const commitments = formRows().map((r) => r.commitment).filter(Boolean);
  if (!commitments.length) { say($("#deal-status"), () => t("cm.need_one"), "error"); return; }
  if (!checkParams($("#commitments"))) return;
  const note = $("#deal-note").value.trim();
  const request = { type: "propose_deal", commitments };
  if (note) request.note = note;
  const before = Math.max(0, ...(game.view.deals || []).map((d) => d.id));
  const ok = await attempt(session, $("#deal-status"), request, () => t("cm.proposed_ok"));
  proposedAfter = ok ? before : null;
  if (ok) {
    $("#deal-note").value = "";
    delete $("#commitments").dataset.touched;
    replace($("#commitments"), commitmentRow());
    renderFormNotes();
  }
}

// ---- Results: a summary per turn, newest first, each with its full log one click away -------------------------

const RESULT_KINDS = ["order", "effect", "event", "deal", "adjustment", "outcome", "locked", "phase"];
let lastResultsKey = "";

function renderResults() {
  const key = `${lang()}:${game.records.length}:${JSON.stringify(game.view.tracks)}:${myTeam()}`;
  if (key === lastResultsKey) return;
  lastResultsKey = key;
  const open = new Set([...document.querySelectorAll("#results [id^=full-log-]:not([hidden])")].map((n) => n.id));
  const turns = resultTurns(game);
  replace($("#results"), turns.length ? turns.map((turn) => {
    const log = el("div", { class: "full-log" });
    renderRecords(game, log, RESULT_KINDS, { empty: t("play.nothing_logged"), turn, limit: 1000 });
    const section = summarySection(game, turn, myTeam(), log);
    if (open.has(log.id)) section.querySelector(`#show-log-${turn}`).click();
    return section;
  }) : el("p", { class: "hint", text: t("play.results_later") }));
}

// "Deal proposed: it takes effect when every party accepts" stands while that deal is open: once it is withdrawn,
// rejected, agreed or has expired the line is old news and goes. The deal is our team's first one numbered above
// the highest number the page knew when it proposed (the ack comes before the update that shows the deal).
let proposedAfter = null;
function clearClosedProposal() {
  const node = $("#deal-status");
  if (proposedAfter === null) return;
  if (node.dataset.kind !== "ok") { proposedAfter = null; return; }
  const deal = (game.view.deals || []).filter((d) => d.proposer === myTeam() && d.id > proposedAfter).sort((a, b) => a.id - b.id)[0];
  if (deal && deal.status !== "open") { say(node, ""); proposedAfter = null; }
}

function renderOutcome() {
  const o = game.view.outcome;
  const box = $("#outcome");
  box.hidden = !o;
  if (!o) return;
  // The outcome's objectives (every team's, each with its team) or else the view's (ours and the shared ones).
  const mine = (o.objectives || game.view.objectives || []).filter((x) => x.team === myTeam() || x.team === "all");
  replace(box,
    el("h2", { id: "outcome-title", text: outcomeTitle(game, o) }),
    endingDecided(game) ? el("p", { class: "decided-note", text: t("outcome.results_running") }) : null,
    el("p", { text: o.text }),
    o.reason ? el("p", { class: "hint", text: sentence(o.reason) }) : null,
    el("ul", { class: "scores" }, game.rankedScores(o.scores).map(([x, n]) => el("li", { text: t("outcome.score", { team: game.teamName(x), count: n }) }))),
    // Which of our own objectives were met, in the open: the brief that lists them is a collapsed block far down.
    mine.length ? el("h3", { id: "outcome-objectives-title", text: t("outcome.your_objectives") }) : null,
    mine.length ? el("ul", { class: "objectives", id: "outcome-objectives", aria: { labelledby: "outcome-objectives-title" } }, mine.map((x) =>
      el("li", { class: x.met === true ? "met" : x.met === false ? "unmet" : "" },
        el("span", { text: x.team === "all" ? `${t("outcome.every_team")}: ${x.text}` : x.text }), " — ", el("span", { class: "hint", text: objectivePoints(x) })))) : null);
}

/** The commitment rows keep what is chosen in them; their fixed words follow the language. */
function relabelCommitments() {
  for (const row of document.querySelectorAll(".commitment-row")) {
    const n = Number(row.dataset.row);
    row.querySelector(".cm-team-label").textContent = t("play.team");
    row.querySelector(".cm-kind-label").textContent = t("cm.kind");
    row.querySelector(".cm-remove").textContent = t("play.remove");
    row.querySelector(".cm-remove").setAttribute("aria-label", t("cm.remove_label", { n }));
    const kind = row.querySelector(".cm-kind");
    kind.options[0].textContent = t("cm.kind_action");
    kind.options[1].textContent = t("cm.kind_consent");
    const keep = row.querySelector(".cm-action")?.value;
    fillCommitment(row, n);
    const again = row.querySelector(".cm-action");
    if (again && keep && [...(again.options || [])].some((o) => o.value === keep)) { again.value = keep; again.dispatchEvent(new Event("change")); }
  }
}

// On a phone the section menu sticks under the game bar, whose height changes with the words in it (CSS reads it).
const gamebar = $(".gamebar");
if (gamebar && "ResizeObserver" in window) {
  new ResizeObserver(() => document.documentElement.style.setProperty("--gamebar-height", `${gamebar.offsetHeight}px`)).observe(gamebar);
}
// The menu's "Brief" opens the brief and objectives it jumps to.
$("#nav-brief")?.addEventListener("click", () => { $("#brief-box").open = true; });

if (game) {
  $("#lock").addEventListener("click", lockIn);
  $("#only-available").addEventListener("change", () => { lastActionsKey = ""; renderActions(); });
  $("#propose-form").addEventListener("submit", propose);
  const touched = () => { $("#commitments").dataset.touched = "1"; };
  $("#add-commitment").addEventListener("click", () => { touched(); $("#commitments").append(commitmentRow()); renderFormNotes(); });
  $("#commitments").addEventListener("change", touched);
  $("#commitments").addEventListener("input", touched);
  // Any choice in a row (team, kind, action, parameter, decision) changes what the proposal's notes say.
  $("#commitments").addEventListener("change", renderFormNotes);
  $("#commitments").addEventListener("input", renderFormNotes);
  $("#propose-box").addEventListener("toggle", () => {
    if ($("#propose-box").open && !$("#commitments").children.length && game.view) { $("#commitments").append(commitmentRow()); renderFormNotes(); }
  });
}

export { describeCommitment };
