// What every in-room page does: read the room from the URL, hold the seat with a Session, keep a Game up to date,
// show the connection state, and go back to the front page when the seat is gone.

import { Session } from "./connection.js";
import { Game } from "./game.js";
import { normalizeCode, loadSeat } from "./seats.js";
import { showConnection, startClock, renderHeader } from "./views.js";
import { say, $ } from "./dom.js";

const LOST = {
  no_seat: "You have no seat in that room on this device: join with the code.",
  bad_token: "Your seat is no longer valid (the instructor may have removed it): join again.",
  token_expired: "That match has finished and its room is closed.",
  wrong_code: "That room does not exist any more.",
  removed: "Your seat was removed, or taken over in another window.",
};

/**
 * Starts a page. `render(what, detail)` is called after every change of the game.
 * `beforeStart(room)` may take a seat first (the projector joins by itself); it returns a promise.
 */
export async function bootPage(kind, render, { beforeStart = null } = {}) {
  const params = new URLSearchParams(location.search);
  const room = normalizeCode(params.get("room"));
  const game = new Game();
  if (!room) { location.replace("index.html"); return null; }
  if (beforeStart && !loadSeat(room, kind)) {
    try { await beforeStart(room); } catch (e) { say($("#notice"), e.message, "error"); return null; }
  }
  const session = new Session(room, kind, {
    snapshot: (s) => { game.loadSnapshot(s); },
    event: (m) => game.apply(m),
    status: (state, detail) => showConnection($("#connection"), state, detail),
    lost: (reason, message) => {
      const text = LOST[reason] || message || "Your seat is gone.";
      say($("#notice"), text, "error");
      setTimeout(() => location.assign(`index.html?code=${encodeURIComponent(room)}&message=${encodeURIComponent(text)}`), reason === "removed" ? 4000 : 1500);
    },
    error: (m) => say($("#notice"), m.message || m.code, "error"),
  });
  game.onChange((what, detail) => {
    renderHeader(game, document);
    try { render(what, detail); } catch (e) { console.error(e); }
  });
  startClock(game, document);
  // For a person at the console of their own browser: armistice.session.drop() tests a reconnect.
  window.armistice = { game, session };
  session.start();
  return { game, session, room };
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

/** Runs a request, showing its error (or a success message) in a status region. */
export async function attempt(session, statusNode, request, okMessage = "") {
  try {
    const reply = await session.request(request);
    say(statusNode, okMessage, "ok");
    return reply;
  } catch (e) {
    say(statusNode, e.message, "error");
    return null;
  }
}
