// What a scenario event will do, for the instructor before firing it: its effects, when it would fire by itself,
// and its news, from the instructor's view of `events` (docs/protocol.md).

import { el, replace } from "./dom.js";

// Every string a person reads here, in one place (the catalog helper folds them in later).
const TEXT = {
  effects: "Firing it now:",
  noEffects: "changes no track, flag or project",
  condition: (c) => `By itself it fires only when ${c}; firing it by hand does not check that.`,
  news: (n) => `News to every team: “${n}”`,
  noNews: "It publishes no news: students see its name in their results.",
  fired: (n) => (n === 1 ? "Fired once already." : `Fired ${n} times already.`),
};

/** Fills `container` with the preview of the event whose id is `id` (empty when there is none). */
export function renderEventPreview(game, container, id) {
  const ev = (game.view?.events || []).find((e) => e.id === id);
  if (!ev) { replace(container); return; }
  const effects = ev.effects || [];
  replace(container,
    el("p", { class: "event-preview-head", text: TEXT.effects }),
    effects.length ? el("ul", { class: "event-effects" }, effects.map((e) => el("li", { text: e }))) : el("p", { text: TEXT.noEffects }),
    ev.condition ? el("p", { class: "hint", text: TEXT.condition(ev.condition) }) : null,
    el("p", { class: "hint", text: ev.news ? TEXT.news(ev.news) : TEXT.noNews }),
    ev.fired ? el("p", { class: "hint", text: TEXT.fired(ev.fired) }) : null);
}
