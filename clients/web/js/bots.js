// Bots at the table (issue 15): a team's bot seat is a roster entry with `bot` (its policy). It plays the team
// whenever none of the team's students is online. Shared by the front page's create form, the student page, the
// instructor's console and the projector.

import { el } from "./dom.js";
import { t, has } from "./i18n.js";

/** The policies a bot seat can play (the server's `set_bot` and `create_room` `bots`); what each does is the
 * catalog's `bot.policy.ID`. */
export const BOT_POLICIES = ["greedy", "random", "block-all", "approve-all", "idle"].map((id) => ({ id }));

/** A policy's short name in the interface's language ("greedy", "적극형"). */
export function policyName(id) {
  return has(`bot.name.${id}`) ? t(`bot.name.${id}`) : id;
}

/** A roster entry's name as shown: a bot seat by its team, the projector in the reader's language, else as typed. */
export function seatLabel(game, r) {
  if (r.bot) return t("bot.seat_name", { team: game.teamName(r.team) });
  if (r.role === "observer" && [t("board.projector_name", {}, "en"), t("board.projector_name")].includes(r.name)) return t("board.projector_name");
  return r.name;
}

/** The bot seat on a team (a roster entry with `bot`), or null. */
export function botOf(game, team) {
  return game.roster.find((r) => r.bot && r.team === team) || null;
}

/** The team's students (the roster's players on it, bots left out). */
export function studentsOf(game, team) {
  return game.roster.filter((r) => r.team === team && r.role === "player" && !r.bot);
}

/** "bot (greedy)", or "bot (greedy), standing by" while one of its team's students is online (it plays only when none is). */
export function botText(game, bot) {
  const standing = studentsOf(game, bot.team).some((r) => r.online);
  return t(standing ? "bot.standing_by" : "bot.option", { policy: policyName(bot.bot) });
}

/** The bot badge of a team: "🤖 bot (greedy)" in words (the emoji is decoration), or null when no bot plays it. */
export function botBadge(game, team, { words = null, id = null } = {}) {
  const bot = botOf(game, team);
  if (!bot) return null;
  return el("span", { class: "badge bot", id, data: { bot: bot.bot }, title: t("bot.badge_title", { team: game.teamName(team), policy: policyName(bot.bot) }) },
    el("span", { class: "bot-mark", aria: { hidden: "true" }, text: "🤖" }), " ", words || botText(game, bot));
}
