// The scenario's map (view.map, docs/protocol.md): the outline its author drew, and each place showing the state of
// its track, flag or project in the scenario's words, with what changed over the last turn that had results. Drawn
// as inline SVG from the view alone (no tiles, nothing fetched); a list beside it says the same in words.

import { el, replace } from "./dom.js";
import { resultTurns, turnSummary } from "./summary.js";
import { t, lang } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** What a place is bound to, in the view: {kind, item} or null (a landmark, or nothing this viewer may see). */
function boundItem(game, place) {
  const v = game.view || {};
  const s = place.shows;
  if (!s) return null;
  const list = s.kind === "track" ? v.tracks : s.kind === "flag" ? v.flags : v.projects;
  const item = (list || []).find((x) => x.id === s.id);
  return item ? { kind: s.kind, item } : null;
}

/** The scenario's words for a value of a place (the current one when `value` is undefined). */
export function placeWords(game, place, value) {
  const bound = boundItem(game, place);
  if (!bound) return "";
  const states = place.states || [];
  const { kind, item } = bound;
  if (kind === "track") {
    const v = value ?? item.value;
    const best = states.map((s) => ({ at: Number(s.value), text: s.text })).filter((s) => s.at <= v).sort((a, b) => b.at - a.at)[0];
    if (best) return best.text;
    return value === undefined && item.level ? item.level : `${v} / ${item.max}`;
  }
  if (kind === "flag") {
    const v = value === undefined ? item.value : Boolean(value);
    return states.find((s) => s.value === String(v))?.text || (v ? t("common.yes") : t("common.no"));
  }
  const index = value ?? item.index;
  const status = (item.statuses || [])[index] ?? item.status;
  return states.find((s) => s.value === status)?.text || String(status).replace(/_/g, " ");
}

/** How far along its range a place is (0..1), for its colour. */
function placeLevel(game, place) {
  const bound = boundItem(game, place);
  if (!bound) return null;
  const { kind, item } = bound;
  if (kind === "track") return item.max > item.min ? (item.value - item.min) / (item.max - item.min) : 0;
  if (kind === "flag") return item.value ? 1 : 0;
  const n = (item.statuses || []).length;
  return n > 1 ? item.index / (n - 1) : 0;
}

/** Each place as {place, number, words, change: {was, text}|null}, in the scenario's order. */
export function mapPlaces(game, changes) {
  const places = game.view?.map?.places || [];
  let shown = 0;   // places that show something are numbered 1, 2, … in the key; landmarks carry their name instead
  return places.map((place) => {
    const bound = boundItem(game, place);
    const words = placeWords(game, place);
    let change = null;
    const c = bound && changes?.get(place.shows.id);
    if (c && c.from !== c.to) {
      const was = placeWords(game, place, c.from);
      change = { was, text: was !== words ? t("map.was", { words: was }) : t("map.moved", { from: c.from, to: c.to }) };
    }
    return { place, number: words ? ++shown : null, words, change, level: placeLevel(game, place) };
  });
}

/** {changes, turn}: what changed over the last turn that had results, as renderMap takes it. */
export function lastTurnChanges(game) {
  const turn = resultTurns(game)[0] ?? null;
  return { turn, changes: new Map(turn ? turnSummary(game, turn, null).changes.map((c) => [c.target, c]) : []) };
}

const OFFSETS = { right: [1, 0, "start"], left: [-1, 0, "end"], above: [0, -1, "middle"], below: [0, 1, "middle"] };

/**
 * Draws view.map into `container` (hidden when the scenario has no map). `changes` maps a track, flag or project id
 * to {from, to} over the last turn that had results; `turn` is that turn.
 */
export function renderMap(game, container, { changes = null, turn = null } = {}) {
  const map = game.view?.map;
  const panel = container.closest("[data-map-panel]") || container;
  panel.hidden = !map;
  if (!map) { replace(container); return; }
  const heading = panel.querySelector("[data-map-title]");
  if (heading) heading.textContent = map.title || t("map.title");
  const key = JSON.stringify([lang(), map, game.view.tracks, game.view.flags, game.view.projects, [...(changes || new Map()).entries()]]);
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  const [bx, by, bw, bh] = map.box;
  const unit = Math.max(16, Math.max(bw, bh) / 34);   // a label's size in map units: about a thirty-fourth of the map
  const rows = mapPlaces(game, changes);
  const id = `${container.id || "map"}-svg`;
  const drawing = svg("svg", { viewBox: `${bx} ${by} ${bw} ${bh}`, class: "map-svg", role: "img", "aria-labelledby": `${id}-title ${id}-desc`, id,
    "font-size": unit.toFixed(1) },
  svg("title", { id: `${id}-title` }, map.title),
  svg("desc", { id: `${id}-desc` }, [map.description, ...rows.filter((r) => r.words).map((r) => `${r.place.name}: ${r.words}${r.change ? ` (${r.change.text})` : ""}`)].filter(Boolean).join(". ")),
  (map.shapes || []).map((s) => svg("path", { d: s.path, class: `map-shape map-${s.kind}`, "data-shape": s.id }, s.label ? svg("title", {}, s.label) : null)),
  rows.map((r) => {
    const p = r.place;
    const [dx, dy, anchor] = OFFSETS[p.label] || OFFSETS.right;
    const r0 = unit * (r.level === null ? 0.4 : 0.62);
    const lx = p.x + dx * (r0 + unit * 0.35);
    const ly = dy === 0 ? p.y + unit * 0.35 : dy > 0 ? p.y + r0 + unit : p.y - r0 - unit * 0.3;
    const tone = r.level === null ? null : Math.round(r.level * 4);
    return svg("g", { class: ["map-place", r.change ? "changed" : "", r.level === null ? "landmark" : `tone-${tone}`].filter(Boolean).join(" "), "data-place": p.id },
      svg("title", {}, `${p.name}${r.words ? `: ${r.words}` : ""}${r.change ? ` (${r.change.text})` : ""}`),
      r.change ? svg("circle", { cx: p.x, cy: p.y, r: r0 * 1.9, class: "map-ring" }) : null,
      svg("circle", { cx: p.x, cy: p.y, r: r0, class: "map-dot" }),
      // A place that shows something carries its number in the key (the list below); a landmark its name.
      r.words ? svg("text", { x: p.x, y: p.y + unit * 0.33, "text-anchor": "middle", class: "map-number" }, String(r.number))
        : svg("text", { x: lx, y: ly, "text-anchor": anchor, class: "map-label" }, p.name));
  }));
  const list = el("ul", { class: "map-list", aria: { label: t("map.list_label", { title: map.title || t("map.title") }) } },
    rows.filter((r) => r.words).map((r) => el("li", { class: r.change ? "changed" : "", data: { place: r.place.id } },
      el("span", { class: "map-key", text: String(r.number), aria: { hidden: "true" } }), " ",
      el("span", { class: "map-list-name", text: r.place.name }), " ▸ ",
      el("span", { class: "map-list-state", text: r.words }),
      r.change ? el("span", { class: "map-list-was", text: ` (${r.change.text})` }) : null)));
  replace(container, drawing, turn && rows.some((r) => r.change) ? el("p", { class: "hint map-changed-turn", text: t("map.changed_turn", { turn }) }) : null, list);
}
