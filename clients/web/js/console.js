// The instructor's console: run the clock, manage the roster, intervene, and watch every team's view and draft.

import { el, replace, say, setColour, $ } from "./dom.js";
import { bootPage, keepFocus, attempt } from "./page.js";
import { renderTracks, renderFlagsAndProjects, renderRecords, ChatPanel, dealItem, formatParams, roleLabel, objectivePoints, allLockedText } from "./views.js";
import { BOT_POLICIES, botBadge, botOf, studentsOf } from "./bots.js";
import { instructorKey, rememberInstructorKey } from "./seats.js";
import { commitmentsOf } from "./commitments.js";
import { renderEventPreview } from "./eventpreview.js";

const boot = await bootPage("instructor", render);
const { game, session, room } = boot || {};
let chat = null;
let armedRemove = null;
let armedEnd = false;
/** The policy chosen in each team's bot select (kept across renders): team id → policy. */
const botChoice = new Map();

function render(what, detail) {
  if (!game.view) return;
  if (!chat) chat = new ChatPanel(game, $("#chat"), session, { canWrite: () => game.view.phase !== "ended" });
  if (what === "chat") { chat.noteMessage(detail); chat.render(); return; }
  keepFocus(() => {
    renderControls();
    renderTeamColumns();
    renderRoster();
    renderTracks(game, $("#tracks"), { instructor: true });
    renderFlagsAndProjects(game, $("#board-extra"));
    renderAdjustTargets();
    renderEvents();
    renderEventPreview(game, $("#event-preview"), $("#event-id").value);
    replace($("#deals"), (game.view.deals || []).slice().sort((a, b) => b.id - a.id).map((d) => dealItem(game, d)));
    if (!(game.view.deals || []).length) replace($("#deals"), el("li", { class: "hint", text: "No deals yet." }));
    renderRecords(game, $("#records"), ["phase", "news", "intel", "order", "effect", "event", "draw", "deal", "adjustment", "locked", "outcome", "hash"], { limit: 300 });
    renderOutcome();
    chat.render();
  });
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
  $("#end").textContent = armedEnd ? "Confirm: end the match now" : "End the match";
  $("#projector-link").href = `board.html?room=${encodeURIComponent(room)}`;
  $("#all-locked").textContent = allLockedText(game, true);
}

function teamColumn(t) {
  const v = game.view;
  const d = v.orders?.[t.id] || { orders: [], consents: {} };
  const drafted = v.spent?.[t.id] || 0;
  const committed = commitmentsOf(game, t.id);
  const spent = drafted + committed.reduce((sum, c) => sum + c.cost, 0);
  const players = studentsOf(game, t.id);
  const hidden = (v.tracks || []).filter((tr) => (tr.hidden_from || []).includes(t.id));
  const col = el("article", { class: "team-column", data: { team: t.id }, aria: { label: t.name } },
    el("h3", {}, el("span", { class: "swatch", aria: { hidden: "true" } }), " ", t.name, " ",
      el("span", { class: t.locked ? "badge ok" : "badge", text: t.locked ? "locked in" : "not locked" }), " ", botBadge(game, t.id)),
    el("p", { class: "hint", text: `Players: ${players.length ? players.map((p) => p.name + (p.online ? "" : " (offline)")).join(", ") : "none"}` }),
    botControls(t),
    el("p", { text: v.phase === "setup" ? "Budget: set when the match starts" : typeof t.budget === "number" ? `Budget ${t.budget}, orders cost ${spent}${committed.length ? ` (deals ${spent - drafted})` : ""}, ${t.budget - spent} left` : "" }),
    el("h4", { text: "Orders" }),
    el("ol", { class: "draft-orders" }, d.orders.length + committed.length ? [
      ...committed.map((c) => el("li", { class: "draft-order committed", data: { action: c.action || c.consent, deal: c.deal } },
        el("span", { text: `${c.action ? `${game.actionName(c.action)}${formatParams(game, c.params)}` : `${c.decision} ${game.actionName(c.consent)}`}` }),
        el("span", { class: "cost", text: c.action ? `cost ${c.cost}` : "consent" }),
        el("span", { class: "badge ok", text: `deal #${c.deal}, locked` }))),
      ...d.orders.map((o) => {
        const a = (v.actions || []).find((x) => x.id === o.action && x.team === t.id);
        return el("li", { class: "draft-order", data: { action: o.action } }, el("span", { text: `${a?.name || o.action}${formatParams(game, o.params)}` }), a ? el("span", { class: "cost", text: `cost ${a.cost}` }) : null);
      })] : el("li", { class: "hint", text: "No orders drafted, none committed by a deal." })),
    Object.keys(d.consents || {}).length ? el("p", { class: "hint", text: `Consents: ${Object.entries(d.consents).map(([a, dec]) => `${dec} ${game.actionName(a)}`).join(", ")}` }) : null,
    hidden.length ? el("p", { class: "hint", text: `Cannot see: ${hidden.map((x) => x.name).join(", ")}` }) : null,
    el("details", {}, el("summary", { text: "Brief and objectives" }),
      el("p", { class: "brief", text: t.brief || "" }),
      el("ul", { class: "objectives" }, (v.objectives || []).filter((o) => o.team === t.id).map((o) => el("li", { text: `${o.text} (${objectivePoints(o)})` })))));
  setColour(col, t.colour);
  return col;
}

/** Put a bot on the team (a policy, then the button), replace it, or take it off: `set_bot` at any moment. */
function botControls(t) {
  if (game.view.phase === "ended") return null;
  const bot = botOf(game, t.id);
  const select = el("select", { id: `bot-policy-${t.id}`, aria: { label: `Bot policy for ${t.name}` },
    on: { change: (e) => botChoice.set(t.id, e.target.value) } },
    BOT_POLICIES.map((p) => el("option", { value: p.id, text: p.id, title: p.text })));
  select.value = botChoice.get(t.id) || bot?.bot || "greedy";
  return el("div", { class: "bot-controls", data: { botControls: t.id } },
    select,
    el("button", { type: "button", class: "small", id: `bot-on-${t.id}`, text: bot ? "Change the bot" : "Put a bot on",
      aria: { label: `${bot ? "Change the bot of" : "Put a bot on"} ${t.name}` }, on: { click: () => putBot(t, select.value) } }),
    bot ? el("button", { type: "button", class: "small", id: `bot-off-${t.id}`, text: "Take the bot off",
      aria: { label: `Take the bot off ${t.name}` }, on: { click: () => takeBotOff(t.id) } }) : null);
}

function putBot(t, policy) {
  botChoice.set(t.id, policy);
  return attempt(session, $("#bots-status"), { type: "set_bot", team: t.id, policy },
    `A ${policy} bot now plays ${t.name} whenever none of its students is online.`);
}

function takeBotOff(team) {
  const name = game.teamName(team);
  botChoice.delete(team);
  return attempt(session, $("#bots-status"), { type: "set_bot", team }, `The bot is off ${name}: only its students play it now.`);
}

const ABSENT_WORDS = {
  nothing: "nothing happens (their draft counts as it stands)",
  hold: "they hold (no orders that turn)",
  bot: "the greedy bot plays that turn for them",
};

function renderTeamColumns() {
  replace($("#team-columns"), (game.view.teams || []).map(teamColumn));
  $("#absent-rule").textContent = `When all of a team's students are offline as orders open or close, ${ABSENT_WORDS[game.settings.absent || "nothing"] || game.settings.absent}. A bot on a team plays it whenever none of its students is online.`;
}

function renderRoster() {
  const teams = game.view.teams || [];
  const rows = game.roster.map((r) => {
    const select = el("select", { id: `move-${r.seat}`, aria: { label: `New place for ${r.name}` } },
      teams.map((t) => el("option", { value: `team:${t.id}`, text: t.name })),
      el("option", { value: "role:player", text: "No team" }),
      el("option", { value: "role:observer", text: "Observer" }));
    select.value = r.role === "observer" ? "role:observer" : r.team ? `team:${r.team}` : "role:player";
    const isInstructor = r.role === "instructor";
    // A bot seat is not moved or removed: it is taken off its team (set_bot without a policy).
    const change = isInstructor ? null : r.bot
      ? el("button", { type: "button", class: "small", id: `botoff-${r.seat}`, text: "Take the bot off",
        aria: { label: `Take the bot off ${game.teamName(r.team)}` }, on: { click: () => takeBotOff(r.team) } })
      : null;
    return el("tr", { data: r.bot ? { seat: r.seat, bot: r.bot } : { seat: r.seat } },
      el("td", {}, el("span", { class: r.online ? "online-dot on" : "online-dot", aria: { hidden: "true" } }), el("span", { class: "visually-hidden", text: r.online ? "online" : "offline" })),
      el("td", { text: r.name }),
      el("td", {}, roleLabel(game, r), r.bot ? " " : null, r.bot ? el("span", { class: "bot-mark", aria: { hidden: "true" }, text: "🤖" }) : null),
      el("td", {}, isInstructor || r.bot ? change : el("div", { class: "row" }, select,
        el("button", { type: "button", class: "small", id: `move-${r.seat}-go`, text: "Move", on: { click: () => move(r, select.value) } }),
        el("button", { type: "button", class: "small", id: `remove-${r.seat}`, text: armedRemove === r.seat ? "Confirm removal" : "Remove",
          aria: { label: `${armedRemove === r.seat ? "Confirm removal of" : "Remove"} ${r.name}` }, on: { click: () => remove(r) } }))));
  });
  replace($("#roster"), el("table", {},
    el("caption", { class: "visually-hidden", text: "People in this room" }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "On" }), el("th", { scope: "col", text: "Name" }), el("th", { scope: "col", text: "Team or role" }), el("th", { scope: "col", text: "Change" }))),
    el("tbody", {}, rows)));
}

function move(r, value) {
  const [kind, what] = value.split(":");
  const request = { type: "move_seat", seat: r.seat };
  if (kind === "team") request.team = what; else request.role = what;
  return attempt(session, $("#roster-status"), request, `${r.name} moved.`);
}

async function remove(r) {
  if (armedRemove !== r.seat) { armedRemove = r.seat; renderRoster(); $(`#remove-${CSS.escape(r.seat)}`)?.focus(); return; }
  armedRemove = null;
  await attempt(session, $("#roster-status"), { type: "remove_seat", seat: r.seat }, `${r.name} removed.`);
}

function renderAdjustTargets() {
  const v = game.view;
  const select = $("#adjust-target");
  const keep = select.value;
  replace(select,
    el("optgroup", { label: "Tracks" }, (v.tracks || []).map((t) => el("option", { value: t.id, text: `${t.name} (now ${t.value}, ${t.min}–${t.max})` }))),
    (v.flags || []).length ? el("optgroup", { label: "Flags (0 or 1)" }, v.flags.map((f) => el("option", { value: f.id, text: `${f.name} (now ${f.value ? 1 : 0})` }))) : null,
    (v.projects || []).length ? el("optgroup", { label: "Projects (status number)" }, v.projects.map((p) => el("option", { value: p.id, text: `${p.name} (now ${p.index} of 0–${p.statuses.length - 1}: ${p.status.replace(/_/g, " ")})` }))) : null);
  if (keep) select.value = keep;
}

const EVENT_KINDS = { scripted: "scripted", triggered: "triggered", random: "random" };

// The scenario's events, from the instructor's view, for inject_event.
function renderEvents() {
  const events = game.view.events || [];
  const select = $("#event-id");
  const key = JSON.stringify(events);
  if (select.dataset.key === key) return;
  select.dataset.key = key;
  const keep = select.value;
  replace(select, events.length
    ? events.map((ev) => el("option", { value: ev.id,
      text: `${ev.name} (${EVENT_KINDS[ev.kind] || ev.kind}${ev.fired ? `, fired ${ev.fired === 1 ? "once" : `${ev.fired} times`}` : ""})` }))
    : el("option", { value: "", text: "This scenario has no events" }));
  if (events.some((ev) => ev.id === keep)) select.value = keep;
}

function renderOutcome() {
  const o = game.view.outcome;
  $("#outcome").hidden = !o;
  if (!o) return;
  replace($("#outcome"), el("h2", { text: `Outcome: ${o.name}` }), el("p", { text: o.text }), el("p", { class: "hint", text: o.reason }),
    el("ul", {}, Object.entries(o.scores || {}).sort((a, b) => b[1] - a[1]).map(([t, s]) => el("li", { text: `${game.teamName(t)}: ${s} points` }))),
    el("ul", { class: "objectives" }, (o.objectives || []).map((x) => el("li", { class: x.met ? "met" : "", text: `${game.teamName(x.team)}: ${x.text} — ${x.met ? "met" : "not met"} (${x.points})` }))));
}

async function downloadLog() {
  const status = $("#controls-status");
  const key = $("#log-key").value || instructorKey();
  if (!key) { say(status, "Type the instructor key to download the log.", "error"); $("#log-key").focus(); return; }
  try {
    const r = await fetch(`/api/rooms/${encodeURIComponent(room)}/log`, { headers: { "X-Instructor-Key": key }, cache: "no-store" });
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      say(status, body.message || `The server answered ${r.status}.`, "error");
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
    say(status, `Log downloaded (${blob.size} bytes).`, "ok");
  } catch (e) { say(status, e.message, "error"); }
}

if (game) {
  const status = $("#controls-status");
  $("#log-key").value = instructorKey();
  $("#start").addEventListener("click", () => attempt(session, status, { type: "start" }, "The match has started."));
  $("#skip").addEventListener("click", () => attempt(session, status, { type: "skip" }, "Phase ended."));
  $("#pause").addEventListener("click", () => attempt(session, status, { type: "pause" }, "Clock paused."));
  $("#unpause").addEventListener("click", () => attempt(session, status, { type: "unpause" }, "Clock running."));
  $("#extend").addEventListener("click", () => {
    const seconds = Math.trunc(Number($("#extend-seconds").value));
    if (!seconds) { say(status, "Give a number of seconds (negative shortens).", "error"); return; }
    attempt(session, status, { type: "extend", seconds }, `Deadline moved by ${seconds} s.`);
  });
  $("#end").addEventListener("click", async () => {
    if (!armedEnd) { armedEnd = true; renderControls(); return; }
    armedEnd = false;
    const reason = $("#end-reason").value.trim();
    await attempt(session, status, reason ? { type: "end", reason } : { type: "end" }, "The match has ended.");
  });
  $("#download").addEventListener("click", downloadLog);
  $("#news-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("#news-text").value.trim();
    if (!text) return;
    if (await attempt(session, $("#inject-status"), { type: "inject_news", text }, "News published.")) $("#news-text").value = "";
  });
  $("#event-id").addEventListener("change", () => renderEventPreview(game, $("#event-preview"), $("#event-id").value));
  $("#event-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const event = $("#event-id").value;
    const name = (game.view?.events || []).find((ev) => ev.id === event)?.name || event;
    if (event) await attempt(session, $("#inject-status"), { type: "inject_event", event }, `Event “${name}” fired.`);
  });
  $("#adjust-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = $("#adjust-reason").value.trim();
    const value = Number($("#adjust-value").value);
    if (!reason) { say($("#inject-status"), "An adjustment needs a reason.", "error"); $("#adjust-reason").focus(); return; }
    if ($("#adjust-value").value === "" || !Number.isInteger(value)) { say($("#inject-status"), "The new value is a whole number.", "error"); return; }
    if (await attempt(session, $("#inject-status"), { type: "adjust", target: $("#adjust-target").value, value, reason }, "Adjusted.")) $("#adjust-reason").value = "";
  });
}
