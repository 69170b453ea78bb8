// The teacher's archive: sign in with your secret, see your live and finished matches, open a finished match's
// report and replay from the server, download its log and report, delete it, and export one student's data.
// The secret is typed once and traded for a sign-in session (teacher.js); both are kept in sessionStorage (this tab
// only), and the session is sent as Authorization: Bearer, never in a URL.

import { el, replace, say, resay, $ } from "./dom.js";
import { t, has, lang, list as names, startPage, onLanguage } from "./i18n.js";
import { api, refusal, ticket, openMatch, secret, signIn, forgetSecret } from "./teacher.js";

async function download(path, filename) {
  save(await (await api(path)).blob(), filename);
}

/** Hands a blob to the browser as a download. */
function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A name as part of a file name: its letters and digits in any script (김민지 stays 김민지), anything else "_". */
function fileSafe(name) {
  return name.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "_").replace(/^_+|_+$/g, "") || "student";
}

/** One student's data. The server reads the logs in the background: until it has, it answers 202 export_pending
 * (Retry-After: 1), and this asks again, as `ticket` does for reports. */
async function exportOf(name) {
  for (let tries = 0; tries < 300; tries++) {
    const response = await api(`/api/teacher/students?name=${encodeURIComponent(name)}`);
    const answer = await response.json();
    if (response.status !== 202) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("export_pending");   // five minutes: said as the server being out of reach
}

/** Opens a finished match's report or replay in a new tab. */
function open(code, which) {
  return openMatch(code, which, $("#rooms-status"), say);
}

async function remove(code) {
  if (!window.confirm(t("archive.confirm_delete", { code }))) return;
  const status = $("#rooms-status");
  try {
    await api(`/api/teacher/rooms/${code}`, { method: "DELETE" });
    await list();
    say(status, () => t("archive.deleted", { code }), "ok");
  } catch (e) {
    say(status, () => t("archive.failed", { code, message: refusal(e) }), "error");
  }
}

/** When a match was created: its date and time in the interface's language. */
function when(at) {
  return new Intl.DateTimeFormat(lang(), { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(new Date(at));
}

/** A live match's phase (in the catalog's words when it knows the phase) and turn. */
function phaseTurn(phase, turn) {
  const words = has(`phase.${phase}`) ? t(`phase.${phase}`) : phase;
  return turn > 0 ? t("archive.phase_turn", { phase: words, turn }) : words;
}

// The scenarios' team names, in each language (GET /api/rulesets, public): the archive's list names teams by id.
let scenarios = [];

async function loadScenarios() {
  try {
    const r = await fetch("/api/rulesets", { headers: { accept: "application/json" }, cache: "no-store" });
    if (r.ok) scenarios = await r.json();
  } catch { /* the ids stay */ }
}

/** A team's name in the page's language (English, or its id, when the scenario does not say). */
function teamName(scenario, id) {
  const s = scenarios.find((x) => x.id === scenario);
  return s?.localized?.[lang()]?.teams?.[id] || s?.teams?.find((x) => x.id === id)?.name || id;
}

let me = { id: null, admin: false };

async function share(code) {
  const id = (window.prompt(t("archive.share_prompt")) || "").trim();
  if (!id) return;
  try {
    await api(`/api/teacher/rooms/${code}/shares`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ teacher: id }) });
    await list();
  } catch (e) {
    say($("#rooms-status"), () => t("archive.failed", { code, message: refusal(e) }), "error");
  }
}

async function unshare(code, id) {
  try {
    await api(`/api/teacher/rooms/${code}/shares/${encodeURIComponent(id)}`, { method: "DELETE" });
    await list();
  } catch (e) {
    say($("#rooms-status"), () => t("archive.failed", { code, message: refusal(e) }), "error");
  }
}

function row(m) {
  const finished = m.state === "finished";
  const mine = me.admin || (m.owner && m.owner === me.id);
  // Each button is named with the match's code too: a screen reader going through the list hears which match.
  const button = (text, action, extra = {}) => el("button", { type: "button", text, data: { action, code: m.code },
    aria: { label: t("archive.button_for", { action: text, code: m.code }) }, on: { click: () => actions[action](m.code) }, ...extra });
  const team = (id) => teamName(m.scenario, id);
  const players = m.players.length ? names(m.players.map((p) => p.bot ? t("archive.bot", { team: team(p.team) }) : p.team ? t("archive.player", { name: p.name, team: team(p.team) }) : p.name)) : "—";
  // The title and the ending in the page's language when the scenario has them in it (the server lists both).
  const local = m.localized?.[lang()] || {};
  // Each cell carries its column's name: at phone width a row is a card, each value under its name (qa8 W7).
  const label = (column) => ({ label: t(`archive.col_${column}`) });
  return el("tr", { data: { code: m.code, state: m.state } },
    el("th", { scope: "row", class: "code", text: m.code }),
    el("td", { data: label("scenario") }, local.title || m.title, m.nicknames ? el("span", { class: "hint", text: ` · ${t("archive.nicknames")}` }) : null,
      mine ? null : el("span", { class: "hint", text: ` · ${(m.owner ? t("archive.shared_by", { owner: m.owner }) : t("archive.shared_by_admin"))}` }),
      mine && m.shared ? el("span", { class: "hint shared" }, ` · ${t("archive.shared_with")} `,
        m.shared.map((id) => [id, " ", el("button", { type: "button", class: "link", text: "×", aria: { label: t("archive.stop_sharing", { id }) }, on: { click: () => unshare(m.code, id) } }), " "])) : null),
    el("td", { data: label("created"), text: when(m.created) }),
    el("td", { data: label("state") }, has(`archive.state.${m.state}`) ? t(`archive.state.${m.state}`) : m.state, m.state === "live" ? el("span", { class: "hint", text: ` · ${phaseTurn(m.phase, m.turn)}` }) : null),
    el("td", { class: "players", data: label("players"), text: players }),
    el("td", { data: label("outcome"), text: local.outcome || m.outcome || "" }),
    el("td", { class: "archive-actions", data: label("actions") },
      el("div", { role: "group", aria: { label: t("archive.actions_for", { code: m.code }) } },
        finished ? button(t("archive.report"), "report") : null,
        finished ? button(t("archive.replay"), "replay") : null,
        button(t("archive.download_log"), "log"),
        finished ? button(t("archive.download_report"), "reportFile") : null,
        finished ? button(t("archive.download_replay"), "replayFile") : null,
        mine ? button(t("archive.share"), "share") : null,
        mine && (finished || m.state === "stopped") ? button(t("archive.delete"), "delete", { class: "danger" }) : null)));
}

const actions = {
  report: (code) => open(code, "report"),
  replay: (code) => open(code, "replay"),
  log: (code) => download(`/api/teacher/rooms/${code}/log`, `armistice-${code}.jsonl`).catch((e) => say($("#rooms-status"), () => t("archive.failed", { code, message: refusal(e) }), "error")),
  reportFile: (code) => ticket(code, () => say($("#rooms-status"), () => t("archive.preparing", { code }))).then(() => { say($("#rooms-status"), ""); return download(`/api/teacher/rooms/${code}/report.html?download=1&lang=${lang()}`, `armistice-${code}.html`); })
    .catch((e) => say($("#rooms-status"), () => t("archive.failed", { code, message: refusal(e) }), "error")),
  // The replay viewer's file, to open offline: replay.html's file chooser, or a drop on its page.
  replayFile: (code) => ticket(code, () => say($("#rooms-status"), () => t("archive.preparing", { code }))).then(() => { say($("#rooms-status"), ""); return download(`/api/teacher/rooms/${code}/replay.json?lang=${lang()}`, `armistice-${code}.replay.json`); })
    .catch((e) => say($("#rooms-status"), () => t("archive.failed", { code, message: refusal(e) }), "error")),
  delete: (code) => remove(code),
  share: (code) => share(code),
};

// A finished match's ending is worked out by the server in the background: until it is, the list asks again.
let outcomeChecks = 0;
// The list last shown: a new language redraws it without asking the server again.
let shown = null;

function draw(matches) {
  shown = matches;
  replace($("#rooms-body"), matches.map(row));
  say($("#rooms-status"), matches.length ? t("archive.count", { count: matches.length }) : t("archive.none"));
}

function whoami() {
  $("#whoami").textContent = me.admin ? t("archive.signed_in_admin") : t("archive.signed_in_as", { name: me.name });
}

async function list() {
  const status = $("#rooms-status");
  say(status, () => t("archive.loading"));
  const matches = await (await api("/api/teacher/rooms")).json();
  draw(matches);
  document.body.dataset.ready = "true";
  if (matches.some((m) => m.state === "finished" && !m.outcome) && outcomeChecks++ < 20) {
    setTimeout(() => { if (secret()) list().catch(() => {}); }, 1500);
  } else {
    outcomeChecks = 0;
  }
}

async function enter() {
  me = await (await api("/api/teacher/me")).json();
  if (!scenarios.length) await loadScenarios();
  whoami();
  $("#signin").hidden = true;
  $("#rooms").hidden = false;
  $("#export").hidden = false;
  await list();
}

function init() {
  startPage();
  onLanguage(() => {
    resay();
    if ($("#rooms").hidden) return;
    whoami();
    if (shown) draw(shown);
  });
  $("#signin-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const typed = $("#signin-secret").value.trim();
    if (!typed) { say($("#signin-status"), () => t("archive.need_secret"), "error"); return; }
    say($("#signin-status"), () => t("archive.checking"));
    try {
      // The secret is checked once, traded for a sign-in session that every request then sends.
      await signIn(typed);
      await enter();
      $("#signin-secret").value = "";
      say($("#signin-status"), "");
    } catch (err) {
      forgetSecret();
      say($("#signin-status"), () => refusal(err), "error");
    }
  });
  $("#signout").addEventListener("click", () => {
    forgetSecret();
    replace($("#rooms-body"));
    shown = null;
    $("#rooms").hidden = true;
    $("#export").hidden = true;
    $("#signin").hidden = false;
  });
  $("#refresh").addEventListener("click", () => list().catch((e) => say($("#rooms-status"), () => refusal(e), "error")));
  $("#export-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = $("#export-name").value.trim();
    const status = $("#export-status");
    if (!name) { say(status, () => t("archive.export_need_name"), "error"); return; }
    try {
      const data = await exportOf(name);
      save(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), `armistice-student-${fileSafe(name)}.json`);
      say(status, () => t("archive.exported", { name, count: data.matches.length }), "ok");
    } catch (err) {
      say(status, () => refusal(err), "error");
    }
  });
  if (secret()) enter().catch(() => { forgetSecret(); });
}

init();
