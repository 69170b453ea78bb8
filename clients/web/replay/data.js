// The replay data: the JSON of `armistice report --format json` (AfterActionReport, format 2; format 1 files, with
// every view written whole, still open). The browser cannot run the engine, so every view it shows was computed by
// the engine in advance.
import { t } from '../js/i18n.js';

export const SUPPORTED_FORMATS = [1, 2];

export class ReplayData {
  constructor(json) {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new Error(t('replay.not_replay'));
    if (!SUPPORTED_FORMATS.includes(json.format)) {
      throw new Error(t('replay.wrong_format', { format: String(json.format), supported: SUPPORTED_FORMATS.join(', ') }));
    }
    if (!Array.isArray(json.steps) || !json.match) throw new Error(t('replay.no_steps'));
    this.report = json;
    this.steps = json.steps;
    this.views = json.views || null;
    // Format 2: each view is a map from its field to an index in viewParts[field] (a list field: one index per
    // element), rebuilt here once per view (docs/replay.md, "The JSON").
    this.viewParts = json.viewParts || null;
    this.built = new Map();
    this.viewpoints = json.viewpoints || ['instructor'];
    this.teams = json.teams || [];
    this.chat = json.chat || [];
    // The instructor's seat and door changes (a seat removed or moved, a bot put on a team or taken off, joining
    // closed or opened, a seat joining mid-match), each after the step it follows; absent in older files.
    this.seatChanges = Array.isArray(json.seatChanges) ? json.seatChanges : [];
  }

  /** Parses text: a replay JSON, or explains what to do with a raw match log. */
  static parse(text) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{"by"') || trimmed.startsWith('{"kind"') || /^\{[^\n]*"kind":"match"/.test(trimmed.split('\n', 1)[0])) {
      if (trimmed.includes('\n{')) {
        throw new Error(t('replay.is_log', { command: 'armistice report LOG --format json --out FILE' }));
      }
    }
    let json;
    try { json = JSON.parse(text); } catch (e) { throw new Error(t('replay.not_json', { error: e.message })); }
    return new ReplayData(json);
  }

  teamName(id) {
    const team = this.teams.find((x) => x.id === id);
    if (team) return team.name;
    if (id === 'instructor') return t('replay.viewpoint_instructor');
    if (id === 'observer') return t('replay.viewpoint_observer');
    return id;
  }

  /** The engine's view after step i for a viewpoint, or null when the file has no views. */
  view(i, viewpoint) {
    if (!this.views) return null;
    const k = this.steps[i].views && this.steps[i].views[viewpoint];
    if (k === undefined) return null;
    if (!this.viewParts) return this.views[k];
    if (!this.built.has(k)) {
      const view = {};
      for (const [field, at] of Object.entries(this.views[k])) {
        const table = this.viewParts[field] || [];
        view[field] = Array.isArray(at) ? at.map((i) => table[i]) : table[at];
      }
      this.built.set(k, view);
    }
    return this.built.get(k);
  }

  /** The records a viewpoint saw from the start of step i's turn through step i. */
  turnRecords(i, viewpoint) {
    const turn = this.steps[i].turn;
    const out = [];
    for (let k = 0; k <= i; k++) {
      const s = this.steps[k];
      if (s.turn !== turn) continue;
      for (const r of s.records) {
        if (r.kind !== 'phase' && r.kind !== 'locked' && r.seenBy.includes(viewpoint)) out.push({ step: k, ...r });
      }
    }
    return out;
  }

  /** The seat and door changes from the start of step i's turn through step i. Every viewpoint saw them (the roster
   * showed them), so none is filtered. */
  turnSeatChanges(i) {
    const turn = this.steps[i].turn;
    return this.seatChanges.filter((c) => c.step <= i && (this.steps[Math.min(c.step, this.steps.length - 1)] || {}).turn === turn);
  }

  /** Chat a viewpoint could read, written up to step i. */
  chatUpTo(i, viewpoint) {
    return this.chat.filter((m) => m.step <= i && m.seenBy.includes(viewpoint));
  }

  /** For the charts: per turn, the step that ends it (0 for the start). */
  turnEnds() {
    const ends = new Map();
    this.steps.forEach((s, i) => ends.set(s.turn, i));
    return [...ends.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** Track series as a viewpoint saw them at the end of every turn up to step i: [{id, name, min, max, points:[[turn, value]]}]. */
  series(i, viewpoint) {
    const byId = new Map();
    const upTo = this.steps[i].turn;
    for (const [turn, end] of this.turnEnds()) {
      if (turn > upTo) break;
      const step = turn === upTo ? i : end;
      const view = this.view(step, viewpoint);
      const tracks = view ? view.tracks : this.report.tracks
        .filter((t) => t.seenBy.includes(viewpoint))
        .map((t) => ({ id: t.id, name: t.name, min: t.min, max: t.max, value: t.values[this.report.turns.indexOf(turn)] }));
      for (const t of tracks) {
        if (t.value === undefined) continue;
        if (!byId.has(t.id)) byId.set(t.id, { id: t.id, name: t.name, min: t.min, max: t.max, points: [] });
        byId.get(t.id).points.push([turn, t.value]);
      }
    }
    return [...byId.values()];
  }
}
