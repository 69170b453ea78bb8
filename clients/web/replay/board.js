// The board at one step, from the engine's view for the chosen viewpoint (GameView).
import { el, safeColour } from './dom.js';
import { t as t_, list } from '../js/i18n.js';

export function renderBoard(container, view, data) {
  container.replaceChildren();
  if (!view) {
    container.append(el('p', { class: 'note' }, t_('replay.no_views')));
    return;
  }
  const phase = t_(`phase.${view.phase}`);
  container.append(el('p', { class: 'phase' }, [t_('header.turn_of', { turn: view.turn, count: view.turns }), view.date, phase.startsWith('phase.') ? view.phase : phase].join(' · ')));

  const tracks = el('table', { class: 'tracks' });
  for (const t of view.tracks) {
    const span = t.max > t.min ? t.max - t.min : 1;
    const bar = el('span', { class: 'fill' });
    bar.style.width = `${Math.max(0, Math.min(100, ((t.value - t.min) * 100) / span))}%`;
    tracks.append(el('tr', { title: t.description || '' },
      el('th', {}, t.name),
      el('td', { class: 'num' }, t.value),
      el('td', { class: 'meter' }, el('span', { class: 'gauge' }, bar)),
      el('td', { class: 'level' }, t.level || '', t.hiddenFrom ? ` (${t_('track.hidden_from', { teams: list(t.hiddenFrom.map((x) => data.teamName(x))) })})` : '')));
  }
  container.append(el('h3', {}, t_('replay.tracks')), tracks);

  if (view.flags.length || view.projects.length) {
    const items = el('ul', { class: 'flags' });
    for (const f of view.flags) items.append(el('li', { class: f.value ? 'on' : 'off' }, `${f.value ? '■' : '□'} ${f.name}`));
    for (const p of view.projects) items.append(el('li', {}, t_('replay.project', { name: p.name, status: p.status.replace(/_/g, ' '), n: p.index + 1, count: p.statuses.length })));
    container.append(el('h3', {}, t_('replay.flags_projects')), items);
  }

  const teams = el('ul', { class: 'teams' });
  for (const t of view.teams) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = safeColour(t.colour);
    const parts = [swatch, el('strong', {}, t.name)];
    if (t.locked) parts.push(el('span', { class: 'tag' }, t_('team.locked')));
    if (t.budget !== undefined && t.budget !== null) {
      const spent = view.spent && view.spent[t.id];
      parts.push(' ', t_(spent !== undefined ? 'replay.budget_drafted' : 'replay.budget', { budget: t.budget, spent }));
    }
    const draft = view.orders && view.orders[t.id];
    if (draft && (draft.orders.length || Object.keys(draft.consents || {}).length)) {
      const names = draft.orders.map((o) => actionName(view, o.action));
      const consents = Object.entries(draft.consents || {}).map(([a, d]) => t_(d === 'block' ? 'play.block_action' : 'play.approve_action', { action: actionName(view, a) }));
      parts.push(el('div', { class: 'draft' }, t_(consents.length ? 'replay.draft_consents' : 'replay.draft', { orders: list(names) || t_('console.none'), consents: list(consents) })));
    }
    teams.append(el('li', {}, ...parts));
  }
  container.append(el('h3', {}, t_('board.teams')), teams);

  if (view.deals.length) {
    const deals = el('ul', { class: 'deals' });
    for (const d of view.deals) {
      deals.append(el('li', {}, t_('replay.deal', { deal: String(d.id), turn: d.turn, team: data.teamName(d.proposer), status: dealWord(d.status), parties: list(d.parties.map((p) => data.teamName(p))) }), d.note ? ` — “${d.note}”` : ''));
    }
    container.append(el('h3', {}, t_('play.deals')), deals);
  }

  if (view.outcome) {
    const o = view.outcome;
    container.append(el('h3', {}, t_('record.kind.outcome')), el('p', { class: 'outcome' }, el('strong', {}, o.name), ` — ${o.reason}`),
      el('p', {}, view.teams.map((t) => `${t.name} ${o.scores[t.id] ?? 0}`).join(' · ')));
  }
  if (view.objectives && view.objectives.length) {
    const items = el('ul', { class: 'objectives' });
    for (const o of view.objectives) {
      const mark = o.met === true ? '✓' : o.met === false ? '✗' : '·';
      items.append(el('li', { class: o.met === true ? 'met' : o.met === false ? 'unmet' : '' }, `${mark} ${o.team === 'all' ? t_('replay.all_teams') : data.teamName(o.team)}: ${o.text} (${o.points})`));
    }
    container.append(el('h3', {}, t_('replay.objectives')), items);
  }
}

function dealWord(status) { const w = t_(`deal.status.${status}`); return w.startsWith('deal.status.') ? status : w; }

function actionName(view, id) {
  const a = (view.actions || []).find((x) => x.id === id);
  return a ? a.name : id;
}
