// The front page: join a room as a student or as the projector, create a room, or open a room's console.

import { el, replace, say, resay, $ } from "./dom.js";
import { t, has, lang, setLanguage, startPage, onLanguage, errorText } from "./i18n.js";
import { ServerError, takeSeat } from "./connection.js";
import { BOT_POLICIES, policyName } from "./bots.js";
import { normalizeCode, saveSeat, allSeats, seatPage, kindOfRole, instructorKey, forgetSeat } from "./seats.js";
import { withInstructorKey } from "./teacher.js";

const CODE_CHARS = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;
const KNOWN_RULESETS = [{ id: "koreanization", title: "koreanization" }, { id: "coral_strait", title: "coral strait" }];
const PHASES = ["briefing", "negotiation", "orders", "adjudication", "results"];

function go(kind, room, seat = null) {
  location.assign(seatPage({ kind, room, seat }));
}

function explain(e) {
  if (e instanceof ServerError) return errorText(e.code, e.serverMessage);
  return t("index.no_server", { detail: e.message || String(e) });
}

// ---- Teams of a room, before joining ---------------------------------------------------------------------------
// GET /api/rooms/CODE gives a room's teams (an unknown code answers 404 unknown_room; too many wrong codes from one
// address answer 429 rate_limited, like wrong codes sent to join).

let finished = false;
let closed = false;
let joinedRuleset = null;

async function teamsOf(code) {
  const r = await fetch(`/api/rooms/${encodeURIComponent(code)}`, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ServerError({ code: body.code || `http_${r.status}`, message: body.message || t("common.http_status", { status: r.status }) });
  finished = body.phase === "ended";
  joinedRuleset = typeof body.ruleset === "string" ? body.ruleset : null;
  closed = body.joining === "closed";
  const nicknameHint = $("#join-name-hint");
  if (nicknameHint) nicknameHint.hidden = body.nicknames !== true;
  // The room's summary names its teams in English: the scenario's list has them in the page's language.
  const names = inLanguage(rulesets.find((r) => r.id === body.ruleset)).teams || {};
  return (Array.isArray(body.teams) ? body.teams : []).filter((x) => x && x.id).map((x) => ({ id: x.id, name: names[x.id] || x.name || x.id }));
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
    const options = [["", t("index.no_team")], ...teams.map((x) => [x.id, x.name])];
    // The same list again is left as it is (a choice being made is not disturbed).
    if (JSON.stringify(options) !== JSON.stringify([...select.options].map((o) => [o.value, o.textContent]))) {
      replace(select, options.map(([value, text]) => el("option", { value, text })));
      if (teams.some((x) => x.id === keep)) select.value = keep;
    }
    hint.textContent = teams.length ? t("index.team_choose") : t("index.team_unreadable");
    // A finished match has no seat left to play: say so before anyone joins it (its replay is on the Replays page).
    // A room the instructor has closed to new students says so too, but the button stays: once it is opened again,
    // the same form joins.
    const warning = finished ? t("index.finished") : closed ? errorText("joining_closed") : "";
    say($("#join-status"), warning, warning ? "error" : "info");
    $("#join-submit").disabled = finished;
    showWhyLost();
  } catch (e) {
    probed = "";
    finished = false;
    closed = false;
    $("#join-submit").disabled = false;
    hint.textContent = t("index.team_hint");
    if (e instanceof ServerError && ["unknown_room", "rate_limited"].includes(e.code)) say($("#join-status"), errorText(e.code, e.serverMessage), "error");
    else if (!(e instanceof ServerError)) hint.textContent = t("index.teams_failed");
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
  if (!CODE_CHARS.test(code)) { say(status, t("index.bad_code"), "error"); $("#join-code").focus(); return; }
  if (!name) { say(status, t("index.need_name"), "error"); $("#join-name").focus(); return; }
  const request = { type: "join", code, name, role };
  if (role === "player" && team) request.team = team;
  $("#join-submit").disabled = true;
  say(status, t("index.joining"));
  try {
    const reply = await takeSeat(request);
    const kind = kindOfRole(reply.role);
    saveSeat(reply.room, kind, { token: reply.token, seat: reply.seat, role: reply.role, team: reply.team, name, ruleset: joinedRuleset });
    go(kind, reply.room, reply.seat);
  } catch (err) {
    say(status, explain(err), "error");
    $("#join-submit").disabled = false;
  }
}

// ---- Instructors ----------------------------------------------------------------------------------------------

let rulesets = [];

/** Fills the scenario list (and what depends on it); the same list again changes nothing unless `force`d (a new
 * language). */
function fillRulesets(list, { force = false } = {}) {
  const select = $("#create-ruleset");
  const keep = select.value;
  if (!force && select.options.length && JSON.stringify(list) === JSON.stringify(rulesets)) return;
  rulesets = list;
  showSaved();
  replace(select, list.map((r) => {
    const l = inLanguage(r);
    return el("option", { value: r.id, text: l.title || r.title || r.id.replace(/_/g, " "), title: l.summary || r.summary || "" });
  }));
  if (list.some((r) => r.id === keep)) select.value = keep;
  fillVariants();
  showDefaults();
  fillBotSeats();
}

/** A scenario's texts in the page's language, when the server lists them (`localized`): {title, summary, teams,
 * variants}, else {}. */
function inLanguage(r) { return r?.localized?.[lang()] || {}; }

/** Per team of the chosen scenario: played by its students, or by a bot of a policy (create_room's `bots`). */
function fillBotSeats() {
  const ruleset = rulesets.find((r) => r.id === $("#create-ruleset").value);
  const names = inLanguage(ruleset).teams || {};
  const teams = (ruleset?.teams || []).map((x) => ({ ...x, name: names[x?.id] || x?.name }));
  const box = $("#create-bot-seats");
  const keep = new Map([...box.querySelectorAll("select[data-team]")].map((s) => [s.dataset.team, s.value]));
  replace(box, teams.length ? teams.filter((x) => x && x.id).map((team) => {
    const id = `create-bot-${team.id}`;
    const select = el("select", { id, data: { team: team.id } },
      el("option", { value: "", text: t("index.played_by_students") }),
      BOT_POLICIES.map((p) => el("option", { value: p.id, text: t("bot.option", { policy: policyName(p.id) }), title: t(`bot.policy.${p.id}`) })));
    if (keep.has(team.id)) select.value = keep.get(team.id);
    return el("div", { class: "row" }, el("label", { for: id, text: t("index.team_played_by", { team: team.name || team.id }) }), select);
  }) : el("p", { class: "hint", text: t("index.bot_teams_later") }));
}

/** The bots chosen in the form: {team id: policy}. */
function chosenBots() {
  const bots = {};
  for (const s of document.querySelectorAll("#create-bot-seats select[data-team]")) if (s.value) bots[s.dataset.team] = s.value;
  return bots;
}

// The variants of the chosen scenario (GET /api/rulesets lists them); "" is the standard rules.
function fillVariants() {
  const ruleset = rulesets.find((r) => r.id === $("#create-ruleset").value);
  const texts = inLanguage(ruleset).variants || {};
  const keep = $("#create-variant").value;
  replace($("#create-variant"), [el("option", { value: "", text: t("index.standard_rules") }),
    ...(ruleset?.variants || []).map((v) => el("option", { value: v.id,
      text: variantText(texts[v.id]?.name || v.name || v.id, v.turns), title: texts[v.id]?.description || v.description || "" }))]);
  if ((ruleset?.variants || []).some((v) => v.id === keep)) $("#create-variant").value = keep;
}

/** A variant's name with its number of turns, unless the name already says it ("Class period (50 min, 5 turns)"). */
function variantText(name, turns) {
  return typeof turns === "number" && !new RegExp(`(^|\\D)${turns}(\\D|$)`).test(name) ? t("index.variant_option", { name, count: turns }) : name;
}

/** What a blank turns or phase field means for the chosen scenario and variant: the variant's own values when one is
 * chosen (GET /api/rulesets lists its `turns` and `phases`), else the scenario's, shown beside the fields; and the
 * chosen variant's description in the page's language under its menu. */
function showDefaults() {
  const r = rulesets.find((x) => x.id === $("#create-ruleset").value);
  const v = (r?.variants || []).find((x) => x.id === $("#create-variant").value);
  const turns = typeof v?.turns === "number" ? v.turns : r?.turns;
  $("#create-turns-hint").textContent = !turns ? t("index.turns_hint")
    : v ? t("index.variant_turns_hint", { count: turns }) : t("index.turns_hint_n", { count: turns });
  for (const span of document.querySelectorAll("[data-default]")) {
    const seconds = (v?.phases || r?.phases)?.[span.dataset.default];
    span.textContent = typeof seconds === "number" ? t("index.phase_default", { count: seconds }) : "";
  }
  const about = v ? inLanguage(r).variants?.[v.id]?.description || v.description || "" : "";
  $("#create-variant-about").textContent = about;
  $("#create-variant-about").hidden = !about;
}

// The scenarios this server can open, from GET /api/rulesets (public; creating a room still needs the key).
let downTimer = null;

/** The server stopped answering (a network error, not an HTTP answer): say so on top, and try again every 5 s. */
function serverDown() {
  say($("#notice"), t("index.server_down", { host: location.host }), "error");
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
  showWhyLost();
  try {
    if (!r.ok) throw new Error(t("common.http_status", { status: r.status }));
    const list = (await r.json()).filter((x) => x && x.id);
    // Said as functions: a switch of the page's language says them again (resay).
    if (!list.length) { say(status, () => t("index.no_rulesets"), "error"); return; }
    fillRulesets(list);
    say(status, () => t("index.rulesets_count", { count: list.length }));
    // The teams of a typed code may be named better now (in the page's language).
    probed = "";
    refreshTeams();
  } catch (e) {
    const detail = e.message || String(e);
    say(status, () => t("index.rulesets_failed", { detail }), "error");
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
  if (!key) { say(status, t("index.need_key"), "error"); $("#create-key").focus(); return; }
  if (!ruleset) { say(status, t("index.need_ruleset"), "error"); return; }
  const request = { type: "create_room", key, ruleset, name: $("#create-name").value.trim() || t("common.instructor_default_name"),
    language: $("#create-lang").value || lang(), lang: lang() };
  const variant = $("#create-variant")?.value;
  if (variant) request.variant = variant;
  const seed = intField(form, "seed"), turns = intField(form, "turns");
  if (Number.isNaN(seed) || Number.isNaN(turns)) { say(status, t("index.whole_numbers"), "error"); return; }
  if (seed !== undefined) request.seed = seed;
  if (turns !== undefined) request.turns = turns;
  const phases = {};
  for (const p of PHASES) {
    const v = intField(form, `phase-${p}`);
    if (Number.isNaN(v)) { say(status, t("index.phase_whole", { phase: t(`phase.${p}`) }), "error"); return; }
    if (v !== undefined) phases[p] = v;
  }
  if (Object.keys(phases).length) request.phases = phases;
  const bots = chosenBots();
  if (Object.keys(bots).length) request.bots = bots;
  const absent = $("#create-absent").value;
  if (absent && absent !== "nothing") request.absent = absent;
  if ($("#create-nicknames")?.checked) request.nicknames = true;
  $("#create-submit").disabled = true;
  say(status, t("index.creating"));
  try {
    const reply = await withInstructorKey(key, (k) => takeSeat({ ...request, key: k }));
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
  if (!CODE_CHARS.test(code) || !key) { say(status, t("index.need_code_key"), "error"); return; }
  try {
    const name = t("common.instructor_default_name");
    const reply = await withInstructorKey(key, (k) => takeSeat({ type: "join", code, name, role: "instructor", key: k }));
    saveSeat(reply.room, "instructor", { token: reply.token, seat: reply.seat, role: reply.role, name });
    go("instructor", reply.room);
  } catch (err) { say(status, explain(err), "error"); }
}

/** A saved student seat's team, named as its scenario names it in the page's language (the seat keeps the scenario's
 * id since this page joined with it; an older seat, the first scenario with a team of that id); else its id. */
function savedTeamName(s) {
  if (!s.team) return t("index.kind.student");
  const r = rulesets.find((x) => x.id === s.ruleset) || rulesets.find((x) => (x.teams || []).some((team) => team?.id === s.team));
  return inLanguage(r).teams?.[s.team] || (r?.teams || []).find((team) => team?.id === s.team)?.name || s.team;
}

/** Every seat this browser holds (on a shared laptop, each student's), newest first: each resumes its own seat. */
function showSaved() {
  const seats = allSeats();
  $("#saved").hidden = seats.length === 0;
  replace($("#saved-list"), seats.slice(0, 20).map((s) => {
    const words = t("index.saved_seat", { room: s.room, name: s.name || s.seat, what: s.kind === "player" ? savedTeamName(s) : t(`index.kind.${s.kind}`) });
    return el("li", { data: { room: s.room, kind: s.kind, seat: s.seat || "" } },
      el("a", { href: seatPage(s), text: words }),
      " ",
      el("button", { type: "button", class: "link", text: t("index.forget"), aria: { label: t("index.forget_label", { seat: words }) },
        on: { click: () => { forgetSeat(s.room, s.kind, s.seat); showSaved(); } } }));
  }));
}

// A page that lost its seat comes back here with ?lost=REASON (a `lost.` key's suffix, never words): why, on top, in
// the page's language (again after a switch).
const lostReason = (() => {
  const reason = new URLSearchParams(location.search).get("lost") || "";
  return /^[a-z_]+$/.test(reason) && has(`lost.${reason}`) ? reason : "";
})();

function showWhyLost() {
  // A seat lost in a finished match: nobody joins it any more, so the page points to its replay, not to the join form.
  if (lostReason) say($("#notice"), t(lostReason === "no_seat" && finished ? "index.lost_no_seat_finished" : `lost.${lostReason}`), "error");
}

function init() {
  startPage();
  $("#create-lang").value = lang();
  // The instructor's name is a placeholder, not a value: typing replaces it ("Ms Kim", never "InstructorMs Kim"), and
  // the default name is used only when the field is left empty.
  onLanguage(() => {
    resay();
    fillRulesets(rulesets, { force: true });
    showSaved();
    probed = "";
    refreshTeams();
    showWhyLost();
  });
  const params = new URLSearchParams(location.search);
  if (params.get("code")) { $("#join-code").value = params.get("code"); }
  // From a console link with no instructor seat here: the console form, open, with the room's code (the key is filled
  // below when this browser keeps one).
  const consoleCode = normalizeCode(params.get("console") || "");
  if (consoleCode) {
    $("#console-code").value = consoleCode;
    $("#console-details").open = true;
    $("#console-details").scrollIntoView({ block: "center" });
  }
  showWhyLost();
  fillRulesets(KNOWN_RULESETS);
  loadRulesets();
  if (instructorKey()) $("#create-key").value = $("#console-key").value = instructorKey();
  let timer = null;
  $("#join-code").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refreshTeams, 300); });
  for (const radio of document.querySelectorAll("input[name=role]")) {
    radio.addEventListener("change", () => { $("#team-field").hidden = new FormData($("#join-form")).get("role") !== "player"; });
  }
  $("#join-form").addEventListener("submit", join);
  $("#create-form").addEventListener("submit", createRoom);
  $("#load-rulesets").addEventListener("click", loadRulesets);
  $("#create-ruleset").addEventListener("change", () => { fillVariants(); showDefaults(); fillBotSeats(); });
  $("#create-variant").addEventListener("change", showDefaults);
  $("#console-form").addEventListener("submit", openConsole);
  if (consoleCode) ($("#console-key").value ? $("#console-submit") : $("#console-key")).focus({ preventScroll: true });
  showSaved();
  refreshTeams();
}

init();
