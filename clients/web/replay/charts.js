// Line charts of the tracks over the turns, as inline SVG built with DOM calls (no inline scripts or styles).
import { el, svg } from './dom.js';
import { t } from '../js/i18n.js';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

export function renderCharts(container, series, lastTurn) {
  container.replaceChildren();
  series.forEach((s, k) => container.append(chart(s, PALETTE[k % PALETTE.length], lastTurn)));
}

function chart(s, colour, lastTurn) {
  const W = 360, H = 170, L = 36, R = 10, T = 10, B = 28;
  const w = W - L - R, h = H - T - B;
  const values = s.points.map((p) => p[1]);
  const lo = Math.min(s.min, ...values), hi = Math.max(s.max, ...values);
  const span = hi > lo ? hi - lo : 1;
  const turns = Math.max(1, lastTurn);
  const x = (turn) => L + (w * turn) / turns;
  const y = (v) => T + h - (h * (v - lo)) / span;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': s.name });
  root.append(svg('rect', { x: L, y: T, width: w, height: h, fill: '#f8f9fb', stroke: '#c9ced6' }));
  for (const v of [lo, (lo + hi) / 2, hi]) {
    root.append(svg('line', { x1: L, x2: L + w, y1: y(v), y2: y(v), stroke: '#dde1e7' }));
    root.append(svg('text', { x: L - 4, y: y(v) + 4, 'font-size': 10, 'text-anchor': 'end', fill: '#555' }, Math.round(v * 10) / 10));
  }
  const every = Math.max(1, Math.ceil(turns / 10));
  for (let turn = 0; turn <= turns; turn += every) {
    root.append(svg('text', { x: x(turn), y: T + h + 14, 'font-size': 10, 'text-anchor': 'middle', fill: '#555' }, turn));
  }
  if (s.points.length) {
    root.append(svg('polyline', { points: s.points.map(([turn, v]) => `${x(turn)},${y(v)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 3, 'stroke-linejoin': 'round' }));
    for (const [turn, v] of s.points) root.append(svg('circle', { cx: x(turn), cy: y(v), r: 3.5, fill: colour }, svg('title', {}, t('replay.chart_point', { turn, value: v }))));
  }
  return el('figure', { class: 'track' }, el('figcaption', {}, el('strong', {}, s.name), ` ${s.min}–${s.max}`), root);
}
