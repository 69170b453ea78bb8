// The board at one step, from the engine's view for the chosen viewpoint (GameView).
import { el, safeColour } from './dom.js';

export function renderBoard(container, view, data) {
  container.replaceChildren();
  if (!view) {
    container.append(el('p', { class: 'note' }, 'This replay file has no views (it was written with --no-views): only the charts, timeline and chat are shown.'));
    return;
  }
  container.append(el('p', { class: 'phase' }, `Turn ${view.turn} of ${view.turns} · ${view.date} · ${view.phase}`));

  const tracks = el('table', { class: 'tracks' });
  for (const t of view.tracks) {
    const span = t.max > t.min ? t.max - t.min : 1;
    const bar = el('span', { class: 'fill' });
    bar.style.width = `${Math.max(0, Math.min(100, ((t.value - t.min) * 100) / span))}%`;
    tracks.append(el('tr', { title: t.description || '' },
      el('th', {}, t.name),
      el('td', { class: 'num' }, t.value),
      el('td', { class: 'meter' }, el('span', { class: 'gauge' }, bar)),
      el('td', { class: 'level' }, t.level || '', t.hiddenFrom ? ` (hidden from ${t.hiddenFrom.map((x) => data.teamName(x)).join(', ')})` : '')));
  }
  container.append(el('h3', {}, 'Tracks'), tracks);

  if (view.flags.length || view.projects.length) {
    const list = el('ul', { class: 'flags' });
    for (const f of view.flags) list.append(el('li', { class: f.value ? 'on' : 'off' }, `${f.value ? '■' : '□'} ${f.name}`));
    for (const p of view.projects) list.append(el('li', {}, `${p.name}: ${p.status} (${p.index + 1} of ${p.statuses.length})`));
    container.append(el('h3', {}, 'Flags and projects'), list);
  }

  const teams = el('ul', { class: 'teams' });
  for (const t of view.teams) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = safeColour(t.colour);
    const parts = [swatch, el('strong', {}, t.name)];
    if (t.locked) parts.push(el('span', { class: 'tag' }, 'locked'));
    if (t.budget !== undefined && t.budget !== null) {
      const spent = view.spent && view.spent[t.id];
      parts.push(` budget ${t.budget}${spent !== undefined ? `, drafted ${spent}` : ''}`);
    }
    const draft = view.orders && view.orders[t.id];
    if (draft && (draft.orders.length || Object.keys(draft.consents || {}).length)) {
      const names = draft.orders.map((o) => actionName(view, o.action));
      const consents = Object.entries(draft.consents || {}).map(([a, d]) => `${d} ${actionName(view, a)}`);
      parts.push(el('div', { class: 'draft' }, `orders: ${names.join(', ') || 'none'}${consents.length ? `; consents: ${consents.join(', ')}` : ''}`));
    }
    teams.append(el('li', {}, ...parts));
  }
  container.append(el('h3', {}, 'Teams'), teams);

  if (view.deals.length) {
    const deals = el('ul', { class: 'deals' });
    for (const d of view.deals) {
      deals.append(el('li', {}, `#${d.id} (turn ${d.turn}) by ${data.teamName(d.proposer)}: ${d.status}; parties ${d.parties.map((p) => data.teamName(p)).join(', ')}${d.note ? ` — “${d.note}”` : ''}`));
    }
    container.append(el('h3', {}, 'Deals'), deals);
  }

  if (view.outcome) {
    const o = view.outcome;
    container.append(el('h3', {}, 'Outcome'), el('p', { class: 'outcome' }, el('strong', {}, o.name), ` — ${o.reason}`),
      el('p', {}, view.teams.map((t) => `${t.name} ${o.scores[t.id] ?? 0}`).join(' · ')));
  }
  if (view.objectives && view.objectives.length) {
    const list = el('ul', { class: 'objectives' });
    for (const o of view.objectives) {
      const mark = o.met === true ? '✓' : o.met === false ? '✗' : '·';
      list.append(el('li', { class: o.met === true ? 'met' : o.met === false ? 'unmet' : '' }, `${mark} ${o.team === 'all' ? 'all' : data.teamName(o.team)}: ${o.text} (${o.points})`));
    }
    container.append(el('h3', {}, 'Objectives'), list);
  }
}

function actionName(view, id) {
  const a = (view.actions || []).find((x) => x.id === id);
  return a ? a.name : id;
}
