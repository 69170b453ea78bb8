// The debrief beside the replay: the report's turning points and questions (each a button that jumps to its moment)
// and the scenario's case package (learning objectives, what happened next, memo prompt, glossary). The story names
// covert orders and hidden tracks, so it is shown to the instructor's viewpoint only.
import { el } from './dom.js';
import { t } from '../js/i18n.js';

function basisWord(b) { const w = t(`replay.basis.${b}`); return w.startsWith('replay.basis.') ? b.replace('_', ' ') : w; }

function dated(list) {
  return el('ul', { class: 'dated' }, list.map((d) => el('li', {}, el('strong', {}, d.date), ' ', d.text, ' ',
    el('span', { class: `basis ${d.basis}` }, basisWord(d.basis)))));
}

export function renderDebrief(container, report, viewpoint, go) {
  const story = report.story;
  const pack = report.casePackage;
  const parts = [];
  if (story && viewpoint === 'instructor') {
    const jump = (p) => el('button', { type: 'button', class: 'jump', 'data-step': p.step, title: t('replay.go_to_step', { step: p.step, seq: String(p.seq) }) }, t('replay.seq', { seq: String(p.seq) }));
    parts.push(el('h3', {}, t('replay.turning_points')));
    parts.push(el('ol', { class: 'points' }, story.turningPoints.map((p) => el('li', { class: `point ${p.kind}` },
      el('strong', {}, p.title), ' ', p.text, ' ', jump(p)))));
    parts.push(el('h3', {}, t('replay.questions')));
    parts.push(el('ol', { class: 'questions' }, story.questions.map((q) => el('li', { class: q.source },
      q.text, ' ', q.step !== undefined && q.step !== null ? jump(q) : null))));
  } else if (story) {
    parts.push(el('p', { class: 'note' }, t('replay.instructor_only')));
  }
  if (pack) {
    const details = (title, ...body) => el('details', {}, el('summary', {}, title), ...body);
    parts.push(el('h3', {}, t('replay.case_package', { title: pack.title })));
    parts.push(details(t('replay.learning_objectives'), el('ol', {}, pack.learningObjectives.map((o) => el('li', {}, o)))));
    if (pack.whatHappenedNext.length) parts.push(details(t('replay.what_next'), dated(pack.whatHappenedNext)));
    parts.push(details(t('replay.memo'), el('p', {}, pack.memo.prompt)));
    parts.push(details(t('replay.glossary'), el('dl', { class: 'glossary' }, pack.glossary.flatMap((g) => [
      el('dt', {}, g.term, g.expansion ? ` (${g.expansion})` : ''), el('dd', {}, g.meaning)]))));
  }
  container.replaceChildren(...parts);
  container.hidden = parts.length === 0;
  for (const b of container.querySelectorAll('button.jump')) b.addEventListener('click', () => go(Number(b.dataset.step)));
}
