// The instructor's console: run the clock, manage the roster, intervene, and watch every team's view and draft.

import { el, replace, say, setColour, $ } from "./dom.js";
import { bootPage, keepFocus, attempt, staleStatus } from "./page.js";
import { renderTracks, renderFlagsAndProjects, renderRecords, ChatPanel, dealItem, formatParams, roleLabel, objectivePoints, allLockedText } from "./views.js";
import { BOT_POLICIES, botBadge, botOf, studentsOf, policyName, seatLabel } from "./bots.js";
import { instructorKey, rememberInstructorKey } from "./seats.js";
import { commitmentsOf, committedCost, ordersOverBudget, unmetRequirement } from "./commitments.js";
import { renderEventPreview } from "./eventpreview.js";
import { t, lang, list, errorText, sentence, LANGUAGES } from "./i18n.js";
import { openMatch, keyFetch } from "./teacher.js";
import { rangeProblem } from "./params.js";

/** Each language's name in the page's language, for the console's own sentences ("The projector now uses Korean."). */
const LANGUAGE_NAMES = { en: "console.language.en", ko: "console.language.ko" };

const boot = await bootPage("instructor", render);
const { game, session, room } = boot || {};
let chat = null;
let armedRemove = null;
let armedEnd = false;
// The extension, in seconds, the instructor was asked to confirm (longer than the phase itself), or null.
let armedExtend = null;
/** The policy chosen in each team's bot select (kept across renders): team id → policy. */
const botChoice = new Map();
// The console's status lines: what the last requests did or why they were refused. A new phase or turn, the clock
// paused or running, or the room's language changed make them old news (as on the student's page)…
const STATUS_LINES = ["#controls-status", "#bots-status", "#roster-status", "#inject-status"];
const clearStaleStatus = game ? staleStatus(session, STATUS_LINES,
  () => `${game.view.turn}:${game.view.phase}:${Boolean(game.clock?.paused)}:${game.settings.language || "en"}`) : null;

/** …and so does the next request that succeeds: its line replaces what the others said. */
async function act(statusNode, message, okMessage) {
  const reply = await attempt(session, statusNode, message, okMessage);
  if (reply) settled(statusNode);
  return reply;
}

function settled(statusNode) {
  for (const selector of STATUS_LINES) {
    const node = $(selector);
    if (node && node !== statusNode) { say(node, ""); delete node.dataset.seq; }
  }
}

function render(what, detail) {
  if (!game.view) return;
  if (!chat) chat = new ChatPanel(game, $("#chat"), session, { canWrite: () => game.view.phase !== "ended" });
  clearStaleStatus();
  if (what === "update") noteAdjustment(detail?.records);
  if (what === "chat") { chat.render(); return; }
  if (what === "language") $("#event-id").dataset.key = "";
  keepFocus(() => {
    renderControls();
    renderTeamColumns();
    renderRoster();
    renderTracks(game, $("#tracks"), { instructor: true });
    renderFlagsAndProjects(game, $("#board-extra"));
    renderIntervene();
    renderAdjustTargets();
    renderAdjustRange();
    renderEvents();
    renderEventPreview(game, $("#event-preview"), $("#event-id").value);
    replace($("#deals"), (game.view.deals || []).slice().sort((a, b) => b.id - a.id).map((d) => dealItem(game, d)));
    if (!(game.view.deals || []).length) replace($("#deals"), el("li", { class: "hint", text: t("play.no_deals") }));
    renderRecords(game, $("#records"), ["phase", "news", "intel", "order", "effect", "event", "draw", "deal", "adjustment", "locked", "outcome", "hash"], { limit: 300 });
    renderOutcome();
    chat.render();
  });
}

/** Once the match has ended, news, events and adjustments change nothing (the server refuses them): the forms go and
 * one sentence says why, as the terminal's Control pane does (qa5 Wrong #12). */
function renderIntervene() {
  const over = game.view.phase === "ended";
  for (const id of ["#news-form", "#event-form", "#adjust-form"]) $(id).hidden = over;
  $("#intervene-over").hidden = !over;
  $("#intervene-over").textContent = over ? t("console.intervene_over") : "";
}

function renderControls() {
  const phase = game.view.phase;
  const timed = !["setup", "ended"].includes(phase);
  const paused = Boolean(game.clock?.paused);
  $("#start").disabled = phase !== "setup";
  $("#skip").disabled = !timed;
  $("#pause").disabled = !timed || paused;
  $("#unpause").disabled = !timed || !paused;
  $("#extend").disabled = !timed;
  $("#end").disabled = phase === "ended";
  $("#end").textContent = armedEnd ? t("console.end_confirm") : t("console.end");
  // Once the scenario has decided the ending, ending the match only closes the phases left: the ending and its reason
  // stay the scenario's, so the reason typed here is not used (docs/protocol.md, `end`), and the form says so.
  const decided = Boolean(game.view.outcome) && phase !== "ended";
  $("#end-reason").disabled = decided;
  $("#end-reason-note").textContent = decided ? t("console.end_reason_unused") : "";
  $("#projector-link").href = `board.html?room=${encodeURIComponent(room)}`;
  // The room's language (for the projector; the report and the replay open in the page's language, `?lang=`), as the server has it, unless the instructor is choosing.
  if (document.activeElement !== $("#room-language")) $("#room-language").value = game.settings.language || "en";
  $("#all-locked").textContent = allLockedText(game, true);
}

function teamColumn(tm) {
  const v = game.view;
  const d = v.orders?.[tm.id] || { orders: [], consents: {} };
  const drafted = v.spent?.[tm.id] || 0;
  const committed = commitmentsOf(game, tm.id);
  const spent = drafted + committedCost(game, tm.id);
  const players = studentsOf(game, tm.id);
  const hidden = (v.tracks || []).filter((tr) => (tr.hidden_from || []).includes(tm.id));
  // A team whose draft and agreed deals cost more than its budget is marked so in words beside its lock, and each
  // drafted order the budget cannot pay (deals are paid first, then the draft in order) says so on its line.
  const overBy = v.phase !== "setup" && typeof tm.budget === "number" && spent > tm.budget ? spent - tm.budget : 0;
  const unpaid = overBy ? ordersOverBudget(game, tm.id) : new Map();
  const drafting = ["negotiation", "orders"].includes(v.phase);
  const col = el("article", { class: overBy ? "team-column over-budget" : "team-column", data: { team: tm.id }, aria: { label: tm.name } },
    el("h3", {}, el("span", { class: "swatch", aria: { hidden: "true" } }), " ", tm.name, " ",
      el("span", { class: tm.locked ? "badge ok" : "badge", text: tm.locked ? t("team.locked") : t("console.not_locked") }), " ",
      overBy ? el("span", { class: "badge over", text: t("console.over_budget_badge", { over: overBy }) }) : null, overBy ? " " : null,
      botBadge(game, tm.id)),
    el("p", { class: "hint", text: t("console.players", { players: players.length ? list(players.map((p) => (p.online ? p.name : t("team.offline", { name: p.name })))) : t("console.none") }) }),
    botControls(tm),
    // Over the budget it says by how much ("1 over budget"), never "-1 left", as the student's page does.
    el("p", { text: v.phase === "setup" ? t("console.budget_setup") : typeof tm.budget === "number"
      ? t(spent > tm.budget ? (committed.length ? "console.budget_deals_over" : "console.budget_over") : committed.length ? "console.budget_deals" : "console.budget", { budget: tm.budget, spent, deals: spent - drafted, left: tm.budget - spent, over: spent - tm.budget }) : "" }),
    el("h4", { text: t("play.orders") }),
    draftAuthorLine(tm.id),
    el("ol", { class: "draft-orders" }, d.orders.length + committed.length ? [
      // An agreed deal's step whose requirement the team fails now (the view's actions, every team's for the
      // instructor) says so: as things stand it comes back "not possible", its cost charged all the same.
      ...committed.map((c) => [c, c.action && drafting ? unmetRequirement(game, c.action, tm.id) : null]).map(([c, requirement]) =>
        el("li", { class: ["draft-order", "committed", requirement ? "unmet" : ""], data: { action: c.action || c.consent, deal: c.deal } },
          el("span", { text: c.action ? `${game.actionName(c.action)}${formatParams(game, c.params, c.action)}` : t(c.decision === "block" ? "play.block_action" : "play.approve_action", { action: game.actionName(c.consent) }) }),
          el("span", { class: "cost", text: c.action ? t("play.cost_small", { cost: c.cost }) : t("play.consent") }),
          el("span", { class: "badge ok", text: t("console.deal_locked", { deal: String(c.deal) }) }),
          requirement ? el("span", { class: "hint warn step-warning", text: t("console.step_requirement", { reason: requirement }) }) : null)),
      ...d.orders.map((o, i) => {
        const a = (v.actions || []).find((x) => x.id === o.action && x.team === tm.id);
        return el("li", { class: unpaid.has(i) ? "draft-order over" : "draft-order", data: { action: o.action } }, el("span", { text: `${a?.name || o.action}${formatParams(game, o.params, o.action)}` }), a ? el("span", { class: "cost", text: t("play.cost_small", { cost: a.cost }) }) : null,
          unpaid.has(i) ? el("span", { class: "badge over", text: t("console.order_over_budget") }) : null);
      })] : el("li", { class: "hint", text: t("console.no_orders") })),
    Object.keys(d.consents || {}).length ? el("p", { class: "hint", text: t("console.consents", { consents: Object.entries(d.consents).map(([a, dec]) => t(dec === "block" ? "play.block_action" : "play.approve_action", { action: game.actionName(a) })).join(", ") }) }) : null,
    hidden.length ? el("p", { class: "hint", text: t("console.cannot_see", { tracks: list(hidden.map((x) => x.name)) }) }) : null,
    el("details", {}, el("summary", { text: t("console.brief_objectives") }),
      el("p", { class: "brief", text: tm.brief || "" }),
      el("ul", { class: "objectives" }, (v.objectives || []).filter((o) => o.team === tm.id).map((o) => el("li", { text: `${o.text} (${objectivePoints(o)})` })))));
  setColour(col, tm.colour);
  return col;
}

/** Who last set the team's draft this turn (the server's `drafted_by`), so the instructor sees a draft no student has
 * touched since a bot wrote it; nothing before anyone has set it. */
function draftAuthorLine(team) {
  const a = game.draftAuthor(team);
  if (!a) return null;
  const text = a.bot ? t("console.drafted_by_bot")
    // The room's absent rule `hold` gave the team no orders (`by: server`).
    : a.seat === "server" ? t("console.drafted_by_hold")
    : t("console.drafted_by", { name: game.seatName(a.seat) });
  return el("p", { class: a.bot ? "hint draft-author by-bot" : "hint draft-author", text });
}

/** Put a bot on the team (a policy, then the button), replace it, or take it off: `set_bot` at any moment. */
function botControls(tm) {
  if (game.view.phase === "ended") return null;
  const bot = botOf(game, tm.id);
  const select = el("select", { id: `bot-policy-${tm.id}`, aria: { label: t("console.bot_policy_label", { team: tm.name }) },
    on: { change: (e) => botChoice.set(tm.id, e.target.value) } },
    BOT_POLICIES.map((p) => el("option", { value: p.id, text: policyName(p.id), title: t(`bot.policy.${p.id}`) })));
  select.value = botChoice.get(tm.id) || bot?.bot || "greedy";
  return el("div", { class: "bot-controls", data: { botControls: tm.id } },
    select,
    el("button", { type: "button", class: "small", id: `bot-on-${tm.id}`, text: bot ? t("console.bot_change") : t("console.bot_on"),
      aria: { label: t(bot ? "console.bot_change_label" : "console.bot_on_label", { team: tm.name }) }, on: { click: () => putBot(tm, select.value) } }),
    bot ? el("button", { type: "button", class: "small", id: `bot-off-${tm.id}`, text: t("console.bot_off"),
      aria: { label: t("console.bot_off_label", { team: tm.name }) }, on: { click: () => takeBotOff(tm.id) } }) : null);
}

function putBot(tm, policy) {
  botChoice.set(tm.id, policy);
  return act($("#bots-status"), { type: "set_bot", team: tm.id, policy },
    () => t("console.bot_on_ok", { policy: policyName(policy), team: game.teamName(tm.id) }));
}

function takeBotOff(team) {
  botChoice.delete(team);
  return act($("#bots-status"), { type: "set_bot", team }, () => t("console.bot_off_ok", { team: game.teamName(team) }));
}

const ABSENT_RULES = ["nothing", "hold", "bot"];

function renderTeamColumns() {
  replace($("#team-columns"), (game.view.teams || []).map(teamColumn));
  const rule = game.settings.absent || "nothing";
  $("#absent-rule").textContent = t("console.absent_rule", { rule: ABSENT_RULES.includes(rule) ? t(`console.absent.${rule}`) : rule });
}

/** The room's door: open to new students, or closed once the class is in (`set_joining`); seats taken still reconnect. */
function renderJoining() {
  const closed = game.settings.joining === "closed";
  // Once the match has ended nobody joins: the door's state and its button go, and the roster says why it offers nothing.
  const over = game.view.phase === "ended";
  for (const id of ["#joining-state", "#joining-toggle", "#joining-hint"]) $(id).hidden = over;
  if (over) { $("#joining-state").textContent = ""; return; }
  $("#joining-state").textContent = t(closed ? "console.joining_closed" : "console.joining_open");
  $("#joining-toggle").textContent = t(closed ? "console.open_joining" : "console.close_joining");
}

function toggleJoining() {
  const open = game.settings.joining === "closed";
  return act($("#roster-status"), { type: "set_joining", open }, () => t(open ? "console.joining_opened_ok" : "console.joining_closed_ok"));
}

function renderRoster() {
  renderJoining();
  const teams = game.view.teams || [];
  // Once the match has ended seats are not moved or removed (the server refuses it): no column of changes, one line why.
  const over = game.view.phase === "ended";
  const rows = game.roster.map((r) => {
    const select = el("select", { id: `move-${r.seat}`, aria: { label: t("console.move_label", { name: r.name }) } },
      teams.map((x) => el("option", { value: `team:${x.id}`, text: x.name })),
      el("option", { value: "role:player", text: t("console.no_team") }),
      el("option", { value: "role:observer", text: t("role.observer") }));
    select.value = r.role === "observer" ? "role:observer" : r.team ? `team:${r.team}` : "role:player";
    const isInstructor = r.role === "instructor";
    // A bot seat is not moved or removed: it is taken off its team (set_bot without a policy).
    const change = isInstructor ? null : r.bot
      ? el("button", { type: "button", class: "small", id: `botoff-${r.seat}`, text: t("console.bot_off"),
        aria: { label: t("console.bot_off_label", { team: game.teamName(r.team) }) }, on: { click: () => takeBotOff(r.team) } })
      : null;
    return el("tr", { data: r.bot ? { seat: r.seat, bot: r.bot } : { seat: r.seat } },
      el("td", {}, el("span", { class: r.online ? "online-dot on" : "online-dot", aria: { hidden: "true" } }), el("span", { class: "visually-hidden", text: r.online ? t("console.online") : t("console.offline") })),
      el("td", { text: seatLabel(game, r) }),
      el("td", {}, roleLabel(game, r), r.bot ? " " : null, r.bot ? el("span", { class: "bot-mark", aria: { hidden: "true" }, text: "🤖" }) : null),
      over ? null : el("td", {}, isInstructor || r.bot ? change : el("div", { class: "row" }, select,
        el("button", { type: "button", class: "small", id: `move-${r.seat}-go`, text: t("console.move"), on: { click: () => move(r, select.value) } }),
        el("button", { type: "button", class: "small", id: `remove-${r.seat}`, text: armedRemove === r.seat ? t("console.confirm_removal") : t("console.remove_student"),
          aria: { label: t(armedRemove === r.seat ? "console.confirm_removal_label" : "console.remove_label", { name: r.name }) }, on: { click: () => remove(r) } }))));
  });
  replace($("#roster"), el("table", {},
    el("caption", { class: "visually-hidden", text: t("console.roster_caption") }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("console.col_on") }), el("th", { scope: "col", text: t("console.col_name") }), el("th", { scope: "col", text: t("console.col_role") }), over ? null : el("th", { scope: "col", text: t("console.col_change") }))),
    el("tbody", {}, rows)),
    over ? el("p", { class: "hint", id: "roster-over", text: t("console.roster_over") }) : null);
}

function move(r, value) {
  const [kind, what] = value.split(":");
  const request = { type: "move_seat", seat: r.seat };
  if (kind === "team") request.team = what; else request.role = what;
  return act($("#roster-status"), request, () => t("console.moved_ok", { name: r.name }));
}

async function remove(r) {
  if (armedRemove !== r.seat) {
    armedRemove = r.seat;
    renderRoster();
    $(`#remove-${CSS.escape(r.seat)}`)?.focus();
    // The first press says what the second does, and the other status lines (an old "Phase ended.") go, so that the
    // press does not look lost (qa5 Confusing #7).
    const status = $("#roster-status");
    say(status, () => t("console.confirm_removal_hint", { name: r.name }), "warning");
    delete status.dataset.seq;
    settled(status);
    return;
  }
  armedRemove = null;
  await act($("#roster-status"), { type: "remove_seat", seat: r.seat }, () => t("console.removed_ok", { name: r.name }));
}

function renderAdjustTargets() {
  const v = game.view;
  const select = $("#adjust-target");
  const keep = select.value;
  replace(select,
    el("optgroup", { label: t("console.opt_tracks") }, (v.tracks || []).map((x) => el("option", { value: x.id, text: t("console.opt_track", { name: x.name, value: x.value, min: x.min, max: x.max }) }))),
    (v.flags || []).length ? el("optgroup", { label: t("console.opt_flags") }, v.flags.map((f) => el("option", { value: f.id, text: t("console.opt_flag", { name: f.name, value: t(f.value ? "common.yes" : "common.no") }) }))) : null,
    (v.projects || []).length ? el("optgroup", { label: t("console.opt_projects") }, v.projects.map((p) => el("option", { value: p.id, text: t("console.opt_project", { name: p.name, index: p.index, last: p.statuses.length - 1, status: p.status.replace(/_/g, " ") }) }))) : null);
  if (keep) select.value = keep;
}

/** What the adjustment form's target can be set to, from the view: {kind, name, min, max, now} (now: the value as a
 * whole number: a flag's 0 or 1, a project's position in its statuses), or null when the view has no such target. */
function adjustTarget(id) {
  const v = game.view;
  const track = (v.tracks || []).find((x) => x.id === id);
  if (track) return { kind: "track", name: track.name, min: track.min, max: track.max, now: track.value };
  const flag = (v.flags || []).find((x) => x.id === id);
  if (flag) return { kind: "flag", name: flag.name, min: 0, max: 1, now: flag.value ? 1 : 0 };
  const project = (v.projects || []).find((x) => x.id === id);
  if (project) return { kind: "project", name: project.name, min: 0, max: Math.max(0, (project.statuses || []).length - 1), now: project.index, project };
  return null;
}

/** A project's status at a position, in words. */
function statusName(project, index) { return String(project.statuses?.[index] ?? index).replace(/_/g, " "); }

/** A target's value in words: a flag's yes or no, a project's position with its status, a track's number. */
function adjustValueText(target, n) {
  if (target.kind === "flag") return t(n !== 0 ? "common.yes" : "common.no");
  if (target.kind === "project") return `${n} (${statusName(target.project, n)})`;
  return String(n);
}

/** Beside the new value: what the chosen target may be set to and what it is now; the field's min and max follow. */
function renderAdjustRange() {
  const target = adjustTarget($("#adjust-target").value);
  const input = $("#adjust-value");
  const hint = $("#adjust-range");
  if (!target) { hint.textContent = ""; input.removeAttribute("min"); input.removeAttribute("max"); return; }
  input.min = String(target.min);
  input.max = String(target.max);
  hint.textContent = target.kind === "flag" ? t("console.adjust_range_flag", { value: adjustValueText(target, target.now) })
    : target.kind === "project" ? t("console.adjust_range_project", { first: statusName(target.project, 0), last: target.max,
      final: statusName(target.project, target.max), index: target.now, status: statusName(target.project, target.now) })
    : t("console.adjust_range_track", { min: target.min, max: target.max, value: target.now });
}

/** Shows (or, with "", clears) what is wrong with the new value, beside its field, read out with it. */
function adjustValueProblem(problem) {
  const input = $("#adjust-value");
  $("#adjust-value-error").textContent = problem;
  if (problem) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "adjust-range adjust-value-error");
    input.focus();
  } else {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "adjust-range");
  }
}

/** The adjustment this console sent and is waiting to hear about: {id, value, reason, status, acked, seq, record}. Its
 * record comes in an update, which may arrive before or after the ack. */
let adjusting = null;

/** An update's records: the adjustment we are waiting for, if it is among them. */
function noteAdjustment(records) {
  if (!adjusting || adjusting.record) return;
  adjusting.record = (records || []).find((r) => r.kind === "adjustment" && r.target === adjusting.id && r.reason === adjusting.reason) || null;
  settleAdjustment();
}

/** Once both the ack and the record have come: the status line says what the server applied. */
function settleAdjustment() {
  if (!adjusting?.acked || !adjusting.record) return;
  const { id, value, record, status, seq } = adjusting;
  adjusting = null;
  // Another request may have spoken in this line since: then it keeps its words.
  if (status.dataset.seq !== seq) return;
  say(status, () => adjustedText(id, record), "ok");
}

/**
 * What the server applied, from its adjustment record: the target, from, to. (A value outside the target's range is
 * refused, by the form and by the server, so what was asked is what was set.) A value that was already there is said
 * too.
 */
function adjustedText(id, record) {
  const target = adjustTarget(id);
  if (!target || typeof record.to !== "number" || typeof record.from !== "number") return t("console.adjusted_ok");
  const name = target.name;
  const from = adjustValueText(target, record.from), to = adjustValueText(target, record.to);
  if (record.from === record.to) return t("console.adjust_unchanged", { target: name, value: to });
  return t("console.adjusted_to", { target: name, from, to });
}

const EVENT_KINDS = ["scripted", "triggered", "random"];

// The scenario's events, from the instructor's view, for inject_event.
function renderEvents() {
  const events = game.view.events || [];
  const select = $("#event-id");
  const key = JSON.stringify([lang(), events]);
  if (select.dataset.key === key) return;
  select.dataset.key = key;
  const keep = select.value;
  replace(select, events.length
    ? events.map((ev) => el("option", { value: ev.id,
      text: t(ev.fired ? "console.event_fired" : "console.event", { name: ev.name, kind: EVENT_KINDS.includes(ev.kind) ? t(`console.event_kind.${ev.kind}`) : ev.kind, count: ev.fired || 0 }) }))
    : el("option", { value: "", text: t("console.no_events") }));
  if (events.some((ev) => ev.id === keep)) select.value = keep;
}

function renderOutcome() {
  const o = game.view.outcome;
  $("#outcome").hidden = !o;
  if (!o) return;
  replace($("#outcome"), el("h2", { text: t("console.outcome", { name: o.name }) }), el("p", { text: o.text }), o.reason ? el("p", { class: "hint", id: "outcome-reason", text: sentence(o.reason) }) : null,
    el("ul", {}, game.rankedScores(o.scores).map(([x, n]) => el("li", { text: t("outcome.score", { team: game.teamName(x), count: n }) }))),
    el("ul", { class: "objectives" }, (o.objectives || []).map((x) => el("li", { class: x.met ? "met" : "", text: t("console.objective_line", { team: x.team === "all" ? t("outcome.every_team") : game.teamName(x.team), text: x.text,
      // "not met, worth 3" / "met, 2 scored", as the student's page says it: never a bare "(3)" that reads both ways.
      result: t(x.met ? "objective.met" : "objective.not_met", { worth: t("objective.points", { count: x.points }) }) }) }))),
    game.view.phase === "ended" ? finishedLinks() : lastResultsNote());
}

/** Before the room has ended (the last turn's results, still timed): when the match ends, and how to end it now. */
function lastResultsNote() {
  return el("p", { class: "hint", id: "last-results-note", text: t("console.last_results", { skip: t("console.skip_phase") }) });
}

/** A finished match's report and replay, as the archive opens them (a view ticket, with the key this tab holds). */
function finishedLinks() {
  const status = el("p", { class: "form-status", id: "finished-status", role: "status" });
  const button = (which, text) => el("button", { type: "button", id: `open-${which}`, text, on: { click: () => openMatch(room, which, status, say) } });
  return el("div", { class: "finished-links" },
    el("div", { class: "row" }, button("report", t("archive.report")), button("replay", t("archive.replay")),
      el("a", { href: "archive.html", text: t("console.my_rooms") })),
    el("p", { class: "hint", text: t("console.report_language") }),
    status);
}

/** The key box beside "Download the log" is shown only when it is needed: this tab holds no sign-in session nor key,
 * or the server refused the one it holds (qa8 C4). */
function askLogKey(ask = true, focus = ask) {
  $("#log-key").hidden = !ask;
  $("label[for=log-key]").hidden = !ask;
  if (focus) $("#log-key").focus();
}

async function downloadLog() {
  const status = $("#controls-status");
  const key = $("#log-key").value || instructorKey();
  if (!key) { askLogKey(); say(status, () => t("console.need_key"), "error"); return; }
  try {
    const r = await keyFetch(`/api/rooms/${encodeURIComponent(room)}/log`, key);
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      if (r.status === 401 || r.status === 403) askLogKey();
      say(status, errorText(body.code, body.message || t("common.http_status", { status: r.status })), "error");
      return;
    }
    rememberInstructorKey(key);
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: `armistice-${room}.jsonl` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(status, () => t("console.log_ok", { count: blob.size }), "ok");
    settled(status);
  } catch (e) { say(status, e.message, "error"); }
}

if (game) {
  const status = $("#controls-status");
  askLogKey(!instructorKey(), false);
  $("#start").addEventListener("click", () => act(status, { type: "start" }, () => t("console.started_ok")));
  $("#skip").addEventListener("click", () => act(status, { type: "skip" }, () => t("console.skipped_ok")));
  $("#pause").addEventListener("click", () => act(status, { type: "pause" }, () => t("console.paused_ok")));
  $("#unpause").addEventListener("click", () => act(status, { type: "unpause" }, () => t("console.unpaused_ok")));
  // The seconds box is read whole: a click or Tab into it selects its number, so typing "30" replaces the 60 rather
  // than making 3060 (qa8 C3). The mouseup right after the focus would otherwise put the caret back.
  const seconds = $("#extend-seconds");
  let selectOnMouseUp = false;
  seconds.addEventListener("focus", () => { seconds.select(); selectOnMouseUp = true; });
  seconds.addEventListener("mouseup", (e) => { if (selectOnMouseUp) { e.preventDefault(); selectOnMouseUp = false; } });
  seconds.addEventListener("input", () => { armedExtend = null; });
  $("#extend").addEventListener("click", () => {
    const seconds = Math.trunc(Number($("#extend-seconds").value));
    if (!seconds) { say(status, () => t("console.need_seconds"), "error"); return; }
    // More time than the whole phase has is asked about first: pressed again with the same number, it goes.
    const length = game.settings?.phases?.[game.clock?.phase];
    if (seconds > 0 && typeof length === "number" && seconds > length && armedExtend !== seconds) {
      armedExtend = seconds;
      say(status, () => t("console.extend_long", { seconds, minutes: Math.round(seconds / 60), phase: length }), "warning");
      return;
    }
    armedExtend = null;
    // A positive shift gives the phase more time ("늘렸습니다"), a negative one brings the deadline forward ("당겼습니다").
    act(status, { type: "extend", seconds }, () => t(seconds > 0 ? "console.extended_ok" : "console.shortened_ok", { seconds: Math.abs(seconds) }));
  });
  $("#end").addEventListener("click", async () => {
    if (!armedEnd) { armedEnd = true; renderControls(); return; }
    armedEnd = false;
    const reason = $("#end-reason").disabled ? "" : $("#end-reason").value.trim();
    await act(status, reason ? { type: "end", reason } : { type: "end" }, () => t("console.ended_ok"));
  });
  $("#download").addEventListener("click", downloadLog);
  $("#joining-toggle").addEventListener("click", toggleJoining);
  $("#set-room-language").addEventListener("click", () => {
    const id = $("#room-language").value;
    // The language named in the page's language ("영어로", not "English로").
    act(status, { type: "set_language", lang: id, room: true }, () => t("console.room_language_ok", { language: LANGUAGE_NAMES[id] ? t(LANGUAGE_NAMES[id]) : LANGUAGES.find((l) => l.id === id)?.name || id }));
  });
  $("#news-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("#news-text").value.trim();
    if (!text) return;
    if (await act($("#inject-status"), { type: "inject_news", text }, () => t("console.news_ok"))) $("#news-text").value = "";
  });
  $("#event-id").addEventListener("change", () => renderEventPreview(game, $("#event-preview"), $("#event-id").value));
  $("#event-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const event = $("#event-id").value;
    // The event's name as the latest snapshot gives it (in the page's language after a switch).
    const name = () => (game.view?.events || []).find((ev) => ev.id === event)?.name || event;
    if (event) await act($("#inject-status"), { type: "inject_event", event }, () => t("console.event_ok", { name: name() }));
  });
  $("#adjust-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const id = $("#adjust-target").value;
    const target = adjustTarget(id);
    const reason = $("#adjust-reason").value.trim();
    // The value is checked against the target's range before anything is sent (the server would clamp it).
    const problem = rangeProblem(target?.name ?? id, target?.min, target?.max, $("#adjust-value").value);
    adjustValueProblem(problem);
    if (problem) { say($("#inject-status"), ""); return; }
    if (!reason) { say($("#inject-status"), () => t("console.need_reason"), "error"); $("#adjust-reason").focus(); return; }
    const value = Number($("#adjust-value").value.trim());
    const status = $("#inject-status");
    const mine = adjusting = { id, value, reason, status, acked: false, seq: null, record: null };
    if (await act(status, { type: "adjust", target: id, value, reason }, () => t("console.adjusted_ok"))) {
      $("#adjust-reason").value = "";
      // "Adjusted." until the record says what was applied (in the page's language, said again after a switch).
      if (adjusting === mine) { mine.acked = true; mine.seq = status.dataset.seq; settleAdjustment(); }
    } else if (adjusting === mine) adjusting = null;
  });
  $("#adjust-target").addEventListener("change", () => { renderAdjustRange(); adjustValueProblem(""); });
  $("#adjust-value").addEventListener("input", () => adjustValueProblem(""));
}
