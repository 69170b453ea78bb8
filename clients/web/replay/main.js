// The replay viewer: open a replay file (File API) or fetch one, then scrub through the match step by step,
// from any viewpoint, with the board, this turn's records, the chat and the track charts.
import { ReplayData } from './data.js';
import { renderBoard } from './board.js';
import { renderCharts } from './charts.js';
import { el } from './dom.js';
import { renderDebrief } from './debrief.js';
import { t, has, num, startPage, onLanguage } from '../js/i18n.js';

const $ = (id) => document.getElementById(id);
const state = { data: null, step: 0, viewpoint: 'instructor', timer: null, loaded: null };

function status(text, bad = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('bad', bad);
}

/** What the status line calls a replay fetched from `url`: never the URL itself, which may carry a view ticket
 * (`?ticket=…`, a credential): the room's code when the server's path names it (or the file names it), else the
 * file's name. */
function sourceName(url, room = '') {
  let path = url.split(/[?#]/)[0];
  try { path = new URL(url, location.href).pathname; } catch { /* keep the part before the query */ }
  const code = room || (path.match(/\/rooms\/([^/]+)\//) || [])[1];
  return code ? t('replay.room', { room: decodeURIComponent(code) }) : decodeURIComponent(path.split('/').pop() || path);
}

/** Loads a replay: `source` is {file: name} or {url}. */
export function load(text, source) {
  let data;
  const name = source.url ? sourceName(source.url) : source.file;
  try { data = ReplayData.parse(text); } catch (e) { status(t('replay.source_error', { source: name, error: e.message }), true); return null; }
  stop();
  state.data = data;
  state.step = 0;
  state.viewpoint = data.viewpoints.includes('instructor') ? 'instructor' : data.viewpoints[0];
  state.loaded = source;
  describe();
  $('scrub').max = String(data.steps.length - 1);
  $('viewer').hidden = false;
  render();
  renderDebrief($('debrief'), data.report, state.viewpoint, (i) => { stop(); go(i); });
  return data;
}

/** The viewpoint list, the title and the status line: the file's words, in the interface's language. */
function describe() {
  const { data, loaded } = state;
  const select = $('viewpoint');
  select.replaceChildren(...data.viewpoints.map((v) => el('option', { value: v }, data.teamName(v))));
  select.value = state.viewpoint;
  const m = data.report.match;
  $('title').textContent = [m.title, m.room ? t('replay.room', { room: m.room }) : '', t('replay.seed', { seed: String(m.seed) })].filter(Boolean).join(' · ');
  const verified = m.verified ? t('replay.verified') : t('replay.not_verified', { issue: (m.issues.find((i) => !['missing_newline', 'unknown_kind', 'torn_tail'].includes(i.code)) || {}).message || '' });
  const source = loaded.url ? sourceName(loaded.url, m.room) : loaded.file;
  status(t('replay.loaded', { source, steps: data.steps.length, turns: m.turnsPlayed, verified }), !m.verified);
}

function render() {
  const { data, step, viewpoint } = state;
  if (!data) return;
  const s = data.steps[step];
  $('scrub').value = String(step);
  // Counted from 1, like the loaded line's number of steps ("step 1 of 33"); the URL's step= stays the index.
  $('where').textContent = t('replay.where', { step: step + 1, last: data.steps.length, turn: s.turn, phase: phaseWord(s.phase), line: String(s.line), seq: String(s.seq) });
  // The scrubber says the step it is on from the start, not the one before it was moved.
  $('scrub').setAttribute('aria-valuetext', $('where').textContent);
  // Who gave the input is the file's word, already in its language (a seat's name, or the clock, the server, the
  // instructor in the report's catalog): the viewer adds none of its own.
  $('step-text').textContent = s.seenBy.includes(viewpoint) ? (s.who ? `${s.who}: ${s.text}` : s.text) : t('replay.another_team');
  renderBoard($('board'), data.view(step, viewpoint), data);
  // This turn's records, and the instructor's seat and door changes in their place among them (each after the step
  // it follows), named as the report names them: "instructor removes Bob (s5) from the room", by who did it.
  const changes = data.turnSeatChanges(step).map((c) => ({ step: c.step, kind: 'seat', change: c.kind, text: c.who ? `${c.who}: ${c.text}` : c.text }));
  const records = [...data.turnRecords(step, viewpoint), ...changes].sort((a, b) => (a.step - b.step) || ((a.kind === 'seat') - (b.kind === 'seat')));
  $('records').replaceChildren(...records.map((r) => el('li', { class: `rec ${r.kind}${r.step === step ? ' new' : ''}`, 'data-change': r.change },
    el('span', { class: 'kind' }, r.kind === 'seat' ? seatWord(r.change) : kindWord(r.kind)), ' ', r.kind === 'seat' ? r.text : unlabelled(r))));
  if (!records.length) $('records').append(el('li', { class: 'note' }, t('replay.nothing_yet')));
  const chat = data.chatUpTo(step, viewpoint).slice(-40);
  $('chat').replaceChildren(...chat.map((m) => el('li', {}, el('span', { class: 'channel' }, m.channelName), ' ', el('strong', {}, m.name), `: ${m.text}`)));
  if (!chat.length) $('chat').append(el('li', { class: 'note' }, t('replay.no_chat')));
  renderCharts($('charts'), data.series(step, viewpoint), Math.max(1, data.report.match.turnsPlayed));
}

/** A phase or a record's kind in words, when the catalog has it; else as the file says. */
function phaseWord(p) { const k = `phase.${p}`; const w = t(k); return w === k ? p : w; }
function kindWord(kind) { const k = `replay.kind.${kind}`; return has(k) ? t(k) : kind; }
/** A seat, door or clock change's kind in the page's language ("내보냄", "입장 닫힘", "시계 멈춤": the instructor's pause is the
 * clock's, not a seat's, outside tester qa8 C8); an unknown kind, "자리". */
function seatWord(kind) { const k = `replay.kind.seat_${kind}`; return has(k) ? t(k) : t('replay.kind.seat'); }
/** A record's sentence without the label it starts with (news, intel, events, the outcome: "뉴스: …", as the report
 * writes them) when that label is its kind's, in the words the kind's chip before it already says. */
function unlabelled(r) {
  const k = `record.kind.${r.kind}`;
  const label = has(k) ? `${t(k)}: ` : '';
  return label && r.text.startsWith(label) ? r.text.slice(label.length) : r.text;
}

function go(step) {
  if (!state.data) return;
  state.step = Math.max(0, Math.min(state.data.steps.length - 1, step));
  render();
}

function stop() {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  $('play').textContent = t('replay.play');
}

function play() {
  if (!state.data) return;
  if (state.timer) { stop(); return; }
  if (state.step >= state.data.steps.length - 1) state.step = 0;
  $('play').textContent = t('replay.pause');
  state.timer = setInterval(() => {
    if (state.step >= state.data.steps.length - 1) { stop(); return; }
    go(state.step + 1);
  }, Number($('speed').value));
}

/** Opens a local file (the chooser's or one dropped on the page). */
async function openFile(file) {
  if (!file) return;
  try { load(await file.text(), { file: file.name }); } catch (e) { status(t('replay.source_error', { source: file.name, error: e.message }), true); }
}

async function fetchReplay(url, key, keyFetch = null) {
  const name = sourceName(url);
  status(t('replay.fetching', { url: name }));
  try {
    const response = await (keyFetch ? keyFetch(url, key, { credentials: 'same-origin' }) : fetch(url, { headers: key ? { Authorization: `Bearer ${key}` } : {}, credentials: 'same-origin' }));
    if (!response.ok) { status(t('replay.http', { url: name, status: String(response.status) }), true); return; }
    load(await response.text(), { url });
  } catch (e) {
    status(t('replay.source_error', { source: name, error: e.message }), true);
  }
}

function init() {
  startPage();
  $('play').textContent = t('replay.play');
  onLanguage(() => {
    $('play').textContent = state.timer ? t('replay.pause') : t('replay.play');
    if (!state.data) return;
    describe();
    render();
    renderDebrief($('debrief'), state.data.report, state.viewpoint, (i) => { stop(); go(i); });
  });
  $('file').addEventListener('change', (e) => openFile(e.target.files[0]));
  // A file dropped anywhere on the page opens as the chooser's does (a replay file downloaded from the archive, opened
  // with no server: the viewer reads it in the page, sending it nowhere).
  document.addEventListener('dragover', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { e.preventDefault(); document.body.classList.add('dropping'); } });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) document.body.classList.remove('dropping'); });
  document.addEventListener('drop', (e) => {
    document.body.classList.remove('dropping');
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });
  $('open').addEventListener('submit', (e) => {
    e.preventDefault();
    const url = $('url').value.trim();
    if (url) fetchReplay(url, $('key').value);
  });
  $('scrub').addEventListener('input', (e) => { stop(); go(Number(e.target.value)); });
  $('prev').addEventListener('click', () => { stop(); go(state.step - 1); });
  $('next').addEventListener('click', () => { stop(); go(state.step + 1); });
  $('play').addEventListener('click', play);
  $('speed').addEventListener('change', () => { if (state.timer) { stop(); play(); } });
  $('viewpoint').addEventListener('change', (e) => {
    state.viewpoint = e.target.value;
    render();
    renderDebrief($('debrief'), state.data.report, state.viewpoint, (i) => { stop(); go(i); });
  });
  document.addEventListener('keydown', (e) => {
    if (!state.data || e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
    if (e.key === 'ArrowRight') go(state.step + 1);
    else if (e.key === 'ArrowLeft') go(state.step - 1);
    else if (e.key === ' ') { e.preventDefault(); play(); }
  });
  // replay.html?src=URL[&step=N|&seq=N][&as=VIEWPOINT] opens a replay from this server; seq=N (the after-action
  // report's links) shows the match after the last input with seq ≤ N.
  const params = new URLSearchParams(location.search);
  const src = params.get('src');
  if (src) {
    // A match served from the teachers' archive: with this tab's sign-in (js/teacher.js: its session, signed in again
    // with the kept secret if the server no longer knows it), loaded only then: the viewer served on its own needs no more.
    const archived = src.startsWith('/api/teacher/') && !src.includes('ticket=');
    (archived ? import('../js/teacher.js') : Promise.resolve(null)).then((teacher) => fetchReplay(src, teacher?.secret() || '', teacher?.keyFetch)).then(() => {
      if (params.get('as') && state.data && state.data.viewpoints.includes(params.get('as'))) {
        state.viewpoint = params.get('as');
        $('viewpoint').value = state.viewpoint;
        renderDebrief($('debrief'), state.data.report, state.viewpoint, (i) => { stop(); go(i); });
      }
      if (params.get('step')) go(Number(params.get('step')));
      else if (params.get('seq') && state.data) {
        const seq = Number(params.get('seq'));
        go(state.data.steps.reduce((at, s, i) => (s.seq <= seq ? i : at), 0));
      }
      document.body.dataset.ready = 'true';
    });
  }
}

init();
