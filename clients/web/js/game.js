// What a seat knows of its room, built from the server's snapshot and events. It holds no rules: it only keeps
// what the server said (the view, the records, the roster, the chat and the clock) and tells listeners.

import { t } from "./i18n.js";
import { mergeUpdate } from "./viewmerge.js";

export class Game {
  constructor() {
    this.room = "";
    this.you = {};
    this.settings = {};
    this.view = null;
    this.records = [];
    this.roster = [];
    this.chat = [];
    this.clock = null;
    this.clockOffset = 0; // server time minus local time
    // Who last set each team's draft this turn, as the server says it (`drafted_by`, docs/protocol.md): team id →
    // {seat, bot?}. The snapshot's (a player's own team, every team for the instructor), then any update's that carries
    // it, whole: it replaces the one held (a new turn empties it).
    this.draftedBy = {};
    this.listeners = new Set();
  }

  onChange(fn) { this.listeners.add(fn); }

  emit(what, detail) { for (const fn of this.listeners) fn(what, detail); }

  loadSnapshot(s) {
    this.room = s.room || this.room;
    this.you = s.you || {};
    this.settings = s.settings || {};
    const { records = [], ...view } = s.view || {};
    this.view = view;
    this.orderScores();
    this.records = records.slice();
    this.roster = s.roster || [];
    this.chat = (s.chat || []).slice();
    this.setClock(s.clock);
    this.draftedBy = s.drafted_by || {};
    this.emit("snapshot");
  }

  apply(msg) {
    switch (msg.type) {
      case "update": {
        this.view = mergeUpdate(this.view, msg);
        this.orderScores();
        const added = msg.records || [];
        this.records.push(...added);
        if (msg.clock) this.setClock(msg.clock);
        if (msg.drafted_by) this.draftedBy = msg.drafted_by;
        this.emit("update", { cause: msg.cause, records: added });
        return;
      }
      case "chat":
        if (msg.message) {
          this.chat.push(msg.message);
          if (this.chat.length > 1000) this.chat.splice(0, this.chat.length - 1000);
          this.emit("chat", msg.message);
        }
        return;
      case "roster":
        this.roster = msg.roster || [];
        // While the instructor has closed the room to new students every roster says so (`set_joining`); the
        // snapshot's settings say it too, so `settings.joining` is the room's door as it is now.
        if (msg.joining) this.settings.joining = msg.joining; else delete this.settings.joining;
        this.emit("roster");
        return;
      case "clock":
        this.setClock(msg.clock);
        this.emit("clock", msg.reason);
        return;
    }
  }

  setClock(clock) {
    if (!clock) return;
    this.clock = clock;
    if (typeof clock.now === "number") this.clockOffset = clock.now - Date.now();
  }

  /** Milliseconds left in the phase (frozen while the clock is paused), or null when the phase has no deadline. */
  remaining() {
    const c = this.clock;
    if (!c) return null;
    // A paused clock has no deadline: the server sends the time left, frozen (`remaining`, in ms).
    if (c.paused) return typeof c.remaining === "number" ? Math.max(0, c.remaining) : null;
    if (typeof c.deadline !== "number") return null;
    return Math.max(0, c.deadline - (Date.now() + this.clockOffset));
  }

  // Look-ups by id, falling back to the id itself.
  team(id) { return this.view?.teams?.find((t) => t.id === id); }
  teamName(id) { return this.team(id)?.name || id; }
  track(id) { return this.view?.tracks?.find((t) => t.id === id); }
  action(id) { return this.view?.actions?.find((a) => a.id === id); }
  actionName(id) {
    return this.action(id)?.name || this.view?.consents?.find((c) => c.action === id)?.name
      || this.view?.catalog?.find((a) => a.id === id)?.name || id;
  }
  targetName(id) {
    const v = this.view || {};
    return v.tracks?.find((t) => t.id === id)?.name || v.flags?.find((f) => f.id === id)?.name
      || v.projects?.find((p) => p.id === id)?.name || id;
  }
  seatName(seat) { return this.roster.find((r) => r.seat === seat)?.name || seat; }
  /** Who last set team `id`'s draft this turn ({seat, bot?}), or null when nobody has (or the seat may not know). */
  draftAuthor(id) { return this.draftedBy?.[id] || null; }

  /** The outcome's scores as [team id, points], ranked by `rankScores` (one order on every page). */
  rankedScores(scores = this.view?.outcome?.scores) { return rankScores(scores, (this.view?.teams || []).map((x) => x.id)); }

  /** Keeps the outcome's `scores` in that ranked order, so a page that lists them in the object's own order, or sorts
   * them by points alone (a stable sort), lists ties in the same order as every other page. */
  orderScores() {
    const o = this.view?.outcome;
    if (o?.scores && typeof o.scores === "object") o.scores = Object.fromEntries(this.rankedScores(o.scores));
  }

  /** Team ids in the scenario's team order (the order of the view's `teams`; an id it does not list comes after, by
   * id): the one order of teams on every page, in a pair channel's name as in the channel list. */
  inTeamOrder(ids) {
    const teams = (this.view?.teams || []).map((x) => x.id);
    const place = (id) => { const i = teams.indexOf(id); return i < 0 ? teams.length : i; };
    return ids.slice().sort((a, b) => (place(a) - place(b)) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The chat channels this seat may read, in display order: everyone, then the team channels and the pairs in the
   * scenario's team order (a student's own pairs in that order; the instructor's pairs by their first team, then the
   * second, each pair named in that order too: see `channelLabel`). */
  channels() {
    const teams = (this.view?.teams || []).map((t) => t.id);
    const role = this.you.role;
    const mine = this.you.team;
    if (role === "instructor") {
      const list = ["all", ...teams.map((t) => `team:${t}`)];
      for (let i = 0; i < teams.length; i++) for (let j = i + 1; j < teams.length; j++) list.push(pairChannel(teams[i], teams[j]));
      return list;
    }
    if (role === "player" && mine) {
      return ["all", `team:${mine}`, ...teams.filter((t) => t !== mine).map((t) => pairChannel(mine, t))];
    }
    return ["all"];
  }

  channelLabel(channel) {
    if (channel === "all") return t("chat.everyone");
    if (channel.startsWith("team:")) {
      const id = channel.slice(5);
      return this.you.role === "instructor" ? t("chat.team_of", { team: this.teamName(id) }) : t("chat.my_team");
    }
    if (channel.startsWith("pair:")) {
      const [a, b] = this.inTeamOrder(channel.slice(5).split("+"));
      if (this.you.role === "player" && this.you.team) return t("chat.with", { team: this.teamName(a === this.you.team ? b : a) });
      return t("chat.pair", { a: this.teamName(a), b: this.teamName(b) });
    }
    return channel;
  }
}

/** Scores ranked the one way every page lists them (console, projector, student page): most points first,
 * and tied teams in the scenario's team order (`teams`: ids in that order; a team it does not list comes after, by id).
 * Returns [team id, points] pairs. */
export function rankScores(scores, teams = []) {
  const place = (id) => { const i = teams.indexOf(id); return i < 0 ? teams.length : i; };
  return Object.entries(scores || {}).sort((a, b) => (b[1] - a[1]) || (place(a[0]) - place(b[0])) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function pairChannel(a, b) {
  return `pair:${[a, b].sort().join("+")}`;
}

export const PHASES = ["setup", "briefing", "negotiation", "orders", "adjudication", "results", "ended"];

export function phaseName(p) { return PHASES.includes(p) ? t(`phase.${p}`) : p || ""; }
