// The classroom projector: the public board of a room, seen as an observer. Opening board.html?room=CODE on a
// device with no seat in that room joins as an observer by itself.

import { el, replace, $ } from "./dom.js";
import { bootPage, keepFocus } from "./page.js";
import { takeSeat } from "./connection.js";
import { saveSeat } from "./seats.js";
import { renderTracks, renderFlagsAndProjects, renderTeamsStrip, renderRecords } from "./views.js";

async function joinAsObserver(room) {
  const reply = await takeSeat({ type: "join", code: room, name: "Projector", role: "observer" });
  saveSeat(reply.room, "observer", { token: reply.token, seat: reply.seat, role: reply.role, name: "Projector" });
}

const boot = await bootPage("observer", render, { beforeStart: joinAsObserver });
const game = boot?.game;

function render() {
  if (!game.view) return;
  keepFocus(() => {
    $("#join-url").textContent = location.host;
    renderTracks(game, $("#tracks"));
    renderFlagsAndProjects(game, $("#board-extra"));
    renderTeamsStrip(game, $("#teams"));
    const waiting = game.roster.filter((r) => r.role === "player" && !r.team);
    $("#unassigned").textContent = waiting.length ? `Waiting for a team: ${waiting.map((r) => r.name).join(", ")}` : "";
    renderRecords(game, $("#news-feed"), ["news", "event", "outcome"], { limit: 8, empty: "No news yet." });
    const o = game.view.outcome;
    $("#outcome").hidden = !o;
    if (o) {
      replace($("#outcome"), el("h2", { text: `The match is over: ${o.name}` }), el("p", { text: o.text }),
        el("ul", { class: "scores" }, Object.entries(o.scores || {}).sort((a, b) => b[1] - a[1]).map(([t, s]) => el("li", { text: `${game.teamName(t)}: ${s} points` }))));
    }
  });
}
