// The debrief beside the replay: the report's turning points and questions (each a button that jumps to its moment)
// and the scenario's case package (learning objectives, what happened next, memo prompt, glossary). The story names
// covert orders and hidden tracks, so it is shown to the instructor's viewpoint only.
import { el } from './dom.js';

function dated(list) {
  return el('ul', { class: 'dated' }, list.map((d) => el('li', {}, el('strong', {}, d.date), ' ', d.text, ' ',
    el('span', { class: `basis ${d.basis}` }, d.basis.replace('_', ' ')))));
}

export function renderDebrief(container, report, viewpoint, go) {
  const story = report.story;
  const pack = report.casePackage;
  const parts = [];
  if (story && viewpoint === 'instructor') {
    const jump = (p) => el('button', { type: 'button', class: 'jump', 'data-step': p.step, title: `Go to step ${p.step} (seq ${p.seq})` }, `seq ${p.seq}`);
    parts.push(el('h3', {}, 'Turning points'));
    parts.push(el('ol', { class: 'points' }, story.turningPoints.map((p) => el('li', { class: `point ${p.kind}` },
      el('strong', {}, p.title), ' ', p.text, ' ', jump(p)))));
    parts.push(el('h3', {}, 'Questions for the debrief'));
    parts.push(el('ol', { class: 'questions' }, story.questions.map((q) => el('li', { class: q.source },
      q.text, ' ', q.step !== undefined && q.step !== null ? jump(q) : null))));
  } else if (story) {
    parts.push(el('p', { class: 'note' }, 'The turning points and debrief questions are shown to the instructor viewpoint.'));
  }
  if (pack) {
    const details = (title, ...body) => el('details', {}, el('summary', {}, title), ...body);
    parts.push(el('h3', {}, `Case package: ${pack.title}`));
    parts.push(details('Learning objectives', el('ol', {}, pack.learningObjectives.map((o) => el('li', {}, o)))));
    if (pack.whatHappenedNext.length) parts.push(details('What happened next (hand out after play)', dated(pack.whatHappenedNext)));
    parts.push(details('Position memo', el('p', {}, pack.memo.prompt)));
    parts.push(details('Glossary', el('dl', { class: 'glossary' }, pack.glossary.flatMap((t) => [
      el('dt', {}, t.term, t.expansion ? ` (${t.expansion})` : ''), el('dd', {}, t.meaning)]))));
  }
  container.replaceChildren(...parts);
  container.hidden = parts.length === 0;
  for (const b of container.querySelectorAll('button.jump')) b.addEventListener('click', () => go(Number(b.dataset.step)));
}
