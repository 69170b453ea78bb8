// What a scenario event will do, for the instructor before firing it: its effects, when it would fire by itself,
// and its news, from the instructor's view of `events` (docs/protocol.md).

import { el, replace } from "./dom.js";
import { t } from "./i18n.js";

/** Fills `container` with the preview of the event whose id is `id` (empty when there is none). */
export function renderEventPreview(game, container, id) {
  const ev = (game.view?.events || []).find((e) => e.id === id);
  if (!ev) { replace(container); return; }
  const effects = ev.effects || [];
  replace(container,
    el("p", { class: "event-preview-head", text: t("console.event_preview_effects") }),
    effects.length ? el("ul", { class: "event-effects" }, effects.map((e) => el("li", { text: e }))) : el("p", { text: t("console.event_preview_no_effects") }),
    ev.condition ? el("p", { class: "hint", text: t("console.event_preview_condition", { condition: ev.condition }) }) : null,
    el("p", { class: "hint", text: ev.news ? t("console.event_preview_news", { news: ev.news }) : t("console.event_preview_no_news") }),
    // Fired already: the server fires it again on request (by design), and its effects apply again: said plainly.
    ev.fired ? el("p", { class: "event-refire warn", text: t("console.event_preview_fired", { count: ev.fired }) }) : null);
}
