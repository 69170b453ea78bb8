// The classroom projector: the public board of a room, seen as an observer. Opening board.html?room=CODE on a
// device with no seat in that room joins as an observer by itself.

import { el, replace, $ } from "./dom.js";
import { bootPage, keepFocus } from "./page.js";
import { takeSeat } from "./connection.js";
import { saveSeat } from "./seats.js";
import { renderTracks, renderFlagsAndProjects, renderTeamsStrip, renderRecords } from "./views.js";
import { resultTurns, turnSummary } from "./summary.js";
import { renderMap } from "./map.js";

async function joinAsObserver(room) {
  const reply = await takeSeat({ type: "join", code: room, name: "Projector", role: "observer" });
  saveSeat(reply.room, "observer", { token: reply.token, seat: reply.seat, role: reply.role, name: "Projector" });
}

const boot = await bootPage("observer", render, { beforeStart: joinAsObserver });
const game = boot?.game;

/** The address students type: `?join=HOST` if the instructor gave one, else this page's own, with a warning when
 * that is a loopback address only this computer can reach. */
function showJoinAddress() {
  const given = new URLSearchParams(location.search).get("join");
  const loopback = /^(localhost|127\.|\[::1\])/.test(location.hostname) || location.hostname === "::1";
  $("#join-url").textContent = given || (loopback ? "the server's address" : location.host);
  $("#join-warning").textContent = !given && loopback
    ? `This screen shows the server as ${location.host}, which only this computer can reach: add &join=ADDRESS (the server's address on the classroom network) to this page's address.`
    : "";
}

/** The news column ends where the other columns (or the screen) end: when the teams take more room (a bot's badge
 * adds a line per team), fewer news items show, and the board still fits the projector without scrolling. */
function fitNews() {
  const feed = $("#news-feed");
  feed.style.removeProperty("max-height");
  const column = feed.closest(".board > *");
  if (!column) return;
  const bottom = (node) => node.getBoundingClientRect().bottom;
  const others = [...document.querySelectorAll(".board > *")].filter((n) => n !== column).map(bottom);
  const over = bottom(column) - Math.max(window.innerHeight - 24, ...others);
  if (over > 0) feed.style.maxHeight = `${Math.max(120, feed.getBoundingClientRect().height - over)}px`;
}

function render() {
  if (!game.view) return;
  keepFocus(() => {
    showJoinAddress();
    // What changed over the last turn that had results: one mark per track, flag or project.
    const last = resultTurns(game)[0];
    const changes = new Map(last ? turnSummary(game, last, null).changes.map((c) => [c.target, c]) : []);
    $("#changes-turn").textContent = last && changes.size ? `▲▼ marks: changes over turn ${last}` : "";
    renderTracks(game, $("#tracks"), { changes });
    renderFlagsAndProjects(game, $("#board-extra"), { changes });
    renderMap(game, $("#map"), { changes, turn: last });
    $(".board").classList.toggle("has-map", Boolean(game.view.map));
    renderTeamsStrip(game, $("#teams"));
    const waiting = game.roster.filter((r) => r.role === "player" && !r.team);
    $("#unassigned").textContent = waiting.length ? `Waiting for a team: ${waiting.map((r) => r.name).join(", ")}` : "";
    renderRecords(game, $("#news-feed"), ["news", "event", "outcome"], { limit: 8, empty: "No news yet." });
    fitNews();
    const o = game.view.outcome;
    $("#outcome").hidden = !o;
    if (o) {
      replace($("#outcome"), el("h2", { text: `The match is over: ${o.name}` }), el("p", { text: o.text }),
        el("ul", { class: "scores" }, Object.entries(o.scores || {}).sort((a, b) => b[1] - a[1]).map(([t, s]) => el("li", { text: `${game.teamName(t)}: ${s} points` }))));
    }
  });
}
