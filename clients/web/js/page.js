// What every in-room page does: read the room from the URL, hold the seat with a Session, keep a Game up to date,
// show the connection state, and go back to the front page when the seat is gone.

import { Session, ServerError } from "./connection.js";
import { Game } from "./game.js";
import { normalizeCode, loadSeat } from "./seats.js";
import { showConnection, startClock, renderHeader } from "./views.js";
import { say, resay, $ } from "./dom.js";
import { t, lang, chosen, setLanguage, startPage, onLanguage, errorText } from "./i18n.js";

const LOST = ["no_seat", "bad_token", "token_expired", "wrong_code", "removed"];
// The `removed` message's reason_code, said in the page's language (a code this page does not know: lost.removed).
const REMOVED = {
  resumed_elsewhere: "lost.removed_resumed_elsewhere",
  removed_by_instructor: "lost.removed_by_instructor",
  match_deleted: "lost.removed_match_deleted",
};

/**
 * Starts a page. `render(what, detail)` is called after every change of the game.
 * `beforeStart(room)` may take a seat first (the projector joins by itself); it returns a promise.
 */
export async function bootPage(kind, render, { beforeStart = null, followRoom = false } = {}) {
  startPage();
  const params = new URLSearchParams(location.search);
  const room = normalizeCode(params.get("room"));
  const game = new Game();
  let lostKey = null;
  if (!room) { location.replace("index.html"); return null; }
  if (beforeStart && !loadSeat(room, kind)) {
    try { await beforeStart(room); } catch (e) { say($("#notice"), e.message, "error"); return null; }
  }
  // Once the match is over a lost connection is no trouble: a practice server exits with its match (qa9 C8). The
  // header says the match is over and the page is final, never "Offline — retrying" (it still retries quietly: a
  // server started again picks the page up).
  const shownState = (state) => ["offline", "reconnecting"].includes(state) && game.view?.phase === "ended" ? "ended" : state;
  const session = new Session(room, kind, {
    snapshot: (s) => {
      // The projector shows its room's language (settings.language; English when absent) unless the person at it
      // chose one on this browser. Its hello names no language then, so the server sends it the room's language too.
      const roomLanguage = s.settings?.language || "en";
      if (followRoom && !chosen() && roomLanguage !== lang()) setLanguage(roomLanguage, { remember: false });
      game.loadSnapshot(s);
      // A snapshot in a new language (after a switch) renames the scenario's teams and actions: status lines that name
      // them are said again with the new names.
      resay();
    },
    event: (m) => game.apply(m),
    status: (state, detail) => showConnection($("#connection"), shownState(state), detail),
    lost: (reason, _message, code) => {
      // The seat is gone: the header stops saying "Connected", the room's view (a team's draft, its secrets) goes at
      // once, and the front page says why in its own language (the reason's key travels in the URL, never words).
      lostKey = reason === "removed" && Object.hasOwn(REMOVED, code ?? "") ? REMOVED[code]
        : LOST.includes(reason) ? `lost.${reason}` : "lost.gone";
      showLost(lostKey);
      // A console link opened in a tab with no instructor seat for the room goes to the front page's console form,
      // open and filled with the code, not to the students' join form (qa5 Confusing #18).
      const toConsole = kind === "instructor" && ["no_seat", "bad_token", "token_expired"].includes(reason);
      if (toConsole && reason === "no_seat") { lostKey = "lost.console_no_seat"; showLost(lostKey); }
      const where = toConsole ? `index.html?console=${encodeURIComponent(room)}&lost=${encodeURIComponent(lostKey.slice("lost.".length))}`
        : `index.html?code=${encodeURIComponent(room)}&lost=${encodeURIComponent(lostKey.slice("lost.".length))}`;
      setTimeout(() => location.assign(where), reason === "removed" ? 4000 : 1500);
    },
    error: (m) => say($("#notice"), errorText(m.code, m.message), "error"),
  }, { sayLanguage: () => !followRoom || chosen(), seatId: params.get("seat") || null });
  game.onChange((what, detail) => {
    renderHeader(game, document);
    try { render(what, detail); } catch (e) { console.error(e); }
  });
  startClock(game, document);
  // For a person at the console of their own browser: armistice.session.drop() tests a reconnect.
  window.armistice = { game, session };
  // A new language: the server is told (it answers with a fresh snapshot in that language), and the page re-renders
  // its own words at once. A server that does not know set_language refuses it; nothing else changes.
  onLanguage((id, { remember }) => {
    // Following the room's language is not a choice: the connection keeps following it.
    if (remember) session.request({ type: "set_language", lang: id }).catch(() => {});
    renderHeader(game, document);
    if (lostKey) { showLost(lostKey); return; }
    showConnection($("#connection"), shownState(session.state || "connecting"));
    resay();
    if (game.view) { try { render("language"); } catch (e) { console.error(e); } }
  });
  session.start();
  return { game, session, room };
}

/** Why a page's seat is gone, by its `lost.` key: said on top, the header's connection state says the page is out of
 * the room, and the room's view is hidden (`body[data-lost]`). */
function showLost(key) {
  say($("#notice"), t(key), "error");
  const node = $("#connection");
  if (node) { node.textContent = t("connection.left"); node.dataset.state = "left"; }
  document.body.dataset.connection = "left";
  document.body.dataset.lost = key;
}

/** Re-renders while keeping the keyboard focus on the element with the same id, when it still exists. */
export function keepFocus(fn) {
  const active = document.activeElement;
  const id = active && active !== document.body ? active.id : "";
  const selection = id && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
  fn();
  if (id && document.activeElement !== active) {
    const again = document.getElementById(id);
    if (again) {
      again.focus({ preventScroll: true });
      if (selection && typeof again.setSelectionRange === "function") { try { again.setSelectionRange(...selection); } catch { /* not text */ } }
    }
  }
}

/** Runs a request, showing its error (or a success message: words, or a function giving them in the page's language,
 * said again after a switch) in a status region; refusals whose code is in `passOn` are thrown to the caller instead. A success message is marked with the
 * seq of the change it made (the ack's), so that clearing stale lines (staleStatus) keeps it through its own change. */
export async function attempt(session, statusNode, request, okMessage = "", { passOn = [] } = {}) {
  try {
    const reply = await session.request(request);
    say(statusNode, okMessage, "ok");
    if (statusNode) statusNode.dataset.seq = typeof reply?.seq === "number" ? String(reply.seq) : "";
    return reply;
  } catch (e) {
    // A refusal the caller answers itself (`passOn`, by code: a stale draft it makes again) is thrown on, unsaid.
    if (e instanceof ServerError && passOn.includes(e.code)) throw e;
    // A refusal in the server's words stays in the page's language after a switch: the catalog's text for its code.
    say(statusNode, e instanceof ServerError ? () => errorText(e.code, e.serverMessage) : e.message, "error");
    if (statusNode) delete statusNode.dataset.seq;
    return null;
  }
}

/**
 * Status lines (`selectors`) that speak of one moment of the room, `moment()` a string naming it (the turn and phase,
 * say): when a later change makes it another moment, what they said is old news and they are cleared. A line that
 * confirms the request that made the change itself stays: its ack's seq is newer than what the page had seen before
 * this change (the server may fold several changes into one update, so the ack's seq can be below the update's).
 * Returns a function to call on every change of the game (chat included); it returns true when the moment changed.
 */
export function staleStatus(session, selectors, moment) {
  let last = null;
  let seen = 0;
  return () => {
    const now = moment();
    const before = seen;
    seen = session.lastSeq;
    if (now === last) return false;
    const changed = last !== null;
    last = now;
    if (!changed) return false;
    for (const selector of selectors) {
      const node = $(selector);
      if (node && !(Number(node.dataset.seq) > before)) { say(node, ""); delete node.dataset.seq; }
    }
    return true;
  };
}
