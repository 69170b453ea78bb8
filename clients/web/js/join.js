// The front page: join a room as a student or as the projector, create a room, or open a room's console.

import { el, replace, say, $ } from "./dom.js";
import { ServerError, takeSeat } from "./connection.js";
import { BOT_POLICIES } from "./bots.js";
import { normalizeCode, saveSeat, allSeats, pageFor, kindOfRole, rememberInstructorKey, instructorKey, forgetSeat } from "./seats.js";

const CODE_CHARS = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;
const KNOWN_RULESETS = [{ id: "koreanization", title: "koreanization" }, { id: "coral_strait", title: "coral strait" }];

function go(kind, room) {
  location.assign(`${pageFor(kind)}?room=${encodeURIComponent(room)}`);
}

function explain(e) {
  if (e instanceof ServerError) return e.message;
  return `${e.message || e}. Is the server running?`;
}

// ---- Teams of a room, before joining ---------------------------------------------------------------------------
// GET /api/rooms/CODE gives a room's teams (an unknown code answers 404 unknown_room; too many wrong codes from one
// address answer 429 rate_limited, like wrong codes sent to join).

let finished = false;

async function teamsOf(code) {
  const r = await fetch(`/api/rooms/${encodeURIComponent(code)}`, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ServerError({ code: body.code || `http_${r.status}`, message: body.message || `the server answered ${r.status}` });
  finished = body.phase === "ended";
  const nicknameHint = $("#join-name-hint");
  if (nicknameHint) nicknameHint.hidden = body.nicknames !== true;
  return (Array.isArray(body.teams) ? body.teams : []).filter((t) => t && t.id).map((t) => ({ id: t.id, name: t.name || t.id }));
}

let probed = "";
async function refreshTeams() {
  const code = normalizeCode($("#join-code").value);
  const select = $("#join-team");
  const hint = $("#join-team-hint");
  if (!CODE_CHARS.test(code) || code === probed) return;
  probed = code;
  try {
    const teams = await teamsOf(code);
    const keep = select.value;
    replace(select, el("option", { value: "", text: "No team yet (the instructor assigns one)" }),
      teams.map((t) => el("option", { value: t.id, text: t.name })));
    if (teams.some((t) => t.id === keep)) select.value = keep;
    hint.textContent = teams.length ? "Choose the team your instructor gave you." : "This room's teams could not be read.";
    // A finished match has no seat left to play: say so before anyone joins it (its replay is on the Replays page).
    say($("#join-status"), finished ? "This match has ended: there is nothing left to play in it. Its replay is on the Replays page." : "", finished ? "error" : "info");
    $("#join-submit").disabled = finished;
  } catch (e) {
    probed = "";
    finished = false;
    $("#join-submit").disabled = false;
    hint.textContent = "The teams appear when you have typed the code.";
    if (e instanceof ServerError && ["unknown_room", "rate_limited"].includes(e.code)) say($("#join-status"), e.message, "error");
    else if (!(e instanceof ServerError)) hint.textContent = "The teams could not be read; you can still join and the instructor assigns your team.";
  }
}

// ---- Join ------------------------------------------------------------------------------------------------------

async function join(e) {
  e.preventDefault();
  const status = $("#join-status");
  const code = normalizeCode($("#join-code").value);
  const name = $("#join-name").value.trim();
  const role = new FormData($("#join-form")).get("role") || "player";
  const team = $("#join-team").value;
  if (!CODE_CHARS.test(code)) { say(status, "The join code has six characters (letters and digits, no 0, O, 1, I or L).", "error"); $("#join-code").focus(); return; }
  if (!name) { say(status, "Choose a display name.", "error"); $("#join-name").focus(); return; }
  const request = { type: "join", code, name, role };
  if (role === "player" && team) request.team = team;
  $("#join-submit").disabled = true;
  say(status, "Joining…");
  try {
    const reply = await takeSeat(request);
    const kind = kindOfRole(reply.role);
    saveSeat(reply.room, kind, { token: reply.token, seat: reply.seat, role: reply.role, team: reply.team, name });
    go(kind, reply.room);
  } catch (err) {
    say(status, explain(err), "error");
    $("#join-submit").disabled = false;
  }
}

// ---- Instructors ----------------------------------------------------------------------------------------------

let rulesets = [];

function fillRulesets(list, selected) {
  const select = $("#create-ruleset");
  const keep = selected || select.value;
  rulesets = list;
  replace(select, list.map((r) => el("option", { value: r.id, text: r.title || r.id.replace(/_/g, " "), title: r.summary || "" })));
  if (list.some((r) => r.id === keep)) select.value = keep;
  fillVariants();
  showDefaults();
  fillBotSeats();
}

/** Per team of the chosen scenario: played by its students, or by a bot of a policy (create_room's `bots`). */
function fillBotSeats() {
  const teams = rulesets.find((r) => r.id === $("#create-ruleset").value)?.teams || [];
  const box = $("#create-bot-seats");
  const keep = new Map([...box.querySelectorAll("select[data-team]")].map((s) => [s.dataset.team, s.value]));
  replace(box, teams.length ? teams.filter((t) => t && t.id).map((t) => {
    const id = `create-bot-${t.id}`;
    const select = el("select", { id, data: { team: t.id } },
      el("option", { value: "", text: "students" }),
      BOT_POLICIES.map((p) => el("option", { value: p.id, text: `bot (${p.id})`, title: p.text })));
    if (keep.has(t.id)) select.value = keep.get(t.id);
    return el("div", { class: "row" }, el("label", { for: id, text: `${t.name || t.id} played by` }), select);
  }) : el("p", { class: "hint", text: "The teams appear when the server's scenarios are loaded." }));
}

/** The bots chosen in the form: {team id: policy}. */
function chosenBots() {
  const bots = {};
  for (const s of document.querySelectorAll("#create-bot-seats select[data-team]")) if (s.value) bots[s.dataset.team] = s.value;
  return bots;
}

// The variants of the chosen scenario (GET /api/rulesets lists them); "" is the standard rules.
function fillVariants() {
  const variants = rulesets.find((r) => r.id === $("#create-ruleset").value)?.variants || [];
  replace($("#create-variant"), [el("option", { value: "", text: "Standard rules" }),
    ...variants.map((v) => el("option", { value: v.id, text: `${v.name || v.id} (${v.turns} turns)`, title: v.description || "" }))]);
}

/** What a blank turns or phase field means for the chosen scenario: its own values, shown beside the fields. */
function showDefaults() {
  const r = rulesets.find((x) => x.id === $("#create-ruleset").value);
  $("#create-turns-hint").textContent = r?.turns ? `Blank: the scenario's ${r.turns}.` : "Blank: the scenario's.";
  for (const span of document.querySelectorAll("[data-default]")) {
    const seconds = r?.phases?.[span.dataset.default];
    span.textContent = typeof seconds === "number" ? `blank: ${seconds}` : "";
  }
}

// The scenarios this server can open, from GET /api/rulesets (public; creating a room still needs the key).
let downTimer = null;

/** The server stopped answering (a network error, not an HTTP answer): say so on top, and try again every 5 s. */
function serverDown() {
  say($("#notice"), `The Armistice server at ${location.host} does not answer: it may be stopped or restarting. This page tries again every 5 seconds.`, "error");
  clearTimeout(downTimer);
  downTimer = setTimeout(loadRulesets, 5000);
}

async function loadRulesets() {
  const status = $("#create-status");
  let r;
  try {
    r = await fetch("/api/rulesets", { headers: { accept: "application/json" }, cache: "no-store" });
  } catch {
    serverDown();
    return;
  }
  if ($("#notice").dataset.kind === "error") say($("#notice"), "");
  try {
    if (!r.ok) throw new Error(`the server answered ${r.status}`);
    const list = (await r.json()).filter((x) => x && x.id);
    if (!list.length) { say(status, "This server has no scenarios loaded.", "error"); return; }
    fillRulesets(list);
    say(status, `${list.length} scenario${list.length === 1 ? "" : "s"} on this server.`);
  } catch (e) {
    say(status, `The list of scenarios could not be read (${e.message || e}); you can still create a room with the scenario shown.`, "error");
  }
}

function intField(form, name) {
  const raw = form.elements[name]?.value?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) ? n : NaN;
}

async function createRoom(e) {
  e.preventDefault();
  const form = $("#create-form");
  const status = $("#create-status");
  const key = $("#create-key").value;
  const ruleset = $("#create-ruleset").value;
  if (!key) { say(status, "The instructor key is needed.", "error"); $("#create-key").focus(); return; }
  if (!ruleset) { say(status, "Choose a scenario.", "error"); return; }
  const request = { type: "create_room", key, ruleset, name: $("#create-name").value.trim() || "Instructor" };
  const variant = $("#create-variant")?.value;
  if (variant) request.variant = variant;
  const seed = intField(form, "seed"), turns = intField(form, "turns");
  if (Number.isNaN(seed) || Number.isNaN(turns)) { say(status, "Seed and turns are whole numbers.", "error"); return; }
  if (seed !== undefined) request.seed = seed;
  if (turns !== undefined) request.turns = turns;
  const phases = {};
  for (const p of ["briefing", "negotiation", "orders", "adjudication", "results"]) {
    const v = intField(form, `phase-${p}`);
    if (Number.isNaN(v)) { say(status, `The ${p} length is a whole number of seconds.`, "error"); return; }
    if (v !== undefined) phases[p] = v;
  }
  if (Object.keys(phases).length) request.phases = phases;
  const bots = chosenBots();
  if (Object.keys(bots).length) request.bots = bots;
  const absent = $("#create-absent").value;
  if (absent && absent !== "nothing") request.absent = absent;
  if ($("#create-nicknames")?.checked) request.nicknames = true;
  $("#create-submit").disabled = true;
  say(status, "Creating…");
  try {
    const reply = await takeSeat(request);
    rememberInstructorKey(key);
    saveSeat(reply.room, "instructor", { token: reply.token, seat: reply.seat, role: reply.role, name: request.name });
    go("instructor", reply.room);
  } catch (err) {
    say(status, explain(err), "error");
    $("#create-submit").disabled = false;
  }
}

async function openConsole(e) {
  e.preventDefault();
  const status = $("#console-status");
  const code = normalizeCode($("#console-code").value);
  const key = $("#console-key").value;
  if (!CODE_CHARS.test(code) || !key) { say(status, "Type the room's code and the instructor key.", "error"); return; }
  try {
    const reply = await takeSeat({ type: "join", code, name: "Instructor", role: "instructor", key });
    rememberInstructorKey(key);
    saveSeat(reply.room, "instructor", { token: reply.token, seat: reply.seat, role: reply.role, name: "Instructor" });
    go("instructor", reply.room);
  } catch (err) { say(status, explain(err), "error"); }
}

function showSaved() {
  const seats = allSeats();
  $("#saved").hidden = seats.length === 0;
  replace($("#saved-list"), seats.slice(0, 10).map((s) => el("li", {},
    el("a", { href: `${pageFor(s.kind)}?room=${encodeURIComponent(s.room)}`, text: `Room ${s.room}: ${s.name || s.seat} (${s.kind === "player" ? (s.team || "student") : s.kind})` }),
    " ",
    el("button", { type: "button", class: "link", text: "Forget", aria: { label: `Forget the seat in room ${s.room}` }, on: { click: () => { forgetSeat(s.room, s.kind); showSaved(); } } }))));
}

function init() {
  const params = new URLSearchParams(location.search);
  if (params.get("code")) { $("#join-code").value = params.get("code"); }
  if (params.get("message")) say($("#join-status"), params.get("message"), "error");
  fillRulesets(KNOWN_RULESETS);
  loadRulesets();
  if (instructorKey()) $("#create-key").value = instructorKey();
  let timer = null;
  $("#join-code").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refreshTeams, 300); });
  for (const radio of document.querySelectorAll("input[name=role]")) {
    radio.addEventListener("change", () => { $("#team-field").hidden = new FormData($("#join-form")).get("role") !== "player"; });
  }
  $("#join-form").addEventListener("submit", join);
  $("#create-form").addEventListener("submit", createRoom);
  $("#load-rulesets").addEventListener("click", loadRulesets);
  $("#create-ruleset").addEventListener("change", () => { fillVariants(); showDefaults(); fillBotSeats(); });
  $("#console-form").addEventListener("submit", openConsole);
  showSaved();
  refreshTeams();
}

init();
