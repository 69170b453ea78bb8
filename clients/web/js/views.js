// Renderers shared by the student dashboard, the instructor's console and the projector. Every string that
// comes from the server or from other people is put in with textContent (through el/append), never as HTML.

import { el, replace, setColour, formatDuration, formatTime, say } from "./dom.js";
import { phaseName } from "./game.js";
import { dealOutcomeText } from "./commitments.js";
import { botBadge, botOf, studentsOf } from "./bots.js";

// ---- Header, clock and connection status -------------------------------------------------------------------

export function renderHeader(game, root) {
  const v = game.view;
  if (!v) return;
  const set = (sel, text) => { const n = root.querySelector(sel); if (n) n.textContent = text; };
  set("[data-field=title]", v.title || v.ruleset || "Armistice");
  set("[data-field=turn]", v.turn > 0 ? `Turn ${v.turn} of ${v.turns}` : `${v.turns} ${v.turns === 1 ? "turn" : "turns"}`);
  set("[data-field=date]", v.turn > 0 ? v.date || "" : "");
  // Once the match has an outcome its clock means nothing: the header says it is over (the last results phase
  // still runs on the server until the room ends).
  set("[data-field=phase]", v.outcome ? "Match over" : phaseName(v.phase) + (game.clock?.paused ? " (paused)" : ""));
  set("[data-field=room]", game.room);
  document.title = `${v.title || "Armistice"} — ${phaseName(v.phase)}`;
}

/** Keeps every [data-field=clock] under root showing the time left; returns a stop function. */
export function startClock(game, root) {
  const tick = () => {
    const left = game.view?.outcome ? null : game.remaining();
    for (const node of root.querySelectorAll("[data-field=clock]")) {
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
  const labels = { connecting: "Connecting…", online: "Connected", reconnecting: "Reconnecting…", offline: "Offline — retrying" };
  node.textContent = labels[state] || state;
  node.dataset.state = state;
  document.body.dataset.connection = state;
  if (detail && state === "offline") node.title = detail;
}

/** In negotiation or orders, when every team with players has locked in: a sentence saying so, else "". */
export function allLockedText(game, forInstructor = false) {
  const v = game.view;
  if (!v || !["negotiation", "orders"].includes(v.phase)) return "";
  const played = new Set(game.roster.filter((r) => r.role === "player" && r.team).map((r) => r.team));
  const teams = (v.teams || []).filter((t) => played.has(t.id));
  if (!teams.length || !teams.every((t) => t.locked)) return "";
  if (v.phase === "orders") return "Every team with players has locked in: the orders are adjudicated now.";
  return forInstructor ? "Every team with players has locked in: you can end the negotiation now (End this phase now)."
    : "Every team with players has locked in: the instructor can end the negotiation early.";
}

// ---- The board: tracks, flags, projects --------------------------------------------------------------------

/** "▲ +2" or "▼ −1": a value's change since the last turn, for the projector. */
function deltaBadge(change, what) {
  if (!change) return null;
  const up = change.to > change.from;
  const text = typeof what === "number" ? `${up ? "▲ +" : "▼ −"}${Math.abs(change.to - change.from)}` : `${up ? "▲" : "▼"} ${what}`;
  return el("span", { class: ["delta", up ? "up" : "down"], text, title: "Change over the last turn" });
}

export function trackBar(track, { instructor = false, game = null, changes = null } = {}) {
  const span = Math.max(1, track.max - track.min);
  const pct = Math.round(((track.value - track.min) / span) * 100);
  const id = `track-${track.id}`;
  const fill = el("div", { class: "fill" });
  fill.style.width = `${Math.max(0, Math.min(100, pct))}%`;
  const valueText = `${track.value} of ${track.max}${track.level ? `, ${track.level}` : ""}`;
  const hidden = instructor && Array.isArray(track.hidden_from) && track.hidden_from.length
    ? el("span", { class: "badge secret", text: `hidden from ${track.hidden_from.map((t) => game?.teamName(t) || t).join(", ")}` })
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
    : el("p", { class: "hint", text: "No tracks to show." }));
}

export function renderFlagsAndProjects(game, container, { changes = null } = {}) {
  const v = game.view || {};
  const flags = v.flags || [], projects = v.projects || [];
  replace(container,
    projects.length ? el("ul", { class: "projects" }, projects.map((p) =>
      el("li", { class: "project", data: { project: p.id } },
        el("span", { class: "project-name" }, p.name, " ", deltaBadge(changes?.get(p.id), "this turn")),
        el("ol", { class: "steps", aria: { label: `${p.name}: ${p.status.replace(/_/g, " ")}` } },
          (p.statuses || []).map((s, i) => el("li", { class: i === p.index ? "current" : i < p.index ? "done" : "", text: s.replace(/_/g, " "), aria: i === p.index ? { current: "step" } : {} })))))) : null,
    flags.length ? el("ul", { class: "flags" }, flags.map((f) =>
      el("li", { class: f.value ? "flag on" : "flag", data: { flag: f.id } },
        el("span", { class: "flag-mark", text: f.value ? "●" : "○", aria: { hidden: "true" } }),
        el("span", { text: `${f.name}: ${f.value ? "yes" : "no"}` }), deltaBadge(changes?.get(f.id), "this turn")))) : null);
}

export function renderTeamsStrip(game, container) {
  const v = game.view || {};
  replace(container, el("ul", { class: "team-strip" }, (v.teams || []).map((t) => {
    const players = studentsOf(game, t.id);
    const bot = botOf(game, t.id);
    const li = el("li", { class: "team-chip", data: { team: t.id } },
      el("span", { class: "swatch", aria: { hidden: "true" } }),
      el("span", { class: "team-name", text: t.name }),
      botBadge(game, t.id),
      v.phase === "orders" || v.phase === "negotiation" ? el("span", { class: t.locked ? "badge ok" : "badge", text: t.locked ? "locked in" : "drafting" }) : null,
      el("span", { class: "players", text: players.length ? players.map((p) => p.name + (p.online ? "" : " (offline)")).join(", ") : bot ? "no students: the bot plays" : "no one yet" }));
    setColour(li, t.colour);
    return li;
  })));
}

// ---- Records: news, intelligence, results ------------------------------------------------------------------

const RESULT_WORDS = {
  success: "succeeded", failure: "failed", refused: "refused (no consent)", lapsed: "lapsed (not possible when it came to apply)", precondition_failed: "not possible",
  over_budget: "over budget", duplicate: "duplicate", invalid: "invalid",
};

const EVENT_CAUSES = { scripted: "scheduled by the scenario", triggered: "triggered by the situation", random: "by chance", injected: "fired by the instructor" };

/** Why an event happened, in words (the record's `result`). */
export function eventCause(result) { return EVENT_CAUSES[result] || result || ""; }

export function formatParams(game, params) {
  if (!params || typeof params !== "object") return "";
  const parts = Object.entries(params).map(([k, val]) => {
    const name = typeof val === "string" ? (game.team(val)?.name || game.targetName(val)) : String(val);
    return `${k.replace(/_/g, " ")}: ${name}`;
  });
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** One record as {label, text, detail} strings. */
export function describeRecord(game, r) {
  const team = r.team ? game.teamName(r.team) : "";
  switch (r.kind) {
    case "phase": return { label: "Phase", text: `Turn ${r.turn}: ${phaseName(r.phase)}` };
    case "news": return { label: "News", text: r.text || "" };
    case "intel": return { label: "Intelligence", text: r.text || "" };
    case "order": {
      const dice = typeof r.roll === "number" ? `rolled ${r.roll} against ${r.chance}%` : typeof r.chance === "number" ? `chance ${r.chance}%` : "";
      const mods = (r.modifiers || []).map((m) => `${m.add >= 0 ? "+" : ""}${m.add} ${m.reason}`).join("; ");
      return {
        label: "Result",
        text: `${team}: ${game.actionName(r.action)}${formatParams(game, r.params)} — ${RESULT_WORDS[r.result] || r.result || ""}`,
        detail: [dice, mods && `modifiers: ${mods}`, r.reason, r.text].filter(Boolean).join(" · "),
        result: r.result,
      };
    }
    case "effect": {
      const change = typeof r.from === "number" ? `${r.from} → ${r.to}` : "";
      return { label: "Effect", text: [r.target ? `${game.targetName(r.target)} ${change}` : "", r.text].filter(Boolean).join(": "), detail: r.reason || "" };
    }
    case "event": return { label: "Event", text: r.text || r.event || "", detail: eventCause(r.result) };
    case "draw": return { label: "Draw", text: `Random draw${r.event ? `: ${r.event}` : ""}`, detail: [typeof r.roll === "number" ? `roll ${r.roll}` : "", r.result].filter(Boolean).join(" · ") };
    case "deal": return { label: "Deal", text: `Deal #${r.deal}${team ? ` (${team})` : ""}: ${(r.result || "").replace(/_/g, " ")}`, detail: r.text || "" };
    case "adjustment": return { label: "Adjusted", text: `${game.targetName(r.target)}: ${r.from} → ${r.to}`, detail: r.reason || "" };
    case "locked": return { label: "Locked", text: `${team} locked in its orders` };
    case "outcome": return { label: "Outcome", text: r.text || r.outcome || "", detail: r.scores ? Object.entries(r.scores).map(([t, s]) => `${game.teamName(t)} ${s}`).join(", ") : "" };
    case "hash": return { label: "State hash", text: r.hash || "" };
    default: return { label: r.kind, text: r.text || "" };
  }
}

export function recordItem(game, r) {
  const d = describeRecord(game, r);
  return el("li", { class: ["record", `kind-${r.kind}`, d.result && `result-${d.result}`], data: { kind: r.kind } },
    el("span", { class: "record-label", text: `${d.label} · T${r.turn}` }),
    el("span", { class: "record-text", text: d.text }),
    d.detail ? el("span", { class: "record-detail", text: d.detail }) : null,
    Array.isArray(r.visible_to) ? el("span", { class: "badge secret", text: r.visible_to.length ? `seen by ${r.visible_to.map((t) => game.teamName(t)).join(", ")}` : "instructor only" }) : null);
}

/** Renders the records whose kind is in `kinds` (of one `turn`, if given), newest first, up to `limit`. */
export function renderRecords(game, container, kinds, { limit = 200, empty = "Nothing yet.", turn = null, label = "Records, newest first" } = {}) {
  const list = game.records.filter((r) => kinds.includes(r.kind) && (turn === null || r.turn === turn)).slice(-limit).reverse();
  // The list scrolls (max-height): it takes the keyboard focus so it can be scrolled without a mouse.
  replace(container, list.length ? el("ol", { class: "records", reversed: "", tabindex: "0", aria: { label } }, list.map((r) => recordItem(game, r)))
    : el("p", { class: "hint", text: empty }));
}

// ---- Chat ----------------------------------------------------------------------------------------------------

export class ChatPanel {
  constructor(game, root, session, { canWrite = () => true } = {}) {
    this.game = game;
    this.root = root;
    this.session = session;
    this.canWrite = canWrite;
    this.current = "all";
    this.unread = new Map();
    this.seen = 0;
    this.tabs = el("div", { class: "tabs", role: "tablist", aria: { label: "Channels" } });
    // A list (not role=log, which would hide the list items' semantics) announced politely as it grows.
    this.log = el("ol", { class: "chat-log", aria: { live: "polite", relevant: "additions", label: "Messages" }, tabindex: "0" });
    this.input = el("textarea", { id: `chat-input-${root.id}`, rows: "2", maxlength: "500", name: "text" });
    this.status = el("p", { class: "form-status", role: "status" });
    this.form = el("form", { class: "chat-form", on: { submit: (e) => { e.preventDefault(); this.sendMessage(); } } },
      el("label", { for: this.input.id, class: "visually-hidden", text: "Message" }),
      this.input,
      el("button", { type: "submit", text: "Send" }));
    this.input.addEventListener("keydown", (e) => {
      // An Enter that commits an IME composition (Korean, Japanese, Chinese) is not a send.
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); this.sendMessage(); }
    });
    replace(root, this.tabs, this.log, this.form, this.status);
  }

  async sendMessage() {
    const text = this.input.value.trim();
    if (!text) return;
    try {
      await this.session.request({ type: "chat", channel: this.current, text });
      this.input.value = "";
      say(this.status, "");
    } catch (e) { say(this.status, e.message, "error"); }
  }

  select(channel) {
    this.current = channel;
    this.unread.set(channel, 0);
    this.render();
  }

  /** Called on a new message: counts it as unread unless its channel is shown. */
  noteMessage(m) {
    if (m.channel !== this.current) this.unread.set(m.channel, (this.unread.get(m.channel) || 0) + 1);
  }

  render() {
    const channels = this.game.channels();
    if (!channels.includes(this.current)) this.current = channels[0] || "all";
    replace(this.tabs, channels.map((c) => {
      const n = this.unread.get(c) || 0;
      const b = el("button", {
        type: "button", role: "tab", class: "tab", data: { channel: c },
        aria: { selected: String(c === this.current), label: `${this.game.channelLabel(c)}${n ? `, ${n} unread` : ""}` },
        tabindex: c === this.current ? "0" : "-1",
        on: { click: () => this.select(c), keydown: (e) => this.tabKey(e, channels, c) },
      }, this.game.channelLabel(c), n ? el("span", { class: "unread", text: String(n), aria: { hidden: "true" } }) : null);
      return b;
    }));
    const messages = this.game.chat.filter((m) => m.channel === this.current).slice(-200);
    replace(this.log, messages.length ? messages.map((m) => el("li", { class: m.seat === this.game.you.seat ? "msg mine" : "msg" },
      el("span", { class: "msg-meta" }, el("span", { class: "msg-name", text: m.name || m.seat }), " ", el("time", { text: formatTime(m.t) })),
      el("span", { class: "msg-text", text: m.text })))
      : el("li", { class: "hint", text: "No messages in this channel yet." }));
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
  if (c.consent) return `${game.teamName(c.team)} will ${c.decision === "block" ? "block" : "approve"} ${game.actionName(c.consent)}`;
  return `${game.teamName(c.team)} will ${game.actionName(c.action)}${formatParams(game, c.params)}`;
}

export function dealItem(game, d, actions = null) {
  return el("li", { class: ["deal", `status-${d.status}`], data: { deal: d.id } },
    el("div", { class: "deal-head" },
      el("strong", { text: `Deal #${d.id}` }),
      el("span", { class: "badge", text: d.status.replace(/_/g, " ") }),
      el("span", { class: "hint", text: `proposed by ${game.teamName(d.proposer)}, turn ${d.turn}` })),
    d.note ? el("p", { class: "deal-note", text: d.note }) : null,
    el("ul", { class: "commitments" }, (d.commitments || []).map((c) => el("li", { text: describeCommitment(game, c) }))),
    el("p", { class: "deal-effect", text: dealOutcomeText(game, d, game.you.role === "player" ? game.you.team : null) }),
    el("p", { class: "hint", text: `Accepted by: ${(d.accepted || []).map((t) => game.teamName(t)).join(", ") || "no one yet"}; parties: ${(d.parties || []).map((t) => game.teamName(t)).join(", ")}` }),
    actions);
}

/** "3 points", or for an objective scored by a formula (0 until the end) what it is worth. */
export function objectivePoints(o) {
  const worth = o.met == null && !o.points ? "points counted at the end" : `${o.points} ${o.points === 1 ? "point" : "points"}`;
  return worth + (o.met === true ? " — met" : o.met === false ? " — not met" : "");
}

// ---- Roster --------------------------------------------------------------------------------------------------

export function roleLabel(game, r) {
  if (r.role === "instructor") return "Instructor";
  if (r.role === "observer") return "Observer";
  if (r.bot) return `${game.teamName(r.team)}: bot (${r.bot})`;
  return r.team ? game.teamName(r.team) : "No team yet";
}
