// The student dashboard: the team's view of the match, its live draft, negotiations, news and results.

import { el, replace, say, setColour, $ } from "./dom.js";
import { bootPage, keepFocus, attempt } from "./page.js";
import { renderTracks, renderFlagsAndProjects, renderTeamsStrip, renderRecords, ChatPanel, dealItem, describeCommitment, formatParams, objectivePoints, allLockedText } from "./views.js";
import { botBadge, botOf } from "./bots.js";
import { paramPickers, readParams, rememberParams } from "./params.js";
import { resultTurns, summarySection } from "./summary.js";
import { renderMap, lastTurnChanges } from "./map.js";
import { commitmentsOf, spentWithDeals, promisedIn, promisedText } from "./commitments.js";

const boot = await bootPage("player", render);
const { game, session } = boot || {};
const typedParams = new Map();
let chat = null;
let lastActionsKey = "";
let lockArmed = false;

function myTeam() { return game.you.team || null; }
function draft() { return game.view?.orders?.[myTeam()] || { orders: [], consents: {} }; }
function drafting() { return ["negotiation", "orders"].includes(game.view?.phase); }
function locked() { return Boolean(game.team(myTeam())?.locked); }

function render(what, detail) {
  if (!game.view) return;
  if (!chat) chat = new ChatPanel(game, $("#chat"), session, { canWrite: () => game.you.role === "player" && game.view.phase !== "ended" });
  if (what === "chat") { chat.noteMessage(detail); chat.render(); return; }
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
    renderCommitmentChoices();
    renderRecords(game, $("#news-feed"), ["news", "intel"], { empty: "No news yet." });
    renderResults();
    renderOutcome();
    chat.render();
  });
}

function renderTeamBox() {
  const t = game.team(myTeam());
  const box = $("#team-box");
  $("#team-name").textContent = t ? t.name : "no team yet";
  const bot = t ? botOf(game, t.id) : null;
  replace($("#team-bot"), bot ? botBadge(game, t.id, { words: `bot (${bot.bot}) plays when you are all offline` }) : null);
  $("#you-name").textContent = game.you.name || "";
  if (t) setColour(box, t.colour); else box.style.removeProperty("--team");
  const spent = spentWithDeals(game, myTeam());
  $("#budget-left").textContent = game.view.phase === "setup" && t ? "set at the start"
    : t && typeof t.budget === "number" ? `${t.budget - spent} of ${t.budget}` : "—";
  if (!t) say($("#notice"), "You are waiting for the instructor to put you on a team.", "info");
  else if ($("#notice").dataset.kind === "info") say($("#notice"), "");
}

function renderBrief() {
  const t = game.team(myTeam());
  $("#brief").textContent = t?.brief || "Your brief appears when you are on a team.";
  replace($("#objectives"), (game.view.objectives || []).map((o) => el("li", { class: o.met === true ? "met" : o.met === false ? "unmet" : "" },
    el("span", { text: o.text }), " ", el("span", { class: "hint", text: objectivePoints(o) }))));
}

// ---- The shared draft ------------------------------------------------------------------------------------------

async function sendDraft(orders, consents) {
  await attempt(session, $("#orders-status"), { type: "set_orders", orders, consents }, "Draft saved; your teammates see it.");
}

function renderDraft() {
  const d = draft();
  const t = game.team(myTeam());
  const drafted = game.view.spent?.[myTeam()] || 0;
  const committed = commitmentsOf(game, myTeam());
  const dealCost = committed.reduce((sum, c) => sum + c.cost, 0);
  const budget = t?.budget;
  const left = typeof budget === "number" ? budget - drafted - dealCost : 0;
  $("#budget-line").textContent = game.view.phase === "setup" ? "Your budget is set when the match starts."
    : typeof budget === "number"
    ? `Spent ${drafted + dealCost} of ${budget}${dealCost ? ` (drafted ${drafted}, deals ${dealCost})` : ""}: ${left} left.` : "";
  $("#budget-line").dataset.kind = left < 0 ? "error" : "";
  const editable = drafting() && !locked() && Boolean(t);
  const dealLines = committed.map((c) => el("li", { class: "draft-order committed", data: { action: c.action || c.consent, deal: c.deal } },
    el("span", { class: "badge ok lock-mark", text: `Deal #${c.deal}` }),
    el("span", { text: c.action ? `${game.actionName(c.action)}${formatParams(game, c.params)}`
      : `${c.decision === "block" ? "Block" : "Approve"} ${game.actionName(c.consent)}` }),
    el("span", { class: "cost", text: c.action ? `cost ${c.cost}` : "consent" }),
    el("span", { class: "hint", text: "locked: added to the orders by itself at adjudication" })));
  const orderLines = d.orders.map((o, i) => {
    const a = game.action(o.action);
    const promised = promisedIn(game, myTeam(), o.action);
    const warning = promised ? `Also promised in deal #${promised}: remove this line, it would come back as a duplicate.`
      : a && !a.available && a.reason && !/already in your orders|your orders are locked/.test(a.reason) ? a.reason : "";
    return el("li", { class: promised ? "draft-order duplicate" : "draft-order", data: { action: o.action } },
      el("span", { text: `${a?.name || o.action}${formatParams(game, o.params)}` }),
      el("span", { class: "cost", text: a ? `cost ${a.cost}` : "" }),
      warning ? el("span", { class: "hint warn", text: warning }) : null,
      editable ? el("button", { type: "button", class: "small", id: `remove-order-${i}`, text: "Remove",
        aria: { label: `Remove ${a?.name || o.action} from the draft` },
        on: { click: () => sendDraft(d.orders.filter((_, j) => j !== i), d.consents || {}) } }) : null);
  });
  replace($("#draft-orders"), dealLines.length + orderLines.length ? [...dealLines, ...orderLines]
    : el("li", { class: "hint", text: "No orders yet: add actions below." }));

  const consents = game.view.consents || [];
  replace($("#consents"), consents.length ? el("fieldset", { class: "consents" },
    el("legend", { text: "Your say on other teams' actions" }),
    consents.map((c) => {
      const name = `consent-${c.action}`;
      // An agreed deal that promises this decision settles it at adjudication: shown, not editable.
      const promised = committed.find((x) => x.consent === c.action);
      const current = promised ? promised.decision : (d.consents || {})[c.action] || "";
      const choice = (value, label) => el("label", { class: "inline" },
        el("input", { type: "radio", name, value, id: `${name}-${value || "none"}`, checked: current === value, disabled: !editable || Boolean(promised),
          on: { change: () => {
            const next = { ...(d.consents || {}) };
            if (value) next[c.action] = value; else delete next[c.action];
            sendDraft(d.orders, next);
          } } }), ` ${label}`);
      return el("div", { class: "consent", data: { consent: c.action } },
        el("p", { text: `${c.name} (${c.teams.map((x) => game.teamName(x)).join(", ")}) — ${c.rule === "veto" ? "any one of us may block it" : "needs everyone's approval"}` }),
        choice("", "No decision"), choice("approve", "Approve"), choice("block", "Block"),
        promised ? el("p", { class: "hint", text: `Settled by deal #${promised.deal}: ${promised.decision === "block" ? "blocked" : "approved"} at adjudication.` }) : null);
    })) : null);

  const lockButton = $("#lock");
  lockButton.disabled = !editable;
  if (!editable) lockArmed = false;
  lockButton.textContent = locked() ? "Locked in" : lockArmed ? "Confirm: lock in (cannot be undone this turn)" : "Lock in our orders";
  const teams = game.view.teams || [];
  $("#lock-state").textContent = drafting()
    ? allLockedText(game) || `Locked: ${teams.filter((x) => x.locked).map((x) => x.name).join(", ") || "no team yet"}.`
    : "Orders are given in the negotiation and orders phases.";
}

async function lockIn() {
  if (!lockArmed) { lockArmed = true; renderDraft(); return; }
  lockArmed = false;
  await attempt(session, $("#orders-status"), { type: "lock" }, "Your orders are locked in for this turn.");
}

// ---- Actions ---------------------------------------------------------------------------------------------------

function renderActions() {
  const actions = game.view.actions || [];
  const only = $("#only-available").checked;
  const key = JSON.stringify([actions, only, locked(), game.view.phase, commitmentsOf(game, myTeam()), game.view.spent]);
  if (key === lastActionsKey) return;
  lastActionsKey = key;
  rememberParams($("#actions"), typedParams);
  const shown = only ? actions.filter((a) => a.available) : actions;
  replace($("#actions"), shown.length ? shown.map(actionCard) : el("li", { class: "hint", text: myTeam() ? "No actions to show." : "Actions appear when you are on a team." }));
}

function actionCard(a) {
  const prefix = `act-${a.id}`;
  const reasonID = `${prefix}-reason`;
  const promised = promisedIn(game, myTeam(), a.id);
  const left = (game.team(myTeam())?.budget ?? 0) - spentWithDeals(game, myTeam());
  // The server's reason knows the draft only; the deals' commitments are counted here.
  const reason = promised ? promisedText(promised)
    : !a.available ? a.reason || "Not available now."
    : drafting() && a.cost > left ? `Costs ${a.cost}: with your deals' commitments you have ${left} left.` : "";
  const params = el("div", { class: "params", data: { paramsFor: a.id } }, paramPickers(a, prefix, typedParams.get(a.id) || {}));
  const add = el("button", { type: "button", id: `${prefix}-add`, class: "small", text: "Add to orders",
    aria: { label: `Add “${a.name}” to the orders`, ...(reason ? { describedby: reasonID } : {}) },
    disabled: !drafting() || locked() || Boolean(promised),
    on: { click: () => {
      if (promisedIn(game, myTeam(), a.id)) { say($("#orders-status"), promisedText(promisedIn(game, myTeam(), a.id)), "error"); return; }
      const d = draft();
      sendDraft([...d.orders, { action: a.id, params: readParams(params) }], d.consents || {});
    } } });
  return el("li", { class: reason ? "action unavailable" : "action", data: { action: a.id } },
    el("div", { class: "action-head" },
      el("h4", { text: a.name }),
      el("span", { class: "cost", text: `Cost ${a.cost}` }),
      typeof a.chance === "number" ? el("span", { class: "chance", text: `${a.chance}% chance` }) : null,
      a.covert ? el("span", { class: "badge secret", text: "covert" }) : null),
    a.description ? el("p", { class: "desc", text: a.description }) : null,
    a.consent_from?.length ? el("p", { class: "hint", text: `Needs the consent of ${a.consent_from.map((t) => game.teamName(t)).join(", ")} (${a.consent_rule === "all" ? "all must approve" : "any may veto"}).` }) : null,
    a.checked_on_resolution?.length ? el("p", { class: "hint", text: `Checked when orders resolve: ${a.checked_on_resolution.join("; ")}.` }) : null,
    reason ? el("p", { class: drafting() || game.view.phase === "ended" ? "reason" : "reason quiet", id: reasonID, text: reason }) : null,
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
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-accept`, text: "Accept", on: { click: () => respond(d.id, true) } }));
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-reject`, text: "Reject", on: { click: () => respond(d.id, false) } }));
    }
    if (open && d.proposer === me) {
      buttons.push(el("button", { type: "button", class: "small", id: `deal-${d.id}-withdraw`, text: "Withdraw", on: { click: () => withdraw(d.id) } }));
    }
    return dealItem(game, d, buttons.length ? el("div", { class: "row" }, buttons) : null);
  }) : el("li", { class: "hint", text: "No deals yet." }));
}

function respond(id, accept) {
  return attempt(session, $("#deals-status"), { type: "respond_deal", deal: id, accept }, accept ? `You accepted deal #${id}.` : `You rejected deal #${id}.`);
}

function withdraw(id) {
  return attempt(session, $("#deals-status"), { type: "withdraw_deal", deal: id }, `Deal #${id} withdrawn.`);
}

let rowCount = 0;
let lastCatalogKey = "";

function commitmentRow() {
  const n = ++rowCount;
  const teamSelect = el("select", { id: `cm-${n}-team`, class: "cm-team" });
  const kind = el("select", { id: `cm-${n}-kind`, class: "cm-kind" },
    el("option", { value: "action", text: "will take the action" }), el("option", { value: "consent", text: "will decide on" }));
  const what = el("div", { class: "cm-what" });
  const row = el("li", { class: "commitment-row", data: { row: n } },
    el("div", { class: "row" },
      el("label", { for: teamSelect.id, text: "Team" }), teamSelect,
      el("label", { for: kind.id, class: "visually-hidden", text: "Kind of commitment" }), kind,
      el("button", { type: "button", class: "small", text: "Remove", aria: { label: `Remove commitment ${n}` }, on: { click: () => row.remove() } })),
    what);
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
      const select = el("select", { id: `cm-${n}-action`, class: "cm-action" }, (game.view.actions || []).map((a) => el("option", { value: a.id, text: `${a.name} (cost ${a.cost})` })));
      const params = el("div", { class: "params" });
      const fillParams = () => replace(params, paramPickers(game.action(select.value) || {}, `cm-${n}-p`));
      select.addEventListener("change", fillParams);
      replace(box, el("label", { for: select.id, text: "Action" }), select, params);
      fillParams();
    } else {
      // Another team's action: picked from the scenario's catalog of known (non-covert) actions, with its parameters.
      const choices = (game.view.catalog || []).filter((a) => (a.teams || []).includes(team));
      if (!choices.length) {
        replace(box, el("p", { class: "hint", text: `${game.teamName(team)} has no publicly known actions to commit to.` }));
        return;
      }
      const select = el("select", { id: `cm-${n}-action`, class: "cm-action" }, choices.map((a) => el("option", { value: a.id, text: `${a.name} (cost ${a.cost})` })));
      const params = el("div", { class: "params" });
      const fillParams = () => replace(params, paramPickers(choices.find((a) => a.id === select.value) || {}, `cm-${n}-p`));
      select.addEventListener("change", fillParams);
      replace(box, el("label", { for: select.id, text: `Action of ${game.teamName(team)}` }), select, params);
      fillParams();
    }
  } else {
    // Mine: the actions awaiting our say; another team's: any known action of a team other than that one.
    const options = mine
      ? (game.view.consents || []).map((c) => ({ id: c.action, name: c.name }))
      : (game.view.catalog || []).filter((a) => !(a.teams || []).includes(team)).map((a) => ({ id: a.id, name: `${a.name} (${(a.teams || []).map((t) => game.teamName(t)).join(", ")})` }));
    const action = options.length
      ? el("select", { id: `cm-${n}-action`, class: "cm-action" }, options.map((o) => el("option", { value: o.id, text: o.name })))
      : el("input", { id: `cm-${n}-action`, class: "cm-action", list: "known-actions", autocomplete: "off" });
    const decision = el("select", { id: `cm-${n}-decision`, class: "cm-decision" }, el("option", { value: "approve", text: "approve" }), el("option", { value: "block", text: "block" }));
    replace(box, el("label", { for: action.id, text: "Action of another team" }), action, el("label", { for: decision.id, text: "Decision" }), decision);
  }
}

function renderCommitmentChoices() {
  // Action ids other teams are known to have: from results and deals this team has seen.
  const known = new Map();
  for (const r of game.records) if (r.kind === "order" && r.action && r.team !== myTeam()) known.set(r.action, game.actionName(r.action));
  for (const a of game.view.catalog || []) known.set(a.id, a.name);
  for (const d of game.view.deals || []) for (const c of d.commitments || []) if (c.action && !known.has(c.action)) known.set(c.action, game.actionName(c.action));
  for (const c of game.view.consents || []) known.set(c.action, c.name);
  replace($("#known-actions"), [...known].map(([id, name]) => el("option", { value: id, text: name })));
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

async function propose(e) {
  e.preventDefault();
  const commitments = [];
  for (const row of document.querySelectorAll(".commitment-row")) {
    const team = row.querySelector(".cm-team").value;
    const kind = row.querySelector(".cm-kind").value;
    const action = row.querySelector(".cm-action")?.value?.trim();
    if (!team || !action) continue;
    if (kind === "consent") {
      commitments.push({ team, consent: action, decision: row.querySelector(".cm-decision").value });
    } else {
      const params = readParams(row.querySelector(".params") || row);
      commitments.push(Object.keys(params).length ? { team, action, params } : { team, action });
    }
  }
  if (!commitments.length) { say($("#deal-status"), "Add at least one commitment.", "error"); return; }
  const note = $("#deal-note").value.trim();
  const request = { type: "propose_deal", commitments };
  if (note) request.note = note;
  const ok = await attempt(session, $("#deal-status"), request, "Deal proposed: it takes effect when every party accepts.");
  if (ok) {
    $("#deal-note").value = "";
    replace($("#commitments"), commitmentRow());
  }
}

// ---- Results: a summary per turn, newest first, each with its full log one click away -------------------------

const RESULT_KINDS = ["order", "effect", "event", "deal", "adjustment", "outcome", "locked", "phase"];
let lastResultsKey = "";

function renderResults() {
  const key = `${game.records.length}:${JSON.stringify(game.view.tracks)}:${myTeam()}`;
  if (key === lastResultsKey) return;
  lastResultsKey = key;
  const open = new Set([...document.querySelectorAll("#results [id^=full-log-]:not([hidden])")].map((n) => n.id));
  const turns = resultTurns(game);
  replace($("#results"), turns.length ? turns.map((turn) => {
    const log = el("div", { class: "full-log" });
    renderRecords(game, log, RESULT_KINDS, { empty: "Nothing logged.", turn, limit: 1000 });
    const section = summarySection(game, turn, myTeam(), log);
    if (open.has(log.id)) section.querySelector(`#show-log-${turn}`).click();
    return section;
  }) : el("p", { class: "hint", text: "Results appear after each adjudication." }));
}

function renderOutcome() {
  const o = game.view.outcome;
  const box = $("#outcome");
  box.hidden = !o;
  if (!o) return;
  replace(box,
    el("h2", { id: "outcome-title", text: `The match is over: ${o.name}` }),
    el("p", { text: o.text }),
    o.reason ? el("p", { class: "hint", text: o.reason }) : null,
    el("ul", { class: "scores" }, Object.entries(o.scores || {}).sort((a, b) => b[1] - a[1]).map(([t, s]) => el("li", { text: `${game.teamName(t)}: ${s} points` }))));
}

if (game) {
  $("#lock").addEventListener("click", lockIn);
  $("#only-available").addEventListener("change", () => { lastActionsKey = ""; renderActions(); });
  $("#propose-form").addEventListener("submit", propose);
  $("#add-commitment").addEventListener("click", () => $("#commitments").append(commitmentRow()));
  $("#propose-box").addEventListener("toggle", () => {
    if ($("#propose-box").open && !$("#commitments").children.length && game.view) $("#commitments").append(commitmentRow());
  });
}

export { describeCommitment };
