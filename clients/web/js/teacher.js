// The archive's HTTP API as a page in this tab may call it (docs/protocol.md, "Instructor accounts and the archive"):
// the teacher's secret, or the instructor key the console already holds, is kept in this tab's sessionStorage and
// sent as Authorization: Bearer, never in a URL. Shared by the archive page and the console's links to a finished
// match's report and replay.

import { t, errorText, lang } from "./i18n.js";
import { instructorKey } from "./seats.js";

const SECRET_KEY = "armistice.teacher.secret";

/** The secret this tab signed in with; else the instructor key this tab's console used (the same tab: no new ask). */
export function secret() {
  try { return sessionStorage.getItem(SECRET_KEY) || instructorKey() || ""; } catch { return ""; }
}

export function rememberSecret(value) {
  try { sessionStorage.setItem(SECRET_KEY, value); } catch { /* private mode */ }
}

/** Signing out forgets both: the archive's secret and the console's key in this tab. */
export function forgetSecret() {
  try { sessionStorage.removeItem(SECRET_KEY); sessionStorage.removeItem("armistice.instructorKey"); } catch { /* private mode */ }
}

/** Calls the archive API with the secret; throws an Error with `status` and `code` on a refusal. */
export async function api(path, options = {}) {
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

/** A refusal of the archive API in words. */
export function refusal(e) {
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

/** Opens a finished match's report or replay (`which`) in a new tab with a view ticket; says how it went in `status`. */
export async function openMatch(code, which, status, say) {
  say(status, t("archive.opening"));
  // Opened now, while the click still counts (a pop-up blocker would stop a window opened after the wait). Not
  // "noopener": the new tab keeps a copy of this tab's sessionStorage, so the report's links to the viewer work.
  const tab = window.open("", "_blank");
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
