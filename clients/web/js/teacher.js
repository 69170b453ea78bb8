// The archive's HTTP API as a page in this tab may call it (docs/protocol.md, "Instructor accounts and the archive"),
// and signing in: the teacher's secret or the instructor key, typed once, is traded for a sign-in session
// (POST /api/teacher/session), and the session is sent afterwards as Authorization: Bearer, never in a URL. A key can
// be refused because others at the same address sent wrong keys; a session never is. Both are kept in this tab's
// sessionStorage (seats.js); a session the server no longer knows (session_expired: 12 hours, a restart, a new
// secret) is traded again with the kept secret. Shared by the archive page, the console, the front page's instructor
// forms and the replay viewer.

import { t, errorText, lang } from "./i18n.js";
import { ServerError } from "./connection.js";
import { instructorKey, keptInstructorKey, rememberInstructorKey, rememberSession, forgetSession, forgetInstructorKey, isSession } from "./seats.js";

/** What this tab sends to the archive: its sign-in session, else the secret or key it signed in with. */
export function secret() {
  return instructorKey();
}

/** Signing out forgets the secret and the session in this tab (the console's too), and ends the session on the server. */
export function forgetSecret() {
  const held = instructorKey();
  if (isSession(held)) fetch("/api/teacher/session", { method: "DELETE", headers: { Authorization: `Bearer ${held}` } }).catch(() => {});
  forgetInstructorKey();
}

/** A refusal of a key check as a ServerError with the HTTP `status`, said in the page's words when the browser has
 * better ones than the server's English. */
function refused(status, body) {
  const own = { rate_limited: "archive.too_many", session_expired: "archive.session_expired" }[body.code];
  const e = new ServerError({ code: body.code || `http_${status}`, message: own ? t(own) : body.message || t("common.http_status", { status }) });
  e.status = status;
  return e;
}

/** POST /api/teacher/session with a key: {response, answer} (answer only when a session came, then kept with its key). */
async function exchange(key) {
  const response = await fetch("/api/teacher/session", { method: "POST", cache: "no-store", headers: { Authorization: `Bearer ${key}`, accept: "application/json" } });
  const answer = response.ok ? await response.clone().json().catch(() => null) : null;
  if (!answer || !isSession(answer.session)) return { response };
  rememberInstructorKey(key);
  rememberSession(answer.session, answer.expires);
  return { response, answer };
}

/** Trades a key or a teacher's secret for a sign-in session, kept in this tab with the key (checked as any key is: a
 * wrong one counts against the address). Returns {session, expires, id, name, admin}; throws a ServerError with
 * `status` when the key is refused. */
export async function signIn(key) {
  const { response, answer } = await exchange(key);
  if (!answer) throw refused(response.status, await response.json().catch(() => ({})));
  return answer;
}

/** fetch(path, options) with `key` as Authorization: Bearer. A key or secret as typed is first traded for a session
 * (a refusal of it is the answer); a session the server no longer knows (session_expired) is traded again with the
 * secret this tab kept, once. Returns the Response. */
export async function keyFetch(path, key, options = {}, again = true) {
  let token = key;
  if (key && !isSession(key)) {
    const { response, answer } = await exchange(key);
    if (!answer) return response;
    token = answer.session;
  }
  const response = await fetch(path, { ...options, cache: "no-store",
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(options.headers || {}) } });
  if (!again || response.status !== 403 || !isSession(token) || !keptInstructorKey()) return response;
  if ((await response.clone().json().catch(() => ({}))).code !== "session_expired") return response;
  forgetSession();
  return keyFetch(path, keptInstructorKey(), options, false);
}

/** Takes an instructor's seat with `key` as the page holds it: `send(k)` sends create_room, or join as instructor,
 * with `k` as its key. A key or secret as typed is first traded for a session, which is what the WebSocket gets; a
 * session the server no longer knows is traded again with the kept secret, once. */
export async function withInstructorKey(key, send) {
  const token = key && !isSession(key) ? (await signIn(key)).session : key;
  try {
    return await send(token);
  } catch (e) {
    if (e?.code !== "session_expired" || !isSession(token) || !keptInstructorKey()) throw e;
    forgetSession();
    return send((await signIn(keptInstructorKey())).session);
  }
}

/** Calls the archive API with this tab's sign-in; throws an Error with `status` and `code` on a refusal. */
export async function api(path, options = {}) {
  const response = await keyFetch(path, secret(), { ...options, headers: { accept: "application/json", ...(options.headers || {}) } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const error = new Error(body.message || `HTTP ${response.status}`);
    error.status = response.status;
    error.code = body.code;
    throw error;
  }
  return response;
}

/** A refusal of the archive API in words. */
export function refusal(e) {
  if (e.code === "session_expired") return t("archive.session_expired");
  if (e.status === 403 || e.status === 401) return t("archive.wrong_secret");
  if (e.status === 429) return t("archive.too_many");
  return e.status ? errorText(e.code, e.message) : t("archive.unreachable");
}

/** A view ticket for a finished match, once the server has made its reports in the page's language (meanwhile: 202
 * report_pending); the answer's links open them in that language. `waiting()` is called while they are being made. */
export async function ticket(code, waiting = () => {}) {
  for (let tries = 0; tries < 300; tries++) {
    const answer = await (await api(`/api/teacher/rooms/${code}/ticket?lang=${lang()}`, { method: "POST" })).json();
    if (answer.ticket) return answer;
    waiting();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(t("archive.preparing", { code }));
}

/** Words in the new tab while the server makes the report (it may take seconds on a busy machine), so that it does not
 * look like a blank page that failed (qa5 Confusing #13). Built with textContent only, in the page's language. */
function showPreparing(tab, which) {
  try {
    const doc = tab.document;
    const words = t(which === "report" ? "archive.preparing_report_tab" : "archive.preparing_replay_tab");
    doc.documentElement.lang = lang();
    doc.title = words;
    const p = doc.createElement("p");
    p.id = "preparing";
    p.textContent = words;
    p.style.font = "1.25rem system-ui, sans-serif";
    p.style.margin = "2em";
    doc.body.replaceChildren(p);
  } catch { /* not ours to write in: it stays blank until the report comes */ }
}

/** Opens a finished match's report or replay (`which`) in a new tab with a view ticket; says how it went in `status`. */
export async function openMatch(code, which, status, say) {
  say(status, t("archive.opening"));
  // Opened now, while the click still counts (a pop-up blocker would stop a window opened after the wait). Not
  // "noopener": the new tab keeps a copy of this tab's sessionStorage, so the report's links to the viewer work.
  const tab = window.open("", "_blank");
  if (tab) showPreparing(tab, which);
  try {
    const answer = await ticket(code, () => say(status, t("archive.preparing", { code })));
    const url = which === "report" ? answer.report : answer.replay;
    if (tab) tab.location.assign(url); else location.assign(url);
    say(status, "");
  } catch (e) {
    if (tab) tab.close();
    say(status, t("archive.failed", { code, message: refusal(e) }), "error");
  }
}
