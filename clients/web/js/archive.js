// The teacher's archive: sign in with your secret, see your live and finished matches, open a finished match's
// report and replay from the server, download its log and report, delete it, and export one student's data.
// The secret is kept in sessionStorage (this tab only) and sent as Authorization: Bearer, never in a URL.

import { el, replace, say, $ } from "./dom.js";

// Every string this page shows, in one place (to move into the locale catalogs).
const STRINGS = {
  skip: "Skip to my rooms",
  tagline: "My rooms: live and finished matches",
  signinTitle: "Sign in",
  secretLabel: "Your teacher's secret (or the instructor key)",
  secretHint: "Given to you once by your server's administrator (armistice teacher add). It is kept in this tab only, until you close it or sign out.",
  signin: "Sign in",
  roomsTitle: "My rooms",
  refresh: "Refresh",
  signout: "Sign out",
  caption: "Matches, newest first",
  colCode: "Code", colScenario: "Scenario", colCreated: "Created", colState: "State", colPlayers: "Players",
  colOutcome: "Outcome", colActions: "Actions",
  exportTitle: "One student's data",
  exportLabel: "The student's name, as they typed it",
  exportHint: "Downloads, as JSON, every seat with that name in your matches: its team and role, its chat and its moves.",
  exportButton: "Download their data",
  front: "Front page",
  replays: "Replay a file",
  needSecret: "Type your secret.",
  checking: "Checking…",
  wrongSecret: "That secret is not known here. Check it with your administrator.",
  tooMany: "Too many wrong secrets from this address; wait a few minutes.",
  unreachable: "The server could not be reached.",
  signedInAs: (name, admin) => admin ? `Signed in as the administrator: every teacher's rooms` : `Signed in as ${name}`,
  loading: "Loading your rooms…",
  none: "No matches yet. Create a room from the front page with your secret.",
  count: (n) => `${n} match${n === 1 ? "" : "es"}`,
  states: { live: "Live", finished: "Finished", stopped: "Stopped" },
  phaseTurn: (phase, turn) => turn > 0 ? `${phase}, turn ${turn}` : phase,
  nicknames: "nicknames only",
  noPlayers: "—",
  bot: (team) => `bot (${team})`,
  report: "Report",
  replay: "Replay",
  downloadLog: "Log",
  downloadReport: "Report file",
  delete: "Delete",
  actionsFor: (code) => `Actions for ${code}`,
  confirmDelete: (code) => `Delete match ${code}? Its log and report are removed from the server for good.`,
  deleted: (code) => `Match ${code} deleted.`,
  opening: "Opening…",
  preparing: (code) => `Preparing the report of ${code}… (a long match takes a few seconds)`,
  failed: (what, message) => `${what}: ${message}`,
  share: "Share…",
  sharePrompt: "The id of the teacher to share this match with (your administrator has the ids: armistice teacher list):",
  sharedWith: "Shared with",
  sharedBy: (owner) => owner ? `shared with you by ${owner}` : "shared with you by the administrator",
  stopSharing: (id) => `Stop sharing with ${id}`,
  exportNeedName: "Type the student's name.",
  exported: (name, n) => `${n} match${n === 1 ? "" : "es"} with ${name}: downloaded.`,
};

const SECRET_KEY = "armistice.teacher.secret";

function secret() { return sessionStorage.getItem(SECRET_KEY) || ""; }

function applyStrings() {
  for (const node of document.querySelectorAll("[data-text]")) {
    const text = STRINGS[node.dataset.text];
    if (typeof text === "string") node.textContent = text;
  }
}

/** Calls the archive API with the secret; throws an Error with `status` and `code` on a refusal. */
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options, cache: "no-store", headers: { Authorization: `Bearer ${secret()}`, accept: "application/json", ...(options.headers || {}) },
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const error = new Error(body.message || `HTTP ${response.status}`);
    error.status = response.status;
    error.code = body.code;
    throw error;
  }
  return response;
}

function refusal(e) {
  if (e.status === 403 || e.status === 401) return STRINGS.wrongSecret;
  if (e.status === 429) return STRINGS.tooMany;
  return e.status ? e.message : STRINGS.unreachable;
}

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

/** A view ticket for a finished match, once the server has made its reports (meanwhile: 202 report_pending). */
async function ticket(code) {
  for (let tries = 0; tries < 300; tries++) {
    const answer = await (await api(`/api/teacher/rooms/${code}/ticket`, { method: "POST" })).json();
    if (answer.ticket) return answer;
    say($("#rooms-status"), STRINGS.preparing(code));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(STRINGS.preparing(code));
}

/** Opens a finished match's report or replay in a new tab: a view ticket makes a link that needs no header. */
async function open(code, which) {
  const status = $("#rooms-status");
  say(status, STRINGS.opening);
  // Opened now, while the click still counts (a pop-up blocker would stop a window opened after the wait). Not
  // "noopener": the new tab keeps a copy of this tab's sessionStorage, so the report's links to the viewer work.
  const tab = window.open("", "_blank");
  try {
    const answer = await ticket(code);
    const url = which === "report" ? answer.report : answer.replay;
    if (tab) tab.location.assign(url); else location.assign(url);
    say(status, "");
  } catch (e) {
    if (tab) tab.close();
    say(status, STRINGS.failed(code, refusal(e)), "error");
  }
}

async function remove(code) {
  if (!window.confirm(STRINGS.confirmDelete(code))) return;
  const status = $("#rooms-status");
  try {
    await api(`/api/teacher/rooms/${code}`, { method: "DELETE" });
    await list();
    say(status, STRINGS.deleted(code), "ok");
  } catch (e) {
    say(status, STRINGS.failed(code, refusal(e)), "error");
  }
}

function when(t) {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")} `
    + `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

let me = { id: null, admin: false };

async function share(code) {
  const id = (window.prompt(STRINGS.sharePrompt) || "").trim();
  if (!id) return;
  try {
    await api(`/api/teacher/rooms/${code}/shares`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ teacher: id }) });
    await list();
  } catch (e) {
    say($("#rooms-status"), STRINGS.failed(code, refusal(e)), "error");
  }
}

async function unshare(code, id) {
  try {
    await api(`/api/teacher/rooms/${code}/shares/${encodeURIComponent(id)}`, { method: "DELETE" });
    await list();
  } catch (e) {
    say($("#rooms-status"), STRINGS.failed(code, refusal(e)), "error");
  }
}

function row(m) {
  const finished = m.state === "finished";
  const mine = me.admin || (m.owner && m.owner === me.id);
  const button = (text, action, extra = {}) => el("button", { type: "button", text, data: { action, code: m.code }, on: { click: () => actions[action](m.code) }, ...extra });
  const players = m.players.length ? m.players.map((p) => p.bot ? STRINGS.bot(p.team) : p.team ? `${p.name} (${p.team})` : p.name).join(", ") : STRINGS.noPlayers;
  return el("tr", { data: { code: m.code, state: m.state } },
    el("th", { scope: "row", class: "code", text: m.code }),
    el("td", {}, m.title, m.nicknames ? el("span", { class: "hint", text: ` · ${STRINGS.nicknames}` }) : null,
      mine ? null : el("span", { class: "hint", text: ` · ${STRINGS.sharedBy(m.owner)}` }),
      mine && m.shared ? el("span", { class: "hint shared" }, ` · ${STRINGS.sharedWith} `,
        m.shared.map((id) => [id, " ", el("button", { type: "button", class: "link", text: "×", aria: { label: STRINGS.stopSharing(id) }, on: { click: () => unshare(m.code, id) } }), " "])) : null),
    el("td", { text: when(m.created) }),
    el("td", {}, STRINGS.states[m.state] || m.state, m.state === "live" ? el("span", { class: "hint", text: ` · ${STRINGS.phaseTurn(m.phase, m.turn)}` }) : null),
    el("td", { class: "players", text: players }),
    el("td", { text: m.outcome || "" }),
    el("td", { class: "archive-actions" },
      el("div", { role: "group", aria: { label: STRINGS.actionsFor(m.code) } },
        finished ? button(STRINGS.report, "report") : null,
        finished ? button(STRINGS.replay, "replay") : null,
        button(STRINGS.downloadLog, "log"),
        finished ? button(STRINGS.downloadReport, "reportFile") : null,
        mine ? button(STRINGS.share, "share") : null,
        mine && (finished || m.state === "stopped") ? button(STRINGS.delete, "delete", { class: "danger" }) : null)));
}

const actions = {
  report: (code) => open(code, "report"),
  replay: (code) => open(code, "replay"),
  log: (code) => download(`/api/teacher/rooms/${code}/log`, `armistice-${code}.jsonl`).catch((e) => say($("#rooms-status"), STRINGS.failed(code, refusal(e)), "error")),
  reportFile: (code) => ticket(code).then(() => { say($("#rooms-status"), ""); return download(`/api/teacher/rooms/${code}/report.html?download=1`, `armistice-${code}.html`); })
    .catch((e) => say($("#rooms-status"), STRINGS.failed(code, refusal(e)), "error")),
  delete: (code) => remove(code),
  share: (code) => share(code),
};

// A finished match's ending is worked out by the server in the background: until it is, the list asks again.
let outcomeChecks = 0;

async function list() {
  const status = $("#rooms-status");
  say(status, STRINGS.loading);
  const matches = await (await api("/api/teacher/rooms")).json();
  replace($("#rooms-body"), matches.map(row));
  say(status, matches.length ? STRINGS.count(matches.length) : STRINGS.none);
  document.body.dataset.ready = "true";
  if (matches.some((m) => m.state === "finished" && !m.outcome) && outcomeChecks++ < 20) {
    setTimeout(() => { if (secret()) list().catch(() => {}); }, 1500);
  } else {
    outcomeChecks = 0;
  }
}

async function enter() {
  me = await (await api("/api/teacher/me")).json();
  $("#whoami").textContent = STRINGS.signedInAs(me.name, me.admin);
  $("#signin").hidden = true;
  $("#rooms").hidden = false;
  $("#export").hidden = false;
  await list();
}

function init() {
  applyStrings();
  $("#signin-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const typed = $("#signin-secret").value.trim();
    if (!typed) { say($("#signin-status"), STRINGS.needSecret, "error"); return; }
    say($("#signin-status"), STRINGS.checking);
    sessionStorage.setItem(SECRET_KEY, typed);
    try {
      await enter();
      $("#signin-secret").value = "";
      say($("#signin-status"), "");
    } catch (err) {
      sessionStorage.removeItem(SECRET_KEY);
      say($("#signin-status"), refusal(err), "error");
    }
  });
  $("#signout").addEventListener("click", () => {
    sessionStorage.removeItem(SECRET_KEY);
    replace($("#rooms-body"));
    $("#rooms").hidden = true;
    $("#export").hidden = true;
    $("#signin").hidden = false;
  });
  $("#refresh").addEventListener("click", () => list().catch((e) => say($("#rooms-status"), refusal(e), "error")));
  $("#export-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = $("#export-name").value.trim();
    const status = $("#export-status");
    if (!name) { say(status, STRINGS.exportNeedName, "error"); return; }
    try {
      const data = await (await api(`/api/teacher/students?name=${encodeURIComponent(name)}`)).json();
      save(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), `armistice-student-${name.replace(/[^A-Za-z0-9_-]+/g, "_")}.json`);
      say(status, STRINGS.exported(name, data.matches.length), "ok");
    } catch (err) {
      say(status, refusal(err), "error");
    }
  });
  if (secret()) enter().catch(() => { sessionStorage.removeItem(SECRET_KEY); });
}

init();
