// The classroom projector: the public board of a room, seen as an observer. Opening board.html?room=CODE on a
// device with no seat in that room joins as an observer by itself.

import { el, replace, say, resay, $ } from "./dom.js";
import { bootPage, keepFocus } from "./page.js";
import { takeSeat, ServerError } from "./connection.js";
import { saveSeat } from "./seats.js";
import { renderTracks, renderFlagsAndProjects, renderTeamsStrip, renderRecords } from "./views.js";
import { resultTurns, turnSummary, endingDecided, outcomeTitle } from "./summary.js";
import { renderMap } from "./map.js";
import { t, list, onLanguage } from "./i18n.js";

// While the room is closed to new seats (the instructor's "Close joining"), the projector's join is refused
// (`joining_closed`): the board says so in words and asks again every few seconds, so that it joins by itself once
// joining is open again.
export const JOIN_RETRY_MS = 4000;

async function joinAsObserver(room) {
  const name = t("board.projector_name");
  // The header already shows where and with what code to join, not "Join at  with the code".
  $("#join-code").textContent = room;
  showJoinAddress();
  const waiting = () => $("#connection").textContent = t("board.waiting_for_joining");
  onLanguage(() => { if (document.body.dataset.joining === "closed") { waiting(); showJoinAddress(); resay(); } });
  for (;;) {
    try {
      const reply = await takeSeat({ type: "join", code: room, name, role: "observer" });
      saveSeat(reply.room, "observer", { token: reply.token, seat: reply.seat, role: reply.role, name });
      break;
    } catch (e) {
      if (!(e instanceof ServerError) || e.code !== "joining_closed") throw e;
      document.body.dataset.joining = "closed";
      say($("#notice"), () => t("board.joining_closed", { room }), "error");
      waiting();
      await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
    }
  }
  if (document.body.dataset.joining === "closed") { delete document.body.dataset.joining; say($("#notice"), ""); }
}

// Set once the page has booted (showJoinAddress runs before, while the projector waits to join).
let game = null;
const boot = await bootPage("observer", render, { beforeStart: joinAsObserver, followRoom: true });
game = boot?.game;

/** The address students type: `?join=HOST` if the instructor gave one, else this page's own, with a warning when
 * that is a loopback address only this computer can reach. */
function showJoinAddress() {
  const given = new URLSearchParams(location.search).get("join");
  const loopback = /^(localhost|127\.|\[::1\])/.test(location.hostname) || location.hostname === "::1";
  // While the instructor has closed joining (`set_joining`), nobody is invited to join: the line says it is closed
  // instead, above the room's code (qa5 Confusing #9).
  const closed = document.body.dataset.joining === "closed" || game?.settings.joining === "closed";
  $("#join-hint").hidden = closed;
  $("#join-closed").hidden = !closed;
  $("#join-url").textContent = given || (loopback ? t("board.server_address") : location.host);
  $("#join-warning").textContent = !given && loopback && !closed ? t("board.loopback_warning", { host: location.host }) : "";
}

/** The news column ends where the other columns (or the screen) end: when the teams take more room (a bot's badge
 * adds a line per team), fewer news items show, and the board still fits the projector without scrolling. Only whole
 * items show: one that would be cut at the bottom is left out (older news is on the students' pages and in the log).
 * Fitted again when the window changes size (a projector set to its resolution after the page opened, qa5 Wrong #2) and
 * once the fonts have loaded. */
function fitNews() {
  const feed = $("#news-feed");
  if (!feed) return;
  feed.style.removeProperty("max-height");
  const items = [...feed.querySelectorAll("li")];
  for (const item of items) item.hidden = false;
  const column = feed.closest(".board > *");
  if (!column) return;
  const bottom = (node) => node.getBoundingClientRect().bottom;
  const others = [...document.querySelectorAll(".board > *")].filter((n) => n !== column).map(bottom);
  const over = bottom(column) - Math.max(window.innerHeight - 24, ...others);
  if (over <= 0) return;
  feed.style.maxHeight = `${Math.max(120, feed.getBoundingClientRect().height - over)}px`;
  const end = bottom(feed);
  // The newest items come first: from the first one that does not end inside the feed, none shows (the first one
  // always does, cut if it must be, so the column is never empty).
  const cut = items.findIndex((item, i) => i > 0 && bottom(item) > end);
  if (cut > 0) for (const item of items.slice(cut)) item.hidden = true;
}

/** The board scaled (CSS zoom) to the largest size at which it fits the screen without scrolling: a 1366×768 or
 * 1280×800 projector shows what a 1920×1080 one does, every label as large as the screen allows (qa8 C0). Never
 * smaller than the 1920×1080 layout scaled to the screen, which fits (test_projector_fit), nor larger than 1. */
function fitBoard() {
  const body = document.body;
  const fits = (zoom) => {
    body.style.zoom = String(zoom);
    fitNews();
    const root = document.documentElement;
    return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth;
  };
  if (fits(1)) return;
  let low = Math.min(1, window.innerWidth / 1920, window.innerHeight / 1080), high = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid; else high = mid;
  }
  fits(Math.floor(low * 1000) / 1000);
}

window.addEventListener("resize", fitBoard);
document.fonts?.ready.then(fitBoard);

function render() {
  if (!game.view) return;
  keepFocus(() => {
    showJoinAddress();
    // What changed over the last turn that had results: one mark per track, flag or project.
    const last = resultTurns(game)[0];
    const changes = new Map(last ? turnSummary(game, last, null).changes.map((c) => [c.target, c]) : []);
    $("#changes-turn").textContent = last && changes.size ? t("board.changes_turn", { turn: last }) : "";
    renderTracks(game, $("#tracks"), { changes });
    renderFlagsAndProjects(game, $("#board-extra"), { changes });
    renderMap(game, $("#map"), { changes, turn: last });
    $(".board").classList.toggle("has-map", Boolean(game.view.map));
    renderTeamsStrip(game, $("#teams"));
    const waiting = game.roster.filter((r) => r.role === "player" && !r.team);
    $("#unassigned").textContent = waiting.length ? t("board.waiting", { names: list(waiting.map((r) => r.name)) }) : "";
    renderRecords(game, $("#news-feed"), ["news", "event", "outcome"], { limit: 8, empty: t("play.no_news") });
    // Once the match is over nobody is invited to join it: the outcome takes the join box's place in the header, so
    // the board keeps the height it had and still fits the projector.
    const o = game.view.outcome;
    const over = Boolean(o) || game.view.phase === "ended";
    $(".join-box").hidden = over;
    document.body.classList.toggle("match-over", over);
    $("#outcome").hidden = !o;
    if (o) {
      replace($("#outcome"), el("h2", { text: outcomeTitle(game, o) }), o.text ? el("p", { text: o.text }) : null,
        endingDecided(game) ? el("p", { class: "decided-note", text: t("outcome.results_running") }) : null,
        el("ul", { class: "scores" }, game.rankedScores(o.scores).map(([x, n]) => el("li", { text: t("outcome.score", { team: game.teamName(x), count: n }) }))));
    }
    fitBoard();
  });
}
