// Renderers shared by the student dashboard, the instructor's console and the projector. Every string that
// comes from the server or from other people is put in with textContent (through el/append), never as HTML.

import { el, replace, setColour, formatDuration, formatTime, say } from "./dom.js";
import { phaseName } from "./game.js";
import { dealOutcomeText, consentNote, stepWarnings, agreedStepWarnings, requirementWarnings, dealBadgeKey } from "./commitments.js";
import { botBadge, botOf, studentsOf, policyName } from "./bots.js";
import { t, list, has, onLanguage } from "./i18n.js";
import { recordText, readable } from "./records.js";
import { paramLabel } from "./params.js";

// ---- Header, clock and connection status -------------------------------------------------------------------

export function renderHeader(game, root) {
  const v = game.view;
  if (!v) return;
  const set = (sel, text) => { const n = root.querySelector(sel); if (n) n.textContent = text; };
  set("[data-field=title]", v.title || v.ruleset || "Armistice");
  // A narrow game bar cuts the title with an ellipsis: the whole of it is its tooltip, and on a phone a tap (focus)
  // unfolds it (css/armistice.css).
  for (const n of root.querySelectorAll("[data-field=title]")) n.title = v.title || v.ruleset || "Armistice";
  set("[data-field=turn]", v.turn > 0 ? t("header.turn_of", { turn: v.turn, count: v.turns }) : t("header.turns", { count: v.turns }));
  // "Turn 1 of 3 · Jan 2019": the separator only when there is a date (before the start: "3 turns", nothing after).
  set("[data-field=date]", v.turn > 0 && v.date ? `· ${v.date}` : "");
  // The match is over only once the room has ended: after the last turn (or an ending the rules reached early) the
  // results phase still runs, with its clock, until it runs out or the instructor ends it; the header says which.
  set("[data-field=phase]", phaseLabel(game));
  set("[data-field=room]", game.room);
  document.title = `${v.title || "Armistice"} — ${phaseLabel(game)}`;
}

/** What the header calls the moment: the phase (paused or not), the last turn's results, or the match over. */
export function phaseLabel(game) {
  const v = game.view;
  if (v.phase === "ended") return t("header.match_over");
  const name = v.outcome && v.phase === "results" ? t("header.last_results") : phaseName(v.phase);
  return game.clock?.paused ? t("header.paused", { phase: name }) : name;
}

/** Keeps every [data-field=clock] under root showing the time left; returns a stop function. Once the match has
 * ended there is no clock at all (not even a dash). */
export function startClock(game, root) {
  const tick = () => {
    const ended = game.view?.phase === "ended";
    const left = ended ? null : game.remaining();
    for (const node of root.querySelectorAll("[data-field=clock]")) {
      if (node.hidden !== ended) node.hidden = ended;
      const text = left === null ? "—" : formatDuration(left);
      if (node.textContent !== text) node.textContent = text;
      node.dataset.urgent = String(left !== null && left < 30000 && !game.clock?.paused);
      node.dataset.paused = String(Boolean(game.clock?.paused));
    }
  };
  tick();
  const timer = setInterval(tick, 250);
  return () => clearInterval(timer);
}

export function showConnection(node, state, detail) {
  if (!node) return;
  node.textContent = ["connecting", "online", "reconnecting", "offline", "ended"].includes(state) ? t(`connection.${state}`) : state;
  node.dataset.state = state;
  document.body.dataset.connection = state;
  if (detail && state === "offline") node.title = detail;
  // "ended": the match is over and the server is gone (a practice server exits with its match): said why on hover.
  if (state === "ended") node.title = t("connection.ended_detail");
  // Back online: a request refused for want of a connection (the page's own words) is no longer true.
  if (state === "online") {
    for (const n of document.querySelectorAll(".form-status")) if (n.textContent === t("connection.not_connected")) say(n, "");
  }
}

/** In negotiation or orders, when every team with players has locked in: a sentence saying so, else "". */
export function allLockedText(game, forInstructor = false) {
  const v = game.view;
  if (!v || !["negotiation", "orders"].includes(v.phase)) return "";
  const played = new Set(game.roster.filter((r) => r.role === "player" && r.team).map((r) => r.team));
  const teams = (v.teams || []).filter((t) => played.has(t.id));
  if (!teams.length || !teams.every((t) => t.locked)) return "";
  if (v.phase === "orders") return t("locked.all_orders");
  return forInstructor ? t("locked.all_instructor") : t("locked.all_student");
}

// ---- The board: tracks, flags, projects --------------------------------------------------------------------

/** "▲ +2" or "▼ −1": a value's change since the last turn, for the projector. */
function deltaBadge(change, what) {
  if (!change) return null;
  const up = change.to > change.from;
  const text = typeof what === "number" ? `${up ? "▲ +" : "▼ −"}${Math.abs(change.to - change.from)}` : `${up ? "▲" : "▼"} ${what}`;
  return el("span", { class: ["delta", up ? "up" : "down"], text, title: t("board.change_title") });
}

export function trackBar(track, { instructor = false, game = null, changes = null } = {}) {
  const span = Math.max(1, track.max - track.min);
  const pct = Math.round(((track.value - track.min) / span) * 100);
  const id = `track-${track.id}`;
  const fill = el("div", { class: "fill" });
  fill.style.width = `${Math.max(0, Math.min(100, pct))}%`;
  const valueText = track.level ? t("track.value_level", { value: track.value, max: track.max, level: track.level }) : t("track.value", { value: track.value, max: track.max });
  const hidden = instructor && Array.isArray(track.hidden_from) && track.hidden_from.length
    ? el("span", { class: "badge secret", text: t("track.hidden_from", { teams: list(track.hidden_from.map((x) => game?.teamName(x) || x)) }) })
    : null;
  return el("li", { class: "track", data: { track: track.id } },
    el("div", { class: "track-head" },
      el("span", { class: "track-name", id, text: track.name }),
      el("span", { class: "track-value", text: `${track.value}/${track.max}` }),
      track.level ? el("span", { class: "level", text: track.level }) : null,
      deltaBadge(changes?.get(track.id), 0),
      hidden),
    el("div", { class: "bar", role: "meter", aria: { labelledby: id, valuenow: track.value, valuemin: track.min, valuemax: track.max, valuetext: valueText } }, fill),
    track.description ? el("p", { class: "hint", text: track.description }) : null);
}

export function renderTracks(game, container, opts = {}) {
  const tracks = game.view?.tracks || [];
  replace(container, tracks.length ? el("ul", { class: "tracks" }, tracks.map((t) => trackBar(t, { ...opts, game })))
    : el("p", { class: "hint", text: t("track.none") }));
}

export function renderFlagsAndProjects(game, container, { changes = null } = {}) {
  const v = game.view || {};
  const flags = v.flags || [], projects = v.projects || [];
  replace(container,
    projects.length ? el("ul", { class: "projects" }, projects.map((p) =>
      el("li", { class: "project", data: { project: p.id } },
        el("span", { class: "project-name" }, p.name, " ", deltaBadge(changes?.get(p.id), t("board.this_turn"))),
        el("ol", { class: "steps", aria: { label: `${p.name}: ${p.status.replace(/_/g, " ")}` } },
          (p.statuses || []).map((s, i) => el("li", { class: i === p.index ? "current" : i < p.index ? "done" : "", text: s.replace(/_/g, " "), aria: i === p.index ? { current: "step" } : {} })))))) : null,
    flags.length ? el("ul", { class: "flags" }, flags.map((f) =>
      el("li", { class: f.value ? "flag on" : "flag", data: { flag: f.id } },
        el("span", { class: "flag-mark", text: f.value ? "●" : "○", aria: { hidden: "true" } }),
        el("span", { text: t("flag.value", { name: f.name, value: t(f.value ? "common.yes" : "common.no") }) }), deltaBadge(changes?.get(f.id), t("board.this_turn"))))) : null);
}

export function renderTeamsStrip(game, container) {
  const v = game.view || {};
  replace(container, el("ul", { class: "team-strip" }, (v.teams || []).map((tm) => {
    const players = studentsOf(game, tm.id);
    const bot = botOf(game, tm.id);
    const li = el("li", { class: "team-chip", data: { team: tm.id } },
      el("span", { class: "swatch", aria: { hidden: "true" } }),
      el("span", { class: "team-name", text: tm.name }),
      botBadge(game, tm.id),
      v.phase === "orders" || v.phase === "negotiation" ? el("span", { class: tm.locked ? "badge ok" : "badge", text: tm.locked ? t("team.locked") : t("team.drafting") }) : null,
      el("span", { class: "players", text: players.length ? list(players.map((p) => (p.online ? p.name : t("team.offline", { name: p.name })))) : bot ? t("team.bot_plays") : t("team.no_one") }));
    setColour(li, tm.colour);
    return li;
  })));
}

// ---- Records: news, intelligence, results ------------------------------------------------------------------

/** The record renderer (records.js) with this game's names and the interface's words. */
export function recordWords(game) {
  const v = () => game.view || {};
  return recordText({
    teamName: (id) => game.team(id)?.name ?? null,
    actionName: (id) => { const name = game.actionName(id); return name === id ? null : name; },
    targetName: (id) => { const name = game.targetName(id); return name === id ? null : name; },
    isFlag: (id) => (v().flags || []).some((f) => f.id === id),
    // A project's value is its position in its stages: the stage as the view names it (in the reader's language).
    stageName: (id, i) => { const s = v().projects?.find((p) => p.id === id)?.statuses?.[i]; return s == null ? null : readable(s); },
    eventName: (id) => v().events?.find((e) => e.id === id)?.name
      ?? game.records.find((r) => r.kind === "event" && r.event === id)?.text ?? null,
    dealProposer: (n) => v().deals?.find((d) => d.id === n)?.proposer ?? null,
    paramName: (action, id) => paramName(game, action, id),
    // An outcome's scores, ranked as the outcome box beside it ranks them (qa8 W3).
    rankScores: (scores) => game.rankedScores(scores),
  }, { t, knows: has });
}

/** Why an event happened, in words (the record's `result`). */
export function eventCause(result) { return recordText(NO_NAMES, { t, knows: has }).cause(result); }

/** An order's result in words. */
export function resultWord(result) { return result ? recordText(NO_NAMES, { t, knows: has }).result(result) : ""; }

const NO_NAMES = { teamName: () => null, actionName: () => null, targetName: () => null, isFlag: () => false, eventName: () => null, dealProposer: () => null };

/** A parameter of `action` in words: the scenario's label (docs/protocol.md, a parameter's `label`), else a word for
 * its kind (params.js paramLabel), else its id made readable. */
export function paramName(game, action, id) {
  const a = game.action(action) || game.view?.catalog?.find((x) => x.id === action);
  const p = a?.params?.find((q) => q.id === id);
  return p ? paramLabel(a, p) : id.replace(/_/g, " ");
}

/** An order's parameters in words, " (Which project: Kaesong …)"; `action` names the parameters by their labels. */
export function formatParams(game, params, action = null) {
  if (!params || typeof params !== "object") return "";
  const parts = Object.entries(params).map(([k, val]) => {
    const name = typeof val === "string" ? (game.team(val)?.name || game.targetName(val)) : String(val);
    return t("params.one", { name: action ? paramName(game, action, k) : k.replace(/_/g, " "), value: name });
  });
  return parts.length ? t("params.all", { params: parts.join(", ") }) : "";
}

/** A deal's status (or a deal record's result) in words. */
export function dealStatus(status) {
  const key = `deal.status.${status}`;
  return status && has(key) ? t(key) : (status || "").replace(/_/g, " ");
}

/** One record as {label, text, detail} strings (and an order's result, for its style). */
export function describeRecord(game, r) {
  return { ...recordWords(game).line(r), result: r.kind === "order" ? r.result : undefined };
}

export function recordItem(game, r) {
  const d = describeRecord(game, r);
  return el("li", { class: ["record", `kind-${r.kind}`, d.result && `result-${d.result}`], data: { kind: r.kind } },
    el("span", { class: "record-label", text: t("record.label", { label: d.label, turn: r.turn }) }),
    el("span", { class: "record-text", text: d.text }),
    d.detail ? el("span", { class: "record-detail", text: d.detail }) : null,
    Array.isArray(r.visible_to) && r.kind !== "intel" ? el("span", { class: "badge secret", text: r.visible_to.length ? t("record.text.seen_by", { teams: list(r.visible_to.map((x) => game.teamName(x))) }) : t("record.instructor_only") }) : null);
}

/** Renders the records whose kind is in `kinds` (of one `turn`, if given), newest first, up to `limit`. */
export function renderRecords(game, container, kinds, { limit = 200, empty = t("record.nothing_yet"), turn = null, label = t("record.list_label") } = {}) {
  const list = game.records.filter((r) => kinds.includes(r.kind) && (turn === null || r.turn === turn)).slice(-limit).reverse();
  // The list scrolls (max-height): it takes the keyboard focus so it can be scrolled without a mouse.
  replace(container, list.length ? el("ol", { class: "records", reversed: "", tabindex: "0", aria: { label } }, list.map((r) => recordItem(game, r)))
    : el("p", { class: "hint", text: empty }));
}

// ---- Chat ----------------------------------------------------------------------------------------------------

// The server takes a chat message of up to 500 characters (docs/protocol.md, `chat_too_long`), counted as a person
// reads them: one for an emoji or a Hangul syllable, as the terminal counts.
const CHAT_LIMIT = 500;
const CHAT_COUNT_FROM = CHAT_LIMIT - 100;
const graphemes = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

/** A chat text's length in characters as a reader counts them. */
export function chatLength(text) {
  if (!graphemes) return [...text].length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n += 1;
  return n;
}

export class ChatPanel {
  constructor(game, root, session, { canWrite = () => true } = {}) {
    this.game = game;
    this.root = root;
    this.session = session;
    this.canWrite = canWrite;
    this.current = "all";
    this.tabs = el("div", { class: "tabs", role: "tablist", aria: { label: t("chat.channels") } });
    // A list (not role=log, which would hide the list items' semantics) announced politely as it grows.
    this.log = el("ol", { class: "chat-log", aria: { live: "polite", relevant: "additions", label: t("chat.messages") }, tabindex: "0" });
    // No maxlength: a pasted message longer than the server takes is kept whole and refused with its length, as the
    // terminal does, never cut without a word (qa5 Wrong #3). A counter shows near the limit.
    this.input = el("textarea", { id: `chat-input-${root.id}`, rows: "2", name: "text", aria: { describedby: `chat-count-${root.id}` } });
    this.counter = el("span", { id: `chat-count-${root.id}`, class: "chat-count", hidden: true });
    this.status = el("p", { class: "form-status", role: "status" });
    this.form = el("form", { class: "chat-form", on: { submit: (e) => { e.preventDefault(); this.sendMessage(); } } },
      el("label", { for: this.input.id, class: "visually-hidden", text: t("chat.message") }),
      this.input,
      this.counter,
      el("button", { type: "submit", text: t("chat.send") }));
    this.input.addEventListener("input", () => this.count());
    this.input.addEventListener("keydown", (e) => {
      // An Enter that commits an IME composition (Korean, Japanese, Chinese) is not a send.
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); this.sendMessage(); }
    });
    replace(root, this.tabs, this.log, this.form, this.status);
    onLanguage(() => {
      this.tabs.setAttribute("aria-label", t("chat.channels"));
      this.log.setAttribute("aria-label", t("chat.messages"));
      this.form.querySelector("label").textContent = t("chat.message");
      this.form.querySelector("button").textContent = t("chat.send");
      this.count();
    });
  }

  /** The counter beside the box: shown from CHAT_COUNT_FROM characters, marked once past the limit. */
  count() {
    const count = chatLength(this.input.value);
    this.counter.hidden = count < CHAT_COUNT_FROM;
    this.counter.textContent = this.counter.hidden ? "" : t("chat.count", { count, limit: CHAT_LIMIT });
    this.counter.dataset.kind = count > CHAT_LIMIT ? "error" : "";
  }

  async sendMessage() {
    const text = this.input.value.trim();
    if (!text) return;
    // Too long: refused here, the text staying in the box, with both numbers (the server would refuse it too).
    const count = chatLength(text);
    if (count > CHAT_LIMIT) { say(this.status, () => t("chat.too_long", { count, limit: CHAT_LIMIT }), "error"); return; }
    try {
      await this.session.request({ type: "chat", channel: this.current, text });
      this.input.value = "";
      this.count();
      say(this.status, "");
    } catch (e) { say(this.status, e.message, "error"); }
  }

  select(channel) {
    this.current = channel;
    this.render();
  }

  // What this browser has read, per channel: the seq of the newest message read, kept in localStorage per room and
  // seat (`armistice.read.CODE.SEAT`), so that a student who comes back sees a count of what came while away. A seat
  // seen here for the first time starts with everything already there read.
  get readKey() { return `armistice.read.${this.game.room}.${this.game.you.seat || ""}`; }

  readMarks() {
    if (this.marks && this.marksKey === this.readKey) return this.marks;
    let marks = null;
    try { marks = JSON.parse(localStorage.getItem(this.readKey) || "null"); } catch { marks = null; }
    if (!marks || typeof marks !== "object") {
      marks = {};
      for (const m of this.game.chat) marks[m.channel] = Math.max(marks[m.channel] || 0, m.seq || 0);
    }
    this.marks = marks;
    this.marksKey = this.readKey;
    return marks;
  }

  /** The channel shown is read up to its newest message. */
  markRead(channel) {
    const marks = this.readMarks();
    const newest = this.game.chat.reduce((n, m) => (m.channel === channel ? Math.max(n, m.seq || 0) : n), 0);
    if (newest <= (marks[channel] || 0) && Object.hasOwn(marks, channel)) return;
    marks[channel] = Math.max(marks[channel] || 0, newest);
    try { localStorage.setItem(this.readKey, JSON.stringify(marks)); } catch { /* private mode */ }
  }

  /** Messages of `channel` newer than what was read, other people's only. */
  unreadIn(channel) {
    const read = this.readMarks()[channel] || 0;
    return this.game.chat.filter((m) => m.channel === channel && (m.seq || 0) > read && m.seat !== this.game.you.seat).length;
  }

  render() {
    const channels = this.game.channels();
    if (!channels.includes(this.current)) this.current = channels[0] || "all";
    this.markRead(this.current);
    replace(this.tabs, channels.map((c) => {
      const n = c === this.current ? 0 : this.unreadIn(c);
      const b = el("button", {
        type: "button", role: "tab", class: "tab", data: { channel: c },
        aria: { selected: String(c === this.current), label: n ? t("chat.unread", { channel: this.game.channelLabel(c), count: n }) : this.game.channelLabel(c) },
        tabindex: c === this.current ? "0" : "-1",
        on: { click: () => this.select(c), keydown: (e) => this.tabKey(e, channels, c) },
      }, this.game.channelLabel(c), n ? el("span", { class: "unread", text: String(n), aria: { hidden: "true" } }) : null);
      return b;
    }));
    const messages = this.game.chat.filter((m) => m.channel === this.current).slice(-200);
    replace(this.log, messages.length ? messages.map((m) => el("li", { class: m.seat === this.game.you.seat ? "msg mine" : "msg" },
      el("span", { class: "msg-meta" }, el("span", { class: "msg-name", text: m.name || m.seat }), " ", el("time", { text: formatTime(m.t) })),
      el("span", { class: "msg-text", text: m.text })))
      : el("li", { class: "hint", text: t("chat.none") }));
    this.log.scrollTop = this.log.scrollHeight;
    const writable = this.canWrite(this.current);
    this.form.hidden = !writable;
  }

  tabKey(e, channels, c) {
    const i = channels.indexOf(c);
    let j = -1;
    if (e.key === "ArrowRight") j = (i + 1) % channels.length;
    else if (e.key === "ArrowLeft") j = (i - 1 + channels.length) % channels.length;
    if (j < 0) return;
    e.preventDefault();
    this.select(channels[j]);
    this.tabs.querySelector(`[data-channel="${CSS.escape(channels[j])}"]`)?.focus();
  }
}

// ---- Deals ---------------------------------------------------------------------------------------------------

export function describeCommitment(game, c) {
  if (c.consent) return t(c.decision === "block" ? "deal.will_block" : "deal.will_approve", { team: game.teamName(c.team), action: game.actionName(c.consent) });
  return t("deal.will_take", { team: game.teamName(c.team), action: `${game.actionName(c.action)}${formatParams(game, c.params, c.action)}` });
}

/** A commitment's line: what it says, then what stands in its way (`warnings`: the reader's own step that cannot go
 * as promised; the consent of a team the deal does not bind, while the deal can still happen). */
export function commitmentItem(game, c, commitments, { me = null, live = true, warnings = [], parties = null } = {}) {
  return el("li", { class: warnings.length ? "commitment at-risk" : "commitment", data: c.action ? { action: c.action, team: c.team } : { consent: c.consent, team: c.team } },
    el("span", { class: "commitment-text", text: describeCommitment(game, c) }),
    commitmentNotes(game, c, commitments, { me, live, warnings, parties }));
}

/** The notes under a commitment (a deal's card, a proposal's row): see commitmentItem. */
export function commitmentNotes(game, c, commitments, { me = null, live = true, warnings = [], parties = null } = {}) {
  const consent = live ? consentNote(game, commitments, c, me, parties) : "";
  return [
    ...warnings.map((w) => el("span", { class: "commitment-note warn step-warning", text: w })),
    consent ? el("span", { class: "commitment-note consent-note", text: consent }) : null,
  ];
}

export function dealItem(game, d, actions = null) {
  const me = game.you.role === "player" ? game.you.team : null;
  const commitments = d.commitments || [];
  // While a deal is open: the reader's own steps that cannot go as promised (before its team answers, and for the
  // proposer, whose proposal is its answer, until the others have). Other teams' steps are theirs to read: the view
  // says nothing of another team's requirements.
  // Once agreed, the reader's own step that a requirement stops still says so: its cost is charged all the same.
  // The instructor's view holds every team's actions: each step whose requirement fails now is marked, whoever's.
  const party = me && (d.parties || []).includes(me);
  const live = d.status === "open" || d.status === "agreed";
  const warnings = d.status === "open" && party ? stepWarnings(game, commitments, me, d.id)
    : d.status === "agreed" && party ? agreedStepWarnings(game, commitments, me)
    : live && game.you.role === "instructor" ? requirementWarnings(game, commitments) : new Map();
  return el("li", { class: ["deal", `status-${d.status}`], data: { deal: d.id } },
    el("div", { class: "deal-head" },
      el("strong", { text: t("deal.title", { deal: String(d.id) }) }),
      // A deal one of whose steps could not be taken was carried out in part (its card says which, and why).
      el("span", { class: "badge", text: d.status === "carried_out" ? t(dealBadgeKey(game, d)) : dealStatus(d.status) }),
      el("span", { class: "hint", text: t("deal.proposed_by", { team: game.teamName(d.proposer), turn: d.turn }) })),
    d.note ? el("p", { class: "deal-note", text: d.note }) : null,
    el("ul", { class: "commitments" }, commitments.map((c, i) => commitmentItem(game, c, commitments, { me, live, warnings: warnings.get(i) || [], parties: d.parties || null }))),
    el("p", { class: "deal-effect", text: dealOutcomeText(game, d, me) }),
    el("p", { class: "hint", text: t("deal.accepted_parties", { accepted: list((d.accepted || []).map((x) => game.teamName(x))) || t("deal.no_one_yet"), parties: list((d.parties || []).map((x) => game.teamName(x))) }) }),
    actions);
}

/** "3 points", or for an objective scored by a formula (0 until the end) what it is worth. */
export function objectivePoints(o) {
  const worth = o.met == null && !o.points ? t("objective.at_end") : t("objective.points", { count: o.points });
  return o.met === true ? t("objective.met", { worth }) : o.met === false ? t("objective.not_met", { worth }) : worth;
}

// ---- Roster --------------------------------------------------------------------------------------------------

export function roleLabel(game, r) {
  if (r.role === "instructor") return t("role.instructor");
  if (r.role === "observer") return t("role.observer");
  if (r.bot) return t("role.bot", { team: game.teamName(r.team), policy: policyName(r.bot) });
  return r.team ? game.teamName(r.team) : t("role.no_team");
}
